import { Given, GivenPricing, GivenSales } from '../support/given';
import { TestApp } from '../support/test-app';
import { balance, CANCEL, DELIVER, deliveredOrder, key, MARK_PAID, PLACE_ORDER, SALES_ORDER, SALES_ORDERS, SHIP } from './sales.support';

/** A shelf label of the Zhengzhou venue (printed by the demo): orders may only name real scan codes. */
let venueLabelCode: (n: number) => Promise<string>;

describe('wholesale orders', () => {
  let t: TestApp;
  let given: Given;
  let sales: GivenSales;
  const zz = () => t.demo.venues.zz;
  const factoryA = () => t.demo.orgs.factoryA;

  beforeAll(async () => {
    t = await TestApp.start();
    venueLabelCode = async (n) =>
      // A label no order came from yet (the demo's orders carry one scan code): the scan code filter then finds only this test's orders.
      (
        await t.dataSource.query(
          `SELECT code FROM labels WHERE venue_id = $1 AND code NOT IN (SELECT scan_code FROM sales_order_lines WHERE scan_code IS NOT NULL)
           ORDER BY code OFFSET $2 LIMIT 1`,
          [t.demo.venues.zz, n],
        )
      )[0].code;
    given = new Given(t);
    sales = new GivenSales(t);
  });
  afterAll(() => t.close());

  it('prices each line at the wholesale tier for its quantity and reserves the stock in the warehouse', async () => {
    const a = await sales.pricedSku(zz(), factoryA(), { stock: 500 });
    const b = await sales.pricedSku(zz(), factoryA(), { stock: 500 });
    const c = await sales.pricedSku(zz(), factoryA(), { stock: 500 });
    const buyer = await sales.buyer();
    const scanCode = await venueLabelCode(0);
    const { placeOrder: order } = await t.ok(
      PLACE_ORDER,
      {
        input: {
          venueId: zz(),
          buyerId: buyer.id,
          lines: [
            { skuId: a.sku.id, quantity: 10, scanCode },
            { skuId: b.sku.id, quantity: 55 },
            { skuId: c.sku.id, quantity: 200 },
          ],
          idempotencyKey: key(),
        },
      },
      'showroomStaff',
    );
    expect(order.status).toBe('PLACED');
    expect(order.orderNo).toMatch(/^SO\d{8}-\d{6}$/);
    // Tiers: 10 → 1000/1250, 50 → 900/1125, 200 → 800/1000 (supply/wholesale fen).
    expect(order.lines).toEqual([
      expect.objectContaining({ skuId: a.sku.id, quantity: 10, unitPrice: '12.50', supplyUnitPrice: '10.00', amount: '125.00', priceVersionId: a.versionId, scanCode, moq: 10, packSize: 5 }),
      expect.objectContaining({ skuId: b.sku.id, quantity: 55, unitPrice: '11.25', supplyUnitPrice: '9.00', amount: '618.75', priceVersionId: b.versionId, scanCode: null }),
      expect.objectContaining({ skuId: c.sku.id, quantity: 200, unitPrice: '10.00', supplyUnitPrice: '8.00', amount: '2000.00', retailPrice: '25.00' }),
    ]);
    expect(order.totalAmount).toBe('2743.75');
    expect(await balance(t, zz(), a.sku.id)).toEqual({ onHand: 500, reserved: 10 });
    expect(await balance(t, zz(), c.sku.id)).toEqual({ onHand: 500, reserved: 200 });
    expect(await t.count('stock_movements', "reference_id = $1 AND type = 'RESERVE'", [order.id])).toBe(3);
    // The buyer is now a buyer of the venue: its staff see it.
    const { buyers } = await t.ok('query($f: BuyerFilter) { buyers(filter: $f) { total items { id } } }', { f: { venueId: zz() } }, 'warehouseStaff');
    expect(buyers.items.map((x: { id: string }) => x.id)).toContain(buyer.id);
    const expectedExpiry = new Date(order.placedAt).getTime() + 24 * 3_600_000;
    expect(new Date(order.expiresAt).getTime()).toBe(expectedExpiry);
  });

  it('keeps the price version an order was placed at when a newer one comes into force', async () => {
    const a = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const buyer = await sales.buyer();
    const first = await t.ok(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 10 }], idempotencyKey: key() } }, 'operatorAdmin');
    const newer = await new GivenPricing(t).priceSheet(zz(), factoryA(), [{ skuId: a.sku.id, tiers: [[10, 1100]], retail: 3000, wholesale: [1400] }]);
    const second = await t.ok(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 10 }], idempotencyKey: key() } }, 'operatorAdmin');
    expect(second.placeOrder.lines[0]).toMatchObject({ priceVersionId: newer.lineIds[0], unitPrice: '14.00', supplyUnitPrice: '11.00' });
    const { salesOrder } = await t.ok(SALES_ORDER, { id: first.placeOrder.id }, 'operatorAdmin');
    expect(salesOrder.lines[0]).toMatchObject({ priceVersionId: a.versionId, unitPrice: '12.50', supplyUnitPrice: '10.00' });
  });

  it('refuses quantities below the MOQ or not in whole packs with BELOW_MOQ naming the lines, and writes nothing', async () => {
    const a = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const b = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const buyer = await sales.buyer();
    const before = { orders: await t.count('sales_orders'), ops: await t.count('stock_operations'), audit: await t.count('audit_events') };
    const error = await t.fails(
      PLACE_ORDER,
      { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 5 }, { skuId: b.sku.id, quantity: 12 }], idempotencyKey: key() } },
      'operatorAdmin',
    );
    expect(error.extensions.code).toBe('BELOW_MOQ');
    expect(error.extensions.lines).toEqual([
      expect.objectContaining({ path: 'input.lines.0', skuId: a.sku.id, quantity: 5, moq: 10, packSize: 5 }),
      expect.objectContaining({ path: 'input.lines.1', skuId: b.sku.id, quantity: 12, message: 'must be a whole number of packs of 5' }),
    ]);
    expect({ orders: await t.count('sales_orders'), ops: await t.count('stock_operations'), audit: await t.count('audit_events') }).toEqual(before);
    expect(await balance(t, zz(), a.sku.id)).toEqual({ onHand: 100, reserved: 0 });
  });

  it('refuses with INSUFFICIENT_STOCK naming the lines short, and reserves nothing', async () => {
    const a = await sales.pricedSku(zz(), factoryA(), { stock: 20 });
    const b = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const c = await sales.pricedSku(zz(), factoryA());
    const buyer = await sales.buyer();
    const orders = await t.count('sales_orders');
    const error = await t.fails(
      PLACE_ORDER,
      {
        input: {
          venueId: zz(),
          buyerId: buyer.id,
          lines: [{ skuId: a.sku.id, quantity: 25 }, { skuId: b.sku.id, quantity: 50 }, { skuId: c.sku.id, quantity: 10 }],
          idempotencyKey: key(),
        },
      },
      'operatorAdmin',
    );
    expect(error.extensions.code).toBe('INSUFFICIENT_STOCK');
    const lines = error.extensions.lines as { paths: string[]; skuId: string; available: number }[];
    expect(lines.map((l) => [l.paths, l.skuId, l.available]).sort()).toEqual(
      [
        [['input.lines.0'], a.sku.id, 20],
        [['input.lines.2'], c.sku.id, 0],
      ].sort(),
    );
    expect(await t.count('sales_orders')).toBe(orders);
    expect(await balance(t, zz(), b.sku.id)).toEqual({ onHand: 100, reserved: 0 });
  });

  it('answers a replay with the first order and reserves once; the same key for another request is CONFLICT', async () => {
    const a = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const buyer = await sales.buyer();
    const input = { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 20 }], idempotencyKey: key() };
    const answers = await Promise.all([1, 2, 3].map(() => t.ok(PLACE_ORDER, { input }, 'operatorAdmin')));
    expect(new Set(answers.map((x) => x.placeOrder.id)).size).toBe(1);
    expect(await t.count('sales_orders', 'buyer_id = $1', [buyer.id])).toBe(1);
    expect(await balance(t, zz(), a.sku.id)).toEqual({ onHand: 100, reserved: 20 });
    const error = await t.fails(PLACE_ORDER, { input: { ...input, lines: [{ skuId: a.sku.id, quantity: 30 }] } }, 'operatorAdmin');
    expect(error.extensions.code).toBe('CONFLICT');
    expect(await balance(t, zz(), a.sku.id)).toEqual({ onHand: 100, reserved: 20 });
  });

  it('refuses SKUs without a price, of a factory not admitted, archived, or listed twice, naming the lines', async () => {
    const priced = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const unpriced = await given.sku(factoryA(), { moq: 1, packSize: 1 });
    await given.stock(zz(), unpriced.id, 10);
    const stranger = await given.factory();
    const foreign = await given.sku(stranger.org.id);
    const archived = await sales.pricedSku(zz(), factoryA(), { stock: 10 });
    await t.dataSource.query(`UPDATE skus SET status = 'ARCHIVED' WHERE id = $1`, [archived.sku.id]);
    const buyer = await sales.buyer();
    const place = (lines: { skuId: string; quantity: number }[]) =>
      t.fails(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyer.id, lines, idempotencyKey: key() } }, 'operatorAdmin');

    const missing = await place([{ skuId: priced.sku.id, quantity: 10 }, { skuId: unpriced.id, quantity: 1 }]);
    expect(missing.extensions.code).toBe('VALIDATION_FAILED');
    expect(missing.extensions.fields).toEqual([{ path: 'input.lines.1.skuId', message: 'has no approved wholesale price at this venue now' }]);
    const others = await place([{ skuId: foreign.id, quantity: 1 }, { skuId: archived.sku.id, quantity: 10 }]);
    expect(others.extensions.fields).toEqual([
      { path: 'input.lines.0.skuId', message: 'no such SKU at this venue' },
      { path: 'input.lines.1.skuId', message: 'is archived and no longer sold' },
    ]);
    const twice = await place([{ skuId: priced.sku.id, quantity: 10 }, { skuId: priced.sku.id, quantity: 10 }]);
    expect(twice.extensions.fields).toEqual([{ path: 'input.lines.1.skuId', message: 'is listed twice; order each SKU on one line' }]);
    const nobody = await t.fails(
      PLACE_ORDER,
      { input: { venueId: zz(), buyerId: '00000000-0000-4000-8000-000000000000', lines: [{ skuId: priced.sku.id, quantity: 10 }], idempotencyKey: key() } },
      'operatorAdmin',
    );
    expect(nobody.extensions.code).toBe('NOT_FOUND');
    expect(await balance(t, zz(), priced.sku.id)).toEqual({ onHand: 100, reserved: 0 });
  });

  it('ships a paid order with SALE movements, replays the shipment, and records delivery', async () => {
    const a = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const buyer = await sales.buyer();
    const { placeOrder: order } = await t.ok(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 30 }], idempotencyKey: key() } }, 'showroomStaff');
    const unpaid = await t.fails(SHIP, { input: { orderId: order.id, idempotencyKey: key() } }, 'warehouseStaff');
    expect(unpaid.extensions.code).toBe('INVALID_TRANSITION');
    expect(await t.count('stock_operations', "reference_id = $1 AND action = 'shipOrder'", [order.id])).toBe(0);

    const paid = await t.ok(MARK_PAID, { input: { orderId: order.id, paymentReference: 'ALIPAY-2026112522001' } }, 'operatorAdmin');
    expect(paid.markOrderPaid).toMatchObject({ status: 'PAID', paymentReference: 'ALIPAY-2026112522001' });
    const shipKey = key();
    const shipped = await t.ok(SHIP, { input: { orderId: order.id, idempotencyKey: shipKey } }, 'warehouseStaff');
    expect(shipped.shipOrder.status).toBe('SHIPPED');
    const again = await t.ok(SHIP, { input: { orderId: order.id, idempotencyKey: shipKey } }, 'warehouseStaff');
    expect(again.shipOrder.shippedAt).toBe(shipped.shipOrder.shippedAt);
    expect(await t.count('stock_movements', "reference_id = $1 AND type = 'SALE'", [order.id])).toBe(1);
    expect(await balance(t, zz(), a.sku.id)).toEqual({ onHand: 70, reserved: 0 });
    const secondShipment = await t.fails(SHIP, { input: { orderId: order.id, idempotencyKey: key() } }, 'warehouseStaff');
    expect(secondShipment.extensions.code).toBe('INVALID_TRANSITION');

    const delivered = await t.ok(DELIVER, { input: { orderId: order.id } }, 'warehouseStaff');
    expect(delivered.markOrderDelivered.status).toBe('DELIVERED');
    expect(delivered.markOrderDelivered.returnWindowEndsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('cancels an unpaid order and releases its stock; a paid one only by the operator admin; a shipped one never', async () => {
    const a = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const buyer = await sales.buyer();
    const place = async () =>
      (await t.ok(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 10 }], idempotencyKey: key() } }, 'showroomStaff'))
        .placeOrder;
    const unpaid = await place();
    const cancelKey = key();
    const cancelled = await t.ok(CANCEL, { input: { orderId: unpaid.id, reason: '买家改主意', idempotencyKey: cancelKey } }, 'showroomStaff');
    expect(cancelled.cancelOrder).toMatchObject({ status: 'CANCELLED', cancelReason: '买家改主意' });
    await t.ok(CANCEL, { input: { orderId: unpaid.id, reason: '买家改主意', idempotencyKey: cancelKey } }, 'showroomStaff');
    expect(await t.count('stock_movements', "reference_id = $1 AND type = 'RELEASE'", [unpaid.id])).toBe(1);
    expect(await balance(t, zz(), a.sku.id)).toEqual({ onHand: 100, reserved: 0 });

    const paid = await place();
    await t.ok(MARK_PAID, { input: { orderId: paid.id } }, 'operatorAdmin');
    const refused = await t.fails(CANCEL, { input: { orderId: paid.id, reason: '退款', idempotencyKey: key() } }, 'showroomStaff');
    expect(refused.extensions.code).toBe('FORBIDDEN');
    expect(await balance(t, zz(), a.sku.id)).toEqual({ onHand: 100, reserved: 10 });
    await t.ok(CANCEL, { input: { orderId: paid.id, reason: '退款', idempotencyKey: key() } }, 'operatorAdmin');
    expect(await balance(t, zz(), a.sku.id)).toEqual({ onHand: 100, reserved: 0 });

    const shippedId = await deliveredOrder(t, zz(), buyer.id, [{ skuId: a.sku.id, quantity: 10 }]);
    const late = await t.fails(CANCEL, { input: { orderId: shippedId, reason: '太晚', idempotencyKey: key() } }, 'operatorAdmin');
    expect(late.extensions.code).toBe('INVALID_TRANSITION');
    const reship = await t.fails(MARK_PAID, { input: { orderId: shippedId } }, 'operatorAdmin');
    expect(reship.extensions.code).toBe('INVALID_TRANSITION');
  });

  it('lets each role do only its part of the workflow', async () => {
    const a = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const buyer = await sales.buyer();
    const input = { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 10 }], idempotencyKey: key() };
    for (const caller of ['warehouseStaff', 'pricingReviewer', 'factoryAdmin', 'govViewer', 'regionalManager'] as const) {
      expect((await t.fails(PLACE_ORDER, { input: { ...input, idempotencyKey: key() } }, caller)).extensions.code).toBe('FORBIDDEN');
    }
    expect((await t.fails(PLACE_ORDER, { input }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(PLACE_ORDER, { input }, null)).extensions.code).toBe('UNAUTHENTICATED');
    const { placeOrder: order } = await t.ok(PLACE_ORDER, { input }, 'operatorAdmin');
    expect((await t.fails(MARK_PAID, { input: { orderId: order.id } }, 'showroomStaff')).extensions.code).toBe('FORBIDDEN');
    await t.ok(MARK_PAID, { input: { orderId: order.id } }, 'operatorAdmin');
    expect((await t.fails(SHIP, { input: { orderId: order.id, idempotencyKey: key() } }, 'showroomStaff')).extensions.code).toBe('FORBIDDEN');
    for (const caller of ['operator2Admin', 'factoryAdmin', 'factory2Admin'] as const) {
      const error = await t.fails(SHIP, { input: { orderId: order.id, idempotencyKey: key() } }, caller);
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(error.extensions.code);
    }
    expect(await t.count('stock_movements', "reference_id = $1 AND type = 'SALE'", [order.id])).toBe(0);
  });

  it('lists orders by venue, buyer, status, day, factory, SKU and scan code, only at the venues the caller reaches', async () => {
    const a = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const b = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const buyer = await sales.buyer();
    const funnel = await venueLabelCode(1);
    const one = await t.ok(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 10, scanCode: funnel }], idempotencyKey: key() } }, 'operatorAdmin');
    const two = await t.ok(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: b.sku.id, quantity: 10 }], idempotencyKey: key() } }, 'operatorAdmin');
    await t.ok(MARK_PAID, { input: { orderId: two.placeOrder.id } }, 'operatorAdmin');
    const ids = async (filter: Record<string, unknown>, caller: 'operatorAdmin' | 'regionalManager' | 'operator2Admin' | 'platformAdmin' = 'operatorAdmin') =>
      ((await t.ok(SALES_ORDERS, { filter }, caller)).salesOrders.items as { id: string }[]).map((o) => o.id).sort();
    expect(await ids({ buyerId: buyer.id })).toEqual([one.placeOrder.id, two.placeOrder.id].sort());
    expect(await ids({ buyerId: buyer.id, status: 'PAID' })).toEqual([two.placeOrder.id]);
    expect(await ids({ buyerId: buyer.id, skuId: a.sku.id })).toEqual([one.placeOrder.id]);
    expect(await ids({ scanCode: funnel })).toEqual([one.placeOrder.id]);
    expect((await ids({ buyerId: buyer.id, factoryOrgId: factoryA(), venueId: zz() })).length).toBe(2);
    expect(await ids({ buyerId: buyer.id, factoryOrgId: t.demo.orgs.factoryB })).toEqual([]);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await ids({ buyerId: buyer.id, from: today, to: today })).length).toBe(2);
    expect(await ids({ buyerId: buyer.id, to: '2020-01-01' })).toEqual([]);
    expect((await ids({ buyerId: buyer.id }, 'regionalManager')).length).toBe(2);
    expect((await ids({ buyerId: buyer.id }, 'platformAdmin')).length).toBe(2);
    expect(await ids({ buyerId: buyer.id }, 'operator2Admin')).toEqual([]);
    for (const caller of ['factoryAdmin', 'factory2Admin', 'govViewer'] as const) {
      expect((await t.fails(SALES_ORDERS, { filter: {} }, caller)).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(SALES_ORDER, { id: one.placeOrder.id }, caller)).extensions.code).toBe('FORBIDDEN');
    }
    expect((await t.fails(SALES_ORDER, { id: one.placeOrder.id }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
  });

  it('holds the order workflow in PostgreSQL too: every edge the table does not list is refused', async () => {
    const a = await sales.pricedSku(zz(), factoryA(), { stock: 100 });
    const buyer = await sales.buyer();
    const { placeOrder: order } = await t.ok(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 10 }], idempotencyKey: key() } }, 'operatorAdmin');
    const statuses = ['PLACED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'EXPIRED'];
    const allowed = new Set(['PLACED>PAID', 'PLACED>CANCELLED', 'PLACED>EXPIRED', 'PAID>SHIPPED', 'PAID>CANCELLED', 'SHIPPED>DELIVERED']);
    const stamps = `paid_at = CASE WHEN $2 IN ('PAID','SHIPPED','DELIVERED') THEN now() END,
      shipped_at = CASE WHEN $2 IN ('SHIPPED','DELIVERED') THEN now() END, delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() END,
      cancelled_at = CASE WHEN $2 = 'CANCELLED' THEN now() END, cancel_reason = CASE WHEN $2 = 'CANCELLED' THEN 'x' END,
      expired_at = CASE WHEN $2 = 'EXPIRED' THEN now() END`;
    for (const from of statuses) {
      for (const to of statuses) {
        if (from === to || allowed.has(`${from}>${to}`)) continue;
        const refused = await t.dataSource
          .transaction(async (m) => {
            await m.query('ALTER TABLE sales_orders DISABLE TRIGGER sales_orders_guard');
            await m.query(`UPDATE sales_orders SET status = $2, ${stamps} WHERE id = $1`, [order.id, from]);
            await m.query('ALTER TABLE sales_orders ENABLE TRIGGER sales_orders_guard');
            await m.query(`UPDATE sales_orders SET status = $2, ${stamps} WHERE id = $1`, [order.id, to]);
            return false;
          })
          .catch((e: { constraint?: string }) => e.constraint === 'sales_orders_transition');
        expect([`${from}>${to}`, refused]).toEqual([`${from}>${to}`, true]);
      }
    }
    expect((await t.dataSource.query('SELECT status FROM sales_orders WHERE id = $1', [order.id]))[0].status).toBe('PLACED');
  });
});
