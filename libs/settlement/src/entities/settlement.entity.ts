import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, DateScalar, DateTimeScalar, MoneyColumn, MoneyScalar } from '@xp/core';
import { SettlementStatus } from '../settlement.rules';

/**
 * A factory's monthly statement at a venue (结算单). The wholesale amount and the spread are
 * not fields here: they are resolved for the operator's side only (see SettlementResolver).
 */
@ObjectType()
@Entity('settlements')
export class Settlement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  factoryOrgId!: string;

  @Field(() => DateScalar, { description: 'The month settled (its first day).' })
  @DateColumn()
  month!: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  periodStart!: Date;

  @Field(() => DateTimeScalar, { description: 'Exclusive end of the period.' })
  @Column({ type: 'timestamptz' })
  periodEnd!: Date;

  @Field(() => SettlementStatus)
  @Column({ type: 'text' })
  status!: SettlementStatus;

  @Field(() => Int)
  @Column({ type: 'int' })
  unitsSold!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  unitsReturned!: number;

  @Field(() => MoneyScalar, { description: 'What the venue owes the factory: units sold less returned, at the recorded supply prices.' })
  @MoneyColumn()
  payableAmount!: number;

  @MoneyColumn()
  wholesaleAmount!: number;

  @MoneyColumn()
  spreadAmount!: number;

  @Field(() => Int, { description: 'How many times the statement was generated (regenerated after a dispute).' })
  @Column({ type: 'int' })
  generation!: number;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  generatedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  generatedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  issuedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  disputedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  disputedBy!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  disputeReason!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  paidBy!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  paymentReference!: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One SKU's units over the month, from the ledger: opening + in − out = closing. */
@ObjectType()
@Entity('settlement_stock_lines')
export class SettlementStockLine {
  @PrimaryColumn('uuid')
  settlementId!: string;

  @Field(() => ID)
  @PrimaryColumn('uuid')
  skuId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  opening!: number;

  @Field(() => Int, { description: 'Received on consignment (入库).' })
  @Column({ type: 'int' })
  received!: number;

  @Field(() => Int, { description: 'Shipped to buyers (SALE).' })
  @Column({ type: 'int' })
  sold!: number;

  @Field(() => Int, { description: 'Returned by buyers back into stock.' })
  @Column({ type: 'int' })
  returned!: number;

  @Field(() => Int, { description: 'Returned by buyers as damaged (残次品).' })
  @Column({ type: 'int' })
  returnedDamaged!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  returnedToFactory!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  writtenOff!: number;

  @Field(() => Int, { description: 'Stock count gains.' })
  @Column({ type: 'int' })
  adjustedIn!: number;

  @Field(() => Int, { description: 'Stock count losses.' })
  @Column({ type: 'int' })
  adjustedOut!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  closing!: number;
}

/** Units sold and returned at one recorded price, and the money they make. */
@ObjectType()
@Entity('settlement_sales_lines')
export class SettlementSalesLine {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  settlementId!: string;

  @Field(() => ID)
  @Column('uuid')
  skuId!: string;

  @Field(() => ID, { description: 'The price version the order lines recorded.' })
  @Column('uuid')
  priceVersionId!: string;

  @Field(() => MoneyScalar)
  @MoneyColumn()
  supplyUnitPrice!: number;

  @MoneyColumn()
  wholesaleUnitPrice!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  unitsSold!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  unitsReturned!: number;

  @Field(() => MoneyScalar, { description: '(sold − returned) × supply unit price.' })
  @MoneyColumn({ insert: false, update: false })
  payableAmount!: number;

  @MoneyColumn({ insert: false, update: false })
  wholesaleAmount!: number;

  @MoneyColumn({ insert: false, update: false })
  spreadAmount!: number;
}
