import { MigrationInterface, QueryRunner } from 'typeorm';

const FUNCTION = (setRowWhen: string) => `
      CREATE OR REPLACE FUNCTION xp_report_unique_devices(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, devices integer)
      LANGUAGE sql STABLE AS $$
        WITH months AS MATERIALIZED (
          SELECT r.venue_id, r.chunk, r.bits
          FROM xp_report_clean_months(p_venues, p_from, p_to, p_raw) c
          JOIN report_device_months r ON r.venue_id = c.venue_id AND r.month = c.month
        ), venue_bits AS MATERIALIZED (
          SELECT m.venue_id, m.chunk, bit_or(m.bits) AS bits FROM months m GROUP BY 1, 2
        ), all_bits AS MATERIALIZED (
          SELECT m.chunk, bit_or(m.bits) AS bits FROM months m GROUP BY 1
        ), rest AS MATERIALIZED (
          SELECT DISTINCT x.venue_id, x.device, d.id
          FROM xp_report_leftover_ranges(p_venues, p_from, p_to, p_raw) l
          CROSS JOIN LATERAL xp_report_device_days(ARRAY[l.venue_id], l.from_day, l.to_day, p_raw) x
          LEFT JOIN report_devices d ON d.device = x.device
        ), unseen AS (
          SELECT r.venue_id, count(*) AS devices
          FROM rest r LEFT JOIN venue_bits b ON b.venue_id = r.venue_id AND b.chunk = r.id / 8192
          WHERE b.bits IS NULL OR get_bit(b.bits, r.id % 8192) = 0
          GROUP BY r.venue_id
        )
        SELECT v.id,
               (COALESCE((SELECT sum(bit_count(b.bits)) FROM venue_bits b WHERE b.venue_id = v.id), 0)
                + COALESCE(n.devices, 0))::int
        FROM unnest(p_venues) AS v(id) LEFT JOIN unseen n ON n.venue_id = v.id
        UNION ALL
        SELECT NULL::uuid,
               (COALESCE((SELECT sum(bit_count(b.bits)) FROM all_bits b), 0)
                + (SELECT count(DISTINCT r.device) FROM rest r
                   LEFT JOIN all_bits b ON b.chunk = r.id / 8192
                   WHERE b.bits IS NULL OR get_bit(b.bits, r.id % 8192) = 0))::int${setRowWhen}
      $$;`;

/**
 * Unique devices: the row of the whole set only when the set has more than one venue. For one
 * venue it is that venue's count (ReportQueries.devices copies it), and counting it again took
 * about 135 ms on a busy day (the day's devices counted distinct a second time).
 */
export class ReportDevicesOneVenue1765100000007 implements MigrationInterface {
  name = 'ReportDevicesOneVenue1765100000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(FUNCTION(`
        WHERE cardinality(p_venues) > 1`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(FUNCTION(''));
  }
}
