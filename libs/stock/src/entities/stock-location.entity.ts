import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';
import { LocationKind } from '../stock.enums';

/** A place stock is kept at a venue. Every venue has one of each kind (made when the venue is). */
@ObjectType()
@Entity('stock_locations')
export class StockLocation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => LocationKind)
  @Column({ type: 'text' })
  kind!: LocationKind;

  @Field()
  @Column()
  name!: string;
}

/** A venue's stock rules. */
@ObjectType()
@Entity('venue_stock_settings')
export class VenueStockSettings {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  venueId!: string;

  @Field(() => Int, {
    description: 'A stock count line whose variance exceeds this many units (either way) needs an OPERATOR_ADMIN to approve.',
  })
  @Column({ type: 'int' })
  countVarianceThreshold!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
