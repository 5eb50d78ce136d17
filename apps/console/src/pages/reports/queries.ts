import type { FigureKind, FigureValue } from '../../components/chartScale';

/** The API's report documents (apps/api/schema.gql: venueReport, regionReport, factoryReport). */

const COUNT = '{ value previous change changeRate }';
const MONEY = '{ value previous change changeRate }';
const FLOAT = '{ value previous change }';
const KIND_FIELDS: Record<FigureKind, string> = { count: COUNT, money: MONEY, rate: FLOAT, hours: FLOAT, decimal: FLOAT };

/** The headline figures of a venue or region (ReportHeadline), in the order the page shows them. */
export const HEADLINE_FIGURES = [
  { key: 'gmv', kind: 'money' },
  { key: 'spread', kind: 'money' },
  { key: 'orders', kind: 'count' },
  { key: 'unitsSold', kind: 'count' },
  { key: 'unitsReturned', kind: 'count' },
  { key: 'returnRate', kind: 'rate' },
  { key: 'returnedAmount', kind: 'money' },
  { key: 'scans', kind: 'count' },
  { key: 'uniqueDevices', kind: 'count' },
  { key: 'listings', kind: 'count' },
  { key: 'occupancyRate', kind: 'rate' },
  { key: 'occupiedSlotDays', kind: 'count' },
  { key: 'availableSlotDays', kind: 'count' },
  { key: 'skusOnDisplay', kind: 'count' },
  { key: 'admittedFactories', kind: 'count' },
  { key: 'activeFactories', kind: 'count' },
  { key: 'newFactories', kind: 'count' },
  { key: 'stockUnits', kind: 'count' },
  { key: 'stockValue', kind: 'money' },
  { key: 'unpricedStockUnits', kind: 'count' },
  { key: 'staleLabels', kind: 'count' },
  { key: 'priceSheetsPending', kind: 'count' },
  { key: 'priceSheetsDecided', kind: 'count' },
  { key: 'medianHoursToDecision', kind: 'hours' },
] as const satisfies readonly { key: string; kind: FigureKind }[];

export type HeadlineKey = (typeof HEADLINE_FIGURES)[number]['key'];
/** Null where the API leaves a figure out for the caller (spread for a government viewer). */
export type Headline = Record<HeadlineKey, FigureValue | null>;

/** Sections of the page: which headline figures go together. */
export const HEADLINE_SECTIONS: { key: string; figures: HeadlineKey[] }[] = [
  { key: 'sales', figures: ['gmv', 'spread', 'orders', 'unitsSold', 'unitsReturned', 'returnRate', 'returnedAmount'] },
  { key: 'traffic', figures: ['scans', 'uniqueDevices', 'listings'] },
  { key: 'showroom', figures: ['occupancyRate', 'occupiedSlotDays', 'availableSlotDays', 'skusOnDisplay', 'staleLabels'] },
  { key: 'factories', figures: ['admittedFactories', 'activeFactories', 'newFactories'] },
  { key: 'stock', figures: ['stockUnits', 'stockValue', 'unpricedStockUnits'] },
  { key: 'pricing', figures: ['priceSheetsPending', 'priceSheetsDecided', 'medianHoursToDecision'] },
];

export const kindOf = (key: HeadlineKey): FigureKind => HEADLINE_FIGURES.find((f) => f.key === key)?.kind ?? 'count';

export const HEADLINE = `{ ${HEADLINE_FIGURES.map((f) => `${f.key} ${KIND_FIELDS[f.kind]}`).join(' ')} }`;

const PERIOD = '{ from to days }';
const STOCK_AGE = `{ days0To30 ${COUNT} days31To90 ${COUNT} over90 ${COUNT} }`;
const TOP_FACTORY = `{ rank factory { id name } gmv ${MONEY} scans ${COUNT} unitsSold ${COUNT} }`;
const TOP_SKU = `{ rank skuId skuCode title factory { id name } gmv ${MONEY} scans ${COUNT} unitsSold ${COUNT} }`;

export const VENUE_REPORT = `query VenueReport($venueId: ID!, $from: Date!, $to: Date!) {
  result: venueReport(venueId: $venueId, from: $from, to: $to) {
    view generatedAt
    venue { id code name city }
    period ${PERIOD}
    previousPeriod ${PERIOD}
    headline ${HEADLINE}
    stockAge ${STOCK_AGE}
    topFactoriesByGmv ${TOP_FACTORY}
    topFactoriesByScans ${TOP_FACTORY}
    topSkusByGmv ${TOP_SKU}
    topSkusByScans ${TOP_SKU}
    slotPerformance {
      gmvPerOccupiedSlotDay ${MONEY}
      scansPerOccupiedSlotDay ${FLOAT}
      unitsPerOccupiedSlotDay ${FLOAT}
      weakestSlots { slotId slotCode zoneCode occupiedDays scans unitsSold gmv scansPerOccupiedDay ${FLOAT} unitsPerOccupiedDay ${FLOAT} }
    }
  }
}`;

