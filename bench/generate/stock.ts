import { DatasetParams } from '../lib/params';
import { count, Step, withPlainIndexesDeferred } from './sql';

/**
 * The life of each stocked venue × SKU in ten movements over the history, grouped per factory
 * and step into idempotent operations (a delivery note, a transfer, an order's reservation…):
 * consigned in, a sample to the showroom, orders reserved then sold, a customer return, a second
 * consignment. Quantities never go below zero at any point. The balances are then written from
 * the ledger itself, and the stock_ledger_discrepancies view must come back empty.
 */
const STEPS: { type: string; from: string | null; to: string | null; quantity: string; action: string }[] = [
  { type: 'CONSIGN_IN', from: null, to: 'WAREHOUSE', quantity: '120', action: 'receiveConsignment' },
  { type: 'TRANSFER', from: 'WAREHOUSE', to: 'SHOWROOM', quantity: '1', action: 'transferStock' },
  { type: 'RESERVE', from: 'WAREHOUSE', to: 'WAREHOUSE', quantity: 'p.q1', action: 'placeOrder' },
  { type: 'SALE', from: 'WAREHOUSE', to: null, quantity: 'p.q1', action: 'shipOrder' },
  { type: 'RESERVE', from: 'WAREHOUSE', to: 'WAREHOUSE', quantity: 'p.q2', action: 'placeOrder' },
  { type: 'SALE', from: 'WAREHOUSE', to: null, quantity: 'p.q2', action: 'shipOrder' },
  { type: 'CUSTOMER_RETURN', from: null, to: 'WAREHOUSE', quantity: '1', action: 'receiveReturn' },
  { type: 'CONSIGN_IN', from: null, to: 'WAREHOUSE', quantity: '60', action: 'receiveConsignment' },
  { type: 'RESERVE', from: 'WAREHOUSE', to: 'WAREHOUSE', quantity: 'p.q3', action: 'placeOrder' },
  { type: 'SALE', from: 'WAREHOUSE', to: null, quantity: 'p.q3', action: 'shipOrder' },
];

const lit = (v: string | null) => (v === null ? 'NULL::text' : `'${v}'`);

export function stockStep(params: DatasetParams): Step {
  const K = STEPS.length;
  const pairs = Math.ceil(params.stockMovements / K);
  const spacing = Math.floor((params.historyDays - 14) / K);
  return {
    name: 'stock',
    async run({ client, log }) {
      const available = await count(client, 'SELECT count(*) FROM bench.venue_skus');
      if (available < pairs) throw new Error(`only ${available} venue × SKU pairs for ${pairs} stocked pairs`);
      await client.query(`
        CREATE TABLE bench.stock_pairs AS
          SELECT vs.vn, vs.fn, vs.venue_id, vs.sku_id, vs.factory_id,
                 1 + bench.rnd(vs.gn * 16 + vs.vn, 31) % 30 AS q1, 1 + bench.rnd(vs.gn * 16 + vs.vn, 32) % 30 AS q2,
                 1 + bench.rnd(vs.gn * 16 + vs.vn, 33) % 30 AS q3
          FROM bench.venue_skus vs
          ORDER BY bench.rnd(vs.gn * 16 + vs.vn, 30)
          LIMIT ${pairs};
        CREATE INDEX ON bench.stock_pairs (vn, fn);
        CREATE TABLE bench.stock_ops AS
          SELECT p.vn, p.fn, k, gen_random_uuid() AS id, min(p.venue_id::text)::uuid AS venue_id,
                 (((SELECT d0 FROM bench.meta) + 7 + (k - 1) * ${spacing})::timestamp + interval '9 hours'
                    + (p.fn % 480) * interval '1 minute') AT TIME ZONE 'Asia/Shanghai' AS occurred_at
          FROM bench.stock_pairs p CROSS JOIN generate_series(1, ${K}) AS k
          GROUP BY p.vn, p.fn, k;
        ALTER TABLE bench.stock_ops ADD PRIMARY KEY (vn, fn, k);
        INSERT INTO stock_operations (id, idempotency_key, venue_id, action, request_hash, actor_user_id, occurred_at)
          SELECT o.id, 'bench-' || o.vn || '-' || o.fn || '-' || o.k, o.venue_id,
                 (ARRAY[${STEPS.map((s) => `'${s.action}'`).join(',')}])[o.k],
                 encode(sha256(convert_to('bench-' || o.vn || '-' || o.fn || '-' || o.k, 'UTF8')), 'hex'),
                 v.admin_id, o.occurred_at
          FROM bench.stock_ops o JOIN bench.venues v ON v.n = o.vn;
      `);
      await withPlainIndexesDeferred(client, 'stock_movements', async () => {
        for (let k = 1; k <= K; k++) {
          const s = STEPS[k - 1];
          await client.query(`
            INSERT INTO stock_movements (operation_id, line_no, venue_id, sku_id, owner_factory_org_id, type, from_location, to_location,
                                         quantity, actor_user_id, occurred_at)
              SELECT o.id, row_number() OVER (PARTITION BY o.id ORDER BY p.sku_id), p.venue_id, p.sku_id, p.factory_id,
                     '${s.type}', ${lit(s.from)}, ${lit(s.to)}, ${s.quantity}, v.admin_id, o.occurred_at
              FROM bench.stock_pairs p
              JOIN bench.stock_ops o ON o.vn = p.vn AND o.fn = p.fn AND o.k = ${k}
              JOIN bench.venues v ON v.n = p.vn`);
          log(`  movements: step ${k}/${K} (${s.type})`);
        }
        log('  building the ledger indexes');
      });
      await client.query(`
        INSERT INTO stock_balances (venue_id, sku_id, location, owner_factory_org_id, on_hand, reserved, updated_at)
          SELECT venue_id, sku_id, location, owner, sum(on_hand)::int, sum(reserved)::int, max(occurred_at)
          FROM (
            SELECT venue_id, sku_id, to_location AS location, owner_factory_org_id AS owner, quantity AS on_hand, 0 AS reserved, occurred_at
              FROM stock_movements WHERE to_location IS NOT NULL AND type NOT IN ('RESERVE', 'RELEASE')
            UNION ALL
            SELECT venue_id, sku_id, from_location, owner_factory_org_id, -quantity, CASE WHEN type = 'SALE' THEN -quantity ELSE 0 END, occurred_at
              FROM stock_movements WHERE from_location IS NOT NULL AND type NOT IN ('RESERVE', 'RELEASE')
            UNION ALL
            SELECT venue_id, sku_id, from_location, owner_factory_org_id, 0, CASE WHEN type = 'RESERVE' THEN quantity ELSE -quantity END, occurred_at
              FROM stock_movements WHERE type IN ('RESERVE', 'RELEASE')
          ) AS effects
          GROUP BY venue_id, sku_id, location, owner;
      `);
      const discrepancies = await count(client, 'SELECT count(*) FROM stock_ledger_discrepancies');
      if (discrepancies > 0) throw new Error(`${discrepancies} stock balances disagree with the ledger`);
      return 'ledger and balances agree';
    },
  };
}
