import { EntityManager } from 'typeorm';
import { addDays, startOfBusinessDay } from '@xp/core';
import { Period } from './reports.rules';

/**
 * The report's reads: set-based SQL over a set of venues for one period, each answering per
 * venue and (where a figure is not a plain sum) for the set as a whole. No access checks here:
 * the service decides who may see which venues and which figures.
 *
 * Activity (scans, listings, orders, sales, returns, stock movements, devices) comes through the
 * xp_report_*_days readers: rollups for clean days, raw rows for dirty ones (today, late
 * arrivals), or raw rows only when `raw` is set (tests compare the two). Slots, assignments,
 * admissions, labels and price sheets are read as they are: their figures are range arithmetic
 * or small counts whose cost does not grow with the length of the period.
 */

/** The key of the whole set's row in a per-venue map. */
export const TOTAL = '*';

export interface QueryScope {
  venueIds: string[];
  /** Read every day from the raw rows (no rollups). */
  raw: boolean;
}

export interface Flows {
  orders: number;
  scans: number;
  listings: number;
  unitsSold: number;
  gmv: number;
  supplyAmount: number;
  unitsReturned: number;
  returnedAmount: number;
  returnedSupply: number;
}

export const NO_FLOWS: Flows = {
  orders: 0,
  scans: 0,
  listings: 0,
  unitsSold: 0,
  gmv: 0,
  supplyAmount: 0,
  unitsReturned: 0,
  returnedAmount: 0,
  returnedSupply: 0,
};

export interface SlotTotals {
  occupiedSlotDays: number;
  availableSlotDays: number;
  skusOnDisplay: number;
}

export interface PriceSheetTotals {
  pending: number;
  decided: number;
  approved: number;
  partiallyApproved: number;
  rejected: number;
  medianHours: number | null;
}

export interface StockAtEnd {
  units: number;
  /** Fen, at the first-tier supply price in force at the end of the period. */
  value: number;
  /** Units of SKUs with no price in force then. */
  unpriced: number;
  age: { days0To30: number; days31To90: number; over90: number };
}

export interface SkuActivity extends Flows {
  skuId: string;
  factoryOrgId: string;
}

export interface FactoryActivity extends Flows {
  factoryOrgId: string;
}

export interface SlotActivityRow {
  slotId: string;
  scans: number;
  unitsSold: number;
  gmv: number;
}

export interface SlotRow {
  slotId: string;
  slotCode: string;
  zoneCode: string;
  occupiedDays: number;
  scans: number;
  unitsSold: number;
  gmv: number;
}

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const key = (venueId: string | null): string => venueId ?? TOTAL;

const FLOW_SUMS = `sum(orders)::int AS orders, sum(scans)::int AS scans, sum(listings)::int AS listings,
  sum(units_sold)::int AS units_sold, sum(gmv)::bigint AS gmv, sum(supply_amount)::bigint AS supply_amount,
  sum(units_returned)::int AS units_returned, sum(returned_amount)::bigint AS returned_amount,
  sum(returned_supply)::bigint AS returned_supply`;

function flowsOf(r: Record<string, unknown>): Flows {
  return {
    orders: n(r.orders),
    scans: n(r.scans),
    listings: n(r.listings),
    unitsSold: n(r.units_sold),
    gmv: n(r.gmv),
    supplyAmount: n(r.supply_amount),
    unitsReturned: n(r.units_returned),
    returnedAmount: n(r.returned_amount),
    returnedSupply: n(r.returned_supply),
  };
}

/** An SKU's activity from a row of SKU totals. */
export function skuActivityOf(r: Record<string, unknown>): SkuActivity {
  return { skuId: String(r.sku_id), factoryOrgId: String(r.factory_org_id), ...flowsOf(r) };
}

/** The instant a period ends (the start of its `to` day). */
export function endOf(period: Period): Date {
  return startOfBusinessDay(period.to);
}

export class ReportQueries {
  constructor(private readonly m: EntityManager) {}

