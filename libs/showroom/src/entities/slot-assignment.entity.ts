import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AfterLoad, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '@xp/core';
import { parsePeriod } from '../showroom.rules';

export enum SlotAssignmentStatus {
  LIVE = 'LIVE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SlotAssignmentStatus, { name: 'SlotAssignmentStatus' });

/** One SKU on one slot for the business days [from, to); `to` null = until further notice. */
@ObjectType()
@Entity('slot_assignments')
export class SlotAssignment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  slotId!: string;

  @Field(() => ID)
  @Column('uuid')
  skuId!: string;

  @Field(() => ID)
  @Column('uuid')
  factoryOrgId!: string;

  /** PostgreSQL daterange text, '[2026-11-01,2026-12-01)'; read through from/to. */
  @Column({ type: 'daterange' })
  period!: string;

  @Field(() => DateScalar, { description: 'First business day on the slot.' })
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First business day no longer on the slot (exclusive); null = open-ended.' })
  to!: string | null;

  @Field(() => SlotAssignmentStatus)
  @Column({ type: 'text', default: SlotAssignmentStatus.LIVE })
  status!: SlotAssignmentStatus;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @AfterLoad()
  readPeriod(): void {
    const { from, to } = parsePeriod(this.period);
    this.from = from;
    this.to = to;
  }
}

export enum SlotRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(SlotRequestStatus, { name: 'SlotRequestStatus' });

/** A factory asking for a free slot; showroom staff approve it into an assignment or decline it. */
@ObjectType()
@Entity('slot_requests')
export class SlotRequest {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  slotId!: string;

  @Field(() => ID)
  @Column('uuid')
  skuId!: string;

  @Field(() => ID)
  @Column('uuid')
  factoryOrgId!: string;

  @Column({ type: 'daterange' })
  period!: string;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar, { nullable: true })
  to!: string | null;

  @Field(() => SlotRequestStatus)
  @Column({ type: 'text', default: SlotRequestStatus.PENDING })
  status!: SlotRequestStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  assignmentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @AfterLoad()
  readPeriod(): void {
    const { from, to } = parsePeriod(this.period);
    this.from = from;
    this.to = to;
  }
}
