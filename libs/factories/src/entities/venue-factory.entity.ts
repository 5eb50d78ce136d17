import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';

export enum VenueFactoryStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(VenueFactoryStatus, { name: 'VenueFactoryStatus' });

export enum SettlementCycle {
  MONTHLY = 'MONTHLY',
}
registerEnumType(SettlementCycle, { name: 'SettlementCycle' });

/** A factory's admission to one venue (入驻), with its workflow and agreement terms. */
@ObjectType()
@Entity('venue_factories')
export class VenueFactory {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  factoryOrgId!: string;

  @Field(() => VenueFactoryStatus)
  @Column({ type: 'text', default: VenueFactoryStatus.DRAFT })
  status!: VenueFactoryStatus;

  @Field(() => SettlementCycle)
  @Column({ type: 'text', default: SettlementCycle.MONTHLY })
  settlementCycle!: SettlementCycle;

  @Field(() => Int, { description: 'Days after a settlement is confirmed within which the venue pays.' })
  @Column({ type: 'int', default: 30 })
  paymentTermDays!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  admittedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  @Field(() => Int, { description: 'Optimistic-concurrency version: two reviewers at once, one wins.' })
  @VersionColumn()
  version!: number;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One step of an admission's workflow with its reason (the factory sees all of them). */
@ObjectType()
@Entity('venue_factory_events')
export class VenueFactoryEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueFactoryId!: string;

  @Field()
  @Column()
  action!: string;

  @Field(() => VenueFactoryStatus, { nullable: true })
  @Column({ type: 'text', nullable: true })
  fromStatus!: VenueFactoryStatus | null;

  @Field(() => VenueFactoryStatus)
  @Column({ type: 'text' })
  toStatus!: VenueFactoryStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', insert: false })
  occurredAt!: Date;
}

@Entity('venue_factory_categories')
export class VenueFactoryCategory {
  @Column({ type: 'uuid', primary: true })
  venueFactoryId!: string;

  @Column({ type: 'uuid', primary: true })
  categoryId!: string;
}

@Entity('venue_factory_documents')
export class VenueFactoryDocument {
  @Column({ type: 'uuid', primary: true })
  venueFactoryId!: string;

  @Column({ type: 'uuid', primary: true })
  documentId!: string;
}
