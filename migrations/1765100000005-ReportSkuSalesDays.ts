import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SKU-days that sold anything, with their units and GMV only: what a venue's slots are
 * credited with by day (the slot rows of the venue report). xp_report_sku_days answers every
 * column, so for a dirty day (always today) it aggregated the day's scans, stock movements and
 * returns as well as its sales; a busy day's scans cost about 130 ms at one venue in the bench,
 * for rows the slot rows then dropped. Here the clean days come from the sold SKU-days' index
 * (report_sku_days_sold_idx) and the dirty ones from the orders shipped on them, the same sums
 * as xp_report_raw_sku_days' sales.
 */
export class ReportSkuSalesDays1765100000005 implements MigrationInterface {
  name = 'ReportSkuSalesDays1765100000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION xp_report_raw_sku_sales_days(p_venue uuid, p_from date, p_to date)
      RETURNS TABLE (day date, sku_id uuid, units_sold integer, gmv bigint)
      LANGUAGE sql STABLE AS $$
        SELECT xp_business_day(o.shipped_at), l.sku_id, sum(l.quantity)::int, sum(l.amount)::bigint
        FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id
        WHERE o.venue_id = p_venue AND o.shipped_at >= xp_day_start(p_from) AND o.shipped_at < xp_day_start(p_to)
        GROUP BY 1, 2
        HAVING sum(l.quantity) > 0
      $$;

      CREATE FUNCTION xp_report_sku_sales_days(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, day date, sku_id uuid, units_sold integer, gmv bigint)
      LANGUAGE sql STABLE AS $$
        SELECT r.venue_id, r.day, r.sku_id, r.units_sold, r.gmv
        FROM report_sku_days r
        WHERE NOT p_raw AND r.venue_id = ANY(p_venues) AND r.day >= p_from AND r.day < p_to AND r.units_sold > 0
          AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.venue_id = r.venue_id AND d.day = r.day)
        UNION ALL
        SELECT d.venue_id, x.*
        FROM report_dirty_days d CROSS JOIN LATERAL xp_report_raw_sku_sales_days(d.venue_id, d.day, d.day + 1) x
        WHERE NOT p_raw AND d.venue_id = ANY(p_venues) AND d.day >= p_from AND d.day < p_to
        UNION ALL
        SELECT v.id, x.*
        FROM unnest(p_venues) AS v(id) CROSS JOIN LATERAL xp_report_raw_sku_sales_days(v.id, p_from, p_to) x
        WHERE p_raw
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION xp_report_sku_sales_days(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_raw_sku_sales_days(uuid, date, date);
    `);
  }
}
