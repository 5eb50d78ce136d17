import { DatasetParams } from '../lib/params';
import { count, Step, withPlainIndexesDeferred } from './sql';

/** Wholesale buyers (one phone each), registered at a venue, with the venues they order at. */
export function buyersStep(params: DatasetParams): Step {
  const buyers = Math.max(200, params.orderLines / 50);
  return {
    name: 'buyers',
    requires: ['buyers', 'buyer_venues'],
    async run({ client }) {
      await client.query(`
        CREATE TABLE bench.buyers AS
          SELECT n, gen_random_uuid() AS id, 1 + (n - 1) % (SELECT count(*) FROM bench.venues) AS vn
          FROM generate_series(1, ${buyers}) AS n;
        ALTER TABLE bench.buyers ADD PRIMARY KEY (n);
        INSERT INTO buyers (id, shop_name, contact_name, phone, region_id, city, registered_venue_id, created_at, updated_at)
          SELECT b.id, '批发小店' || b.n || '号', '店主' || b.n, '139' || lpad(b.n::text, 8, '0'), v.region_id, v.city, v.id,
                 m.d0 - 30, m.d0 - 30
          FROM bench.buyers b JOIN bench.venues v ON v.n = b.vn CROSS JOIN bench.meta m;
        INSERT INTO buyer_venues (buyer_id, venue_id, since)
          SELECT b.id, v.id, m.d0 - 30 FROM bench.buyers b JOIN bench.venues v ON v.n = b.vn CROSS JOIN bench.meta m;
      `);
      return `${buyers} buyers`;
    },
  };
}

/**
 * Two years of delivered orders at every venue, four lines each (order lines ≈ the published
 * size): SKUs admitted there, at their MOQ (whole packs), each line priced from the version in
 * force when the order was placed (its first wholesale tier, its supply price, its retail price),
 * the order total the sum of its lines. Orders are paid, shipped and delivered within days.
 * The generated stock ledger's reservations and sales stand for these orders in aggregate; its
 * movements do not name them one by one.
 */
export function ordersStep(params: DatasetParams): Step {
  const LINES = 4;
  const orders = Math.ceil(params.orderLines / LINES);
  return {
    name: 'orders',
    requires: ['sales_orders', 'sales_order_lines', 'buyers'],
    async run({ client, log }) {
      await client.query(`
        CREATE TABLE bench.orders AS
          SELECT g.n, gen_random_uuid() AS id, b.id AS buyer_id, b.vn,
                 ((m.d0 + 8 + bench.rnd(g.n, 51) % (${params.historyDays} - 20))::timestamp AT TIME ZONE 'Asia/Shanghai')
                   + (9 * 3600 + bench.rnd(g.n, 52) % 36000) * interval '1 second' AS placed_at
          FROM generate_series(1, ${orders}) AS g(n)
          JOIN bench.buyers b ON b.n = 1 + bench.rnd(g.n, 50) % (SELECT count(*) FROM bench.buyers)
          CROSS JOIN bench.meta m;
        ALTER TABLE bench.orders ADD PRIMARY KEY (n);
        CREATE TABLE bench.order_lines AS
          SELECT o.n, o.id AS order_id, v.id AS venue_id, g.line_no, vs.sku_id, vs.factory_id, s.moq, s.pack_size,
                 pv.id AS price_version_id, pv.wholesale_prices[1] AS unit_price, pv.supply_prices[1] AS supply_unit_price, pv.retail_price
          FROM bench.orders o
          JOIN bench.venues v ON v.n = o.vn
          JOIN bench.venue_sku_counts c ON c.vn = o.vn
          CROSS JOIN generate_series(1, ${LINES}) AS g(line_no)
          JOIN bench.venue_skus vs ON vs.vn = o.vn AND vs.idx = 1 + (bench.rnd(o.n, 53) + g.line_no * (c.n / ${LINES})) % c.n
          JOIN bench.skus s ON s.gn = vs.gn
          CROSS JOIN LATERAL (
            SELECT l.id, l.wholesale_prices, l.supply_prices, l.retail_price FROM price_sheet_lines l
            WHERE l.venue_id = v.id AND l.sku_id = vs.sku_id AND l.approval_seq IS NOT NULL
              AND l.effective_from <= (o.placed_at AT TIME ZONE 'Asia/Shanghai')::date AND l.approved_at <= o.placed_at
            ORDER BY l.approval_seq DESC LIMIT 1) AS pv;
      `);
      log(`  ${await count(client, 'SELECT count(*) FROM bench.order_lines')} lines priced`);
      await withPlainIndexesDeferred(client, 'sales_orders', () =>
        client.query(`
          INSERT INTO sales_orders (id, order_no, venue_id, buyer_id, status, total_amount, placed_at, placed_by, expires_at,
                                    paid_at, paid_by, payment_reference, shipped_at, shipped_by, delivered_at, delivered_by, updated_at)
            SELECT o.id, 'SO' || to_char(o.placed_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-B' || lpad(o.n::text, 7, '0'),
                   v.id, o.buyer_id, 'DELIVERED', t.total, o.placed_at, v.staff_id, o.placed_at + interval '1 day',
                   o.placed_at + interval '2 hours', v.admin_id, 'WX' || o.n, o.placed_at + interval '1 day', v.admin_id,
                   o.placed_at + interval '3 days', v.admin_id, o.placed_at + interval '3 days'
            FROM bench.orders o
            JOIN bench.venues v ON v.n = o.vn
            JOIN (SELECT order_id, sum(moq::bigint * unit_price) AS total FROM bench.order_lines GROUP BY order_id) AS t ON t.order_id = o.id`),
      );
      await withPlainIndexesDeferred(client, 'sales_order_lines', () =>
        client.query(`
          INSERT INTO sales_order_lines (order_id, venue_id, line_no, sku_id, factory_org_id, quantity, moq, pack_size,
                                         price_version_id, unit_price, supply_unit_price, retail_price)
            SELECT order_id, venue_id, line_no, sku_id, factory_id, moq, moq, pack_size, price_version_id, unit_price, supply_unit_price, retail_price
            FROM bench.order_lines`),
      );
      return `${await count(client, 'SELECT count(*) FROM sales_orders')} orders, ${await count(client, 'SELECT count(*) FROM sales_order_lines')} lines`;
    },
  };
}
