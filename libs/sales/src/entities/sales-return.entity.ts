import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, MoneyColumn, MoneyScalar } from '@xp/core';
import { ReturnDestination, ReturnReason, SalesReturnStatus } from '../sales.enums';

/** A return policy, versioned and never edited: a venue's own, or the platform default. */
@ObjectType()
@Entity('return_policies')
export class ReturnPolicy {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Null: the platform default (七天无理由退货).' })
  @Column({ type: 'uuid', nullable: true })
  venueId!: string | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  version!: number;

  @Field(() => Int, { description: 'Days after the day of delivery in which a return may be requested.' })
  @Column({ type: 'int' })
  windowDays!: number;

  @Field({ description: 'The policy as the buyer is shown it.' })
  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A buyer's return of delivered goods, under the return policy recorded on it. */
@ObjectType()
@Entity('sales_returns')
export class SalesReturn {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column()
  returnNo!: string;

  @Field(() => ID)
  @Column('uuid')
  orderId!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  buyerId!: string;

  @Field(() => SalesReturnStatus)
  @Column({ type: 'text' })
  status!: SalesReturnStatus;

  @Field(() => ReturnReason)
  @Column({ type: 'text' })
  reason!: ReturnReason;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => ID, { description: 'The return policy version it was requested under.' })
  @Column('uuid')
  policyId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  policyWindowDays!: number;

  @Field(() => MoneyScalar, { description: 'Refund at the wholesale prices of the order, exact.' })
  @MoneyColumn()
  amount!: number;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  receivedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledBy!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

@ObjectType()
@Entity('sales_return_lines')
export class SalesReturnLine {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  returnId!: string;

  @Field(() => ID)
  @Column('uuid')
  orderLineId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  lineNo!: number;

  @Field(() => ID)
  @Column('uuid')
  skuId!: string;

  @Column('uuid')
  factoryOrgId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity!: number;

  @Field(() => ReturnDestination, { nullable: true, description: 'Where the goods went on receipt; null until received.' })
  @Column({ type: 'text', nullable: true })
  location!: ReturnDestination | null;
}
