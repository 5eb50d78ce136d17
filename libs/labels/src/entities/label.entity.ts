import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';
import { LabelStatus, StaleReason } from '../print.rules';

/**
 * One printed shelf label: the slot, the assignment (so the SKU) it shows, the price version it
 * prints, and its scan code. Stale from `staleAt` (kept from `xp_label_staleness()`).
 */
@ObjectType()
@Entity('labels')
export class Label {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'The scan code in the QR: 12 characters of Crockford base32, random.' })
  @Column()
  code!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  jobId!: string;

  @Field(() => ID)
  @Column('uuid')
  templateId!: string;

  @Field(() => ID)
  @Column('uuid')
  slotId!: string;

  @Field(() => ID, { description: 'The slot assignment the label was printed for.' })
  @Column('uuid')
  assignmentId!: string;

  @Field(() => ID)
  @Column('uuid')
  skuId!: string;

  @Field(() => ID)
  @Column('uuid')
  factoryOrgId!: string;

  @Field(() => ID, { description: 'The price version (approved price line) the label prints.' })
  @Column('uuid')
  priceVersionId!: string;

  @Field(() => LabelStatus)
  @Column({ type: 'text', default: LabelStatus.PRINTED })
  status!: LabelStatus;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  printedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  postedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  postedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The newer label of the slot that retired this one.' })
  @Column({ type: 'uuid', nullable: true })
  replacedBy!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the label stops (or stopped) telling the truth; may lie ahead (a price effective next week).',
  })
  @Column({ type: 'timestamptz', nullable: true })
  staleAt!: Date | null;

  @Field(() => StaleReason, { nullable: true })
  @Column({ type: 'text', nullable: true })
  staleReason!: StaleReason | null;

  @Field(() => Int, { description: 'Buyers who scanned it while it was stale.' })
  @Column({ type: 'int', default: 0 })
  staleScans!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastStaleScanAt!: Date | null;
}
