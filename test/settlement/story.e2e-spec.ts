import { randomUUID } from 'node:crypto';
import { Sku } from '@xp/catalog';
import { SettlementService } from '@xp/settlement';
import { StockLedgerService } from '@xp/stock';
import { monthBounds, parseMonth, ReturnsService } from '@xp/sales';
import { rasterizePdf } from '../labels/support/raster';
import { APPROVE_COUNT, DECLARE, RECEIVE, START_COUNT, SUBMIT_COUNT, TRANSFER } from '../stock/stock.documents';
import { Given, GivenPricing } from '../support/given';
import { TestApp } from '../support/test-app';
import { CANCEL, DELIVER, key, MARK_PAID, PLACE_ORDER, RECEIVE_RETURN, REQUEST_RETURN, SHIP } from '../sales/sales.support';
import { actAt, CONFIRM, months, SETTLEMENT, SETTLEMENTS } from './settlement.support';

/**
 * The issue's "done when", tried as new users would, through the API: a factory delivers 500
 * units with a short line; the warehouse receives them and moves samples to the showroom;
 * buyers register and order at different tiers; one order is cancelled, one partly returned;
 * a stock count's variance needs the operator admin; when the month has ended the statement
 * matches the ledger to the fen, and the factory confirms it in its own view.
 */
