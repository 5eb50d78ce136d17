import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A period that runs up to today is read as its closed days (kept, see ReportPeriodCache) plus
 * today. Sums add up; two figures need more:
 * - unique devices: today's devices that did not scan on the closed days (xp_report_devices_unseen),
 *   checked one by one against the device-days (by device: the new index) and the raw rows of the
 *   closed days still dirty;
 * - the top SKUs: the closed days' totals of every SKU (report_period_sku_totals, with the kept
 *   row), so that the SKUs active today can be given their closed totals by key.
 */
export class ReportTodaySplit1765300000001 implements MigrationInterface {
  name = 'ReportTodaySplit1765300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX report_device_days_device_idx ON report_device_days (venue_id, device, day);

      CREATE TABLE report_period_sku_totals (
        cache_id bigint NOT NULL REFERENCES report_period_cache(id) ON DELETE CASCADE,
        sku_id uuid NOT NULL,
        factory_org_id uuid NOT NULL,
        scans integer NOT NULL,
        listings integer NOT NULL,
        units_sold integer NOT NULL,
        gmv bigint NOT NULL,
        supply_amount bigint NOT NULL,
        units_returned integer NOT NULL,
        returned_amount bigint NOT NULL,
        returned_supply bigint NOT NULL,
        PRIMARY KEY (cache_id, sku_id)
      );

      -- Whether a device scanned at one of the venues on a clean day of [p_from, p_to) (its rollup
      -- row; the dirty days are the caller's, from the raw rows).
      CREATE FUNCTION xp_report_device_seen(p_venues uuid[], p_device uuid, p_from date, p_to date)
      RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM report_device_days o
                       WHERE o.venue_id = ANY(p_venues) AND o.device = p_device AND o.day >= p_from AND o.day < p_to
                         AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.venue_id = o.venue_id AND d.day = o.day))
      $$;

      -- Per venue (and for the set, venue_id NULL, when it has more than one venue): the devices
      -- that scanned in [p_closed, p_to) and not in [p_from, p_closed).
      CREATE FUNCTION xp_report_devices_unseen(p_venues uuid[], p_from date, p_closed date, p_to date)
      RETURNS TABLE (venue_id uuid, devices integer)
      LANGUAGE sql STABLE AS $$
        WITH recent AS MATERIALIZED (
          SELECT DISTINCT x.venue_id, x.device FROM xp_report_device_days(p_venues, p_closed, p_to, false) x
        ), dirty AS MATERIALIZED (
          SELECT DISTINCT d.venue_id, x.device
          FROM report_dirty_days d CROSS JOIN LATERAL xp_report_raw_device_days(d.venue_id, d.day, d.day + 1) x
          WHERE d.venue_id = ANY(p_venues) AND d.day >= p_from AND d.day < p_closed
        ), seen AS MATERIALIZED (
          SELECT r.venue_id, r.device,
                 xp_report_device_seen(ARRAY[r.venue_id], r.device, p_from, p_closed)
                 OR EXISTS (SELECT 1 FROM dirty d WHERE d.venue_id = r.venue_id AND d.device = r.device) AS here
          FROM recent r
        ), everywhere AS (
          SELECT u.device
          FROM (SELECT s.device FROM seen s GROUP BY s.device HAVING NOT bool_or(s.here)) u
          WHERE cardinality(p_venues) > 1
            AND NOT xp_report_device_seen(p_venues, u.device, p_from, p_closed)
            AND NOT EXISTS (SELECT 1 FROM dirty d WHERE d.device = u.device)
        )
        SELECT v.id, (SELECT count(*) FROM seen s WHERE s.venue_id = v.id AND NOT s.here)::int
        FROM unnest(p_venues) AS v(id)
        UNION ALL
        SELECT NULL::uuid, count(*)::int FROM everywhere WHERE cardinality(p_venues) > 1
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION xp_report_devices_unseen(uuid[], date, date, date);
      DROP FUNCTION xp_report_device_seen(uuid[], uuid, date, date);
      DROP TABLE report_period_sku_totals;
      DROP INDEX report_device_days_device_idx;
    `);
  }
}