  /** Occupied and available slot-days and distinct SKUs on display, per venue and in all. */
  async slots(scope: QueryScope, p: Period, factoryOrgId?: string): Promise<Map<string, SlotTotals & { slots: number }>> {
    const params = [scope.venueIds, p.from, p.to, factoryOrgId ?? null];
    const [available, shown]: Record<string, unknown>[][] = await Promise.all([
      this.m.query(
        `SELECT venue_id, sum(upper(life) - lower(life))::int AS available
         FROM (SELECT sl.venue_id, daterange(sl.active_from, sl.retired_on) * daterange($2::date, $3::date) AS life
               FROM slots sl WHERE sl.venue_id = ANY($1::uuid[])) s
         WHERE NOT isempty(life) AND $4::uuid IS NULL
         GROUP BY GROUPING SETS ((venue_id), ())`,
        params,
      ),
      this.m.query(
        `WITH shown AS (
           SELECT a.venue_id, a.slot_id, a.sku_id,
                  a.period * daterange(sl.active_from, sl.retired_on) * daterange($2::date, $3::date) AS days
           FROM slot_assignments a JOIN slots sl ON sl.id = a.slot_id AND sl.venue_id = ANY($1::uuid[])
           WHERE a.venue_id = ANY($1::uuid[]) AND a.status = 'LIVE' AND a.period && daterange($2::date, $3::date)
             AND ($4::uuid IS NULL OR a.factory_org_id = $4))
         SELECT venue_id, sum(upper(days) - lower(days))::int AS occupied, count(DISTINCT sku_id)::int AS skus,
                count(DISTINCT slot_id)::int AS slots
         FROM shown WHERE NOT isempty(days)
         GROUP BY GROUPING SETS ((venue_id), ())`,
        params,
      ),
    ]);
    const result = new Map<string, SlotTotals & { slots: number }>();
    const entry = (k: string) => {
      const e = result.get(k) ?? { occupiedSlotDays: 0, availableSlotDays: 0, skusOnDisplay: 0, slots: 0 };
      result.set(k, e);
      return e;
    };
    for (const r of available) entry(key(r.venue_id as string | null)).availableSlotDays = n(r.available);
    for (const r of shown) {
      const e = entry(key(r.venue_id as string | null));
      e.occupiedSlotDays = n(r.occupied);
      e.skusOnDisplay = n(r.skus);
      e.slots = n(r.slots);
    }
    return result;
  }

  /** Scans, listings, orders, sales and returns, per venue and in all. */
  async flows(scope: QueryScope, p: Period): Promise<Map<string, Flows>> {
    const rows: Record<string, unknown>[] = await this.m.query(
      `SELECT venue_id, ${FLOW_SUMS}
       FROM xp_report_venue_days($1::uuid[], $2::date, $3::date, $4)
       GROUP BY GROUPING SETS ((venue_id), ())`,
      [scope.venueIds, p.from, p.to, scope.raw],
    );
    return new Map(rows.map((r) => [key(r.venue_id as string | null), flowsOf(r)]));
  }

  /** One factory's scans, listings, orders, sales and returns per venue and in all. */
  async factoryFlows(scope: QueryScope, p: Period, factoryOrgId: string): Promise<Map<string, Flows>> {
    const rows: Record<string, unknown>[] = await this.m.query(
      `SELECT venue_id, ${FLOW_SUMS}
       FROM xp_report_factory_totals($1::uuid[], $2::date, $3::date, $4) WHERE factory_org_id = $5
       GROUP BY GROUPING SETS ((venue_id), ())`,
      [scope.venueIds, p.from, p.to, scope.raw, factoryOrgId],
    );
    return new Map(rows.map((r) => [key(r.venue_id as string | null), flowsOf(r)]));
  }

  /**
   * Distinct devices that scanned, per venue and in all (a device at two venues counts once in
   * all): the month bitmaps of the clean full months OR-ed together, plus the devices of the
   * other days whose bit is not set (see xp_report_unique_devices; the set's row only for more
   * than one venue).
   */
  async devices(scope: QueryScope, p: Period): Promise<Map<string, number>> {
    const rows: { venue_id: string | null; devices: number }[] = await this.m.query(
      'SELECT venue_id, devices FROM xp_report_unique_devices($1::uuid[], $2::date, $3::date, $4)',
      [scope.venueIds, p.from, p.to, scope.raw],
    );
    const result = new Map(rows.map((r) => [key(r.venue_id), n(r.devices)]));
    // The function leaves out the set's row for a single venue: it is that venue's count.
    if (scope.venueIds.length === 1) result.set(TOTAL, result.get(scope.venueIds[0]) ?? 0);
    return result;
  }