describe('the consignment month of a factory, told end to end', () => {
  let t: TestApp;
  let given: Given;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  it('ends in a statement that matches the ledger to the fen and that the factory confirms', async () => {
    const zz = t.demo.venues.zz;
    const factory = await given.factory({ name: '河南测试针织厂' });
    const factoryCaller = { token: factory.admin.token };
    await given.admission(zz, factory.org.id);
    const skus: Sku[] = [];
    for (let i = 0; i < 3; i++) skus.push(await given.sku(factory.org.id, { moq: 10, packSize: 5, code: `STORY-${i + 1}` }));
    // Supply 10.00 / 9.00 / 8.00 from 10 / 50 / 100 units; the venue sells at 12.50 / 11.25 / 10.00.
    await new GivenPricing(t).priceSheet(
      zz,
      factory.org.id,
      skus.map((s) => ({ skuId: s.id, tiers: [[10, 1000], [50, 900], [100, 800]] as [number, number][], retail: 2500, wholesale: [1250, 1125, 1000] })),
    );

    // 1. The factory declares 500 units; one line arrives 8 short.
    const { declareConsignment: note } = await t.ok(
      DECLARE,
      { input: { venueId: zz, factoryOrgId: factory.org.id, deliveryNoteNo: 'STORY-DN-1', lines: [{ skuId: skus[0].id, quantity: 200 }, { skuId: skus[1].id, quantity: 200 }, { skuId: skus[2].id, quantity: 100 }] } },
      factoryCaller,
    );
    const { receiveConsignment: receipt } = await t.ok(
      RECEIVE,
      { input: { receiptId: note.id, idempotencyKey: key(), lines: [{ skuId: skus[0].id, receivedQuantity: 200 }, { skuId: skus[1].id, receivedQuantity: 200 }, { skuId: skus[2].id, receivedQuantity: 92 }] } },
      'warehouseStaff',
    );
    expect(receipt).toMatchObject({ status: 'RECEIVED', declaredTotal: 500, receivedTotal: 492 });
    await t.ok(TRANSFER, { input: { venueId: zz, from: 'WAREHOUSE', to: 'SHOWROOM', lines: skus.map((s) => ({ skuId: s.id, quantity: 2 })), idempotencyKey: key() } }, 'showroomStaff');

    // 2. Buyers register themselves and order at different tiers.
    const buyers: string[] = [];
    for (const [i, phone] of ['13900000001', '13900000002', '13900000003'].entries()) {
      const { registerBuyer } = await t.ok('mutation($input: RegisterBuyerInput!) { registerBuyer(input: $input) { id memberLevel } }', {
        input: { shopName: `故事买家${i + 1}号店`, contactName: '王先生', phone, city: '郑州', venueId: zz },
      });
      expect(registerBuyer.memberLevel).toBe('L0');
      buyers.push(registerBuyer.id);
    }
    const order = async (buyerId: string, lines: { skuId: string; quantity: number }[]) =>
      (await t.ok(PLACE_ORDER, { input: { venueId: zz, buyerId, lines, idempotencyKey: key() } }, 'showroomStaff')).placeOrder;
    const deliver = async (id: string) => {
      await t.ok(MARK_PAID, { input: { orderId: id } }, 'operatorAdmin');
      await t.ok(SHIP, { input: { orderId: id, idempotencyKey: key() } }, 'warehouseStaff');
      await t.ok(DELIVER, { input: { orderId: id } }, 'warehouseStaff');
    };
    const o1 = await order(buyers[0], [{ skuId: skus[0].id, quantity: 10 }]);
    const o2 = await order(buyers[1], [{ skuId: skus[1].id, quantity: 50 }, { skuId: skus[2].id, quantity: 20 }]);
    const o3 = await order(buyers[2], [{ skuId: skus[0].id, quantity: 100 }]);
    const o4 = await order(buyers[0], [{ skuId: skus[2].id, quantity: 10 }]);
    expect([o1.lines[0].unitPrice, o2.lines[0].unitPrice, o2.lines[1].unitPrice, o3.lines[0].unitPrice]).toEqual(['12.50', '11.25', '12.50', '10.00']);
    for (const o of [o1, o2, o3]) await deliver(o.id);
    await t.ok(CANCEL, { input: { orderId: o4.id, reason: '买家取消', idempotencyKey: key() } }, 'showroomStaff');

    // 3. One order partly returned: 5 good units back to stock, 2 damaged.
    const { requestReturn } = await t.ok(
      REQUEST_RETURN,
      { input: { orderId: o2.id, reason: 'NO_REASON_7_DAYS', lines: [{ skuId: skus[1].id, quantity: 5 }, { skuId: skus[2].id, quantity: 2 }] } },
      'showroomStaff',
    );
    expect(requestReturn).toMatchObject({ status: 'REQUESTED', amount: '81.25', policyWindowDays: 7 });
    await t.ok(
      RECEIVE_RETURN,
      { input: { returnId: requestReturn.id, idempotencyKey: key(), lines: [{ skuId: skus[1].id, location: 'WAREHOUSE' }, { skuId: skus[2].id, location: 'DAMAGED' }] } },
      'warehouseStaff',
    );

    // 4. A stock count finds 7 units missing: above the venue's threshold, so the operator admin approves.
    const { startStockCount: count } = await t.ok(START_COUNT, { input: { venueId: zz, location: 'WAREHOUSE', skuIds: [skus[0].id] } }, 'warehouseStaff');
    const expected = count.lines[0].expectedQuantity;
    expect(expected).toBe(200 - 2 - 110);
    await t.ok(SUBMIT_COUNT, { input: { countId: count.id, lines: [{ skuId: skus[0].id, countedQuantity: expected - 7 }] } }, 'warehouseStaff');
    expect((await t.fails(APPROVE_COUNT, { input: { countId: count.id, idempotencyKey: key() } }, 'warehouseStaff')).extensions.code).toBe('FORBIDDEN');
    await t.ok(APPROVE_COUNT, { input: { countId: count.id, idempotencyKey: key() } }, 'operatorAdmin');

    // 5. The month ends; the operator admin generates and issues the statement.
    const { current, inNext } = months();
    const settlements = t.app.get(SettlementService);
    const generated = await actAt(t, 'operatorAdmin', inNext, (ctx) => settlements.generate(ctx, { venueId: zz, factoryOrgId: factory.org.id, month: current }));
    await actAt(t, 'operatorAdmin', inNext, (ctx) => settlements.issue(ctx, { settlementId: generated.id }));

    // The factory's own view: its units and what it is owed, never the venue's prices or spread.
    const { settlement: seen } = await t.ok(SETTLEMENT, { id: generated.id }, factoryCaller);
    expect(seen).toMatchObject({ status: 'ISSUED', month: `${current}-01`, unitsSold: 180, unitsReturned: 7, wholesaleAmount: null, spreadAmount: null });
    // (10 + 100) × … : sku1 10 × 10.00 + 100 × 8.00; sku2 (50 − 5) × 9.00; sku3 (20 − 2) × 10.00
    expect(seen.payableAmount).toBe('1485.00');
    expect(seen.salesLines.every((l: { wholesaleUnitPrice: unknown; spreadAmount: unknown }) => l.wholesaleUnitPrice === null && l.spreadAmount === null)).toBe(true);
    const stock = Object.fromEntries(seen.stockLines.map((l: { skuId: string }) => [l.skuId, l]));
    expect(stock[skus[0].id]).toMatchObject({ opening: 0, received: 200, sold: 110, returned: 0, returnedDamaged: 0, adjustedOut: 7, closing: 83 });
    expect(stock[skus[1].id]).toMatchObject({ opening: 0, received: 200, sold: 50, returned: 5, returnedDamaged: 0, closing: 155 });
    expect(stock[skus[2].id]).toMatchObject({ opening: 0, received: 92, sold: 20, returned: 0, returnedDamaged: 2, closing: 74 });

    // Matches the ledger: every SKU's account, and the money from the order lines, to the fen.
    const { from, to } = monthBounds(parseMonth(current)!);
    const ctx = await t.contextFor('operatorAdmin');
    const ledger = await t.app.get(StockLedgerService).periodSummary(ctx, { venueId: zz, factoryOrgId: factory.org.id, from, to });
    for (const line of ledger) {
      expect(stock[line.skuId]).toMatchObject({ opening: line.opening, received: line.received, sold: line.sold, closing: line.closing });
      expect(stock[line.skuId].returned + stock[line.skuId].returnedDamaged).toBe(line.customerReturned);
    }
    const [{ payable, wholesale }] = await t.dataSource.query(
      `SELECT (sum(l.quantity::bigint * l.supply_unit_price) - COALESCE((SELECT sum(rl.quantity::bigint * ol.supply_unit_price)
                 FROM sales_return_lines rl JOIN sales_order_lines ol ON ol.id = rl.order_line_id WHERE ol.factory_org_id = $1), 0))::text AS payable,
              (sum(l.quantity::bigint * l.unit_price) - COALESCE((SELECT sum(rl.quantity::bigint * ol.unit_price)
                 FROM sales_return_lines rl JOIN sales_order_lines ol ON ol.id = rl.order_line_id WHERE ol.factory_org_id = $1), 0))::text AS wholesale
       FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id WHERE l.factory_org_id = $1 AND o.shipped_at IS NOT NULL`,
      [factory.org.id],
    );
    expect([payable, wholesale]).toEqual(['148500', '185625']);

    // The operator sees the spread; factory B, the other venue's operator and the government see nothing.
    const { settlement: operatorView } = await t.ok(SETTLEMENT, { id: generated.id }, 'operatorAdmin');
    expect(operatorView).toMatchObject({ payableAmount: '1485.00', wholesaleAmount: '1856.25', spreadAmount: '371.25' });
    for (const caller of ['factory2Admin', 'operator2Admin'] as const) {
      expect((await t.fails(SETTLEMENT, { id: generated.id }, caller)).extensions.code).toBe('NOT_FOUND');
      expect((await t.ok(SETTLEMENTS, { filter: { factoryOrgId: factory.org.id } }, caller)).settlements.total).toBe(0);
      expect((await t.fails(CONFIRM, { input: { settlementId: generated.id } }, caller)).extensions.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    }
    expect((await t.fails(SETTLEMENT, { id: generated.id }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
    expect((await t.fails(SETTLEMENTS, {}, 'govViewer')).extensions.code).toBe('FORBIDDEN');

    // The files: the factory's CSV and PDF carry no spread; the operator's do.
    const csv = await t.http().get(`/api/settlements/${generated.id}.csv`).set('authorization', `Bearer ${factory.admin.token}`).buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const text = csv.body instanceof Buffer ? csv.body.toString('utf8') : csv.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('应付工厂金额,1485.00');
    expect(text).toContain('STORY-1,');
    expect(text).not.toContain('差价');
    const operatorCsv = await t.http().get(`/api/settlements/${generated.id}.csv`).set('authorization', `Bearer ${await t.tokenFor('operatorAdmin')}`);
    expect(operatorCsv.text).toContain('差价,371.25');
    const pdf = await t.http().get(`/api/settlements/${generated.id}.pdf`).set('authorization', `Bearer ${factory.admin.token}`).buffer(true);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = rasterizePdf(pdf.body as Buffer, 50);
    const pdfText = pages.map((p) => p.text).join('\n');
    expect(pdfText).toContain('寄售结算单');
    expect(pdfText).toContain('河南测试针织厂');
    expect(pdfText).toContain('1485.00');
    expect(pdfText).not.toContain('差价');
    for (const caller of ['factory2Admin', 'operator2Admin'] as const) {
      const refused = await t.http().get(`/api/settlements/${generated.id}.pdf`).set('authorization', `Bearer ${await t.tokenFor(caller)}`);
      expect(refused.status).toBe(404);
    }
    expect((await t.http().get(`/api/settlements/${generated.id}.csv`)).status).toBe(401);

    // The factory confirms it in its own view.
    const { confirmSettlement } = await t.ok(CONFIRM, { input: { settlementId: generated.id } }, factoryCaller);
    expect(confirmSettlement.status).toBe('CONFIRMED');

    // The month is closed: a movement of this factory dated inside it is refused, and nothing moves.
    const returns = t.app.get(ReturnsService);
    const late = await t.ok(REQUEST_RETURN, { input: { orderId: o3.id, reason: 'QUALITY_DEFECT', lines: [{ skuId: skus[0].id, quantity: 10 }] } }, 'showroomStaff');
    const movements = await t.count('stock_movements', 'owner_factory_org_id = $1', [factory.org.id]);
    const refused = await t.fails(RECEIVE_RETURN, { input: { returnId: late.requestReturn.id, idempotencyKey: key(), lines: [{ skuId: skus[0].id, location: 'WAREHOUSE' }] } }, 'warehouseStaff');
    expect(refused.extensions.code).toBe('PERIOD_CLOSED');
    expect(await t.count('stock_movements', 'owner_factory_org_id = $1', [factory.org.id])).toBe(movements);
    // …received next month, it lands in next month's statement; the closed one never changes.
    await actAt(t, 'warehouseStaff', inNext, (c) =>
      returns.receive(c, { returnId: late.requestReturn.id, idempotencyKey: randomUUID(), lines: [{ skuId: skus[0].id, location: 'WAREHOUSE' as never }] }),
    );
    const { settlement: unchanged } = await t.ok(SETTLEMENT, { id: generated.id }, 'operatorAdmin');
    expect(unchanged).toMatchObject({ status: 'CONFIRMED', payableAmount: '1485.00', unitsReturned: 7 });
  });
});
