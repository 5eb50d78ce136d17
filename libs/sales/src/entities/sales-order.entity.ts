import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, MoneyColumn, MoneyScalar } from '@xp/core';
import { SalesOrderStatus } from '../sales.enums';

/** A wholesale order (批发订单) of one buyer at one venue. */
@ObjectType()
@Entity('sales_orders')
export class SalesOrder {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Human-readable number, e.g. SO20261125-000123.' })
  @Column()
  orderNo!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  buyerId!: string;

  @Field(() => SalesOrderStatus)
  @Column({ type: 'text' })
  status!: SalesOrderStatus;

  @Field(() => MoneyScalar, { description: 'Sum of the lines (quantity × wholesale unit price), exact.' })
  @MoneyColumn()
  totalAmount!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  placedAt!: Date;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  placedBy!: string | null;

  @Field(() => DateTimeScalar, { description: 'An unpaid order releases its stock at this time (EXPIRED).' })
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  paidBy!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  paymentReference!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  shippedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  shippedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deliveredBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledBy!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  expiredAt!: Date | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One SKU of an order, priced from the price version in force when the order was placed. */
@ObjectType()
@Entity('sales_order_lines')
export class SalesOrderLine {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orderId!: string;

  @Column('uuid')
  venueId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  lineNo!: number;

  @Field(() => ID)
  @Column('uuid')
  skuId!: string;

  @Field(() => ID, { description: 'The factory whose consignment goods these are.' })
  @Column('uuid')
  factoryOrgId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity!: number;

  @Field(() => Int, { description: "The SKU's MOQ when ordered." })
  @Column({ type: 'int' })
  moq!: number;

  @Field(() => Int, { description: "The SKU's pack size when ordered." })
  @Column({ type: 'int' })
  packSize!: number;

  @Field(() => ID, { description: 'The price version (approved price line) the line was priced from.' })
  @Column('uuid')
  priceVersionId!: string;

  @Field(() => MoneyScalar, { description: 'Wholesale unit price of the tier for this quantity.' })
  @MoneyColumn()
  unitPrice!: number;

  @Field(() => MoneyScalar, { description: "The factory's supply price of the same tier (what settlement pays)." })
  @MoneyColumn()
  supplyUnitPrice!: number;

  @Field(() => MoneyScalar)
  @MoneyColumn()
  retailPrice!: number;

  @Field(() => MoneyScalar, { description: 'quantity × unitPrice, exact.' })
  @MoneyColumn({ insert: false, update: false })
  amount!: number;

  @Field(() => String, { nullable: true, description: 'The shelf label scan code the buyer came from (scan → order funnel).' })
  @Column({ type: 'text', nullable: true })
  scanCode!: string | null;
}

/** How long an unpaid order holds its stock at a venue. */
@ObjectType()
@Entity('venue_sales_settings')
export class VenueSalesSettings {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  venueId!: string;

  @Field(() => Int, { description: 'Minutes an unpaid order keeps its reservation (default 1440, a day).' })
  @Column({ type: 'int' })
  reservationHoldMinutes!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz' })
  updatedAt!: Date | null;
}

/** A background job's schedule row (PostgreSQL-backed schedule). */
@Entity('scheduled_jobs')
export class ScheduledJob {
  @PrimaryColumn()
  name!: string;

  @Column({ type: 'timestamptz' })
  nextRunAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastStartedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastFinishedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'int' })
  runs!: number;
}
