import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stock a venue held at the end of a day — units, their value at the first-tier supply
 * price then in force, units with no price, and their age first in first out — without
 * valuing every SKU of the venue on every report (≈ 50,000 SKUs held per venue at a tenth of
 * the national network: a second and more per period).
 *
 * - report_stock_ends keeps those figures per factory for a closed day (before today), made
 *   the first time a report asks (report_stock_end_days marks the venue-days made, with or
 *   without stock). A closed day's stock changes only by a backdated movement, and its value
 *   only by a backdated approval: the triggers below delete the venue's kept days from the
 *   written day on. Writers of such rows and the maker take one advisory lock per venue
 *   (shared for writers, exclusive for the maker, which then reads with a fresh snapshot), so a
 *   day is never kept without a write that committed while it was being made. Writes of today
 *   — nearly all — take no lock (ten minutes before midnight they do, for the day about to close).
 * - for today (or a later day) the figures are yesterday's kept ones plus the difference made
 *   by the SKUs whose units or price in force changed since: those moved since midnight and
 *   those with a price approved since or taking effect after yesterday. Ages need the SKUs
 *   received in the 90 days before (FIFO leaves the newest units: of a SKU's units, those
 *   received in the last 30 days are 0–30 days old, then those of the 60 days before; the
 *   rest are older), so only their units are looked up.
 *
 * xp_report_stock_end(venues, day) answers per venue and factory; tests compare it with the
 * stock area's lot-by-lot ages and with the value recomputed from every SKU.
 */
