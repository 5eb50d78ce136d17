import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily rollups for the reports, and the bookkeeping that keeps them exact.
 *
 * Rollup tables hold per-day sums at four grains (venue, venue × factory, venue × SKU,
 * venue × slot) plus the distinct devices of each venue-day. The one definition of every
 * daily figure is the set of xp_report_raw_* functions, which aggregate the raw rows of
 * [p_from, p_to) for one venue; the rollups are a cache of exactly those answers.
 *
 * Freshness: every write to a raw table the rollups read marks its (venue, business day)
 * dirty in report_dirty_days, in the writer's own transaction (statement triggers with
 * transition tables: one small upsert per statement, however many rows). Readers
 * (xp_report_*_days) take clean days from the rollups and dirty days from the raw rows, in
 * one statement, so a report is exact whatever the state of the cache — today, a late return
 * or a backdated movement included. xp_report_refresh(p_before) recomputes dirty days before a
 * day and clears them; a job runs it every minute for closed days (today stays dirty and is
 * read raw while it lasts). A dirty row carries a generation that every mark bumps under its
 * row lock, and the refresh clears only the generation it computed: a write that commits
 * while a day is being recomputed leaves it dirty, never lost.
 */
export class Reports1764900000000 implements MigrationInterface {
  name = 'Reports1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_dirty_days (
        venue_id uuid NOT NULL REFERENCES venues(id),
        day date NOT NULL,
        generation bigint NOT NULL DEFAULT 1,
        marked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (venue_id, day)
      );
      CREATE INDEX report_dirty_days_day_idx ON report_dirty_days (day);

      -- venue × day
      CREATE TABLE report_venue_days (
        venue_id uuid NOT NULL REFERENCES venues(id),
        day date NOT NULL,
        orders integer NOT NULL DEFAULT 0 CHECK (orders >= 0),
        scans integer NOT NULL DEFAULT 0 CHECK (scans >= 0),
        listings integer NOT NULL DEFAULT 0 CHECK (listings >= 0),
        units_sold integer NOT NULL DEFAULT 0 CHECK (units_sold >= 0),
        gmv bigint NOT NULL DEFAULT 0 CHECK (gmv >= 0),
        supply_amount bigint NOT NULL DEFAULT 0 CHECK (supply_amount >= 0),
        units_returned integer NOT NULL DEFAULT 0 CHECK (units_returned >= 0),
        returned_amount bigint NOT NULL DEFAULT 0 CHECK (returned_amount >= 0),
        returned_supply bigint NOT NULL DEFAULT 0 CHECK (returned_supply >= 0),
        stock_net integer NOT NULL DEFAULT 0,
        PRIMARY KEY (venue_id, day)
      );

      -- venue × factory × day (orders count each order once per factory it has lines of)
      CREATE TABLE report_factory_days (
        venue_id uuid NOT NULL REFERENCES venues(id),
        day date NOT NULL,
        factory_org_id uuid NOT NULL REFERENCES organizations(id),
        orders integer NOT NULL DEFAULT 0 CHECK (orders >= 0),
        scans integer NOT NULL DEFAULT 0 CHECK (scans >= 0),
        listings integer NOT NULL DEFAULT 0 CHECK (listings >= 0),
        units_sold integer NOT NULL DEFAULT 0 CHECK (units_sold >= 0),
        gmv bigint NOT NULL DEFAULT 0 CHECK (gmv >= 0),
        supply_amount bigint NOT NULL DEFAULT 0 CHECK (supply_amount >= 0),
        units_returned integer NOT NULL DEFAULT 0 CHECK (units_returned >= 0),
        returned_amount bigint NOT NULL DEFAULT 0 CHECK (returned_amount >= 0),
        returned_supply bigint NOT NULL DEFAULT 0 CHECK (returned_supply >= 0),
        stock_net integer NOT NULL DEFAULT 0,
        PRIMARY KEY (venue_id, day, factory_org_id)
      );
      CREATE INDEX report_factory_days_factory_idx ON report_factory_days (factory_org_id, venue_id, day);

      -- venue × SKU × day
      CREATE TABLE report_sku_days (
        venue_id uuid NOT NULL REFERENCES venues(id),
        day date NOT NULL,
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
        PRIMARY KEY (venue_id, day, sku_id)
      );
      CREATE INDEX report_sku_days_factory_idx ON report_sku_days (factory_org_id, venue_id, day);
      CREATE INDEX report_sku_days_sku_idx ON report_sku_days (sku_id, venue_id, day);

      -- venue × slot × day (scans carry the slot of the label scanned)
      CREATE TABLE report_slot_days (
        venue_id uuid NOT NULL REFERENCES venues(id),
        day date NOT NULL,
        slot_id uuid NOT NULL REFERENCES slots(id),
        scans integer NOT NULL DEFAULT 0 CHECK (scans >= 0),
        listings integer NOT NULL DEFAULT 0 CHECK (listings >= 0),
        PRIMARY KEY (venue_id, day, slot_id)
      );

      -- Calendar months of the factory and slot grains (a venue has far fewer factories and slots
      -- than a year has their days): a period's full months whose days are all clean come from
      -- here, the rest from the days. Rebuilt from the day tables with the days they cover.
      CREATE TABLE report_factory_months (
        venue_id uuid NOT NULL REFERENCES venues(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        factory_org_id uuid NOT NULL REFERENCES organizations(id),
        orders integer NOT NULL DEFAULT 0 CHECK (orders >= 0),
        scans integer NOT NULL DEFAULT 0 CHECK (scans >= 0),
        listings integer NOT NULL DEFAULT 0 CHECK (listings >= 0),
        units_sold integer NOT NULL DEFAULT 0 CHECK (units_sold >= 0),
        gmv bigint NOT NULL DEFAULT 0 CHECK (gmv >= 0),
        supply_amount bigint NOT NULL DEFAULT 0 CHECK (supply_amount >= 0),
        units_returned integer NOT NULL DEFAULT 0 CHECK (units_returned >= 0),
        returned_amount bigint NOT NULL DEFAULT 0 CHECK (returned_amount >= 0),
        returned_supply bigint NOT NULL DEFAULT 0 CHECK (returned_supply >= 0),
        stock_net integer NOT NULL DEFAULT 0,
        PRIMARY KEY (venue_id, month, factory_org_id)
      );
      CREATE INDEX report_factory_months_factory_idx ON report_factory_months (factory_org_id, venue_id, month);

      CREATE TABLE report_slot_months (
        venue_id uuid NOT NULL REFERENCES venues(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        slot_id uuid NOT NULL REFERENCES slots(id),
        scans integer NOT NULL DEFAULT 0 CHECK (scans >= 0),
        listings integer NOT NULL DEFAULT 0 CHECK (listings >= 0),
        PRIMARY KEY (venue_id, month, slot_id)
      );

      -- the distinct devices that scanned at a venue on a day (unique devices over a period
      -- are counted distinct across days, so they cannot be a per-day number); the 128-bit
      -- device hash is kept as a uuid: half the bytes of its hex text, faster to hash and sort
      CREATE TABLE report_device_days (
        venue_id uuid NOT NULL REFERENCES venues(id),
        day date NOT NULL,
        device uuid NOT NULL,
        PRIMARY KEY (venue_id, day, device)
      );

      -- Report figures that read other areas' rows without a rollup need these.
      CREATE INDEX price_sheets_report_submitted_idx ON price_sheets (venue_id, submitted_at)
        INCLUDE (finalized_at, factory_org_id) WHERE submitted_at IS NOT NULL;
      CREATE INDEX price_sheets_report_finalized_idx ON price_sheets (venue_id, finalized_at)
        INCLUDE (submitted_at, factory_org_id, status) WHERE finalized_at IS NOT NULL;

      -- The instant a business day starts (Shanghai has no daylight saving).
      CREATE FUNCTION xp_day_start(p_day date) RETURNS timestamptz
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT p_day::timestamp AT TIME ZONE 'Asia/Shanghai' $$;

      -- The business day of an instant.
      CREATE FUNCTION xp_business_day(p_at timestamptz) RETURNS date
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (p_at AT TIME ZONE 'Asia/Shanghai')::date $$;

      -- Each trigger marks the distinct (venue, day) pairs its statement wrote, in a fixed order
      -- (no deadlocks between writers); a mark that exists gets a new generation.
      CREATE FUNCTION xp_report_mark_stock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_dirty_days AS d (venue_id, day)
        SELECT DISTINCT venue_id, xp_business_day(occurred_at) FROM new_rows ORDER BY 1, 2
        ON CONFLICT (venue_id, day) DO UPDATE SET generation = d.generation + 1, marked_at = now();
        RETURN NULL;
      END $$;
      CREATE TRIGGER stock_movements_report_dirty AFTER INSERT ON stock_movements
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_mark_stock();

      -- Scans (flushed in batches by the API; each batch one statement).
      CREATE FUNCTION xp_report_mark_scans() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_dirty_days AS d (venue_id, day)
        SELECT DISTINCT venue_id, xp_business_day(occurred_at) FROM new_rows ORDER BY 1, 2
        ON CONFLICT (venue_id, day) DO UPDATE SET generation = d.generation + 1, marked_at = now();
        RETURN NULL;
      END $$;
      CREATE TRIGGER scan_events_report_dirty AFTER INSERT ON scan_events
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_mark_scans();

      -- Orders count on the day they ship, returns on the day they are received; an order or a
      -- return written with those times already set (lines inserted after it) marks through its lines.
      CREATE FUNCTION xp_report_mark_orders() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          INSERT INTO report_dirty_days AS d (venue_id, day)
          SELECT DISTINCT venue_id, day FROM (
            SELECT venue_id, xp_business_day(shipped_at) AS day FROM new_rows WHERE shipped_at IS NOT NULL
            UNION SELECT venue_id, xp_business_day(shipped_at) FROM old_rows WHERE shipped_at IS NOT NULL) x
          ORDER BY 1, 2
          ON CONFLICT (venue_id, day) DO UPDATE SET generation = d.generation + 1, marked_at = now();
        ELSE
          INSERT INTO report_dirty_days AS d (venue_id, day)
          SELECT DISTINCT venue_id, xp_business_day(shipped_at) FROM new_rows WHERE shipped_at IS NOT NULL ORDER BY 1, 2
          ON CONFLICT (venue_id, day) DO UPDATE SET generation = d.generation + 1, marked_at = now();
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER sales_orders_report_dirty_insert AFTER INSERT ON sales_orders
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_mark_orders();
      CREATE TRIGGER sales_orders_report_dirty_update AFTER UPDATE ON sales_orders
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_mark_orders();

      CREATE FUNCTION xp_report_mark_order_lines() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_dirty_days AS d (venue_id, day)
        SELECT DISTINCT o.venue_id, xp_business_day(o.shipped_at)
        FROM new_rows l JOIN sales_orders o ON o.id = l.order_id WHERE o.shipped_at IS NOT NULL ORDER BY 1, 2
        ON CONFLICT (venue_id, day) DO UPDATE SET generation = d.generation + 1, marked_at = now();
        RETURN NULL;
      END $$;
      CREATE TRIGGER sales_order_lines_report_dirty AFTER INSERT ON sales_order_lines
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_mark_order_lines();

      CREATE FUNCTION xp_report_mark_returns() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          INSERT INTO report_dirty_days AS d (venue_id, day)
          SELECT DISTINCT venue_id, day FROM (
            SELECT venue_id, xp_business_day(received_at) AS day FROM new_rows WHERE received_at IS NOT NULL
            UNION SELECT venue_id, xp_business_day(received_at) FROM old_rows WHERE received_at IS NOT NULL) x
          ORDER BY 1, 2
          ON CONFLICT (venue_id, day) DO UPDATE SET generation = d.generation + 1, marked_at = now();
        ELSE
          INSERT INTO report_dirty_days AS d (venue_id, day)
          SELECT DISTINCT venue_id, xp_business_day(received_at) FROM new_rows WHERE received_at IS NOT NULL ORDER BY 1, 2
          ON CONFLICT (venue_id, day) DO UPDATE SET generation = d.generation + 1, marked_at = now();
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER sales_returns_report_dirty_insert AFTER INSERT ON sales_returns
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_mark_returns();
      CREATE TRIGGER sales_returns_report_dirty_update AFTER UPDATE ON sales_returns
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_mark_returns();

      CREATE FUNCTION xp_report_mark_return_lines() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO report_dirty_days AS d (venue_id, day)
        SELECT DISTINCT r.venue_id, xp_business_day(r.received_at)
        FROM new_rows l JOIN sales_returns r ON r.id = l.return_id WHERE r.received_at IS NOT NULL ORDER BY 1, 2
        ON CONFLICT (venue_id, day) DO UPDATE SET generation = d.generation + 1, marked_at = now();
        RETURN NULL;
      END $$;
      CREATE TRIGGER sales_return_lines_report_dirty AFTER INSERT ON sales_return_lines
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_mark_return_lines();

      -- What stock movements do to the units a venue holds (all locations): in, out, or neither.
      CREATE FUNCTION xp_stock_signed(p_type text, p_from text, p_to text, p_quantity integer) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN p_type IN ('CONSIGN_IN', 'CUSTOMER_RETURN') THEN p_quantity
          WHEN p_type IN ('SALE', 'RETURN_TO_FACTORY', 'WRITE_OFF') THEN -p_quantity
          WHEN p_type = 'ADJUSTMENT' AND p_to IS NOT NULL THEN p_quantity
          WHEN p_type = 'ADJUSTMENT' AND p_from IS NOT NULL THEN -p_quantity
          ELSE 0 END
      $$;

      -- ===== The raw definitions: one venue, business days [p_from, p_to), per day =====

      CREATE FUNCTION xp_report_raw_sku_days(p_venue uuid, p_from date, p_to date)
      RETURNS TABLE (day date, sku_id uuid, factory_org_id uuid, scans integer, listings integer, units_sold integer,
                     gmv bigint, supply_amount bigint, units_returned integer, returned_amount bigint,
                     returned_supply bigint, stock_net integer)
      LANGUAGE sql STABLE AS $$
        WITH stock AS (
          SELECT xp_business_day(m.occurred_at) AS day, m.sku_id, m.owner_factory_org_id AS factory_org_id,
                 sum(xp_stock_signed(m.type, m.from_location, m.to_location, m.quantity))::int AS stock_net
          FROM stock_movements m
          WHERE m.venue_id = p_venue AND m.occurred_at >= xp_day_start(p_from) AND m.occurred_at < xp_day_start(p_to)
          GROUP BY 1, 2, 3
        ), scanned AS (
          SELECT xp_business_day(e.occurred_at) AS day, e.sku_id, e.factory_org_id,
                 count(*) FILTER (WHERE e.kind = 'VIEW')::int AS scans, count(*) FILTER (WHERE e.kind = 'LISTING')::int AS listings
          FROM scan_events e
          WHERE e.venue_id = p_venue AND e.occurred_at >= xp_day_start(p_from) AND e.occurred_at < xp_day_start(p_to)
          GROUP BY 1, 2, 3
        ), sold AS (
          SELECT xp_business_day(o.shipped_at) AS day, l.sku_id, l.factory_org_id, sum(l.quantity)::int AS units,
                 sum(l.amount)::bigint AS gmv, sum(l.quantity::bigint * l.supply_unit_price)::bigint AS supply
          FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id
          WHERE o.venue_id = p_venue AND o.shipped_at >= xp_day_start(p_from) AND o.shipped_at < xp_day_start(p_to)
          GROUP BY 1, 2, 3
        ), returned AS (
          SELECT xp_business_day(r.received_at) AS day, rl.sku_id, rl.factory_org_id, sum(rl.quantity)::int AS units,
                 sum(rl.quantity::bigint * l.unit_price)::bigint AS amount,
                 sum(rl.quantity::bigint * l.supply_unit_price)::bigint AS supply
          FROM sales_returns r
          JOIN sales_return_lines rl ON rl.return_id = r.id
          JOIN sales_order_lines l ON l.id = rl.order_line_id
          WHERE r.venue_id = p_venue AND r.status = 'RECEIVED'
            AND r.received_at >= xp_day_start(p_from) AND r.received_at < xp_day_start(p_to)
          GROUP BY 1, 2, 3
        ), keys AS (
          SELECT day, sku_id, factory_org_id FROM stock
          UNION SELECT day, sku_id, factory_org_id FROM scanned
          UNION SELECT day, sku_id, factory_org_id FROM sold
          UNION SELECT day, sku_id, factory_org_id FROM returned
        )
        SELECT k.day, k.sku_id, k.factory_org_id, COALESCE(sc.scans, 0), COALESCE(sc.listings, 0),
               COALESCE(so.units, 0), COALESCE(so.gmv, 0)::bigint, COALESCE(so.supply, 0)::bigint,
               COALESCE(re.units, 0), COALESCE(re.amount, 0)::bigint, COALESCE(re.supply, 0)::bigint, COALESCE(st.stock_net, 0)
        FROM keys k
        LEFT JOIN stock st ON st.day = k.day AND st.sku_id = k.sku_id
        LEFT JOIN scanned sc ON sc.day = k.day AND sc.sku_id = k.sku_id
        LEFT JOIN sold so ON so.day = k.day AND so.sku_id = k.sku_id
        LEFT JOIN returned re ON re.day = k.day AND re.sku_id = k.sku_id
      $$;

      -- Orders shipped per day, by factory (an order counts once for each factory it has lines of).
      CREATE FUNCTION xp_report_raw_orders(p_venue uuid, p_from date, p_to date)
      RETURNS TABLE (day date, factory_org_id uuid, orders integer)
      LANGUAGE sql STABLE AS $$
        SELECT xp_business_day(o.shipped_at), l.factory_org_id, count(DISTINCT o.id)::int
        FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id
        WHERE o.venue_id = p_venue AND o.shipped_at >= xp_day_start(p_from) AND o.shipped_at < xp_day_start(p_to)
        GROUP BY 1, 2
      $$;

      CREATE FUNCTION xp_report_raw_factory_days(p_venue uuid, p_from date, p_to date)
      RETURNS TABLE (day date, factory_org_id uuid, orders integer, scans integer, listings integer, units_sold integer,
                     gmv bigint, supply_amount bigint, units_returned integer, returned_amount bigint,
                     returned_supply bigint, stock_net integer)
      LANGUAGE sql STABLE AS $$
        WITH skus AS (
          SELECT s.day, s.factory_org_id, sum(s.scans)::int AS scans, sum(s.listings)::int AS listings,
                 sum(s.units_sold)::int AS units_sold, sum(s.gmv)::bigint AS gmv, sum(s.supply_amount)::bigint AS supply_amount,
                 sum(s.units_returned)::int AS units_returned, sum(s.returned_amount)::bigint AS returned_amount,
                 sum(s.returned_supply)::bigint AS returned_supply, sum(s.stock_net)::int AS stock_net
          FROM xp_report_raw_sku_days(p_venue, p_from, p_to) s
          GROUP BY s.day, s.factory_org_id
        )
        SELECT s.day, s.factory_org_id, COALESCE(o.orders, 0), s.scans, s.listings, s.units_sold, s.gmv, s.supply_amount,
               s.units_returned, s.returned_amount, s.returned_supply, s.stock_net
        FROM skus s LEFT JOIN xp_report_raw_orders(p_venue, p_from, p_to) o ON o.day = s.day AND o.factory_org_id = s.factory_org_id
      $$;

      CREATE FUNCTION xp_report_raw_venue_days(p_venue uuid, p_from date, p_to date)
      RETURNS TABLE (day date, orders integer, scans integer, listings integer, units_sold integer,
                     gmv bigint, supply_amount bigint, units_returned integer, returned_amount bigint,
                     returned_supply bigint, stock_net integer)
      LANGUAGE sql STABLE AS $$
        WITH skus AS (
          SELECT s.day, sum(s.scans)::int AS scans, sum(s.listings)::int AS listings, sum(s.units_sold)::int AS units_sold,
                 sum(s.gmv)::bigint AS gmv, sum(s.supply_amount)::bigint AS supply_amount, sum(s.units_returned)::int AS units_returned,
                 sum(s.returned_amount)::bigint AS returned_amount, sum(s.returned_supply)::bigint AS returned_supply,
                 sum(s.stock_net)::int AS stock_net
          FROM xp_report_raw_sku_days(p_venue, p_from, p_to) s
          GROUP BY s.day
        ), shipped AS (
          SELECT xp_business_day(o.shipped_at) AS day, count(*)::int AS orders
          FROM sales_orders o
          WHERE o.venue_id = p_venue AND o.shipped_at >= xp_day_start(p_from) AND o.shipped_at < xp_day_start(p_to)
          GROUP BY 1
        )
        SELECT s.day, COALESCE(o.orders, 0), s.scans, s.listings, s.units_sold, s.gmv, s.supply_amount,
               s.units_returned, s.returned_amount, s.returned_supply, s.stock_net
        FROM skus s LEFT JOIN shipped o ON o.day = s.day
      $$;

      CREATE FUNCTION xp_report_raw_slot_days(p_venue uuid, p_from date, p_to date)
      RETURNS TABLE (day date, slot_id uuid, scans integer, listings integer)
      LANGUAGE sql STABLE AS $$
        SELECT xp_business_day(e.occurred_at), e.slot_id,
               count(*) FILTER (WHERE e.kind = 'VIEW')::int, count(*) FILTER (WHERE e.kind = 'LISTING')::int
        FROM scan_events e
        WHERE e.venue_id = p_venue AND e.occurred_at >= xp_day_start(p_from) AND e.occurred_at < xp_day_start(p_to)
        GROUP BY 1, 2
      $$;

      -- Devices that viewed a scan page (a listing export follows a view).
      CREATE FUNCTION xp_report_raw_device_days(p_venue uuid, p_from date, p_to date)
      RETURNS TABLE (day date, device uuid)
      LANGUAGE sql STABLE AS $$
        SELECT DISTINCT xp_business_day(e.occurred_at), e.device_hash::uuid
        FROM scan_events e
        WHERE e.venue_id = p_venue AND e.kind = 'VIEW'
          AND e.occurred_at >= xp_day_start(p_from) AND e.occurred_at < xp_day_start(p_to)
      $$;

      -- ===== Readers: rollups for clean days, raw rows for dirty ones (or all raw) =====

      CREATE FUNCTION xp_report_sku_days(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, day date, sku_id uuid, factory_org_id uuid, scans integer, listings integer,
                     units_sold integer, gmv bigint, supply_amount bigint, units_returned integer,
                     returned_amount bigint, returned_supply bigint, stock_net integer)
      LANGUAGE sql STABLE AS $$
        SELECT r.venue_id, r.day, r.sku_id, r.factory_org_id, r.scans, r.listings, r.units_sold, r.gmv, r.supply_amount,
               r.units_returned, r.returned_amount, r.returned_supply, r.stock_net
        FROM report_sku_days r
        WHERE NOT p_raw AND r.venue_id = ANY(p_venues) AND r.day >= p_from AND r.day < p_to
          AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.venue_id = r.venue_id AND d.day = r.day)
        UNION ALL
        SELECT d.venue_id, x.*
        FROM report_dirty_days d CROSS JOIN LATERAL xp_report_raw_sku_days(d.venue_id, d.day, d.day + 1) x
        WHERE NOT p_raw AND d.venue_id = ANY(p_venues) AND d.day >= p_from AND d.day < p_to
        UNION ALL
        SELECT v.id, x.*
        FROM unnest(p_venues) AS v(id) CROSS JOIN LATERAL xp_report_raw_sku_days(v.id, p_from, p_to) x
        WHERE p_raw
      $$;

      CREATE FUNCTION xp_report_factory_days(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, day date, factory_org_id uuid, orders integer, scans integer, listings integer,
                     units_sold integer, gmv bigint, supply_amount bigint, units_returned integer,
                     returned_amount bigint, returned_supply bigint, stock_net integer)
      LANGUAGE sql STABLE AS $$
        SELECT r.venue_id, r.day, r.factory_org_id, r.orders, r.scans, r.listings, r.units_sold, r.gmv, r.supply_amount,
               r.units_returned, r.returned_amount, r.returned_supply, r.stock_net
        FROM report_factory_days r
        WHERE NOT p_raw AND r.venue_id = ANY(p_venues) AND r.day >= p_from AND r.day < p_to
          AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.venue_id = r.venue_id AND d.day = r.day)
        UNION ALL
        SELECT d.venue_id, x.*
        FROM report_dirty_days d CROSS JOIN LATERAL xp_report_raw_factory_days(d.venue_id, d.day, d.day + 1) x
        WHERE NOT p_raw AND d.venue_id = ANY(p_venues) AND d.day >= p_from AND d.day < p_to
        UNION ALL
        SELECT v.id, x.*
        FROM unnest(p_venues) AS v(id) CROSS JOIN LATERAL xp_report_raw_factory_days(v.id, p_from, p_to) x
        WHERE p_raw
      $$;

      CREATE FUNCTION xp_report_venue_days(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, day date, orders integer, scans integer, listings integer, units_sold integer,
                     gmv bigint, supply_amount bigint, units_returned integer, returned_amount bigint,
                     returned_supply bigint, stock_net integer)
      LANGUAGE sql STABLE AS $$
        SELECT r.venue_id, r.day, r.orders, r.scans, r.listings, r.units_sold, r.gmv, r.supply_amount,
               r.units_returned, r.returned_amount, r.returned_supply, r.stock_net
        FROM report_venue_days r
        WHERE NOT p_raw AND r.venue_id = ANY(p_venues) AND r.day >= p_from AND r.day < p_to
          AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.venue_id = r.venue_id AND d.day = r.day)
        UNION ALL
        SELECT d.venue_id, x.*
        FROM report_dirty_days d CROSS JOIN LATERAL xp_report_raw_venue_days(d.venue_id, d.day, d.day + 1) x
        WHERE NOT p_raw AND d.venue_id = ANY(p_venues) AND d.day >= p_from AND d.day < p_to
        UNION ALL
        SELECT v.id, x.*
        FROM unnest(p_venues) AS v(id) CROSS JOIN LATERAL xp_report_raw_venue_days(v.id, p_from, p_to) x
        WHERE p_raw
      $$;

      CREATE FUNCTION xp_report_slot_days(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, day date, slot_id uuid, scans integer, listings integer)
      LANGUAGE sql STABLE AS $$
        SELECT r.venue_id, r.day, r.slot_id, r.scans, r.listings
        FROM report_slot_days r
        WHERE NOT p_raw AND r.venue_id = ANY(p_venues) AND r.day >= p_from AND r.day < p_to
          AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.venue_id = r.venue_id AND d.day = r.day)
        UNION ALL
        SELECT d.venue_id, x.*
        FROM report_dirty_days d CROSS JOIN LATERAL xp_report_raw_slot_days(d.venue_id, d.day, d.day + 1) x
        WHERE NOT p_raw AND d.venue_id = ANY(p_venues) AND d.day >= p_from AND d.day < p_to
        UNION ALL
        SELECT v.id, x.*
        FROM unnest(p_venues) AS v(id) CROSS JOIN LATERAL xp_report_raw_slot_days(v.id, p_from, p_to) x
        WHERE p_raw
      $$;

      CREATE FUNCTION xp_report_device_days(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, day date, device uuid)
      LANGUAGE sql STABLE AS $$
        SELECT r.venue_id, r.day, r.device
        FROM report_device_days r
        WHERE NOT p_raw AND r.venue_id = ANY(p_venues) AND r.day >= p_from AND r.day < p_to
          AND NOT EXISTS (SELECT 1 FROM report_dirty_days d WHERE d.venue_id = r.venue_id AND d.day = r.day)
        UNION ALL
        SELECT d.venue_id, x.*
        FROM report_dirty_days d CROSS JOIN LATERAL xp_report_raw_device_days(d.venue_id, d.day, d.day + 1) x
        WHERE NOT p_raw AND d.venue_id = ANY(p_venues) AND d.day >= p_from AND d.day < p_to
        UNION ALL
        SELECT v.id, x.*
        FROM unnest(p_venues) AS v(id) CROSS JOIN LATERAL xp_report_raw_device_days(v.id, p_from, p_to) x
        WHERE p_raw
      $$;

      -- The parts of [p_from, p_to) a venue's month rollups answer: full calendar months with no
      -- dirty day (none when p_raw), and the day ranges left over.
      CREATE FUNCTION xp_report_clean_months(p_venues uuid[], p_from date, p_to date, p_raw boolean)
      RETURNS TABLE (venue_id uuid, month date)
      LANGUAGE sql STABLE AS $$
        SELECT v.id, m::date
        FROM unnest(p_venues) AS v(id),
             generate_series(date_trunc('month', p_from::timestamp), p_to::timestamp, interval '1 month') AS m
        WHERE NOT p_raw AND m::date >= p_from AND (m + interval '1 month')::date <= p_to
          AND NOT EXISTS (SELECT 1 FROM report_dirty_days d
                          WHERE d.venue_id = v.id AND d.day >= m::date AND d.day < (m + interval '1 month')::date)
      $$;

      CREATE FUNCTION xp_report_leftover_ranges(p_venues uuid[], p_from date, p_to date, p_raw boolean)
      RETURNS TABLE (venue_id uuid, from_day date, to_day date)
      LANGUAGE sql STABLE AS $$
        SELECT v.id, lower(r), upper(r)
        FROM unnest(p_venues) AS v(id)
        CROSS JOIN LATERAL unnest(
          datemultirange(daterange(p_from, p_to))
          - COALESCE((SELECT range_agg(daterange(c.month, (c.month + interval '1 month')::date))
                      FROM xp_report_clean_months(ARRAY[v.id], p_from, p_to, p_raw) c), '{}'::datemultirange)) AS r
      $$;

      -- Per venue × factory: the sums over [p_from, p_to).
      CREATE FUNCTION xp_report_factory_totals(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, factory_org_id uuid, orders integer, scans integer, listings integer,
                     units_sold integer, gmv bigint, supply_amount bigint, units_returned integer,
                     returned_amount bigint, returned_supply bigint, stock_net integer)
      LANGUAGE sql STABLE AS $$
        WITH parts AS (
          SELECT r.venue_id, r.factory_org_id, r.orders, r.scans, r.listings, r.units_sold, r.gmv, r.supply_amount,
                 r.units_returned, r.returned_amount, r.returned_supply, r.stock_net
          FROM xp_report_clean_months(p_venues, p_from, p_to, p_raw) c
          JOIN report_factory_months r ON r.venue_id = c.venue_id AND r.month = c.month
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
      $$;

      -- Per venue × slot: the scans and listings over [p_from, p_to).
      CREATE FUNCTION xp_report_slot_totals(p_venues uuid[], p_from date, p_to date, p_raw boolean DEFAULT false)
      RETURNS TABLE (venue_id uuid, slot_id uuid, scans integer, listings integer)
      LANGUAGE sql STABLE AS $$
        WITH parts AS (
          SELECT r.venue_id, r.slot_id, r.scans, r.listings
          FROM xp_report_clean_months(p_venues, p_from, p_to, p_raw) c
          JOIN report_slot_months r ON r.venue_id = c.venue_id AND r.month = c.month
          UNION ALL
          SELECT x.venue_id, x.slot_id, x.scans, x.listings
          FROM xp_report_leftover_ranges(p_venues, p_from, p_to, p_raw) l
          CROSS JOIN LATERAL xp_report_slot_days(ARRAY[l.venue_id], l.from_day, l.to_day, p_raw) x
        )
        SELECT venue_id, slot_id, sum(scans)::int, sum(listings)::int FROM parts GROUP BY venue_id, slot_id
      $$;

      -- ===== Maintenance =====

      -- Recomputes the rollups of one venue over [p_from, p_to) from the raw rows (idempotent).
      CREATE FUNCTION xp_report_rebuild_range(p_venue uuid, p_from date, p_to date) RETURNS void
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

      -- Brings the dirty days before p_before up to date, a venue's consecutive days at a time,
      -- each run of days under an advisory lock of its venue; clears a dirty mark only if no
      -- write re-marked it meanwhile. Answers how many days it recomputed.
      CREATE FUNCTION xp_report_refresh(p_before date, p_venue uuid DEFAULT NULL) RETURNS integer
      LANGUAGE plpgsql AS $$
      DECLARE
        run record;
        done integer := 0;
      BEGIN
        FOR run IN
          WITH dirty AS (
            SELECT venue_id, day, generation, day - (row_number() OVER (PARTITION BY venue_id ORDER BY day))::int AS grp
            FROM report_dirty_days
            WHERE day < p_before AND (p_venue IS NULL OR venue_id = p_venue)
          )
          SELECT venue_id, min(day) AS first_day, max(day) AS last_day,
                 array_agg(day ORDER BY day) AS days, array_agg(generation ORDER BY day) AS generations
          FROM dirty GROUP BY venue_id, grp ORDER BY venue_id, first_day
        LOOP
          PERFORM pg_advisory_xact_lock(hashtext('xp_report_refresh'), hashtext(run.venue_id::text));
          PERFORM xp_report_rebuild_range(run.venue_id, run.first_day, run.last_day + 1);
          DELETE FROM report_dirty_days d
          USING unnest(run.days, run.generations) AS x(day, generation)
          WHERE d.venue_id = run.venue_id AND d.day = x.day AND d.generation = x.generation;
          done := done + cardinality(run.days);
        END LOOP;
        RETURN done;
      END $$;

      -- Every day that already has raw rows starts dirty; the job rolls them up.
      INSERT INTO report_dirty_days (venue_id, day)
      SELECT DISTINCT venue_id, xp_business_day(occurred_at) FROM stock_movements
      UNION SELECT DISTINCT venue_id, xp_business_day(occurred_at) FROM scan_events
      UNION SELECT DISTINCT venue_id, xp_business_day(shipped_at) FROM sales_orders WHERE shipped_at IS NOT NULL
      UNION SELECT DISTINCT venue_id, xp_business_day(received_at) FROM sales_returns WHERE received_at IS NOT NULL
      ON CONFLICT DO NOTHING;

      -- The labels on the shelves at an instant and since when they tell a lie: the stale-label count.
      CREATE INDEX labels_report_idx ON labels (venue_id, printed_at) INCLUDE (retired_at, stale_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX labels_report_idx;
      DROP TRIGGER sales_return_lines_report_dirty ON sales_return_lines;
      DROP TRIGGER sales_returns_report_dirty_update ON sales_returns;
      DROP TRIGGER sales_returns_report_dirty_insert ON sales_returns;
      DROP TRIGGER sales_order_lines_report_dirty ON sales_order_lines;
      DROP TRIGGER sales_orders_report_dirty_update ON sales_orders;
      DROP TRIGGER sales_orders_report_dirty_insert ON sales_orders;
      DROP FUNCTION xp_report_mark_return_lines();
      DROP FUNCTION xp_report_mark_returns();
      DROP FUNCTION xp_report_mark_order_lines();
      DROP FUNCTION xp_report_mark_orders();
      DROP TRIGGER scan_events_report_dirty ON scan_events;
      DROP FUNCTION xp_report_mark_scans();
      DROP TRIGGER stock_movements_report_dirty ON stock_movements;
      DROP FUNCTION xp_report_refresh(date, uuid);
      DROP FUNCTION xp_report_rebuild_range(uuid, date, date);
      DROP FUNCTION xp_report_slot_totals(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_factory_totals(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_leftover_ranges(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_clean_months(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_device_days(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_slot_days(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_venue_days(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_factory_days(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_sku_days(uuid[], date, date, boolean);
      DROP FUNCTION xp_report_raw_device_days(uuid, date, date);
      DROP FUNCTION xp_report_raw_slot_days(uuid, date, date);
      DROP FUNCTION xp_report_raw_venue_days(uuid, date, date);
      DROP FUNCTION xp_report_raw_factory_days(uuid, date, date);
      DROP FUNCTION xp_report_raw_orders(uuid, date, date);
      DROP FUNCTION xp_report_raw_sku_days(uuid, date, date);
      DROP FUNCTION xp_stock_signed(text, text, text, integer);
      DROP FUNCTION xp_report_mark_stock();
      DROP FUNCTION xp_business_day(timestamptz);
      DROP FUNCTION xp_day_start(date);
      DROP INDEX price_sheets_report_finalized_idx;
      DROP INDEX price_sheets_report_submitted_idx;
      DROP TABLE report_slot_months, report_factory_months;
      DROP TABLE report_device_days, report_slot_days, report_sku_days, report_factory_days, report_venue_days, report_dirty_days;
    `);
  }
}
