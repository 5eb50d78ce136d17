import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '@xp/core';

/** An area of the showroom floor (A, B, …). */
@ObjectType()
@Entity('zones')
export class Zone {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field()
  @Column()
  code!: string;

  @Field()
  @Column()
  name!: string;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  floor!: number;

  @Field(() => ID, { nullable: true, description: 'Category focus of the zone.' })
  @Column({ type: 'uuid', nullable: true })
  categoryId!: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A shelf unit in a zone, numbered. */
@ObjectType()
@Entity('shelves')
export class Shelf {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  zoneId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  number!: number;

  @Field()
  @Column()
  code!: string;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export enum SlotKind {
  SHELF = 'SHELF',
  BOOTH = 'BOOTH',
  END_CAP = 'END_CAP',
  WINDOW = 'WINDOW',
}
registerEnumType(SlotKind, { name: 'SlotKind' });

export enum SlotStatus {
  ACTIVE = 'ACTIVE',
  MAINTENANCE = 'MAINTENANCE',
  RETIRED = 'RETIRED',
}
registerEnumType(SlotStatus, { name: 'SlotStatus' });

/** A position on a shelf where one SKU's samples stand (A-03-2: zone A, shelf 03, level 2). */
@ObjectType()
@Entity('slots')
export class Slot {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  zoneId!: string;

  @Field(() => ID)
  @Column('uuid')
  shelfId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  level!: number;

  @Field()
  @Column()
  code!: string;

  @Field(() => SlotKind)
  @Column({ type: 'text', default: SlotKind.SHELF })
  kind!: SlotKind;

  @Field(() => Int)
  @Column({ type: 'int', default: 60 })
  widthCm!: number;

  @Field(() => SlotStatus)
  @Column({ type: 'text', default: SlotStatus.ACTIVE })
  status!: SlotStatus;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  activeFrom!: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', nullable: true })
  retiredOn!: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
