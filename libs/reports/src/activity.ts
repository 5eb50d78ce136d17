import { daysBetween, today } from '@xp/core';
import type { HeadlineValues } from './report-figures.service';
import { FactoryActivity, Flows, NO_FLOWS, PriceSheetTotals, SkuActivity, SlotRow, TOTAL } from './report.queries';
import { isKeptPeriod, Period } from './reports.rules';

/**
 * How a period's activity is put together from its closed days (kept, see PeriodCache) and today.
 * Pure: the queries fetch, these add.
 */

/** A period's headline values (per venue id and TOTAL) and its active factories' ids per venue. Kept as JSON. */
export interface PeriodHeadlines {
  values: [string, HeadlineValues][];
  active: [string, string[]][];
}

export interface TodaySplit {
  /** The days before today: kept. */
  closed: Period;
  /** Today (and any later day of the period): read live. */
  open: Period;
}

/**
 * A period that began before today and runs into it, split at today — when its closed part may be
 * kept (from ten minutes past midnight); otherwise null and the period is read whole.
 */
export function splitAtToday(p: Period, now: Date): TodaySplit | null {
  const day = today(now);
  if (!(p.from < day && day < p.to)) return null;
  const closed = { from: p.from, to: day, days: daysBetween(p.from, day) };
  if (!isKeptPeriod(closed, now)) return null;
  return { closed, open: { from: day, to: p.to, days: daysBetween(day, p.to) } };
}

export function addFlows(a: Flows, b: Flows): Flows {
  return {
    orders: a.orders + b.orders,
    scans: a.scans + b.scans,
    listings: a.listings + b.listings,
    unitsSold: a.unitsSold + b.unitsSold,
    gmv: a.gmv + b.gmv,
    supplyAmount: a.supplyAmount + b.supplyAmount,
    unitsReturned: a.unitsReturned + b.unitsReturned,
    returnedAmount: a.returnedAmount + b.returnedAmount,
    returnedSupply: a.returnedSupply + b.returnedSupply,
  };
}

/** Per-key flows of two parts of a period added up (keys of either). */
export function addFlowMaps(a: Map<string, Flows>, b: Map<string, Flows>): Map<string, Flows> {
  const result = new Map(a);
  for (const [k, f] of b) result.set(k, addFlows(result.get(k) ?? NO_FLOWS, f));
  return result;
}

/** What is read live over a whole period that runs into today, to put its two parts together. */
export interface WholePeriodFigures {
  /** Admitted at the end and new during the period. */
  admissions: Map<string, { admitted: number; new: number }>;
  sheets: Map<string, PriceSheetTotals>;
  /** Today's devices that did not scan on the closed days. */
  devices: Map<string, number>;
  /** SKUs on display today that were not on the closed days. */
  skus: Map<string, number>;
}

/** Each venue's ids of every map given, united (sorted). */
export function unitedIds(venueIds: string[], ...parts: Map<string, string[]>[]): Map<string, string[]> {
  return new Map(venueIds.map((v) => [v, [...new Set(parts.flatMap((p) => p.get(v) ?? []))].sort()]));
}

/** Ids per venue counted per venue id and under TOTAL: each once per venue and once in all. */
export function countIds(venueIds: string[], ids: Map<string, string[]>): Map<string, number> {
  const all = new Set<string>();
  const result = new Map<string, number>();
  for (const venueId of venueIds) {
    const mine = ids.get(venueId) ?? [];
    for (const id of mine) all.add(id);
    result.set(venueId, mine.length);
  }
  result.set(TOTAL, all.size);
  return result;
}

/**
 * The closed days' headline with today's: flows and slot-days added; devices and SKUs on display
 * with those today adds that the closed days had not; active factories united; what stands at the
 * end (stock, its age, stale labels) is today's; admissions and price sheets are the whole period's.
 */
export function mergeHeadlines(venueIds: string[], closed: PeriodHeadlines, open: PeriodHeadlines, whole: WholePeriodFigures): Map<string, HeadlineValues> {
  const c = new Map(closed.values);
  const o = new Map(open.values);
  const active = countIds(venueIds, unitedIds(venueIds, new Map(closed.active), new Map(open.active)));
  const result = new Map<string, HeadlineValues>();
  for (const k of [...venueIds, TOTAL]) {
    const a = c.get(k)!;
    const b = o.get(k)!;
    const sheets = whole.sheets.get(k);
    result.set(k, {
      ...addFlows(a, b),
      occupiedSlotDays: a.occupiedSlotDays + b.occupiedSlotDays,
      availableSlotDays: a.availableSlotDays + b.availableSlotDays,
      skusOnDisplay: a.skusOnDisplay + (whole.skus.get(k) ?? 0),
      admittedFactories: whole.admissions.get(k)?.admitted ?? 0,
      newFactories: whole.admissions.get(k)?.new ?? 0,
      activeFactories: active.get(k) ?? 0,
      uniqueDevices: a.uniqueDevices + (whole.devices.get(k) ?? 0),
      stockUnits: b.stockUnits,
      stockValue: b.stockValue,
      unpricedStockUnits: b.unpricedStockUnits,
      age: b.age,
      staleLabels: b.staleLabels,
      priceSheetsPending: sheets?.pending ?? 0,
      priceSheetsDecided: sheets?.decided ?? 0,
      medianHoursToDecision: sheets?.medianHours ?? null,
    });
  }
  return result;
}

