import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, DateScalar, DateTimeScalar } from '@xp/core';
import { ReceiptStatus } from '../stock.enums';

/** A factory's delivery note (送货单) at a venue: declared quantities, then what was received. */
@ObjectType()
@Entity('consignment_receipts')
export class ConsignmentReceipt {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  factoryOrgId!: string;

  @Field({ description: "The factory's delivery note number, unique per factory and venue." })
  @Column()
  deliveryNoteNo!: string;

  @Field(() => ReceiptStatus)
  @Column({ type: 'text' })
  status!: ReceiptStatus;

  @Field(() => DateScalar, { nullable: true })
  @DateColumn({ nullable: true })
  expectedOn!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  declaredBy!: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  declaredAt!: Date;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  receivedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  receiveNote!: string | null;

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

/** One SKU on a delivery note: declared by the factory, received by the warehouse, and the difference. */
@ObjectType()
@Entity('consignment_receipt_lines')
export class ConsignmentReceiptLine {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  receiptId!: string;

  @Column('uuid')
  factoryOrgId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  lineNo!: number;

  @Field(() => ID)
  @Column('uuid')
  skuId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  declaredQuantity!: number;

  @Field(() => Int, { nullable: true, description: 'Null until the warehouse receives the delivery.' })
  @Column({ type: 'int', nullable: true })
  receivedQuantity!: number | null;

  @Field(() => Int, { nullable: true, description: 'received − declared: negative is short, positive is over.' })
  @Column({ type: 'int', nullable: true, insert: false, update: false })
  difference!: number | null;
}
