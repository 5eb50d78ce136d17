import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Today's stock at its end from yesterday's kept day, ages included. Before, the units and value
 * came from yesterday's kept figures plus the SKUs changed since, but the age buckets were worked
 * out afresh for every SKU received in the last 90 days (tens of thousands at a venue of the
 * benchmark: most of the function's 40–55 ms). A SKU's buckets move from one day end to a later
 * one only if its units move, or a receipt of it enters or leaves a window: the 0–30-day window
 * of day d covers the receipts of days d−30 … d and the 31–90-day one those of d−90 … d−31, so
 * from `base` to `base + k` the receipts of days (base, base + k], [base − 30, base − 30 + k) and
 * [base − 90, base − 90 + k) change sides. Those SKUs (with the SKUs moved or repriced since) are
 * valued and aged at both day ends and their difference added to the kept day, ages as well.
 */
const FUNCTION = (touchedSql: string, keptAges: string, partsAges: string) => `
      CREATE OR REPLACE FUNCTION xp_report_stock_end(p_venues uuid[], p_day date)
      RETURNS TABLE (venue_id uuid, factory_org_id uuid, units bigint, held_units bigint, value bigint, unpriced bigint,
                     days0to30 bigint, days31to90 bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        v uuid;
        base date := xp_business_day(now()) - 1;
        shift integer;
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
          shift := p_day - base;
          ${touchedSql}
          RETURN QUERY
          WITH kept AS (
            SELECT e.factory_org_id, e.units, e.held_units, e.value, e.unpriced${keptAges}
            FROM report_stock_ends e WHERE e.venue_id = v AND e.day = base
          ), was AS (
            SELECT s.factory_org_id, -sum(s.units) AS units, -sum(greatest(s.units, 0)) AS held_units,
                   -COALESCE(sum(s.units::bigint * s.unit_price) FILTER (WHERE s.unit_price IS NOT NULL), 0) AS value,
                   -COALESCE(sum(s.units) FILTER (WHERE s.unit_price IS NULL), 0) AS unpriced,
                   -sum(least(greatest(s.units, 0), s.recent)) AS young,
                   -sum(least(greatest(s.units, 0) - least(greatest(s.units, 0), s.recent), s.middle)) AS mid
            FROM xp_report_stock_skus(v, base, COALESCE(changed, '{}')) s GROUP BY 1
          ), now_ AS (
            SELECT s.factory_org_id, sum(s.units) AS units, sum(greatest(s.units, 0)) AS held_units,
                   COALESCE(sum(s.units::bigint * s.unit_price) FILTER (WHERE s.unit_price IS NOT NULL), 0) AS value,
                   COALESCE(sum(s.units) FILTER (WHERE s.unit_price IS NULL), 0) AS unpriced,
                   sum(least(greatest(s.units, 0), s.recent)) AS young,
                   sum(least(greatest(s.units, 0) - least(greatest(s.units, 0), s.recent), s.middle)) AS mid
            FROM xp_report_stock_skus(v, p_day, COALESCE(changed, '{}')) s GROUP BY 1
          ), ages AS (
            SELECT s.factory_org_id, sum(least(greatest(s.units, 0), s.recent)) AS young,
                   sum(least(greatest(s.units, 0) - least(greatest(s.units, 0), s.recent), s.middle)) AS mid
            FROM xp_report_stock_skus(v, p_day, COALESCE(aged, '{}')) s GROUP BY 1
          ), parts AS (
            SELECT k.factory_org_id, k.units, k.held_units, k.value, k.unpriced, ${partsAges.split('|')[0]} FROM kept k
            UNION ALL SELECT w.factory_org_id, w.units, w.held_units, w.value, w.unpriced, ${partsAges.split('|')[1]} FROM was w
            UNION ALL SELECT n.factory_org_id, n.units, n.held_units, n.value, n.unpriced, ${partsAges.split('|')[2]} FROM now_ n
            UNION ALL SELECT a.factory_org_id, 0, 0, 0, 0, a.young, a.mid FROM ages a
          )
          SELECT v, p.factory_org_id, sum(p.units)::bigint, sum(p.held_units)::bigint, sum(p.value)::bigint, sum(p.unpriced)::bigint,
                 sum(p.young)::bigint, sum(p.mid)::bigint
          FROM parts p GROUP BY p.factory_org_id
          HAVING sum(p.units) <> 0 OR sum(p.held_units) <> 0 OR sum(p.unpriced) <> 0;
        END LOOP;
      END $$;`;

const CHANGED = (also: string) => `
          SELECT array_agg(DISTINCT s) INTO changed FROM (
            SELECT m.sku_id AS s FROM stock_movements m WHERE m.venue_id = v AND m.occurred_at >= xp_day_start(base + 1)
            UNION
            SELECT l.sku_id FROM price_sheet_lines l
            WHERE l.venue_id = v AND l.approval_seq IS NOT NULL
              AND (l.approved_at >= xp_day_start(base + 1) - interval '1 millisecond' OR (l.effective_from > base AND l.effective_from <= p_day))${also}
          ) c;`;

/** Receipts of the days whose window side changes (the first part is in the moved SKUs already). */
const RECEIPTS_CROSSING = `
            UNION
            SELECT m.sku_id FROM stock_movements m
            WHERE m.venue_id = v
              AND (m.type IN ('CONSIGN_IN', 'CUSTOMER_RETURN') OR (m.type = 'ADJUSTMENT' AND m.to_location IS NOT NULL))
              AND ((m.occurred_at >= xp_day_start(base - 30) AND m.occurred_at < xp_day_start(base - 30 + shift))
                OR (m.occurred_at >= xp_day_start(base - 90) AND m.occurred_at < xp_day_start(base - 90 + shift)))`;

const AGED_BEFORE = `
          SELECT array_agg(DISTINCT m.sku_id) INTO aged FROM stock_movements m
          WHERE m.venue_id = v AND m.occurred_at >= xp_day_start(p_day - 90) AND m.occurred_at < xp_day_start(p_day + 1)
            AND (m.type IN ('CONSIGN_IN', 'CUSTOMER_RETURN') OR (m.type = 'ADJUSTMENT' AND m.to_location IS NOT NULL));`;

export class ReportStockEndToday1765300000004 implements MigrationInterface {
  name = 'ReportStockEndToday1765300000004';

  async up(q: QueryRunner): Promise<void> {
    // Ages from the kept day and the touched SKUs' differences; no SKU aged afresh (aged stays empty).
    await q.query(FUNCTION(CHANGED(RECEIPTS_CROSSING), ', e.days0to30 AS young, e.days31to90 AS mid', 'k.young, k.mid|w.young, w.mid|n.young, n.mid'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(FUNCTION(CHANGED('') + AGED_BEFORE, '', '0::numeric, 0::numeric|0, 0|0, 0'));
  }
}