/** Totals by id over two parts of a period (each part holding an id at most once), added up. */
export function addTotals<T extends Flows>(a: readonly T[], b: readonly T[], idOf: (row: T) => string): T[] {
  const result = new Map(a.map((r) => [idOf(r), r]));
  for (const r of b) {
    const e = result.get(idOf(r));
    result.set(idOf(r), e ? { ...e, ...addFlows(e, r) } : r);
  }
  return [...result.values()];
}

/** The first `n` by scans and the first `n` by GMV (ties by id), leaving out rows with none. */
export function topsOf<T extends Flows>(rows: readonly T[], idOf: (row: T) => string, n: number): { byScans: T[]; byGmv: T[] } {
  const byId = (a: T, b: T) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
  return {
    byScans: rows.filter((r) => r.scans > 0).sort((a, b) => b.scans - a.scans || byId(a, b)).slice(0, n),
    byGmv: rows.filter((r) => r.gmv > 0).sort((a, b) => b.gmv - a.gmv || byId(a, b)).slice(0, n),
  };
}

/**
 * The exact top SKUs of a period from its closed days' top lists, the closed totals of the SKUs
 * active today and today's totals. An SKU in neither closed list nor active today is behind ten
 * SKUs on the closed days, and each of them only gains: it cannot enter.
 */
export function mergeSkuTops(
  closedTops: { byScans: SkuActivity[]; byGmv: SkuActivity[] },
  closedOfActive: SkuActivity[],
  open: SkuActivity[],
  n: number,
): { byScans: SkuActivity[]; byGmv: SkuActivity[] } {
  const closed = new Map<string, SkuActivity>();
  for (const r of [...closedTops.byScans, ...closedTops.byGmv, ...closedOfActive]) closed.set(r.skuId, r);
  return topsOf(addTotals([...closed.values()], open, (r) => r.skuId), (r) => r.skuId, n);
}

/** The exact top factories of a period from every factory's closed totals and today's. */
export function mergeFactoryTops(closed: FactoryActivity[], open: FactoryActivity[], n: number) {
  return topsOf(addTotals(closed, open, (r) => r.factoryOrgId), (r) => r.factoryOrgId, n);
}

/**
 * A venue's slot rows over a period from its closed days' rows and today's (occupied days and
 * activity added; codes as they are today; slots of either part), by slot code.
 */
export function addSlotRows(closed: readonly SlotRow[], open: readonly SlotRow[]): SlotRow[] {
  const result = new Map(closed.map((r) => [r.slotId, { ...r }]));
  for (const r of open) {
    const e = result.get(r.slotId);
    result.set(
      r.slotId,
      e
        ? { ...r, occupiedDays: e.occupiedDays + r.occupiedDays, scans: e.scans + r.scans, unitsSold: e.unitsSold + r.unitsSold, gmv: e.gmv + r.gmv }
        : { ...r },
    );
  }
  return [...result.values()].sort((a, b) => (a.slotCode < b.slotCode ? -1 : a.slotCode > b.slotCode ? 1 : 0));
}

/** Slot rows kept column by column (a venue's 4,000 slots: a third less JSON to read than objects). */
export interface SlotColumns {
  ids: string[];
  codes: string[];
  zones: string[];
  days: number[];
  scans: number[];
  units: number[];
  gmv: number[];
}

export function slotColumnsOf(rows: readonly SlotRow[]): SlotColumns {
  return {
    ids: rows.map((r) => r.slotId),
    codes: rows.map((r) => r.slotCode),
    zones: rows.map((r) => r.zoneCode),
    days: rows.map((r) => r.occupiedDays),
    scans: rows.map((r) => r.scans),
    units: rows.map((r) => r.unitsSold),
    gmv: rows.map((r) => r.gmv),
  };
}

export function slotRowsOf(c: SlotColumns): SlotRow[] {
  return c.ids.map((slotId, i) => ({
    slotId,
    slotCode: c.codes[i],
    zoneCode: c.zones[i],
    occupiedDays: c.days[i],
    scans: c.scans[i],
    unitsSold: c.units[i],
    gmv: c.gmv[i],
  }));
}

/**
 * A venue's kept closed-day slot rows with today's occupied days and activity added, by slot id;
 * null when today names a slot the closed rows lack (a slot change bumps the venue's version, so
 * kept rows hold every slot as it is now: only a race gets here, and the caller reads today whole).
 */
export function addTodayToSlotRows(
  closed: readonly SlotRow[],
  days: readonly { slotId: string; days: number }[],
  activity: readonly { slotId: string; scans: number; unitsSold: number; gmv: number }[],
): SlotRow[] | null {
  const rows = new Map(closed.map((r) => [r.slotId, { ...r }]));
  for (const d of days) {
    const r = rows.get(d.slotId);
    if (!r) return null;
    r.occupiedDays += d.days;
  }
  for (const a of activity) {
    const r = rows.get(a.slotId);
    if (!r) return null;
    r.scans += a.scans;
    r.unitsSold += a.unitsSold;
    r.gmv += a.gmv;
  }
  return [...rows.values()];
}
