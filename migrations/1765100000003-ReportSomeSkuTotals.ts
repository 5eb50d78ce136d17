import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The totals of some SKUs only (the previous-period figures of a venue's top lists): the same
 * sums as xp_report_sku_totals, filtered inside, where the months' primary key finds the listed
 * SKUs month by month. xp_report_sku_totals cannot be inlined (it sets work_mem), so filtering its
 * answer summed all of a year's SKU-months first (≈ 400,000 rows, half a second at full scale)
 * to keep twenty.
 */
export class ReportSomeSkuTotals1765100000003 implements MigrationInterface {
  name = 'ReportSomeSkuTotals1765100000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION xp_report_some_sku_totals(p_venues uuid[], p_from date, p_to date, p_raw boolean, p_skus uuid[])
      RETURNS TABLE (venue_id uuid, sku_id uuid, factory_org_id uuid, scans integer, listings integer,
                     units_sold integer, gmv bigint, supply_amount bigint, units_returned integer,
                     returned_amount bigint, returned_supply bigint, stock_net integer)
      LANGUAGE sql STABLE AS $$
        WITH parts AS (
          SELECT r.venue_id, r.sku_id, r.factory_org_id, r.scans, r.listings, r.units_sold, r.gmv, r.supply_amount,
                 r.units_returned, r.returned_amount, r.returned_supply, r.stock_net
          FROM xp_report_clean_months(p_venues, p_from, p_to, p_raw) c
          JOIN report_sku_months r ON r.venue_id = c.venue_id AND r.month = c.month AND r.sku_id = ANY(p_skus)
          UNION ALL
          SELECT x.venue_id, x.sku_id, x.factory_org_id, x.scans, x.listings, x.units_sold, x.gmv, x.supply_amount,
                 x.units_returned, x.returned_amount, x.returned_supply, x.stock_net
          FROM xp_report_leftover_ranges(p_venues, p_from, p_to, p_raw) l
          CROSS JOIN LATERAL xp_report_sku_days(ARRAY[l.venue_id], l.from_day, l.to_day, p_raw) x
          WHERE x.sku_id = ANY(p_skus)
        )
        SELECT venue_id, sku_id, factory_org_id, sum(scans)::int, sum(listings)::int, sum(units_sold)::int,
               sum(gmv)::bigint, sum(supply_amount)::bigint, sum(units_returned)::int, sum(returned_amount)::bigint,
               sum(returned_supply)::bigint, sum(stock_net)::int
        FROM parts GROUP BY venue_id, sku_id, factory_org_id
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION xp_report_some_sku_totals(uuid[], date, date, boolean, uuid[])');
  }
}