  /** Admitted (in force at the end of the period) and new (first admitted during it) factories. */
  async admissions(scope: QueryScope, p: Period): Promise<Map<string, { admitted: number; new: number }>> {
    const rows: Record<string, unknown>[] = await this.m.query(
      `SELECT venue_id,
              count(DISTINCT factory_org_id) FILTER (
                WHERE admitted_at < $3 AND status IN ('APPROVED', 'SUSPENDED')
                  AND NOT (status = 'SUSPENDED' AND suspended_at < $3)) AS admitted,
              count(DISTINCT factory_org_id) FILTER (WHERE admitted_at >= $2 AND admitted_at < $3) AS new
       FROM venue_factories
       WHERE venue_id = ANY($1::uuid[]) AND admitted_at IS NOT NULL
       GROUP BY GROUPING SETS ((venue_id), ())`,
      [scope.venueIds, startOfBusinessDay(p.from), endOf(p)],
    );
    return new Map(rows.map((r) => [key(r.venue_id as string | null), { admitted: n(r.admitted), new: n(r.new) }]));
  }

  /** The factories whose goods were on a slot on a day of the period, per venue. */
  async shownFactories(scope: QueryScope, p: Period): Promise<Map<string, string[]>> {
    const rows: { venue_id: string; ids: string[] }[] = await this.m.query(
      `SELECT a.venue_id, array_agg(DISTINCT a.factory_org_id) AS ids
       FROM slot_assignments a JOIN slots sl ON sl.id = a.slot_id AND sl.venue_id = ANY($1::uuid[])
       WHERE a.venue_id = ANY($1::uuid[]) AND a.status = 'LIVE' AND a.period && daterange($2::date, $3::date)
         AND NOT isempty(a.period * daterange(sl.active_from, sl.retired_on) * daterange($2::date, $3::date))
       GROUP BY a.venue_id`,
      [scope.venueIds, p.from, p.to],
    );
    return new Map(rows.map((r) => [r.venue_id, r.ids]));
  }

  /**
   * SKUs on a slot in [closed.to, to) that were on none in the closed period, per venue and in
   * all (on none at any venue of the set): what today adds to the closed days' SKUs on display.
   * An assignment in force today that also covered a closed day settles its SKU at once; only
   * the others (SKUs put up today) are looked for among the closed period's assignments.
   */
  async unseenSkus(scope: QueryScope, closed: Period, to: string): Promise<Map<string, number>> {
    const shownBefore = (venues: string, sku: string) => `EXISTS (
      SELECT 1 FROM slot_assignments b JOIN slots sl ON sl.id = b.slot_id
      WHERE b.venue_id ${venues} AND b.sku_id = ${sku} AND b.status = 'LIVE' AND b.period && daterange($2::date, $3::date)
        AND NOT isempty(b.period * daterange(sl.active_from, sl.retired_on) * daterange($2::date, $3::date)))`;
    const rows: { venue_id: string | null; skus: number }[] = await this.m.query(
      `WITH today AS MATERIALIZED (
         SELECT a.venue_id, a.sku_id,
                bool_or(NOT isempty(a.period * daterange(sl.active_from, sl.retired_on) * daterange($2::date, $3::date))) AS before
         FROM slot_assignments a JOIN slots sl ON sl.id = a.slot_id AND sl.venue_id = ANY($1::uuid[])
         WHERE a.venue_id = ANY($1::uuid[]) AND a.status = 'LIVE' AND a.period && daterange($3::date, $4::date)
           AND NOT isempty(a.period * daterange(sl.active_from, sl.retired_on) * daterange($3::date, $4::date))
         GROUP BY a.venue_id, a.sku_id),
       fresh AS MATERIALIZED (
         SELECT t.venue_id, t.sku_id FROM today t WHERE NOT t.before AND NOT ${shownBefore('= t.venue_id', 't.sku_id')})
       SELECT venue_id, count(*)::int AS skus FROM fresh GROUP BY venue_id
       UNION ALL
       SELECT NULL, count(DISTINCT f.sku_id)::int FROM fresh f
       WHERE cardinality($1::uuid[]) > 1
         AND NOT EXISTS (SELECT 1 FROM today t WHERE t.sku_id = f.sku_id AND t.before)
         AND NOT ${shownBefore('= ANY($1::uuid[])', 'f.sku_id')}`,
      [scope.venueIds, closed.from, closed.to, to],
    );
    const result = new Map(scope.venueIds.map((v) => [v, 0]));
    for (const r of rows) result.set(key(r.venue_id), n(r.skus));
    if (scope.venueIds.length === 1) result.set(TOTAL, result.get(scope.venueIds[0]) ?? 0);
    return result;
  }

