import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, Fen, MoneyScalar, Paginated } from '@xp/core';
import { PriceSheet, PriceSheetLine } from '../entities/price-sheet.entity';
import { Tier } from '../pricing.rules';

/** One quantity break of a line: the factory's supply price and, once reviewed, the venue's wholesale price. */
@ObjectType()
export class PriceTier {
  @Field(() => Int, { description: 'From this quantity on (the first tier starts at the MOQ).' })
  minQuantity!: number;

  @Field(() => MoneyScalar, { description: 'Supply price per unit (供货价): what the venue pays the factory.' })
  supplyPrice!: Fen;

  @Field(() => MoneyScalar, { nullable: true, description: 'Wholesale price per unit (批发价): what buyers pay the venue.' })
  wholesalePrice!: Fen | null;
}

/** A quantity break with one unit price (a suggestion or an input echo). */
@ObjectType()
export class PriceTierQuote {
  @Field(() => Int)
  minQuantity!: number;

  @Field(() => MoneyScalar)
  unitPrice!: Fen;
}

/**
 * The price of a SKU at a venue as other areas use it: an approved line, identified by its
 * version id, with both tier sets, the retail price and the approved floor.
 */
export interface EffectivePrice {
  versionId: string;
  venueId: string;
  skuId: string;
  factoryOrgId: string;
  sheetId: string;
  sheetVersionNo: number;
  effectiveFrom: string;
  approvedAt: Date;
  supplyTiers: Tier[];
  wholesaleTiers: Tier[];
  retailPrice: Fen;
  /** The approved price floor (控价), or null. */
  floorPrice: Fen | null;
}

/** An approved price line: what orders, labels and reports record by its id. */
@ObjectType()
export class PriceVersion {
  @Field(() => ID, { description: 'The version id (the approved line).' })
  id!: string;

  @Field(() => ID)
  venueId!: string;

  @Field(() => ID)
  skuId!: string;

  @Field(() => ID)
  factoryOrgId!: string;

  @Field(() => ID)
  sheetId!: string;

  @Field(() => Int, { description: "The sheet's version number." })
  sheetVersionNo!: number;

  @Field(() => DateScalar, { description: 'The day it takes effect (never before its approval).' })
  effectiveFrom!: string;

  @Field(() => DateTimeScalar)
  approvedAt!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'The day a newer approved version takes over (null while it is the latest).' })
  supersededFrom!: string | null;

  @Field(() => [PriceTier])
  tiers!: PriceTier[];

  @Field(() => MoneyScalar)
  retailPrice!: Fen;

  @Field(() => MoneyScalar, { nullable: true, description: 'The approved price floor (控价): no resale below it.' })
  floorPrice!: Fen | null;

  static of(price: EffectivePrice, supersededFrom: string | null = null): PriceVersion {
    return Object.assign(new PriceVersion(), {
      id: price.versionId,
      venueId: price.venueId,
      skuId: price.skuId,
      factoryOrgId: price.factoryOrgId,
      sheetId: price.sheetId,
      sheetVersionNo: price.sheetVersionNo,
      effectiveFrom: price.effectiveFrom,
      approvedAt: price.approvedAt,
      supersededFrom,
      tiers: price.supplyTiers.map((t, i) => ({
        minQuantity: t.minQuantity,
        supplyPrice: t.unitPrice,
        wholesalePrice: price.wholesaleTiers[i]?.unitPrice ?? null,
      })),
      retailPrice: price.retailPrice,
      floorPrice: price.floorPrice,
    });
  }
}

@ObjectType()
export class PriceVersionPage extends Paginated(PriceVersion) {}

@ObjectType()
export class PriceSheetPage extends Paginated(PriceSheet) {}

@ObjectType()
export class PriceSheetLinePage extends Paginated(PriceSheetLine) {}

/** How a proposed line compares with the price in force now. */
@ObjectType()
export class PriceChange {
  @Field(() => Float, { nullable: true, description: 'Change of the first-tier (MOQ) supply price in percent, two decimals.' })
  supplyPercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'Change of the retail price in percent, two decimals.' })
  retailPercent!: number | null;

  @Field(() => Float, { nullable: true, description: 'Change of the first-tier wholesale price in percent, once one is set.' })
  wholesalePercent!: number | null;

  @Field({ description: "True when any change is beyond the venue's threshold (default ±20 %)." })
  large!: boolean;

  @Field(() => Int, { description: "The venue's threshold in basis points (2000 = 20 %)." })
  thresholdBasisPoints!: number;
}

@ObjectType()
export class PricingSettings {
  @Field(() => ID)
  venueId!: string;

  @Field(() => Int, { description: 'Changes beyond this many basis points (either way) are flagged; 2000 = ±20 %.' })
  largeChangeThresholdBasisPoints!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt!: Date | null;
}

/**
 * One problem of an imported price sheet, placed so it can be found in Excel (the same shape as
 * the catalog import's rows).
 */
@ObjectType()
export class PriceImportProblem {
  @Field(() => Int, { description: 'Row number as Excel shows it (the header is row 1).' })
  row!: number;

  @Field(() => String, { nullable: true, description: 'Column key, e.g. retailPrice; null for the whole row.' })
  column!: string | null;

  @Field(() => String, { nullable: true, description: 'The header text of that column in the file, e.g. 零售价(retailPrice).' })
  header!: string | null;

  @Field(() => String, { nullable: true, description: 'A1 reference, e.g. K12.' })
  cell!: string | null;

  @Field(() => String, { nullable: true })
  value!: string | null;

  @Field(() => String, { nullable: true })
  skuCode!: string | null;

  @Field()
  message!: string;
}

/** What an import did: a DRAFT sheet with every line, or nothing at all and every problem. */
@ObjectType()
export class PriceSheetImportReport {
  @Field({ description: 'True when the sheet was created with every priced row; false when nothing was written.' })
  ok!: boolean;

  @Field()
  format!: string;

  @Field(() => PriceSheet, { nullable: true })
  sheet!: PriceSheet | null;

  @Field(() => Int, { description: 'Data rows read (blank rows not counted).' })
  rowCount!: number;

  @Field(() => Int, { description: 'Rows without any price (SKUs left out of this sheet).' })
  skippedRows!: number;

  @Field(() => Int)
  linesImported!: number;

  @Field(() => Int, { description: 'All problems found; `problems` lists the first 1,000.' })
  problemCount!: number;

  @Field(() => [PriceImportProblem])
  problems!: PriceImportProblem[];

  @Field(() => [String], { description: 'Headers the importer did not recognize (their columns were ignored).' })
  ignoredHeaders!: string[];
}
