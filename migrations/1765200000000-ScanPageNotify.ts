import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the public scan page shows changes → `pg_notify('xp_scan_page', …)`; the API's cache of the page listens. */
const KEYED: { table: string; events: ('INSERT' | 'UPDATE' | 'DELETE')[] }[] = [
  { table: 'labels', events: ['UPDATE'] },
  { table: 'slot_assignments', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'slots', events: ['UPDATE', 'DELETE'] },
  { table: 'price_sheet_lines', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'stock_balances', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'skus', events: ['UPDATE', 'DELETE'] },
  { table: 'products', events: ['UPDATE', 'DELETE'] },
];

/** Tables whose rows many pages share and which change rarely: any change drops the whole cache. */
const WHOLE: { table: string; columns: string[] }[] = [
  { table: 'venues', columns: ['code', 'name'] },
  { table: 'zones', columns: ['name'] },
  { table: 'categories', columns: ['code', 'name_zh'] },
  { table: 'brands', columns: ['name'] },
  { table: 'organizations', columns: ['name'] },
  { table: 'price_sheets', columns: ['version_no'] },
  { table: 'venue_factories', columns: ['status'] },
];

const transition = (event: string) =>
  event === 'INSERT' ? 'REFERENCING NEW TABLE AS new_rows' : event === 'UPDATE' ? 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows' : 'REFERENCING OLD TABLE AS old_rows';

/**
 * The public scan page is served from a cache in the API process (ScanPageCache), kept true by
 * these statement-level triggers on every table its lookup reads: each statement that changes
 * what a page shows notifies the channel `xp_scan_page` once, after commit, with the keys it
 * touched — `label:<ids>` (a label's status), `slot:<ids>` (slots and their assignments, which
 * decide staleness), `sku:<ids>` (prices, warehouse stock, the SKU and its product) — or `*`
 * for tables many pages share (venues, zones, categories, brands, organizations, sheets'
 * numbers, admissions) and for statements touching more than 100 keys. Only the changes a page
 * can show notify: a label's scan counters, a draft price line or a consignment store's stock do not.
 */
export class ScanPageNotify1765200000000 implements MigrationInterface {
  name = 'ScanPageNotify1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION xp_scan_page_notify(p_kind text, p_keys uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF p_kind = '*' OR cardinality(p_keys) > 100 THEN
          PERFORM pg_notify('xp_scan_page', '*');
        ELSIF cardinality(p_keys) > 0 THEN
          PERFORM pg_notify('xp_scan_page', p_kind || ':' || array_to_string(p_keys, ','));
        END IF;
      END $$;

      CREATE FUNCTION xp_scan_page_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_kind text;
        v_keys uuid[];
      BEGIN
        IF TG_TABLE_NAME = 'labels' THEN
          -- only the status is shown (what a label printed never changes; counters are not shown)
          v_kind := 'label';
          SELECT array_agg(n.id) INTO v_keys FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.status <> o.status;
        ELSIF TG_TABLE_NAME IN ('slot_assignments', 'slots') THEN
          v_kind := 'slot';
          IF TG_OP = 'INSERT' THEN
            SELECT array_agg(DISTINCT n.slot_id) INTO v_keys FROM new_rows n;
          ELSIF TG_OP = 'DELETE' THEN
            EXECUTE format('SELECT array_agg(DISTINCT o.%I) FROM old_rows o', CASE TG_TABLE_NAME WHEN 'slots' THEN 'id' ELSE 'slot_id' END) INTO v_keys;
          ELSE
            EXECUTE format('SELECT array_agg(DISTINCT k) FROM (SELECT o.%1$I AS k FROM old_rows o UNION SELECT n.%1$I FROM new_rows n) x',
                           CASE TG_TABLE_NAME WHEN 'slots' THEN 'id' ELSE 'slot_id' END) INTO v_keys;
          END IF;
        ELSIF TG_TABLE_NAME = 'price_sheet_lines' THEN
          -- approved lines only: drafts and pending sheets are not prices in force
          v_kind := 'sku';
          IF TG_OP = 'INSERT' THEN
            SELECT array_agg(DISTINCT n.sku_id) INTO v_keys FROM new_rows n WHERE n.approval_seq IS NOT NULL;
          ELSIF TG_OP = 'DELETE' THEN
            SELECT array_agg(DISTINCT o.sku_id) INTO v_keys FROM old_rows o WHERE o.approval_seq IS NOT NULL;
          ELSE
            SELECT array_agg(DISTINCT k) INTO v_keys FROM (
              SELECT o.sku_id AS k FROM old_rows o WHERE o.approval_seq IS NOT NULL
              UNION SELECT n.sku_id FROM new_rows n WHERE n.approval_seq IS NOT NULL) x;
          END IF;
        ELSIF TG_TABLE_NAME = 'stock_balances' THEN
          -- the page shows the warehouse's on hand − reserved (as a band)
          v_kind := 'sku';
          IF TG_OP = 'INSERT' THEN
            SELECT array_agg(DISTINCT n.sku_id) INTO v_keys FROM new_rows n WHERE n.location = 'WAREHOUSE';
          ELSIF TG_OP = 'DELETE' THEN
            SELECT array_agg(DISTINCT o.sku_id) INTO v_keys FROM old_rows o WHERE o.location = 'WAREHOUSE';
          ELSE
            SELECT array_agg(DISTINCT n.sku_id) INTO v_keys
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.location = 'WAREHOUSE' OR o.location = 'WAREHOUSE')
              AND (n.on_hand - n.reserved <> o.on_hand - o.reserved OR n.location <> o.location OR n.sku_id <> o.sku_id);
          END IF;
        ELSIF TG_TABLE_NAME = 'skus' THEN
          v_kind := 'sku';
          SELECT array_agg(DISTINCT o.id) INTO v_keys FROM old_rows o;
        ELSIF TG_TABLE_NAME = 'products' THEN
          v_kind := 'sku';
          SELECT array_agg(k.id) INTO v_keys FROM skus k WHERE k.product_id IN (SELECT o.id FROM old_rows o);
        ELSE
          v_kind := '*';
        END IF;
        PERFORM xp_scan_page_notify(v_kind, COALESCE(v_keys, '{}'));
        RETURN NULL;
      END $$;
    `);
    for (const { table, events } of KEYED) {
      for (const event of events) {
        await q.query(
          `CREATE TRIGGER ${table}_scan_page_${event.toLowerCase()} AFTER ${event} ON ${table} ${transition(event)}
           FOR EACH STATEMENT EXECUTE FUNCTION xp_scan_page_changed()`,
        );
      }
    }
    for (const { table, columns } of WHOLE) {
      await q.query(
        `CREATE TRIGGER ${table}_scan_page AFTER UPDATE OF ${columns.join(', ')} OR DELETE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION xp_scan_page_changed()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, events } of KEYED) {
      for (const event of events) await q.query(`DROP TRIGGER ${table}_scan_page_${event.toLowerCase()} ON ${table}`);
    }
    for (const { table } of WHOLE) await q.query(`DROP TRIGGER ${table}_scan_page ON ${table}`);
    await q.query('DROP FUNCTION xp_scan_page_changed(); DROP FUNCTION xp_scan_page_notify(text, uuid[])');
  }
}