  /** The factories that sold units in the period, per venue. */
  async sellingFactories(scope: QueryScope, p: Period): Promise<Map<string, string[]>> {
    const rows: { venue_id: string; ids: string[] }[] = await this.m.query(
      `SELECT venue_id, array_agg(DISTINCT factory_org_id) AS ids
       FROM xp_report_selling_factories($1::uuid[], $2::date, $3::date, $4) GROUP BY venue_id`,
      [scope.venueIds, p.from, p.to, scope.raw],
    );
    return new Map(rows.map((r) => [r.venue_id, r.ids]));
  }

  /**
   * The stock held at the end of the period, per venue and in all: units, their value at the
   * first-tier supply price of the version in force then (units of SKUs with no price then are
   * unpriced, value 0) and their age, first in first out — from xp_report_stock_end, which
   * keeps closed days and answers today from yesterday's figures and the SKUs changed since
   * (`raw`: every SKU valued and aged afresh, nothing kept or read from what is).
   */
  async stockAtEnd(scope: QueryScope, p: Period, factoryOrgId?: string): Promise<Map<string, StockAtEnd>> {
    const day = addDays(p.to, -1);
    const rows: Record<string, unknown>[] = scope.raw
      ? await this.m.query(
          `SELECT v.id AS venue_id, s.factory_org_id, sum(s.units) AS units, sum(greatest(s.units, 0)) AS held_units,
                  COALESCE(sum(s.units::bigint * s.unit_price) FILTER (WHERE s.unit_price IS NOT NULL), 0) AS value,
                  COALESCE(sum(s.units) FILTER (WHERE s.unit_price IS NULL), 0) AS unpriced,
                  sum(least(greatest(s.units, 0), s.recent)) AS days0to30,
                  sum(least(greatest(s.units, 0) - least(greatest(s.units, 0), s.recent), s.middle)) AS days31to90
           FROM unnest($1::uuid[]) AS v(id) CROSS JOIN LATERAL xp_report_stock_skus(v.id, $2::date, NULL, true) s
           GROUP BY 1, 2`,
          [scope.venueIds, day],
        )
      : await this.m.query('SELECT * FROM xp_report_stock_end($1::uuid[], $2::date)', [scope.venueIds, day]);
    const result = new Map<string, StockAtEnd>();
    const add = (k: string, r: Record<string, unknown>) => {
      const e = result.get(k) ?? { units: 0, value: 0, unpriced: 0, age: { days0To30: 0, days31To90: 0, over90: 0 } };
      const young = n(r.days0to30);
      const middle = n(r.days31to90);
      e.units += n(r.units);
      e.value += n(r.value);
      e.unpriced += n(r.unpriced);
      e.age.days0To30 += young;
      e.age.days31To90 += middle;
      e.age.over90 += n(r.held_units) - young - middle;
      result.set(k, e);
    };
    for (const r of rows) {
      if (factoryOrgId && r.factory_org_id !== factoryOrgId) continue;
      add(String(r.venue_id), r);
      add(TOTAL, r);
    }
    return result;
  }

