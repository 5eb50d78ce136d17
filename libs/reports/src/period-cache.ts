import { Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { EntityManager } from 'typeorm';
import { QueryScope, SkuActivity, skuActivityOf } from './report.queries';
import { isKeptPeriod, Period } from './reports.rules';

const logger = new Logger('ReportPeriodCache');

/**
 * The kept bodies this process has read, by key, with the version they were kept at: the lookup
 * then reads the version only, not the body again (a venue's slot rows are a few hundred
 * kilobytes of JSON). Shared, read-only: callers build new objects, never change these.
 */
const memo = new LRUCache<string, { version: string; body: unknown }>({ max: 200 });

/**
 * Keeps a body at a version (only once its period has been closed ten minutes, and never over a
 * newer version); answers the kept row's id, or nothing when it was not kept.
 */
async function keep(m: EntityManager, part: string, venues: string[], p: Period, version: string, body: unknown): Promise<{ id: string }[]> {
  return m.query(
    `INSERT INTO report_period_cache AS c (part, venue_ids, from_day, to_day, version, body)
     SELECT $1, $2::uuid[], $3, $4, $5, $6::jsonb WHERE now() >= xp_day_start($4) + interval '10 minutes'
     ON CONFLICT ON CONSTRAINT report_period_cache_key
     DO UPDATE SET version = EXCLUDED.version, body = EXCLUDED.body, made_at = EXCLUDED.made_at
     WHERE c.version <= EXCLUDED.version
     RETURNING id::text`,
    [part, venues, p.from, p.to, version, JSON.stringify(body)],
  );
}

/** Forgets the bodies this process holds (tests that change a kept body in place). */
export function forgetHeldPeriods(): void {
  memo.clear();
}

/**
 * A closed period's activity figures, kept in report_period_cache (see the ReportPeriodCache
 * migration): answered from there while the sum of the venues' closed-day versions is the one
 * they were read at, else computed and kept. Periods that include today, raw reads and periods
 * closed less than ten minutes ago are always computed. Bodies are JSON: plain objects and arrays,
 * remembered per process by version (`memo`) and never to be changed by their readers.
 */
export class PeriodCache {
  constructor(
    private readonly m: EntityManager,
    private readonly now: Date = new Date(),
  ) {}

  async get<T>(part: string, scope: QueryScope, p: Period, compute: () => Promise<T>): Promise<T> {
    if (scope.raw || scope.venueIds.length === 0 || !isKeptPeriod(p, this.now)) return compute();
    const venues = [...scope.venueIds].sort();
    const row = await this.lookup<T>(part, venues, p);
    if (row.kept === row.version && row.body !== null) return row.body;
    const value = await compute();
    try {
      // Kept with the version read before computing: a write meanwhile makes it stale, never wrong.
      await keep(this.m, part, venues, p, row.version, value);
    } catch (error) {
      // Keeping is an optimisation: the report is right without it.
      logger.warn(`A report period could not be kept: ${(error as Error).message}`);
    }
    return value;
  }

  /**
   * A closed period's every SKU total at a venue, kept in report_period_sku_totals (one
   * statement computes and stores them), with its top lists: the kept row's id (to look SKUs up
   * by) and the lists. Null when the period cannot be kept (the caller reads it whole).
   */
  async skuTops(venueId: string, p: Period, n: number): Promise<{ id: string; byScans: SkuActivity[]; byGmv: SkuActivity[] } | null> {
    if (!isKeptPeriod(p, this.now)) return null;
    type Tops = { byScans: SkuActivity[]; byGmv: SkuActivity[] };
    const row = await this.lookup<Tops>('sku-totals', [venueId], p);
    if (row.kept === row.version && row.id !== null && row.body?.byScans) return { id: row.id, ...row.body };
    try {
      return await this.m.transaction(async (tm) => {
        const kept = await keep(tm, 'sku-totals', [venueId], p, row.version, {});
        if (!kept.length) return null;
        const id = kept[0].id;
        await tm.query('DELETE FROM report_period_sku_totals WHERE cache_id = $1', [id]);
        await tm.query(
          `INSERT INTO report_period_sku_totals (cache_id, sku_id, factory_org_id, scans, listings, units_sold, gmv, supply_amount,
                                                 units_returned, returned_amount, returned_supply)
           SELECT $1, sku_id, factory_org_id, scans, listings, units_sold, gmv, supply_amount, units_returned, returned_amount, returned_supply
           FROM xp_report_sku_totals(ARRAY[$2]::uuid[], $3::date, $4::date, false)`,
          [id, venueId, p.from, p.to],
        );
        const rows: Record<string, unknown>[] = await tm.query(
          `(SELECT 'scans' AS list, * FROM report_period_sku_totals WHERE cache_id = $1 AND scans > 0 ORDER BY scans DESC, sku_id LIMIT $2)
           UNION ALL
           (SELECT 'gmv' AS list, * FROM report_period_sku_totals WHERE cache_id = $1 AND gmv > 0 ORDER BY gmv DESC, sku_id LIMIT $2)`,
          [id, n],
        );
        const tops: Tops = {
          byScans: rows.filter((r) => r.list === 'scans').map(skuActivityOf),
          byGmv: rows.filter((r) => r.list === 'gmv').map(skuActivityOf),
        };
        await tm.query('UPDATE report_period_cache SET body = $2::jsonb WHERE id = $1', [id, JSON.stringify(tops)]);
        return { id, ...tops };
      });
    } catch (error) {
      logger.warn(`A report period's SKU totals could not be kept: ${(error as Error).message}`);
      return null;
    }
  }

  /** The venues' version and the kept row (its body unless this process holds it at that version). */
  private async lookup<T>(part: string, venues: string[], p: Period) {
    const key = `${part}|${venues.join(',')}|${p.from}|${p.to}`;
    const held = memo.get(key);
    const [row]: { version: string; kept: string | null; id: string | null; body: T | null }[] = await this.m.query(
      `SELECT v.version::text AS version, c.version::text AS kept, c.id::text AS id,
              CASE WHEN c.version::text = $5 THEN NULL ELSE c.body END AS body
       FROM (SELECT xp_report_closed_version($2::uuid[]) AS version) v
       LEFT JOIN report_period_cache c ON c.part = $1 AND c.venue_ids = $2::uuid[] AND c.from_day = $3 AND c.to_day = $4`,
      [part, venues, p.from, p.to, held?.version ?? null],
    );
    if (row.kept !== null && row.kept === held?.version && row.body === null) return { ...row, body: held.body as T };
    if (row.kept !== null && row.body !== null) memo.set(key, { version: row.kept, body: row.body });
    return row;
  }
}
