import { randomUUID } from 'node:crypto';
import { OrdersService } from '@xp/sales';
import { GivenSales } from '../support/given';
import { TestApp } from '../support/test-app';
import { actAt } from '../settlement/settlement.support';
import { balance, deliveredOrder, key, MARK_PAID, PLACE_ORDER, RECEIVE_RETURN, REQUEST_RETURN, SALES_ORDER, SHIP } from './sales.support';

const DAY = 86_400_000;
const SET_POLICY = `mutation($input: SetReturnPolicyInput!) { setReturnPolicy(input: $input) { id version windowDays text venueId } }`;
const CANCEL_RETURN = `mutation($input: CancelReturnInput!) { cancelReturn(input: $input) { id status cancelReason } }`;

describe('returns under the venue return policy', () => {
  let t: TestApp;
  let sales: GivenSales;
  const zz = () => t.demo.venues.zz;
  beforeAll(async () => {
    t = await TestApp.start();
    sales = new GivenSales(t);
  });
  afterAll(() => t.close());

  async function delivered(quantity = 50) {
    const a = await sales.pricedSku(zz(), t.demo.orgs.factoryA, { stock: 200 });
    const b = await sales.pricedSku(zz(), t.demo.orgs.factoryA, { stock: 200 });
    const buyer = await sales.buyer();
    const orderId = await deliveredOrder(t, zz(), buyer.id, [{ skuId: a.sku.id, quantity }, { skuId: b.sku.id, quantity: 10 }]);
    return { a: a.sku, b: b.sku, buyer, orderId };
  }

  it('records the policy version a return was requested under, and receives goods into the warehouse or DAMAGED', async () => {
    const { setReturnPolicy: v1 } = await t.ok(SET_POLICY, { input: { venueId: zz(), windowDays: 7, text: '七天无理由退货（测试版）' } }, 'operatorAdmin');
    const { a, b, orderId } = await delivered();
    const { requestReturn } = await t.ok(
      REQUEST_RETURN,
      { input: { orderId, reason: 'QUALITY_DEFECT', lines: [{ skuId: a.id, quantity: 5 }, { skuId: b.id, quantity: 10 }] } },
      'showroomStaff',
    );
    // 5 × 11.25 (tier from 50) + 10 × 12.50
    expect(requestReturn).toMatchObject({ status: 'REQUESTED', reason: 'QUALITY_DEFECT', amount: '181.25', policy: { id: v1.id, version: v1.version, text: '七天无理由退货（测试版）' } });
    const { setReturnPolicy: v2 } = await t.ok(SET_POLICY, { input: { venueId: zz(), windowDays: 10, text: '十天退货（新版）' } }, 'operatorAdmin');
    expect(v2.version).toBe(v1.version + 1);

    const receiveKey = key();
    const input = { returnId: requestReturn.id, idempotencyKey: receiveKey, lines: [{ skuId: a.id, location: 'WAREHOUSE' }, { skuId: b.id, location: 'DAMAGED' }] };
    const { receiveReturn } = await t.ok(RECEIVE_RETURN, { input }, 'warehouseStaff');
    expect(receiveReturn.status).toBe('RECEIVED');
    expect(receiveReturn.lines).toEqual([
      { skuId: a.id, quantity: 5, location: 'WAREHOUSE' },
      { skuId: b.id, quantity: 10, location: 'DAMAGED' },
    ]);
    const again = await t.ok(RECEIVE_RETURN, { input }, 'warehouseStaff');
    expect(again.receiveReturn.receivedAt).toBe(receiveReturn.receivedAt);
    expect(await t.count('stock_movements', "reference_id = $1 AND type = 'CUSTOMER_RETURN'", [requestReturn.id])).toBe(2);
    expect(await balance(t, zz(), a.id)).toEqual({ onHand: 155, reserved: 0 });
    expect(await balance(t, zz(), b.id, 'DAMAGED')).toEqual({ onHand: 10, reserved: 0 });
    // The return still cites the version it was requested under.
    const { salesReturn } = await t.ok('query($id: ID!) { salesReturn(id: $id) { policy { version } policyWindowDays } }', { id: requestReturn.id }, 'operatorAdmin');
    expect(salesReturn).toEqual({ policy: { version: v1.version }, policyWindowDays: 7 });
    const { salesOrder } = await t.ok(SALES_ORDER, { id: orderId }, 'operatorAdmin');
    expect(salesOrder.lines.map((l: { returnedQuantity: number }) => l.returnedQuantity)).toEqual([5, 10]);
  });

  it('refuses more than was delivered less what other returns took, naming the line; nothing is written', async () => {
    const { a, b, orderId } = await delivered(50);
    await t.ok(REQUEST_RETURN, { input: { orderId, reason: 'NO_REASON_7_DAYS', lines: [{ skuId: a.id, quantity: 45 }] } }, 'showroomStaff');
    const before = await t.count('sales_returns');
    const error = await t.fails(
      REQUEST_RETURN,
      { input: { orderId, reason: 'NO_REASON_7_DAYS', lines: [{ skuId: b.id, quantity: 10 }, { skuId: a.id, quantity: 6 }] } },
      'showroomStaff',
    );
    expect(error.extensions.fields).toEqual([{ path: 'input.lines.1.quantity', message: 'can be at most 5: 50 delivered, 45 already returned or requested' }]);
    expect(await t.count('sales_returns')).toBe(before);
    const stranger = await sales.pricedSku(zz(), t.demo.orgs.factoryA);
    const notOnOrder = await t.fails(REQUEST_RETURN, { input: { orderId, reason: 'WRONG_ITEM', lines: [{ skuId: stranger.sku.id, quantity: 1 }] } }, 'showroomStaff');
    expect(notOnOrder.extensions.fields).toEqual([{ path: 'input.lines.0.skuId', message: 'is not on this order' }]);
    const noNote = await t.fails(REQUEST_RETURN, { input: { orderId, reason: 'OTHER', lines: [{ skuId: b.id, quantity: 1 }] } }, 'showroomStaff');
    expect(noNote.extensions.fields).toEqual([{ path: 'input.note', message: 'must say why when the reason is OTHER' }]);
    // The database holds the same rule.
    const [line] = await t.dataSource.query('SELECT id, sku_id, factory_org_id FROM sales_order_lines WHERE order_id = $1 AND sku_id = $2', [orderId, a.id]);
    const [ret] = await t.dataSource.query('SELECT id FROM sales_returns WHERE order_id = $1', [orderId]);
    await expect(
      t.dataSource.query('INSERT INTO sales_return_lines (return_id, order_line_id, line_no, sku_id, factory_org_id, quantity) VALUES ($1, $2, 9, $3, $4, 6)', [
        ret.id,
        line.id,
        line.sku_id,
        line.factory_org_id,
      ]),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'sales_return_lines_quantity_check' }) });
  });

  it('cancels a requested return, which frees its quantities; a received one cannot be cancelled', async () => {
    const { a, orderId } = await delivered(50);
    const { requestReturn } = await t.ok(REQUEST_RETURN, { input: { orderId, reason: 'NO_REASON_7_DAYS', lines: [{ skuId: a.id, quantity: 50 }] } }, 'showroomStaff');
    const { cancelReturn } = await t.ok(CANCEL_RETURN, { input: { returnId: requestReturn.id, reason: '买家未寄回' } }, 'showroomStaff');
    expect(cancelReturn).toMatchObject({ status: 'CANCELLED', cancelReason: '买家未寄回' });
    const second = await t.ok(REQUEST_RETURN, { input: { orderId, reason: 'NO_REASON_7_DAYS', lines: [{ skuId: a.id, quantity: 50 }] } }, 'showroomStaff');
    await t.ok(RECEIVE_RETURN, { input: { returnId: second.requestReturn.id, idempotencyKey: key(), lines: [{ skuId: a.id, location: 'WAREHOUSE' }] } }, 'warehouseStaff');
    const refused = await t.fails(CANCEL_RETURN, { input: { returnId: second.requestReturn.id, reason: 'x' } }, 'showroomStaff');
    expect(refused.extensions.code).toBe('INVALID_TRANSITION');
    const twice = await t.fails(RECEIVE_RETURN, { input: { returnId: second.requestReturn.id, idempotencyKey: key(), lines: [{ skuId: a.id, location: 'WAREHOUSE' }] } }, 'warehouseStaff');
    expect(twice.extensions.code).toBe('INVALID_TRANSITION');
  });

  it('refuses returns of orders not delivered, and after the return window has closed', async () => {
    const a = await sales.pricedSku(zz(), t.demo.orgs.factoryA, { stock: 100 });
    const buyer = await sales.buyer();
    const { placeOrder } = await t.ok(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 10 }], idempotencyKey: key() } }, 'operatorAdmin');
    const notDelivered = await t.fails(REQUEST_RETURN, { input: { orderId: placeOrder.id, reason: 'NO_REASON_7_DAYS', lines: [{ skuId: a.sku.id, quantity: 1 }] } }, 'showroomStaff');
    expect(notDelivered.extensions.code).toBe('INVALID_TRANSITION');

    // Delivered eleven days ago under the venue's (latest) policy: the window has closed.
    await t.ok(SET_POLICY, { input: { venueId: zz(), windowDays: 7, text: '七天无理由退货' } }, 'operatorAdmin');
    await t.ok(MARK_PAID, { input: { orderId: placeOrder.id } }, 'operatorAdmin');
    await t.ok(SHIP, { input: { orderId: placeOrder.id, idempotencyKey: key() } }, 'warehouseStaff');
    const orders = t.app.get(OrdersService);
    await actAt(t, 'warehouseStaff', new Date(Date.now() - 11 * DAY), (ctx) => orders.markDelivered(ctx, { orderId: placeOrder.id }));
    const late = await t.fails(REQUEST_RETURN, { input: { orderId: placeOrder.id, reason: 'NO_REASON_7_DAYS', lines: [{ skuId: a.sku.id, quantity: 1 }] } }, 'showroomStaff');
    expect(late.extensions.code).toBe('VALIDATION_FAILED');
    expect(late.extensions.fields![0].path).toBe('input.orderId');
    expect(late.extensions.fields![0].message).toMatch(/past its return window/);
    expect(await t.count('sales_returns', 'order_id = $1', [placeOrder.id])).toBe(0);
  });

  it('lets only the right roles at the venue act on returns and policies', async () => {
    const { a, orderId } = await delivered(50);
    const request = { orderId, reason: 'NO_REASON_7_DAYS', lines: [{ skuId: a.id, quantity: 1 }] };
    for (const caller of ['warehouseStaff', 'factoryAdmin', 'govViewer'] as const) {
      expect((await t.fails(REQUEST_RETURN, { input: request }, caller)).extensions.code).toBe('FORBIDDEN');
    }
    for (const caller of ['operator2Admin'] as const) {
      expect((await t.fails(REQUEST_RETURN, { input: request }, caller)).extensions.code).toBe('NOT_FOUND');
    }
    const { requestReturn } = await t.ok(REQUEST_RETURN, { input: request }, 'operatorAdmin');
    const receive = { returnId: requestReturn.id, idempotencyKey: randomUUID(), lines: [{ skuId: a.id, location: 'WAREHOUSE' }] };
    expect((await t.fails(RECEIVE_RETURN, { input: receive }, 'showroomStaff')).extensions.code).toBe('FORBIDDEN');
    expect((await t.fails(RECEIVE_RETURN, { input: receive }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(RECEIVE_RETURN, { input: receive }, 'factory2Admin')).extensions.code).toBe('FORBIDDEN');
    expect(await t.count('stock_movements', 'reference_id = $1', [requestReturn.id])).toBe(0);
    expect((await t.fails(SET_POLICY, { input: { venueId: zz(), windowDays: 7, text: 'x' } }, 'showroomStaff')).extensions.code).toBe('FORBIDDEN');
    expect((await t.fails(SET_POLICY, { input: { venueId: zz(), windowDays: 7, text: 'x' } }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    const tooLong = await t.fails(SET_POLICY, { input: { venueId: zz(), windowDays: 31, text: 'x' } }, 'operatorAdmin');
    expect(tooLong.extensions.fields).toEqual([{ path: 'input.windowDays', message: 'must be at most 30 days' }]);
    const { returnPolicy } = await t.ok('query($v: ID!) { returnPolicy(venueId: $v) { windowDays version } }', { v: t.demo.venues.yk }, 'operator2Admin');
    expect(returnPolicy.windowDays).toBe(7);
    expect((await t.fails('query($v: ID!) { returnPolicy(venueId: $v) { id } }', { v: zz() }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
  });
});
