import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';

export enum VenueStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(VenueStatus, { name: 'VenueStatus' });

/** A selection center (选品中心): one showroom with its warehouse, run by one operator. */
@ObjectType()
@Entity('venues')
export class Venue {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column()
  code!: string;

  @Field()
  @Column()
  name!: string;

  @Field()
  @Column()
  city!: string;

  @Field(() => ID)
  @Column('uuid')
  regionId!: string;

  @Field({ description: 'Category focus, e.g. 全品类, 五金, 3C.' })
  @Column()
  categoryFocus!: string;

  @Field(() => ID)
  @Column('uuid')
  operatorOrgId!: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  governmentOrgId!: string | null;

  @Field(() => VenueStatus)
  @Column({ type: 'text', default: VenueStatus.ACTIVE })
  status!: VenueStatus;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
