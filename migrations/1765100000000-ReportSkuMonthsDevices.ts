import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two more rollups the reports needed to answer a year in well under a second (the benchmark
 * found a year's venue report at about half a second on a tenth of the national network):
 *
 * - report_sku_months: the venue × SKU grain by calendar month, like the factory and slot
 *   months. A busy venue has about as many SKU-days as scans, so the top SKUs, the previous
 *   period's figures of the listed SKUs and the stock moved after a period's end summed a year
 *   of SKU-days (≈ 450,000 rows at one venue) on every report; a year of SKU-months is about a
 *   tenth of that.
 * - report_device_months: the distinct devices of a venue-month as bitmaps. Unique devices over
 *   a period cannot be a sum of per-day numbers, and counting them distinct over a year of
 *   device-days (≈ as many rows as scans) was the slowest figure. Each device gets a small
 *   integer once (report_devices); a venue-month keeps one bit per device, in chunks of 8,192
 *   bits (1 KiB, stored inline) — a year is about a dozen chunks a month, OR-ed together and
 *   counted (bit_count), exactly. The period's leftover days (partial months, dirty days) come
 *   from the device-days as before and count only when their bit is not already set.
 *
 * Both are rebuilt by xp_report_rebuild_range with the months its days fall in, and read only
 * for months with no dirty day (xp_report_clean_months), so they stay exact like the others.
 */
export class ReportSkuMonthsDevices1765100000000 implements MigrationInterface {
  name = 'ReportSkuMonthsDevices1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_sku_months (
        venue_id uuid NOT NULL REFERENCES venues(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        sku_id uuid NOT NULL REFERENCES skus(id),
        factory_org_id uuid NOT NULL REFERENCES organizations(id),
        scans integer NOT NULL DEFAULT 0 CHECK (scans >= 0),
        listings integer NOT NULL DEFAULT 0 CHECK (listings >= 0),
        units_sold integer NOT NULL DEFAULT 0 CHECK (units_sold >= 0),
        gmv bigint NOT NULL DEFAULT 0 CHECK (gmv >= 0),
        supply_amount bigint NOT NULL DEFAULT 0 CHECK (supply_amount >= 0),
        units_returned integer NOT NULL DEFAULT 0 CHECK (units_returned >= 0),
        returned_amount bigint NOT NULL DEFAULT 0 CHECK (returned_amount >= 0),
        returned_supply bigint NOT NULL DEFAULT 0 CHECK (returned_supply >= 0),
        stock_net integer NOT NULL DEFAULT 0,
        PRIMARY KEY (venue_id, month, sku_id)
      );
      -- the foreign keys' other sides (deleting a SKU or a factory checks here) and a SKU's months
      CREATE INDEX report_sku_months_sku_idx ON report_sku_months (sku_id, venue_id, month);
      CREATE INDEX report_sku_months_factory_idx ON report_sku_months (factory_org_id, venue_id, month);

      -- Every device that ever scanned, numbered once (the bit it owns in the month bitmaps).
      CREATE TABLE report_devices (
        id integer GENERATED ALWAYS AS IDENTITY (MINVALUE 0 START WITH 0) PRIMARY KEY,
        device uuid NOT NULL,
        CONSTRAINT report_devices_device_key UNIQUE (device)
      );

      -- The devices seen at a venue in a month: device n is bit (n % 8192) of chunk (n / 8192).
      CREATE TABLE report_device_months (
        venue_id uuid NOT NULL REFERENCES venues(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        chunk integer NOT NULL CHECK (chunk >= 0),
        bits bit(8192) NOT NULL,
        PRIMARY KEY (venue_id, month, chunk)
      );
      ALTER TABLE report_device_months ALTER COLUMN bits SET STORAGE PLAIN;

      -- The sales of the SKU-days that had any (a venue's slots are credited with them by day).
      CREATE INDEX report_sku_days_sold_idx ON report_sku_days (venue_id, day) INCLUDE (sku_id, units_sold, gmv)
        WHERE units_sold > 0;

      -- Per venue × SKU: the sums over [p_from, p_to) (clean full months from the months, the rest by
      -- day). A year at a busy venue aggregates a few hundred thousand SKU-months: room to hash them
      -- in memory (work_mem), and the months read by range.
      CREATE FUNCTION xp_report_sku_totals(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, sku_id uuid, factory_org_id uuid, scans integer, listings integer,
                     units_sold integer, gmv bigint, supply_amount bigint, units_returned integer,
                     returned_amount bigint, returned_supply bigint, stock_net integer)
      LANGUAGE sql STABLE SET work_mem = '64MB' AS $$
        WITH parts AS (
          SELECT r.venue_id, r.sku_id, r.factory_org_id, r.scans, r.listings, r.units_sold, r.gmv, r.supply_amount,
                 r.units_returned, r.returned_amount, r.returned_supply, r.stock_net
          FROM xp_report_clean_months(p_venues, p_from, p_to, p_raw) c
          JOIN report_sku_months r ON r.venue_id = c.venue_id AND r.month = c.month
           AND r.venue_id = ANY(p_venues) AND r.month >= p_from AND r.month < p_to
          UNION ALL
          SELECT x.venue_id, x.sku_id, x.factory_org_id, x.scans, x.listings, x.units_sold, x.gmv, x.supply_amount,
                 x.units_returned, x.returned_amount, x.returned_supply, x.stock_net
          FROM xp_report_leftover_ranges(p_venues, p_from, p_to, p_raw) l
          CROSS JOIN LATERAL xp_report_sku_days(ARRAY[l.venue_id], l.from_day, l.to_day, p_raw) x
        )
        SELECT venue_id, sku_id, factory_org_id, sum(scans)::int, sum(listings)::int, sum(units_sold)::int,
               sum(gmv)::bigint, sum(supply_amount)::bigint, sum(units_returned)::int, sum(returned_amount)::bigint,
               sum(returned_supply)::bigint, sum(stock_net)::int
        FROM parts GROUP BY venue_id, sku_id, factory_org_id
      $$;

      -- Distinct devices that viewed a scan page over [p_from, p_to): one row per venue, and a row
      -- with a NULL venue for the set (a device at two venues counts once there).
      CREATE FUNCTION xp_report_unique_devices(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
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
        )
        SELECT v.id,
               (COALESCE((SELECT sum(bit_count(b.bits)) FROM venue_bits b WHERE b.venue_id = v.id), 0)
                + (SELECT count(*) FROM rest r
                   LEFT JOIN venue_bits b ON b.venue_id = r.venue_id AND b.chunk = r.id / 8192
                   WHERE r.venue_id = v.id AND (b.bits IS NULL OR get_bit(b.bits, r.id % 8192) = 0)))::int
        FROM unnest(p_venues) AS v(id)
        UNION ALL
        SELECT NULL::uuid,
               (COALESCE((SELECT sum(bit_count(b.bits)) FROM all_bits b), 0)
                + (SELECT count(DISTINCT r.device) FROM rest r
                   LEFT JOIN all_bits b ON b.chunk = r.id / 8192
                   WHERE b.bits IS NULL OR get_bit(b.bits, r.id % 8192) = 0))::int
      $$;

      CREATE OR REPLACE FUNCTION xp_report_rebuild_range(p_venue uuid, p_from date, p_to date) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        month_from date;
        month_to date;
      BEGIN
        DELETE FROM report_sku_days WHERE venue_id = p_venue AND day >= p_from AND day < p_to;
        DELETE FROM report_factory_days WHERE venue_id = p_venue AND day >= p_from AND day < p_to;
        DELETE FROM report_venue_days WHERE venue_id = p_venue AND day >= p_from AND day < p_to;
        DELETE FROM report_slot_days WHERE venue_id = p_venue AND day >= p_from AND day < p_to;
        DELETE FROM report_device_days WHERE venue_id = p_venue AND day >= p_from AND day < p_to;
        INSERT INTO report_sku_days (venue_id, day, sku_id, factory_org_id, scans, listings, units_sold, gmv, supply_amount,
                                     units_returned, returned_amount, returned_supply, stock_net)
          SELECT p_venue, x.* FROM xp_report_raw_sku_days(p_venue, p_from, p_to) x;
        INSERT INTO report_factory_days (venue_id, day, factory_org_id, orders, scans, listings, units_sold, gmv, supply_amount,
                                         units_returned, returned_amount, returned_supply, stock_net)
          SELECT p_venue, x.* FROM xp_report_raw_factory_days(p_venue, p_from, p_to) x;
        INSERT INTO report_venue_days (venue_id, day, orders, scans, listings, units_sold, gmv, supply_amount,
                                       units_returned, returned_amount, returned_supply, stock_net)
          SELECT p_venue, x.* FROM xp_report_raw_venue_days(p_venue, p_from, p_to) x;
        INSERT INTO report_slot_days (venue_id, day, slot_id, scans, listings)
          SELECT p_venue, x.* FROM xp_report_raw_slot_days(p_venue, p_from, p_to) x;
        INSERT INTO report_device_days (venue_id, day, device)
          SELECT p_venue, x.* FROM xp_report_raw_device_days(p_venue, p_from, p_to) x;
        -- the months these days fall in, from their day rows
        month_from := date_trunc('month', p_from::timestamp)::date;
        month_to := (date_trunc('month', (p_to - 1)::timestamp) + interval '1 month')::date;
        DELETE FROM report_factory_months WHERE venue_id = p_venue AND month >= month_from AND month < month_to;
        DELETE FROM report_slot_months WHERE venue_id = p_venue AND month >= month_from AND month < month_to;
        DELETE FROM report_sku_months WHERE venue_id = p_venue AND month >= month_from AND month < month_to;
        DELETE FROM report_device_months WHERE venue_id = p_venue AND month >= month_from AND month < month_to;
        INSERT INTO report_factory_months (venue_id, month, factory_org_id, orders, scans, listings, units_sold, gmv, supply_amount,
                                           units_returned, returned_amount, returned_supply, stock_net)
          SELECT venue_id, date_trunc('month', day::timestamp)::date, factory_org_id, sum(orders), sum(scans), sum(listings),
                 sum(units_sold), sum(gmv), sum(supply_amount), sum(units_returned), sum(returned_amount), sum(returned_supply),
                 sum(stock_net)
          FROM report_factory_days WHERE venue_id = p_venue AND day >= month_from AND day < month_to
          GROUP BY 1, 2, 3;
        INSERT INTO report_slot_months (venue_id, month, slot_id, scans, listings)
          SELECT venue_id, date_trunc('month', day::timestamp)::date, slot_id, sum(scans), sum(listings)
          FROM report_slot_days WHERE venue_id = p_venue AND day >= month_from AND day < month_to
          GROUP BY 1, 2, 3;
        INSERT INTO report_sku_months (venue_id, month, sku_id, factory_org_id, scans, listings, units_sold, gmv, supply_amount,
                                       units_returned, returned_amount, returned_supply, stock_net)
          SELECT venue_id, date_trunc('month', day::timestamp)::date, sku_id, factory_org_id, sum(scans), sum(listings),
                 sum(units_sold), sum(gmv), sum(supply_amount), sum(units_returned), sum(returned_amount), sum(returned_supply),
                 sum(stock_net)
          FROM report_sku_days WHERE venue_id = p_venue AND day >= month_from AND day < month_to
          GROUP BY 1, 2, 3, 4;
        -- new devices get their number (in device order: concurrent refreshes of two venues take
        -- the unique key's locks in the same order), then each month's bitmap of the venue
        INSERT INTO report_devices (device)
          SELECT DISTINCT d.device FROM report_device_days d
          WHERE d.venue_id = p_venue AND d.day >= month_from AND d.day < month_to
            AND NOT EXISTS (SELECT 1 FROM report_devices r WHERE r.device = d.device)
          ORDER BY 1
          ON CONFLICT (device) DO NOTHING;
        INSERT INTO report_device_months (venue_id, month, chunk, bits)
          SELECT s.venue_id, s.month, r.id / 8192, bit_or(B'1'::bit(8192) >> (r.id % 8192))
          FROM (SELECT DISTINCT venue_id, date_trunc('month', day::timestamp)::date AS month, device
                FROM report_device_days WHERE venue_id = p_venue AND day >= month_from AND day < month_to) s
          JOIN report_devices r ON r.device = s.device
          GROUP BY 1, 2, 3;
      END $$;

      -- The months already rolled up get their SKU months and device bitmaps from their day rows
      -- (a month with a dirty day is not read from the months, and is rebuilt with that day).
      INSERT INTO report_sku_months (venue_id, month, sku_id, factory_org_id, scans, listings, units_sold, gmv, supply_amount,
                                     units_returned, returned_amount, returned_supply, stock_net)
        SELECT venue_id, date_trunc('month', day::timestamp)::date, sku_id, factory_org_id, sum(scans), sum(listings),
               sum(units_sold), sum(gmv), sum(supply_amount), sum(units_returned), sum(returned_amount), sum(returned_supply),
               sum(stock_net)
        FROM report_sku_days GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3;
      INSERT INTO report_devices (device) SELECT DISTINCT device FROM report_device_days ORDER BY 1;
      INSERT INTO report_device_months (venue_id, month, chunk, bits)
        SELECT s.venue_id, s.month, r.id / 8192, bit_or(B'1'::bit(8192) >> (r.id % 8192))
        FROM (SELECT DISTINCT venue_id, date_trunc('month', day::timestamp)::date AS month, device FROM report_device_days) s
        JOIN report_devices r ON r.device = s.device
        GROUP BY 1, 2, 3;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION xp_report_rebuild_range(p_venue uuid, p_from date, p_to date) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        month_from date;
        month_to date;
      BEGIN
        DELETE FROM report_sku_days WHERE venue_id = p_venue AND day >= p_from AND day < p_to;
        DELETE FROM report_factory_days WHERE venue_id = p_venue AND day >= p_from AND day < p_to;
        DELETE FROM report_venue_days WHERE venue_id = p_venue AND day >= p_from AND day < p_to;
        DELETE FROM report_slot_days WHERE venue_id = p_venue AND day >= p_from AND day < p_to;
        DELETE FROM report_device_days WHERE venue_id = p_venue AND day >= p_from AND day < p_to;
        INSERT INTO report_sku_days (venue_id, day, sku_id, factory_org_id, scans, listings, units_sold, gmv, supply_amount,
                                     units_returned, returned_amount, returned_supply, stock_net)
          SELECT p_venue, x.* FROM xp_report_raw_sku_days(p_venue, p_from, p_to) x;
        INSERT INTO report_factory_days (venue_id, day, factory_org_id, orders, scans, listings, units_sold, gmv, supply_amount,
                                         units_returned, returned_amount, returned_supply, stock_net)
          SELECT p_venue, x.* FROM xp_report_raw_factory_days(p_venue, p_from, p_to) x;
        INSERT INTO report_venue_days (venue_id, day, orders, scans, listings, units_sold, gmv, supply_amount,
                                       units_returned, returned_amount, returned_supply, stock_net)
          SELECT p_venue, x.* FROM xp_report_raw_venue_days(p_venue, p_from, p_to) x;
        INSERT INTO report_slot_days (venue_id, day, slot_id, scans, listings)
          SELECT p_venue, x.* FROM xp_report_raw_slot_days(p_venue, p_from, p_to) x;
        INSERT INTO report_device_days (venue_id, day, device)
          SELECT p_venue, x.* FROM xp_report_raw_device_days(p_venue, p_from, p_to) x;
        month_from := date_trunc('month', p_from::timestamp)::date;
        month_to := (date_trunc('month', (p_to - 1)::timestamp) + interval '1 month')::date;
        DELETE FROM report_factory_months WHERE venue_id = p_venue AND month >= month_from AND month < month_to;
        DELETE FROM report_slot_months WHERE venue_id = p_venue AND month >= month_from AND month < month_to;
        INSERT INTO report_factory_months (venue_id, month, factory_org_id, orders, scans, listings, units_sold, gmv, supply_amount,
                                           units_returned, returned_amount, returned_supply, stock_net)
          SELECT venue_id, date_trunc('month', day::timestamp)::date, factory_org_id, sum(orders), sum(scans), sum(listings),
                 sum(units_sold), sum(gmv), sum(supply_amount), sum(units_returned), sum(returned_amount), sum(returned_supply),
                 sum(stock_net)
          FROM report_factory_days WHERE venue_id = p_venue AND day >= month_from AND day < month_to
          GROUP BY 1, 2, 3;
        INSERT INTO report_slot_months (venue_id, month, slot_id, scans, listings)
          SELECT venue_id, date_trunc('month', day::timestamp)::date, slot_id, sum(scans), sum(listings)
          FROM report_slot_days WHERE venue_id = p_venue AND day >= month_from AND day < month_to
          GROUP BY 1, 2, 3;
      END $$;
      DROP FUNCTION xp_report_unique_devices(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_sku_totals(uuid[], date, date, boolean);
      DROP INDEX report_sku_days_sold_idx;
      DROP TABLE report_device_months, report_devices, report_sku_months;
    `);
  }
}