  /** Price sheets pending at the end of the period and decided during it, with the median hours to a decision. */
  async priceSheets(scope: QueryScope, p: Period, factoryOrgId?: string): Promise<Map<string, PriceSheetTotals>> {
    const rows: Record<string, unknown>[] = await this.m.query(
      `SELECT venue_id,
              count(*) FILTER (WHERE finalized_at IS NULL OR finalized_at >= $3)::int AS pending,
              count(*) FILTER (WHERE finalized_at >= $2 AND finalized_at < $3)::int AS decided,
              count(*) FILTER (WHERE finalized_at >= $2 AND finalized_at < $3 AND status = 'APPROVED')::int AS approved,
              count(*) FILTER (WHERE finalized_at >= $2 AND finalized_at < $3 AND status = 'PARTIALLY_APPROVED')::int AS partially,
              count(*) FILTER (WHERE finalized_at >= $2 AND finalized_at < $3 AND status = 'REJECTED')::int AS rejected,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finalized_at - submitted_at) / 3600)
                FILTER (WHERE finalized_at >= $2 AND finalized_at < $3) AS median_hours
       FROM price_sheets
       WHERE venue_id = ANY($1::uuid[]) AND submitted_at IS NOT NULL AND submitted_at < $3
         AND ($4::uuid IS NULL OR factory_org_id = $4)
       GROUP BY GROUPING SETS ((venue_id), ())`,
      [scope.venueIds, startOfBusinessDay(p.from), endOf(p), factoryOrgId ?? null],
    );
    return new Map(
      rows.map((r) => [
        key(r.venue_id as string | null),
        {
          pending: n(r.pending),
          decided: n(r.decided),
          approved: n(r.approved),
          partiallyApproved: n(r.partially),
          rejected: n(r.rejected),
          medianHours: r.median_hours === null ? null : Number(r.median_hours),
        },
      ]),
    );
  }

  /**
   * Labels on the shelves at the end of the period (posted before it, not yet taken down) that had
   * gone stale by then, by the instant the labels area keeps on each label (`stale_at`).
   */
  async staleLabels(scope: QueryScope, p: Period): Promise<Map<string, number>> {
    const rows: { venue_id: string | null; stale: number }[] = await this.m.query(
      `SELECT venue_id, count(*)::int AS stale
       FROM labels
       WHERE venue_id = ANY($1::uuid[]) AND printed_at < $2 AND posted_at < $2
         AND (retired_at IS NULL OR retired_at >= $2) AND stale_at < $2
       GROUP BY GROUPING SETS ((venue_id), ())`,
      [scope.venueIds, endOf(p)],
    );
    return new Map(rows.map((r) => [key(r.venue_id), n(r.stale)]));
  }

  /**
   * The top SKUs of one venue in the period: the first `n` by scans and the first `n` by GMV
   * (ties by id), from the SKU totals (months of SKU rollups, the rest by day) in one statement.
   */
  async topSkus(venueId: string, p: Period, raw: boolean, n: number): Promise<{ byScans: SkuActivity[]; byGmv: SkuActivity[] }> {
    const rows: Record<string, unknown>[] = await this.m.query(
      `WITH a AS MATERIALIZED (
         SELECT sku_id, factory_org_id, scans, listings, units_sold, gmv, supply_amount, units_returned, returned_amount, returned_supply
         FROM xp_report_sku_totals(ARRAY[$1]::uuid[], $2::date, $3::date, $4))
       (SELECT 'scans' AS list, * FROM a WHERE scans > 0 ORDER BY scans DESC, sku_id LIMIT $5)
       UNION ALL
       (SELECT 'gmv' AS list, * FROM a WHERE gmv > 0 ORDER BY gmv DESC, sku_id LIMIT $5)`,
      [venueId, p.from, p.to, raw, n],
    );
    const of = (r: Record<string, unknown>): SkuActivity => ({ skuId: String(r.sku_id), factoryOrgId: String(r.factory_org_id), ...flowsOf(r) });
    return { byScans: rows.filter((r) => r.list === 'scans').map(of), byGmv: rows.filter((r) => r.list === 'gmv').map(of) };
  }

  /** The same as topSkus for factories. */
  async topFactories(venueId: string, p: Period, raw: boolean, n: number): Promise<{ byScans: FactoryActivity[]; byGmv: FactoryActivity[] }> {
    const rows: Record<string, unknown>[] = await this.m.query(
      `WITH a AS MATERIALIZED (
         SELECT factory_org_id, ${FLOW_SUMS}
         FROM xp_report_factory_totals(ARRAY[$1]::uuid[], $2::date, $3::date, $4)
         GROUP BY factory_org_id)
       (SELECT 'scans' AS list, * FROM a WHERE scans > 0 ORDER BY scans DESC, factory_org_id LIMIT $5)
       UNION ALL
       (SELECT 'gmv' AS list, * FROM a WHERE gmv > 0 ORDER BY gmv DESC, factory_org_id LIMIT $5)`,
      [venueId, p.from, p.to, raw, n],
    );
    const of = (r: Record<string, unknown>): FactoryActivity => ({ factoryOrgId: String(r.factory_org_id), ...flowsOf(r) });
    return { byScans: rows.filter((r) => r.list === 'scans').map(of), byGmv: rows.filter((r) => r.list === 'gmv').map(of) };
  }

