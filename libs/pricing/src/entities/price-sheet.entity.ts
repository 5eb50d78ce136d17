import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, ValueTransformer } from 'typeorm';
import { DateColumn, DateScalar, DateTimeScalar, Fen, MoneyColumn, MoneyScalar } from '@xp/core';
import { FloorStatus, LineDecision, PriceSheetStatus, StoredSheetStatus } from '../pricing.rules';

registerEnumType(PriceSheetStatus, {
  name: 'PriceSheetStatus',
  description: 'DRAFT → SUBMITTED → (FLOOR_REVIEW →) APPROVED | PARTIALLY_APPROVED | REJECTED; SUPERSEDED is shown, not stored.',
});

export enum LineDecisionValue {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(LineDecisionValue, { name: 'PriceLineDecision' });

export enum FloorStatusValue {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(FloorStatusValue, { name: 'PriceFloorStatus' });

/** bigint[] of fen ⇄ number[], refusing anything beyond exact range (node-postgres gives strings). */
export const fenArrayTransformer: ValueTransformer = {
  to: (value: Fen[] | null | undefined) => value,
  from: (value: (string | number)[] | null) => (value === null || value === undefined ? value : value.map(toFen)),
};

export function toFen(value: string | number): Fen {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Amount ${value} fen is beyond exact range`);
  return n;
}

/** A factory's prices for one venue (报价单), versioned per factory × venue, with its review. */
@ObjectType()
@Entity('price_sheets')
export class PriceSheet {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  factoryOrgId!: string;

  @Field(() => Int, { description: "The sheet's number among the factory's sheets at this venue (1, 2, …)." })
  @Column({ type: 'int' })
  versionNo!: number;

  @Field(() => DateScalar, { description: 'The day its approved lines take effect (today or later when submitted).' })
  @DateColumn()
  effectiveFrom!: string;

  /** The stored workflow status; what is shown (with SUPERSEDED) is resolved from the lines. */
  @Column({ name: 'status', type: 'text' })
  storedStatus!: StoredSheetStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => ID, { nullable: true, description: 'The uploaded spreadsheet it was imported from.' })
  @Column({ type: 'uuid', nullable: true })
  sourceDocumentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The pricing reviewer who decided the lines.' })
  @Column({ type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the review (floors included) was complete.' })
  @Column({ type: 'timestamptz', nullable: true })
  finalizedAt!: Date | null;

  @Field(() => Int, { description: 'Optimistic-concurrency version: reviews send the version they saw; one wins.' })
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * One SKU of a sheet: the factory's supply tiers, retail price and requested floor, and the
 * reviewer's decisions. Once approved, its id is the price version that orders, labels and
 * reports record, and it never changes.
 */
@ObjectType()
@Entity('price_sheet_lines')
export class PriceSheetLine {
  @Field(() => ID, { description: 'Also the price version id once the line is approved.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  sheetId!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Column('uuid')
  factoryOrgId!: string;

  @Field(() => DateScalar)
  @DateColumn()
  effectiveFrom!: string;

  @Field(() => Int, { description: 'Position in the sheet (the row for imported sheets).' })
  @Column({ type: 'int' })
  lineNo!: number;

  @Field(() => ID)
  @Column('uuid')
  skuId!: string;

  @Column({ type: 'int', array: true })
  tierQuantities!: number[];

  @Column({ type: 'bigint', array: true, transformer: fenArrayTransformer })
  supplyPrices!: Fen[];

  @Field(() => MoneyScalar, { description: 'Retail (single piece) price (零售价).' })
  @MoneyColumn()
  retailPrice!: Fen;

  @Field(() => MoneyScalar, { nullable: true, description: 'The price floor (控价) the brand owner asks for.' })
  @MoneyColumn({ nullable: true })
  requestedFloor!: Fen | null;

  @Field(() => LineDecisionValue, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decision!: LineDecision | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ type: 'bigint', array: true, nullable: true, transformer: fenArrayTransformer })
  wholesalePrices!: Fen[] | null;

  @Field(() => FloorStatusValue, { nullable: true })
  @Column({ type: 'text', nullable: true })
  floorStatus!: FloorStatus | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  floorReason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The second reviewer who decided the floor.' })
  @Column({ type: 'uuid', nullable: true })
  floorDecidedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  floorDecidedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When this line became a price version.' })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  /** Order of approvals (newer versions win); assigned under a per venue × factory lock. */
  @Column({ type: 'bigint', nullable: true })
  approvalSeq!: number | null;
}

/** A venue's markup over supply prices for a category (or its default), in basis points. */
@ObjectType()
@Entity('price_markup_policies')
export class MarkupPolicy {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID, { nullable: true, description: "The category (and its sub-categories); null is the venue's default." })
  @Column({ type: 'uuid', nullable: true })
  categoryId!: string | null;

  @Field(() => Int, { description: '1 basis point = 0.01 %; 2500 = 25 % over the supply price.' })
  @Column({ name: 'markup_bp', type: 'int' })
  markupBasisPoints!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A venue's pricing settings (a venue without a row uses the defaults). */
@Entity('venue_pricing_settings')
export class VenuePricingSettingsRow {
  @Column({ type: 'uuid', primary: true })
  venueId!: string;

  @Column({ name: 'large_change_bp', type: 'int' })
  largeChangeBasisPoints!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
