import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';
import { LocationKind, StockCountStatus } from '../stock.enums';

/** A stock count (盘点) of one location: expected quantities snapshotted at the start, then counted. */
@ObjectType()
@Entity('stock_counts')
export class StockCount {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => LocationKind)
  @Column({ type: 'text' })
  location!: LocationKind;

  @Field(() => StockCountStatus)
  @Column({ type: 'text' })
  status!: StockCountStatus;

  @Field(() => Int, { description: "The venue's variance threshold when the count started." })
  @Column({ type: 'int' })
  varianceThreshold!: number;

  @Field(() => Boolean, { nullable: true, description: 'Set on submission: some variance exceeds the threshold.' })
  @Column({ type: 'boolean', nullable: true })
  requiresAdminApproval!: boolean | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  startedBy!: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One SKU of a count: expected (at the start), counted, and the variance. */
@ObjectType()
@Entity('stock_count_lines')
export class StockCountLine {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  countId!: string;

  @Field(() => ID)
  @Column('uuid')
  skuId!: string;

  @Field(() => ID)
  @Column('uuid')
  ownerFactoryOrgId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  expectedQuantity!: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  countedQuantity!: number | null;

  @Field(() => Int, { nullable: true, description: 'counted − expected.' })
  @Column({ type: 'int', nullable: true, insert: false, update: false })
  variance!: number | null;

  @Field(() => Boolean, { nullable: true, description: "The variance exceeds the count's threshold (needs an OPERATOR_ADMIN)." })
  aboveThreshold?: boolean | null;
}
