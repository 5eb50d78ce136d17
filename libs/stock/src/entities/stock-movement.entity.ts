import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';
import { LocationKind, MovementType } from '../stock.enums';

/** One stock-changing request with its idempotency key; its movements are the ledger lines. */
@Entity('stock_operations')
export class StockOperation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  idempotencyKey!: string;

  @Column('uuid')
  venueId!: string;

  @Column()
  action!: string;

  @Column()
  requestHash!: string;

  @Column({ type: 'text', nullable: true })
  referenceType!: string | null;

  @Column({ type: 'uuid', nullable: true })
  referenceId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}

/** One line of the append-only stock ledger (never updated or deleted). */
@ObjectType()
@Entity('stock_movements')
export class StockMovement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { description: 'The request (and its idempotency key) this movement belongs to.' })
  @Column('uuid')
  operationId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  lineNo!: number;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  skuId!: string;

  @Field(() => ID, { description: 'The factory that owns the goods (consignment: until sold).' })
  @Column('uuid')
  ownerFactoryOrgId!: string;

  @Field(() => MovementType)
  @Column({ type: 'text' })
  type!: MovementType;

  @Field(() => LocationKind, { nullable: true, description: 'Null: from outside the venue.' })
  @Column({ type: 'text', nullable: true })
  fromLocation!: LocationKind | null;

  @Field(() => LocationKind, { nullable: true, description: 'Null: out of the venue.' })
  @Column({ type: 'text', nullable: true })
  toLocation!: LocationKind | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity!: number;

  @Field(() => String, { nullable: true, description: 'What caused it, e.g. ConsignmentReceipt, StockCount, SalesOrder.' })
  @Column({ type: 'text', nullable: true })
  referenceType!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  referenceId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}

/** What is at one location of a venue for one SKU now; kept with the ledger in the same transaction. */
@ObjectType()
@Entity('stock_balances')
export class StockBalance {
  @Field(() => ID)
  @Column({ type: 'uuid', insert: false, update: false })
  id!: string;

  @Field(() => ID)
  @PrimaryColumn('uuid')
  venueId!: string;

  @Field(() => ID)
  @PrimaryColumn('uuid')
  skuId!: string;

  @Field(() => LocationKind)
  @PrimaryColumn({ type: 'text' })
  location!: LocationKind;

  @Field(() => ID)
  @Column('uuid')
  ownerFactoryOrgId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  onHand!: number;

  @Field(() => Int, { description: 'Held for orders; part of onHand.' })
  @Column({ type: 'int' })
  reserved!: number;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
