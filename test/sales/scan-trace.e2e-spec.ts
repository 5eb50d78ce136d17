import { randomUUID } from 'node:crypto';
import { addDays, today } from '@xp/core';
import { ScanEventWriter } from '@xp/scans';
import { GivenSales } from '../support/given';
import { TestApp } from '../support/test-app';
import { PLACE_ORDER } from './sales.support';

const STATS = `query($v: ID!, $f: Date!, $t: Date!) { scanStats(venueId: $v, from: $f, to: $t, groupBy: SKU) {
  ordersTraceable totals { tracedOrders } rows { key tracedOrders } } }`;

/** Orders carry the label scan code a buyer came from, so scan statistics follow scan → order. */
describe('the scan → order funnel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('counts an order placed from a label scan code against that label', async () => {
    const sales = new GivenSales(t);
    // A label printed in the demo, on one of factory A's priced SKUs at Zhengzhou with stock.
    const [label] = await t.dataSource.query(
      `SELECT l.code, l.sku_id, s.moq FROM labels l JOIN skus s ON s.id = l.sku_id
       JOIN stock_balances b ON b.sku_id = l.sku_id AND b.venue_id = l.venue_id AND b.location = 'WAREHOUSE'
       WHERE l.venue_id = $1 AND l.status <> 'RETIRED' AND b.on_hand - b.reserved >= s.moq ORDER BY l.code LIMIT 1`,
      [t.demo.venues.zz],
    );
    const buyer = await sales.buyer([t.demo.venues.zz]);
    // The buyer scans the label first (so its SKU has a row in today's statistics).
    expect((await t.http().get(`/s/${label.code}`)).status).toBe(200);
    await t.app.get(ScanEventWriter).flush();
    const before = await t.ok(STATS, { v: t.demo.venues.zz, f: addDays(today(), -1), t: addDays(today(), 1) }, 'operatorAdmin');
    expect(before.scanStats.ordersTraceable).toBe(true);
    const traced = (stats: typeof before) => stats.scanStats.rows.find((r: { key: string }) => r.key === label.sku_id)?.tracedOrders ?? 0;
    await t.ok(
      PLACE_ORDER,
      {
        input: {
          venueId: t.demo.venues.zz,
          buyerId: buyer.id,
          idempotencyKey: randomUUID(),
          lines: [{ skuId: label.sku_id, quantity: label.moq, scanCode: label.code }],
        },
      },
      'operatorAdmin',
    );
    const after = await t.ok(STATS, { v: t.demo.venues.zz, f: addDays(today(), -1), t: addDays(today(), 1) }, 'operatorAdmin');
    expect(after.scanStats.totals.tracedOrders).toBe(before.scanStats.totals.tracedOrders + 1);
    expect(traced(after)).toBe(traced(before) + 1);
  });

  it("refuses a scan code that is not one of the venue's labels, naming the line", async () => {
    const sales = new GivenSales(t);
    const buyer = await sales.buyer([t.demo.venues.zz]);
    const [sku] = await t.dataSource.query(
      `SELECT l.sku_id, s.moq FROM labels l JOIN skus s ON s.id = l.sku_id WHERE l.venue_id = $1 LIMIT 1`,
      [t.demo.venues.zz],
    );
    const before = await t.count('sales_orders');
    const error = await t.fails(
      PLACE_ORDER,
      {
        input: {
          venueId: t.demo.venues.zz,
          buyerId: buyer.id,
          idempotencyKey: randomUUID(),
          lines: [{ skuId: sku.sku_id, quantity: sku.moq, scanCode: 'NOSUCHCODE42' }],
        },
      },
      'operatorAdmin',
    );
    expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.lines.0.scanCode' }] });
    expect(await t.count('sales_orders')).toBe(before);
  });
});
