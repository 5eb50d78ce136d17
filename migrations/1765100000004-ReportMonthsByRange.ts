import { MigrationInterface, QueryRunner } from 'typeorm';

const FACTORY = (range: string) => `
      CREATE OR REPLACE FUNCTION xp_report_factory_totals(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, factory_org_id uuid, orders integer, scans integer, listings integer,
                     units_sold integer, gmv bigint, supply_amount bigint, units_returned integer,
                     returned_amount bigint, returned_supply bigint, stock_net integer)
      LANGUAGE sql STABLE AS $$
        WITH parts AS (
          SELECT r.venue_id, r.factory_org_id, r.orders, r.scans, r.listings, r.units_sold, r.gmv, r.supply_amount,
                 r.units_returned, r.returned_amount, r.returned_supply, r.stock_net
          FROM xp_report_clean_months(p_venues, p_from, p_to, p_raw) c
          JOIN report_factory_months r ON r.venue_id = c.venue_id AND r.month = c.month${range}
          UNION ALL
          SELECT x.venue_id, x.factory_org_id, x.orders, x.scans, x.listings, x.units_sold, x.gmv, x.supply_amount,
                 x.units_returned, x.returned_amount, x.returned_supply, x.stock_net
          FROM xp_report_leftover_ranges(p_venues, p_from, p_to, p_raw) l
          CROSS JOIN LATERAL xp_report_factory_days(ARRAY[l.venue_id], l.from_day, l.to_day, p_raw) x
        )
        SELECT venue_id, factory_org_id, sum(orders)::int, sum(scans)::int, sum(listings)::int, sum(units_sold)::int,
               sum(gmv)::bigint, sum(supply_amount)::bigint, sum(units_returned)::int, sum(returned_amount)::bigint,
               sum(returned_supply)::bigint, sum(stock_net)::int
        FROM parts GROUP BY venue_id, factory_org_id
      $$;`;

const SLOT = (range: string) => `
      CREATE OR REPLACE FUNCTION xp_report_slot_totals(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, slot_id uuid, scans integer, listings integer)
      LANGUAGE sql STABLE AS $$
        WITH parts AS (
          SELECT r.venue_id, r.slot_id, r.scans, r.listings
          FROM xp_report_clean_months(p_venues, p_from, p_to, p_raw) c
          JOIN report_slot_months r ON r.venue_id = c.venue_id AND r.month = c.month${range}
          UNION ALL
          SELECT x.venue_id, x.slot_id, x.scans, x.listings
          FROM xp_report_leftover_ranges(p_venues, p_from, p_to, p_raw) l
          CROSS JOIN LATERAL xp_report_slot_days(ARRAY[l.venue_id], l.from_day, l.to_day, p_raw) x
        )
        SELECT venue_id, slot_id, sum(scans)::int, sum(listings)::int FROM parts GROUP BY venue_id, slot_id
      $$;`;

const RANGE = `
           AND r.venue_id = ANY(p_venues) AND r.month >= p_from AND r.month < p_to`;

/**
 * The factory and slot months read by range, like the SKU months: the join on the clean months
 * alone was planned as a scan of all the venue's months (two years and more) hashed against the
 * period's; with the range the primary key reads only the period's months.
 */
export class ReportMonthsByRange1765100000004 implements MigrationInterface {
  name = 'ReportMonthsByRange1765100000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(FACTORY(RANGE));
    await q.query(SLOT(RANGE));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(FACTORY(''));
    await q.query(SLOT(''));
  }
}
