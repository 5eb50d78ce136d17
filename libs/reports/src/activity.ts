import { daysBetween, today } from '@xp/core';
import { FactoryActivity, Flows, NO_FLOWS, SkuActivity, SlotActivityRow } from './report.queries';
import { isKeptPeriod, Period } from './reports.rules';

/**
 * How a period's activity is put together from its closed days (kept, see PeriodCache) and today.
 * Pure: the queries fetch, these add.
 */

/**
 * A period's activity over a set of venues: flows and unique devices per venue id and under
 * TOTAL, and the factories that sold per venue id. Plain arrays: kept as JSON.
 */
export interface Activity {
  flows: [string, Flows][];
  devices: [string, number][];
  selling: [string, string[]][];
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

/**
 * The closed days' activity with today's: flows added, the devices of today not seen on the
 * closed days added to theirs (`unseen`, per venue and under TOTAL), the selling factories united.
 */
export function mergeActivity(
  closed: Activity,
  open: { flows: Map<string, Flows>; selling: Map<string, string[]> },
  unseen: Map<string, number>,
): Activity {
  const devices = new Map(closed.devices);
  for (const [k, n] of unseen) devices.set(k, (devices.get(k) ?? 0) + n);
  const selling = new Map(closed.selling.map(([k, ids]) => [k, new Set(ids)]));
  for (const [k, ids] of open.selling) selling.set(k, new Set([...(selling.get(k) ?? []), ...ids]));
  return {
    flows: [...addFlowMaps(new Map(closed.flows), open.flows)],
    devices: [...devices],
    selling: [...selling].map(([k, ids]) => [k, [...ids].sort()]),
  };
}

/** Each slot's activity over two parts of a period, added up. */
export function addSlotActivity(a: readonly SlotActivityRow[], b: readonly SlotActivityRow[]): SlotActivityRow[] {
  const result = new Map(a.map((r) => [r.slotId, { ...r }]));
  for (const r of b) {
    const e = result.get(r.slotId);
    if (e) {
      e.scans += r.scans;
      e.unitsSold += r.unitsSold;
      e.gmv += r.gmv;
    } else result.set(r.slotId, { ...r });
  }
  return [...result.values()];
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
