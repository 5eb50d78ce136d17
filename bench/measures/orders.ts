import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { login } from '../lib/api';
import { Measure, MeasureContext, Result, result } from '../lib/measure';
import { startServer } from '../lib/processes';

const BUYERS = 50;
const PARALLEL_SKUS = 200;

const PLACE_ORDER = `mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }`;

interface Outcome {
  ok: boolean;
  code?: string;
}

async function placeOrder(base: string, token: string, venueId: string, buyerId: string, skuId: string, quantity: number): Promise<Outcome> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: PLACE_ORDER,
      variables: { input: { venueId, buyerId, idempotencyKey: randomUUID(), lines: [{ skuId, quantity }] } },
    }),
  });
  const body = (await response.json()) as { data?: { placeOrder: { status: string } }; errors?: { extensions?: { code?: string }; message: string }[] };
  if (body.errors?.length) return { ok: false, code: body.errors[0].extensions?.code ?? body.errors[0].message };
  return { ok: body.data?.placeOrder.status === 'PLACED' };
}

interface StockRow {
  sku_id: string;
  on_hand: number;
  reserved: number;
  moq: number;
  pack_size: number;
}

async function warehouse(ctx: MeasureContext, venueId: string, skuIds: string[]): Promise<Map<string, StockRow>> {
  const rows = await ctx.query<StockRow>(
    `SELECT b.sku_id, b.on_hand, b.reserved, s.moq, s.pack_size FROM stock_balances b JOIN skus s ON s.id = b.sku_id
     WHERE b.venue_id = $1 AND b.location = 'WAREHOUSE' AND b.sku_id = ANY($2::uuid[])`,
    [venueId, skuIds],
  );
  return new Map(rows.map((r) => [r.sku_id, r]));
}

/**
 * Fifty buyers at once ordering the last units of one SKU (more than are left: each asks for a
 * 25th of what is available, so about half can be served), and 200 orders at once for 200
 * different SKUs, through placeOrder (staff order for buyers at the counter). Oversell = units
 * reserved beyond what was available; it must be 0. The ceiling of the race is the bare
 * reservation: one conditional UPDATE per order on a copy of the balance, through pg with the
 * API's pool size.
 */