  /** Every SKU's activity at one venue in a period (SKUs with any). */
  async skuTotals(venueId: string, p: Period, raw: boolean): Promise<SkuActivity[]> {
    const rows: Record<string, unknown>[] = await this.m.query(
      `SELECT sku_id, factory_org_id, scans, listings, units_sold, gmv, supply_amount, units_returned, returned_amount, returned_supply
       FROM xp_report_sku_totals(ARRAY[$1]::uuid[], $2::date, $3::date, $4)`,
      [venueId, p.from, p.to, raw],
    );
    return rows.map(skuActivityOf);
  }

  /** Some SKUs' totals kept with a closed period (report_period_sku_totals). */
  async keptSkuTotals(cacheId: string, skuIds: string[]): Promise<SkuActivity[]> {
    if (skuIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m.query(
      'SELECT * FROM report_period_sku_totals WHERE cache_id = $1 AND sku_id = ANY($2::uuid[])',
      [cacheId, skuIds],
    );
    return rows.map(skuActivityOf);
  }

  /** Every factory's activity at one venue in a period (factories with any). */
  async factoryTotals(venueId: string, p: Period, raw: boolean): Promise<FactoryActivity[]> {
    const rows: Record<string, unknown>[] = await this.m.query(
      `SELECT factory_org_id, ${FLOW_SUMS}
       FROM xp_report_factory_totals(ARRAY[$1]::uuid[], $2::date, $3::date, $4)
       GROUP BY factory_org_id`,
      [venueId, p.from, p.to, raw],
    );
    return rows.map((r) => ({ factoryOrgId: String(r.factory_org_id), ...flowsOf(r) }));
  }

  /**
   * Devices that scanned in [closed.to, to) and not in the closed period, per venue and in all
   * (the set's row is the venue's for one venue): what today adds to the closed days' count.
   */
  async unseenDevices(scope: QueryScope, closed: Period, to: string): Promise<Map<string, number>> {
    const rows: { venue_id: string | null; devices: number }[] = await this.m.query(
      'SELECT venue_id, devices FROM xp_report_devices_unseen($1::uuid[], $2::date, $3::date, $4::date)',
      [scope.venueIds, closed.from, closed.to, to],
    );
    const result = new Map(rows.map((r) => [key(r.venue_id), n(r.devices)]));
    if (scope.venueIds.length === 1) result.set(TOTAL, result.get(scope.venueIds[0]) ?? 0);
    return result;
  }

  /** Some SKUs' activity at one venue in a period (the previous-period figures of a top list). */
  async skusActivity(venueId: string, p: Period, raw: boolean, skuIds: string[]): Promise<SkuActivity[]> {
    if (skuIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m.query(
      `SELECT sku_id, factory_org_id, 0 AS orders, scans, listings, units_sold, gmv, supply_amount, units_returned,
              returned_amount, returned_supply
       FROM xp_report_some_sku_totals(ARRAY[$1]::uuid[], $2::date, $3::date, $4, $5::uuid[])`,
      [venueId, p.from, p.to, raw, skuIds],
    );
    return rows.map((r) => ({ skuId: String(r.sku_id), factoryOrgId: String(r.factory_org_id), ...flowsOf(r) }));
  }

  /** Some factories' activity at one venue in a period. */
  async factoriesActivity(venueId: string, p: Period, raw: boolean, factoryIds: string[]): Promise<FactoryActivity[]> {
    if (factoryIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.m.query(
      `SELECT factory_org_id, ${FLOW_SUMS}
       FROM xp_report_factory_totals(ARRAY[$1]::uuid[], $2::date, $3::date, $4) WHERE factory_org_id = ANY($5::uuid[])
       GROUP BY factory_org_id`,
      [venueId, p.from, p.to, raw, factoryIds],
    );
    return rows.map((r) => ({ factoryOrgId: String(r.factory_org_id), ...flowsOf(r) }));
  }

  /** Every slot of a venue that existed in the period, with the days it was occupied, by code. */
  async slotLife(venueId: string, p: Period): Promise<SlotRow[]> {
    const rows: Record<string, unknown>[] = await this.m.query(
      `WITH life AS (
         SELECT sl.id, daterange(sl.active_from, sl.retired_on) * daterange($2::date, $3::date) AS life
         FROM slots sl WHERE sl.venue_id = $1),
       occupied AS (
         SELECT l.id, sum(upper(a.period * l.life) - lower(a.period * l.life))::int AS days
         FROM life l JOIN slot_assignments a ON a.slot_id = l.id AND a.status = 'LIVE' AND a.period && l.life
         GROUP BY l.id)
       SELECT sl.id, sl.code, z.code AS zone_code, COALESCE(o.days, 0) AS days
       FROM life l JOIN slots sl ON sl.id = l.id JOIN zones z ON z.id = sl.zone_id LEFT JOIN occupied o ON o.id = l.id
       ORDER BY sl.code`,
      [venueId, p.from, p.to],
    );
    return rows.map((r) => ({
      slotId: String(r.id),
      slotCode: String(r.code),
      zoneCode: String(r.zone_code),
      occupiedDays: n(r.days),
      scans: 0,
      unitsSold: 0,
      gmv: 0,
    }));
  }

  /** The days each slot of a venue was occupied in the period, slots occupied at all (ids only). */
  async slotDays(venueId: string, p: Period): Promise<{ slotId: string; days: number }[]> {
    const rows: { slot_id: string; days: number }[] = await this.m.query(
      `SELECT a.slot_id, sum(upper(x.days) - lower(x.days))::int AS days
       FROM slot_assignments a JOIN slots sl ON sl.id = a.slot_id AND sl.venue_id = $1
       CROSS JOIN LATERAL (SELECT a.period * daterange(sl.active_from, sl.retired_on) * daterange($2::date, $3::date) AS days) x
       WHERE a.venue_id = $1 AND a.status = 'LIVE' AND a.period && daterange($2::date, $3::date) AND NOT isempty(x.days)
       GROUP BY a.slot_id`,
      [venueId, p.from, p.to],
    );
    return rows.map((r) => ({ slotId: r.slot_id, days: n(r.days) }));
  }

  /**
   * Each slot's scans in the period, and the sales of what it showed on those days (from the
   * SKU-days that sold: xp_report_sku_sales_days), slots with any. The parts are stacked (UNION
   * ALL) and grouped once rather than left-joined: the planner cannot estimate their sizes and
   * chose nested loops over them (about a second a year at full scale).
   */
  async slotActivity(venueId: string, p: Period, raw: boolean): Promise<SlotActivityRow[]> {
    const rows: Record<string, unknown>[] = await this.m.query(
      `WITH parts AS (
         SELECT slot_id, scans, 0 AS units, 0::bigint AS gmv
         FROM xp_report_slot_totals(ARRAY[$1]::uuid[], $2::date, $3::date, $4)
         UNION ALL
         SELECT a.slot_id, 0, s.units_sold, s.gmv
         FROM xp_report_sku_sales_days(ARRAY[$1]::uuid[], $2::date, $3::date, $4) s
         JOIN slot_assignments a ON a.venue_id = $1 AND a.sku_id = s.sku_id AND a.status = 'LIVE' AND a.period @> s.day
         JOIN slots sl ON sl.id = a.slot_id AND sl.venue_id = $1 AND s.day >= sl.active_from AND (sl.retired_on IS NULL OR s.day < sl.retired_on))
       SELECT slot_id, sum(scans)::int AS scans, sum(units)::int AS units, sum(gmv)::bigint AS gmv
       FROM parts GROUP BY slot_id`,
      [venueId, p.from, p.to, raw],
    );
    return rows.map((r) => ({ slotId: String(r.slot_id), scans: n(r.scans), unitsSold: n(r.units), gmv: n(r.gmv) }));
  }

  /** Names for the lists: factories by id. */
  async factoryNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.m.query('SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Codes and titles for the lists: SKUs by id. */
  async skuNames(ids: string[]): Promise<Map<string, { code: string; title: string }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; code: string; title: string }[] = await this.m.query(
      'SELECT s.id, s.code, p.title_zh AS title FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { code: r.code, title: r.title }]));
  }
}