export const REGION_REPORT = `query RegionReport($regionId: ID!, $from: Date!, $to: Date!) {
  result: regionReport(regionId: $regionId, from: $from, to: $to) {
    generatedAt
    region { id code name }
    period ${PERIOD}
    previousPeriod ${PERIOD}
    totals ${HEADLINE}
    venues { venue { id code name city } headline ${HEADLINE} }
  }
}`;

const FACTORY_FIGURES_LIST = [
  { key: 'gmv', kind: 'money' },
  { key: 'supplyEarnings', kind: 'money' },
  { key: 'orders', kind: 'count' },
  { key: 'unitsSold', kind: 'count' },
  { key: 'unitsReturned', kind: 'count' },
  { key: 'returnRate', kind: 'rate' },
  { key: 'scans', kind: 'count' },
  { key: 'listings', kind: 'count' },
  { key: 'skusOnDisplay', kind: 'count' },
  { key: 'slots', kind: 'count' },
  { key: 'occupiedSlotDays', kind: 'count' },
  { key: 'stockUnits', kind: 'count' },
  { key: 'stockValue', kind: 'money' },
  { key: 'priceSheetsPending', kind: 'count' },
  { key: 'priceSheetsApproved', kind: 'count' },
  { key: 'priceSheetsPartiallyApproved', kind: 'count' },
  { key: 'priceSheetsRejected', kind: 'count' },
  { key: 'medianHoursToDecision', kind: 'hours' },
] as const satisfies readonly { key: string; kind: FigureKind }[];
export const FACTORY_FIGURES: readonly { key: FactoryKey; kind: FigureKind }[] = FACTORY_FIGURES_LIST;
export type FactoryKey = (typeof FACTORY_FIGURES_LIST)[number]['key'];
export type FactoryFigures = Record<FactoryKey, FigureValue> & { stockAge: StockAge };

const FACTORY_FIELDS = `{ ${FACTORY_FIGURES_LIST.map((f) => `${f.key} ${KIND_FIELDS[f.kind]}`).join(' ')} stockAge ${STOCK_AGE} }`;

export const FACTORY_REPORT = `query FactoryReport($factoryId: ID!, $from: Date!, $to: Date!) {
  result: factoryReport(factoryId: $factoryId, from: $from, to: $to) {
    generatedAt
    factory { id name }
    period ${PERIOD}
    previousPeriod ${PERIOD}
    totals ${FACTORY_FIELDS}
    venues { venue { id code name city } figures ${FACTORY_FIELDS} }
  }
}`;

export interface ReportPeriod {
  from: string;
  to: string;
  days: number;
}
export interface ReportVenue {
  id: string;
  code: string;
  name: string;
  city: string;
}
export interface StockAge {
  days0To30: FigureValue;
  days31To90: FigureValue;
  over90: FigureValue;
}
export interface TopFactory {
  rank: number;
  factory: { id: string; name: string };
  gmv: FigureValue;
  scans: FigureValue;
  unitsSold: FigureValue;
}
export interface TopSku extends TopFactory {
  skuId: string;
  skuCode: string;
  title: string;
}
export interface WeakSlot {
  slotId: string;
  slotCode: string;
  zoneCode: string;
  occupiedDays: number;
  scans: number;
  unitsSold: number;
  gmv: string;
  scansPerOccupiedDay: FigureValue;
  unitsPerOccupiedDay: FigureValue;
}
export interface VenueReport {
  view: 'FULL' | 'AGGREGATE_ONLY';
  generatedAt: string;
  venue: ReportVenue;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  headline: Headline;
  stockAge: StockAge;
  topFactoriesByGmv: TopFactory[] | null;
  topFactoriesByScans: TopFactory[] | null;
  topSkusByGmv: TopSku[] | null;
  topSkusByScans: TopSku[] | null;
  slotPerformance: {
    gmvPerOccupiedSlotDay: FigureValue | null;
    scansPerOccupiedSlotDay: FigureValue;
    unitsPerOccupiedSlotDay: FigureValue;
    weakestSlots: WeakSlot[];
  };
}
export interface RegionReport {
  generatedAt: string;
  region: { id: string; code: string; name: string };
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  totals: Headline;
  venues: { venue: ReportVenue; headline: Headline }[];
}
export interface FactoryReport {
  generatedAt: string;
  factory: { id: string; name: string };
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  totals: FactoryFigures;
  venues: { venue: ReportVenue; figures: FactoryFigures }[];
}

/** The spreadsheet of a venue's report (GET, with the session's token). */
export const venueWorkbookUrl = (venueId: string, period: { from: string; to: string }) =>
  `/api/reports/venue/${encodeURIComponent(venueId)}.xlsx?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;
