import { createHash } from 'node:crypto';

/** A national network at one-tenth scale (`full`), or 1/100 of that (`small`). */
export type ScaleName = 'full' | 'small';

/**
 * What the generated dataset holds. Every figure here and the generator's version go into the
 * parameters hash: a dataset whose hash matches is reused (migrations added since are applied to
 * it, and the generation steps of the tables they bring run then).
 */
export interface DatasetParams {
  scale: ScaleName;
  /** Bumped whenever the generator's SQL changes what it writes (new steps for new tables need no bump). */
  generatorVersion: number;
  venues: number;
  factories: number;
  /** Share of factories admitted to a second venue, in percent. */
  secondVenuePercent: number;
  skusPerFactory: number;
  skusPerProduct: number;
  slotsPerVenue: number;
  zonesPerVenue: number;
  levelsPerShelf: number;
  /** Days of history (price versions, assignments, stock, scans, orders). */
  historyDays: number;
  /** Price sheets per admission over the history (the first prices every SKU). */
  priceSheetsPerAdmission: number;
  /** Share of a factory's SKUs each later sheet reprices, in percent. */
  repricePercent: number;
  stockMovements: number;
  scanEvents: number;
  orderLines: number;
  /** Rows of the import files (fixed: the imports are measured at 10,000 rows at every scale). */
  importRows: number;
}

export const GENERATOR_VERSION = 1;

/** The published sizes at one-tenth national scale. */
const FULL = {
  venues: 10,
  factories: 5_000,
  skus: 500_000,
  slots: 40_000,
  stockMovements: 5_000_000,
  scanEvents: 10_000_000,
  orderLines: 1_000_000,
};

export function scaleFromEnv(value: string | undefined): ScaleName {
  const v = (value ?? 'full').trim().toLowerCase();
  if (v === '' || v === 'full') return 'full';
  if (v === 'small') return 'small';
  throw new Error(`BENCH_SCALE must be "small" or "full" (or unset), not "${value}"`);
}

/**
 * The dataset for a scale. At 1/100 a national network keeps two venues (so the list of 100
 * slots still has 100 slots at a venue); everything else divides by 100.
 */
export function paramsFor(scale: ScaleName): DatasetParams {
  const divisor = scale === 'full' ? 1 : 100;
  const venues = Math.max(2, Math.round(FULL.venues / divisor));
  const factories = FULL.factories / divisor;
  return {
    scale,
    generatorVersion: GENERATOR_VERSION,
    venues,
    factories,
    secondVenuePercent: 20,
    skusPerFactory: FULL.skus / FULL.factories,
    skusPerProduct: 5,
    slotsPerVenue: FULL.slots / divisor / venues,
    zonesPerVenue: 10,
    levelsPerShelf: 4,
    historyDays: 728,
    priceSheetsPerAdmission: 8,
    repricePercent: 25,
    stockMovements: FULL.stockMovements / divisor,
    scanEvents: FULL.scanEvents / divisor,
    orderLines: FULL.orderLines / divisor,
    importRows: 10_000,
  };
}

/** JSON with keys in a fixed order at every depth, so equal parameters hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function paramsHash(params: DatasetParams): string {
  return createHash('sha256').update(canonicalJson(params)).digest('hex');
}
