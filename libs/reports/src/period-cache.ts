import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { QueryScope } from './report.queries';
import { isKeptPeriod, Period } from './reports.rules';

const logger = new Logger('ReportPeriodCache');

/**
 * A closed period's activity figures, kept in report_period_cache (see the ReportPeriodCache
 * migration): answered from there while the sum of the venues' closed-day versions is the one
 * they were read at, else computed and kept. Periods that include today, raw reads and periods
 * closed less than ten minutes ago are always computed. Bodies are JSON: plain objects and arrays.
 */
export class PeriodCache {
  constructor(
    private readonly m: EntityManager,
    private readonly now: Date = new Date(),
  ) {}

  async get<T>(part: string, scope: QueryScope, p: Period, compute: () => Promise<T>): Promise<T> {
    if (scope.raw || scope.venueIds.length === 0 || !isKeptPeriod(p, this.now)) return compute();
    const venues = [...scope.venueIds].sort();
    const [row]: { version: string; kept: string | null; body: T | null }[] = await this.m.query(
      `SELECT v.version::text AS version, c.version::text AS kept, c.body
       FROM (SELECT COALESCE(sum(version), 0) AS version FROM report_closed_versions WHERE venue_id = ANY($2::uuid[])) v
       LEFT JOIN report_period_cache c ON c.part = $1 AND c.venue_ids = $2::uuid[] AND c.from_day = $3 AND c.to_day = $4`,
      [part, venues, p.from, p.to],
    );
    if (row.kept === row.version && row.body !== null) return row.body;
    const value = await compute();
    try {
      // Kept with the version read before computing: a write meanwhile makes it stale, never wrong.
      await this.m.query(
        `INSERT INTO report_period_cache AS c (part, venue_ids, from_day, to_day, version, body)
         SELECT $1, $2::uuid[], $3, $4, $5, $6::jsonb WHERE now() >= xp_day_start($4) + interval '10 minutes'
         ON CONFLICT ON CONSTRAINT report_period_cache_key
         DO UPDATE SET version = EXCLUDED.version, body = EXCLUDED.body, made_at = EXCLUDED.made_at
         WHERE c.version <= EXCLUDED.version`,
        [part, venues, p.from, p.to, row.version, JSON.stringify(value)],
      );
    } catch (error) {
      // Keeping is an optimisation: the report is right without it.
      logger.warn(`A report period could not be kept: ${(error as Error).message}`);
    }
    return value;
  }
}