export const ordersMeasure: Measure = {
  name: 'orders race',
  requires: ['sales_orders', 'buyers'],
  async run(ctx: MeasureContext): Promise<Result[]> {
    const [{ venue_id: venueId }] = await ctx.query<{ venue_id: string }>(`SELECT id AS venue_id FROM bench.venues WHERE n = 1`);
    const buyers = (await ctx.query<{ id: string }>(`SELECT b.id FROM bench.buyers b WHERE b.vn = 1 ORDER BY b.n LIMIT ${PARALLEL_SKUS}`)).map((r) => r.id);
    if (buyers.length < BUYERS) throw new Error(`only ${buyers.length} buyers at the venue`);
    // SKUs of the venue with stock and no open reservation, in an order that changes from run to run
    const candidates = (
      await ctx.query<{ sku_id: string }>(
        `SELECT b.sku_id FROM stock_balances b
         WHERE b.venue_id = $1 AND b.location = 'WAREHOUSE' AND b.reserved = 0 AND b.on_hand >= 40
         ORDER BY md5(b.sku_id::text || $2) LIMIT ${PARALLEL_SKUS + 1}`,
        [venueId, String(Date.now())],
      )
    ).map((r) => r.sku_id);
    if (candidates.length < PARALLEL_SKUS + 1) throw new Error(`only ${candidates.length} stocked SKUs free of reservations`);
    const [raceSku, ...parallelSkus] = candidates;
    const before = await warehouse(ctx, venueId, candidates);
    const race = before.get(raceSku)!;
    const available = race.on_hand - race.reserved;
    const packs = Math.max(Math.ceil(race.moq / race.pack_size), Math.ceil(available / 25 / race.pack_size));
    const quantity = packs * race.pack_size;

    const api = await startServer('api', ctx.dataset.url);
    let raceOutcomes: Outcome[];
    let raceSeconds: number;
    let parallelOutcomes: Outcome[];
    let parallelSeconds: number;
    try {
      const token = await login(api.base, 'ss1@bench.xuanpin.test');
      // warm: one order of another SKU (pricing, stock and the code paths loaded)
      const warm = await placeOrder(api.base, token, venueId, buyers[0], parallelSkus[PARALLEL_SKUS - 1], before.get(parallelSkus[PARALLEL_SKUS - 1])!.moq);
      if (!warm.ok) throw new Error(`a first order failed: ${warm.code}`);
      let t0 = performance.now();
      raceOutcomes = await Promise.all(buyers.slice(0, BUYERS).map((b) => placeOrder(api.base, token, venueId, b, raceSku, quantity)));
      raceSeconds = (performance.now() - t0) / 1000;
      const others = parallelSkus.slice(0, PARALLEL_SKUS - 1);
      t0 = performance.now();
      parallelOutcomes = await Promise.all(others.map((sku, i) => placeOrder(api.base, token, venueId, buyers[i % buyers.length], sku, before.get(sku)!.moq)));
      parallelSeconds = (performance.now() - t0) / 1000;
    } finally {
      await api.stop();
    }
    const unexpected = [...raceOutcomes, ...parallelOutcomes].filter((o) => !o.ok && o.code !== 'INSUFFICIENT_STOCK');
    if (unexpected.length) throw new Error(`orders failed otherwise than INSUFFICIENT_STOCK: ${[...new Set(unexpected.map((o) => o.code))].join(', ')}`);
    const after = await warehouse(ctx, venueId, candidates);
    const served = raceOutcomes.filter((o) => o.ok).length;
    const raceAfter = after.get(raceSku)!;
    // units promised beyond what was there: by the answers, and by the balance itself
    const oversold = Math.max(0, served * quantity - available, raceAfter.reserved - raceAfter.on_hand);
    let parallelOversold = 0;
    for (const sku of parallelSkus) {
      const b = after.get(sku)!;
      parallelOversold += Math.max(0, b.reserved - b.on_hand);
    }
    const [{ n: discrepancies }] = await ctx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stock_ledger_discrepancies WHERE venue_id = $1 AND sku_id = ANY($2::uuid[])`,
      [venueId, candidates],
    );
    if (discrepancies > 0) throw new Error(`${discrepancies} balances of the raced SKUs disagree with the ledger`);
    const parallelServed = parallelOutcomes.filter((o) => o.ok).length;

    const ceiling = await bareReservations(ctx, available, quantity);
    const scale = ctx.dataset.scale;
    return [
      result({
        name: `orders: ${BUYERS} buyers racing for the last units of one SKU`,
        value: BUYERS / raceSeconds,
        unit: 'orders/s',
        better: 'higher',
        ceiling: ceiling.ordersPerSecond,
        ceilingName: 'the bare reservation: one conditional UPDATE per order through pg (10 connections)',
        scale,
        note: `${available} units available, ${quantity} asked by each: ${served} served, ${BUYERS - served} INSUFFICIENT_STOCK (the bare UPDATE served ${ceiling.served}) in ${raceSeconds.toFixed(2)} s`,
      }),
      result({
        name: 'orders: units oversold in the race',
        value: oversold,
        unit: 'units',
        better: 'lower',
        target: { on: 'value', op: '=', limit: 0, text: '0' },
        scale,
      }),
      result({
        name: `orders: ${PARALLEL_SKUS} orders at once for ${PARALLEL_SKUS} SKUs`,
        value: (PARALLEL_SKUS - 1) / parallelSeconds,
        unit: 'orders/s',
        better: 'higher',
        scale,
        note: `${parallelServed} of ${PARALLEL_SKUS - 1} served (plus the warm-up order) in ${parallelSeconds.toFixed(2)} s; the 200th SKU's order warmed the API`,
      }),
      result({
        name: `orders: units oversold across the ${PARALLEL_SKUS} SKUs`,
        value: parallelOversold,
        unit: 'units',
        better: 'lower',
        target: { on: 'value', op: '=', limit: 0, text: '0' },
        scale,
      }),
    ];
  },
};

/** The same race on a scratch copy of the balance: conditional UPDATEs, 50 at once over 10 connections. */
async function bareReservations(ctx: MeasureContext, available: number, quantity: number): Promise<{ ordersPerSecond: number; served: number }> {
  await ctx.query(`DROP TABLE IF EXISTS bench.race_balance`);
  await ctx.query(
    `CREATE UNLOGGED TABLE bench.race_balance (id int PRIMARY KEY, on_hand int NOT NULL, reserved int NOT NULL CHECK (reserved <= on_hand))`,
  );
  await ctx.query(`INSERT INTO bench.race_balance VALUES (1, $1, 0)`, [available]);
  const pool = new Pool({ connectionString: ctx.dataset.url, max: 10 });
  try {
    await Promise.all(Array.from({ length: 10 }, () => pool.query('SELECT 1')));
    const t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: BUYERS }, () =>
        pool.query(`UPDATE bench.race_balance SET reserved = reserved + $1 WHERE id = 1 AND on_hand - reserved >= $1`, [quantity]),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;
    return { ordersPerSecond: BUYERS / seconds, served: answers.filter((a) => a.rowCount === 1).length };
  } finally {
    await pool.end();
    await ctx.query(`DROP TABLE bench.race_balance`);
  }
}
