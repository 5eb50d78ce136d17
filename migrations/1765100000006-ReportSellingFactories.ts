import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The factories that sold anything at a venue in a period (half of "active factories"). It was
 * read from xp_report_factory_totals, whose dirty days (always today) aggregate the day's scans,
 * stock and returns too — about 130 ms for a busy day at one venue in the bench — to keep the
 * factories with units sold. Here: clean months and clean leftover days from the factory rollups
 * with units sold, dirty days (or every day, raw) from the orders shipped on them.
 */
export class ReportSellingFactories1765100000006 implements MigrationInterface {
  name = 'ReportSellingFactories1765100000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION xp_report_raw_selling_factories(p_venue uuid, p_from date, p_to date)
      RETURNS TABLE (factory_org_id uuid)
      LANGUAGE sql STABLE AS $$
        SELECT l.factory_org_id
        FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id
        WHERE o.venue_id = p_venue AND o.shipped_at >= xp_day_start(p_from) AND o.shipped_at < xp_day_start(p_to)
        GROUP BY xp_business_day(o.shipped_at), l.sku_id, l.factory_org_id
        HAVING sum(l.quantity) > 0
      $$;

      CREATE FUNCTION xp_report_selling_factories(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, factory_org_id uuid)
      LANGUAGE sql STABLE AS $$
        SELECT r.venue_id, r.factory_org_id
        FROM xp_report_clean_months(p_venues, p_from, p_to, p_raw) c
        JOIN report_factory_months r ON r.venue_id = c.venue_id AND r.month = c.month
         AND r.venue_id = ANY(p_venues) AND r.month >= p_from AND r.month < p_to
        WHERE r.units_sold > 0
        UNION
        SELECT l.venue_id, r.factory_org_id
        FROM xp_report_leftover_ranges(p_venues, p_from, p_to, p_raw) l
        CROSS JOIN LATERAL (
          SELECT r.factory_org_id FROM report_factory_days r
          WHERE r.venue_id = l.venue_id AND r.day >= l.from_day AND r.day < l.to_day AND r.units_sold > 0
            AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.venue_id = r.venue_id AND d.day = r.day)
          OFFSET 0) r
        WHERE NOT p_raw
        UNION
        SELECT d.venue_id, x.factory_org_id
        FROM report_dirty_days d CROSS JOIN LATERAL xp_report_raw_selling_factories(d.venue_id, d.day, d.day + 1) x
        WHERE NOT p_raw AND d.venue_id = ANY(p_venues) AND d.day >= p_from AND d.day < p_to
        UNION
        SELECT v.id, x.factory_org_id
        FROM unnest(p_venues) AS v(id) CROSS JOIN LATERAL xp_report_raw_selling_factories(v.id, p_from, p_to) x
        WHERE p_raw
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION xp_report_selling_factories(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_raw_selling_factories(uuid, date, date);
    `);
  }
}