export class ReportStockEnds1765100000001 implements MigrationInterface {
  name = 'ReportStockEnds1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_stock_end_days (
        venue_id uuid NOT NULL REFERENCES venues(id),
        day date NOT NULL,
        made_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (venue_id, day)
      );

      CREATE TABLE report_stock_ends (
        venue_id uuid NOT NULL,
        day date NOT NULL,
        factory_org_id uuid NOT NULL REFERENCES organizations(id),
        units bigint NOT NULL,
        held_units bigint NOT NULL CHECK (held_units >= 0),
        value bigint NOT NULL,
        unpriced bigint NOT NULL,
        days0to30 bigint NOT NULL CHECK (days0to30 >= 0),
        days31to90 bigint NOT NULL CHECK (days31to90 >= 0),
        PRIMARY KEY (venue_id, day, factory_org_id),
        FOREIGN KEY (venue_id, day) REFERENCES report_stock_end_days (venue_id, day) ON DELETE CASCADE
      );

      -- Per SKU of a set (or every SKU of the venue when p_skus is NULL): units at the end of
      -- p_day (today's balances less what moved from then on), held units (> 0), the first-tier
      -- supply price in force then, and the units of it received 0–30 and 31–90 days before p_day.
      CREATE FUNCTION xp_report_stock_skus(p_venue uuid, p_day date, p_skus uuid[], p_raw boolean DEFAULT false)
      RETURNS TABLE (sku_id uuid, factory_org_id uuid, units integer, unit_price bigint, recent integer, middle integer)
      LANGUAGE sql STABLE AS $$
        WITH bal AS (
          SELECT b.sku_id, sum(b.on_hand)::int AS on_hand
          FROM stock_balances b
          WHERE b.venue_id = p_venue AND (p_skus IS NULL OR b.sku_id = ANY(p_skus))
          GROUP BY 1
        ), later AS (
          -- every SKU: from the rollups (months, then days); a few SKUs: from their movements
          SELECT t.sku_id, t.stock_net AS net
          FROM xp_report_sku_totals(ARRAY[p_venue], p_day + 1, greatest(xp_business_day(now()), p_day + 1) + 1, p_raw) t
          WHERE p_skus IS NULL
          UNION ALL
          SELECT m.sku_id, sum(xp_stock_signed(m.type, m.from_location, m.to_location, m.quantity))::int
          FROM stock_movements m
          WHERE p_skus IS NOT NULL AND m.venue_id = p_venue AND m.sku_id = ANY(p_skus)
            AND m.occurred_at >= xp_day_start(p_day + 1) AND m.occurred_at < xp_day_start(greatest(xp_business_day(now()), p_day + 1) + 1)
          GROUP BY 1
        ), held AS (
          SELECT sku_id, COALESCE(b.on_hand, 0) - COALESCE(l.net, 0) AS units
          FROM bal b FULL JOIN later l USING (sku_id)
          WHERE COALESCE(b.on_hand, 0) - COALESCE(l.net, 0) <> 0
        ), received AS (
          SELECT m.sku_id,
                 COALESCE(sum(m.quantity) FILTER (WHERE m.occurred_at >= xp_day_start(p_day - 30)), 0)::int AS recent,
                 COALESCE(sum(m.quantity) FILTER (WHERE m.occurred_at < xp_day_start(p_day - 30)), 0)::int AS middle
          FROM stock_movements m
          WHERE m.venue_id = p_venue AND m.occurred_at >= xp_day_start(p_day - 90) AND m.occurred_at < xp_day_start(p_day + 1)
            AND (m.type IN ('CONSIGN_IN', 'CUSTOMER_RETURN') OR (m.type = 'ADJUSTMENT' AND m.to_location IS NOT NULL))
            AND (p_skus IS NULL OR m.sku_id = ANY(p_skus))
          GROUP BY 1
        )
        SELECT h.sku_id, k.factory_org_id, h.units,
               (SELECT v.supply_prices[1] FROM price_sheet_lines v
                WHERE v.venue_id = p_venue AND v.sku_id = h.sku_id AND v.approval_seq IS NOT NULL
                  AND v.effective_from <= p_day AND v.approved_at <= xp_day_start(p_day + 1) - interval '1 millisecond'
                ORDER BY v.approval_seq DESC LIMIT 1),
               COALESCE(r.recent, 0), COALESCE(r.middle, 0)
        FROM held h JOIN skus k ON k.id = h.sku_id LEFT JOIN received r USING (sku_id)
      $$;

      -- Keeps the stock at the end of a closed day for a venue (idempotent; see the locking above).
      CREATE FUNCTION xp_report_stock_keep(p_venue uuid, p_day date) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        IF p_day >= xp_business_day(now()) THEN
          RAISE EXCEPTION 'xp_report_stock_keep: % is not a closed day', p_day;
        END IF;
        IF EXISTS (SELECT 1 FROM report_stock_end_days WHERE venue_id = p_venue AND day = p_day) THEN
          RETURN;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtext('xp_report_stock'), hashtext(p_venue::text));
        -- a fresh snapshot from here on: every write that held the lock has committed
        INSERT INTO report_stock_end_days (venue_id, day) VALUES (p_venue, p_day) ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        INSERT INTO report_stock_ends (venue_id, day, factory_org_id, units, held_units, value, unpriced, days0to30, days31to90)
        SELECT p_venue, p_day, s.factory_org_id, sum(s.units), sum(greatest(s.units, 0)),
               COALESCE(sum(s.units::bigint * s.unit_price) FILTER (WHERE s.unit_price IS NOT NULL), 0),
               COALESCE(sum(s.units) FILTER (WHERE s.unit_price IS NULL), 0),
               sum(least(greatest(s.units, 0), s.recent)),
               sum(least(greatest(s.units, 0) - least(greatest(s.units, 0), s.recent), s.middle))
        FROM xp_report_stock_skus(p_venue, p_day, NULL) s
        GROUP BY s.factory_org_id;
      END $$;

      -- The stock at the end of p_day per venue and factory: a closed day from what is kept (made
      -- now if need be); today or later from yesterday's plus the SKUs that changed since.
      CREATE FUNCTION xp_report_stock_end(p_venues uuid[], p_day date)
      RETURNS TABLE (venue_id uuid, factory_org_id uuid, units bigint, held_units bigint, value bigint, unpriced bigint,
                     days0to30 bigint, days31to90 bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        v uuid;
        base date := xp_business_day(now()) - 1;
        changed uuid[];
        aged uuid[];
      BEGIN
        FOR v IN SELECT DISTINCT x FROM unnest(p_venues) AS x ORDER BY 1 LOOP
          IF p_day <= base THEN
            PERFORM xp_report_stock_keep(v, p_day);
            RETURN QUERY SELECT e.venue_id, e.factory_org_id, e.units, e.held_units, e.value, e.unpriced, e.days0to30, e.days31to90
                         FROM report_stock_ends e WHERE e.venue_id = v AND e.day = p_day;
            CONTINUE;
          END IF;
          PERFORM xp_report_stock_keep(v, base);
          -- SKUs whose units or price in force may differ between the end of base and of p_day
          SELECT array_agg(DISTINCT s) INTO changed FROM (
            SELECT m.sku_id AS s FROM stock_movements m WHERE m.venue_id = v AND m.occurred_at >= xp_day_start(base + 1)
            UNION
            SELECT l.sku_id FROM price_sheet_lines l
            WHERE l.venue_id = v AND l.approval_seq IS NOT NULL
              AND (l.approved_at >= xp_day_start(base + 1) - interval '1 millisecond' OR (l.effective_from > base AND l.effective_from <= p_day))
          ) c;
          -- SKUs received in the 90 days before p_day (the only ones younger than 91 days)
          SELECT array_agg(DISTINCT m.sku_id) INTO aged FROM stock_movements m
          WHERE m.venue_id = v AND m.occurred_at >= xp_day_start(p_day - 90) AND m.occurred_at < xp_day_start(p_day + 1)
            AND (m.type IN ('CONSIGN_IN', 'CUSTOMER_RETURN') OR (m.type = 'ADJUSTMENT' AND m.to_location IS NOT NULL));
          RETURN QUERY
          WITH kept AS (
            SELECT e.factory_org_id, e.units, e.held_units, e.value, e.unpriced
            FROM report_stock_ends e WHERE e.venue_id = v AND e.day = base
          ), was AS (
            SELECT s.factory_org_id, -sum(s.units) AS units, -sum(greatest(s.units, 0)) AS held_units,
                   -COALESCE(sum(s.units::bigint * s.unit_price) FILTER (WHERE s.unit_price IS NOT NULL), 0) AS value,
                   -COALESCE(sum(s.units) FILTER (WHERE s.unit_price IS NULL), 0) AS unpriced
            FROM xp_report_stock_skus(v, base, COALESCE(changed, '{}')) s GROUP BY 1
          ), now_ AS (
            SELECT s.factory_org_id, sum(s.units) AS units, sum(greatest(s.units, 0)) AS held_units,
                   COALESCE(sum(s.units::bigint * s.unit_price) FILTER (WHERE s.unit_price IS NOT NULL), 0) AS value,
                   COALESCE(sum(s.units) FILTER (WHERE s.unit_price IS NULL), 0) AS unpriced
            FROM xp_report_stock_skus(v, p_day, COALESCE(changed, '{}')) s GROUP BY 1
          ), ages AS (
            SELECT s.factory_org_id, sum(least(greatest(s.units, 0), s.recent)) AS young,
                   sum(least(greatest(s.units, 0) - least(greatest(s.units, 0), s.recent), s.middle)) AS mid
            FROM xp_report_stock_skus(v, p_day, COALESCE(aged, '{}')) s GROUP BY 1
          ), parts AS (
            SELECT k.factory_org_id, k.units, k.held_units, k.value, k.unpriced, 0::numeric AS young, 0::numeric AS mid FROM kept k
            UNION ALL SELECT w.factory_org_id, w.units, w.held_units, w.value, w.unpriced, 0, 0 FROM was w
            UNION ALL SELECT n.factory_org_id, n.units, n.held_units, n.value, n.unpriced, 0, 0 FROM now_ n
            UNION ALL SELECT a.factory_org_id, 0, 0, 0, 0, a.young, a.mid FROM ages a
          )
          SELECT v, p.factory_org_id, sum(p.units)::bigint, sum(p.held_units)::bigint, sum(p.value)::bigint, sum(p.unpriced)::bigint,
                 sum(p.young)::bigint, sum(p.mid)::bigint
          FROM parts p GROUP BY p.factory_org_id
          HAVING sum(p.units) <> 0 OR sum(p.held_units) <> 0 OR sum(p.unpriced) <> 0;
        END LOOP;
      END $$;

      -- A write into a closed day (or one about to close) forgets the venue's kept days from that
      -- day on, under the venue's lock (shared: writers do not wait for each other).
      CREATE FUNCTION xp_report_stock_forget(p_days jsonb) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        r record;
      BEGIN
        FOR r IN SELECT (x->>'venue_id')::uuid AS venue_id, min((x->>'day')::date) AS day
                 FROM jsonb_array_elements(p_days) AS x GROUP BY 1 ORDER BY 1 LOOP
          IF r.day < xp_business_day(now() + interval '10 minutes') THEN
            PERFORM pg_advisory_xact_lock_shared(hashtext('xp_report_stock'), hashtext(r.venue_id::text));
            DELETE FROM report_stock_end_days d WHERE d.venue_id = r.venue_id AND d.day >= r.day;
          END IF;
        END LOOP;
      END $$;

      CREATE FUNCTION xp_report_stock_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM xp_report_stock_forget((SELECT jsonb_agg(jsonb_build_object('venue_id', venue_id, 'day', xp_business_day(occurred_at)))
                                        FROM (SELECT venue_id, min(occurred_at) AS occurred_at FROM new_rows GROUP BY 1) x));
        RETURN NULL;
      END $$;
      CREATE TRIGGER stock_movements_report_stock_ends AFTER INSERT ON stock_movements
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_stock_moved();

      -- An approval counts from the day it was made (its effective_from is never earlier in force).
      CREATE FUNCTION xp_report_stock_repriced() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM xp_report_stock_forget((SELECT jsonb_agg(jsonb_build_object('venue_id', venue_id, 'day', xp_business_day(approved_at)))
                                        FROM (SELECT venue_id, min(approved_at) AS approved_at FROM new_rows
                                              WHERE approval_seq IS NOT NULL AND approved_at IS NOT NULL GROUP BY 1) x));
        RETURN NULL;
      END $$;
      CREATE TRIGGER price_sheet_lines_report_stock_ends_insert AFTER INSERT ON price_sheet_lines
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_stock_repriced();
      CREATE TRIGGER price_sheet_lines_report_stock_ends_update AFTER UPDATE ON price_sheet_lines
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xp_report_stock_repriced();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER price_sheet_lines_report_stock_ends_update ON price_sheet_lines;
      DROP TRIGGER price_sheet_lines_report_stock_ends_insert ON price_sheet_lines;
      DROP TRIGGER stock_movements_report_stock_ends ON stock_movements;
      DROP FUNCTION xp_report_stock_repriced();
      DROP FUNCTION xp_report_stock_moved();
      DROP FUNCTION xp_report_stock_forget(jsonb);
      DROP FUNCTION xp_report_stock_end(uuid[], date);
      DROP FUNCTION xp_report_stock_keep(uuid, date);
      DROP FUNCTION xp_report_stock_skus(uuid, date, uuid[], boolean);
      DROP TABLE report_stock_ends, report_stock_end_days;
    `);
  }
}
