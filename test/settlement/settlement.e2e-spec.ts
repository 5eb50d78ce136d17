import { Role } from '@xp/core';
import { lastMonthBefore, monthBounds, OrdersService } from '@xp/sales';
import { LocationKind, MovementType, StockLedgerService } from '@xp/stock';
import { Given, GivenSales } from '../support/given';
import { TestApp } from '../support/test-app';
import { key } from '../sales/sales.support';
import { actAt, CONFIRM, DISPUTE, GENERATE, ISSUE, MARK_PAID, months, SETTLEMENT, SETTLEMENTS } from './settlement.support';

const HOUR = 3_600_000;

describe('settlement workflow and closed months', () => {
  let t: TestApp;
  let given: Given;
  let sales: GivenSales;
  const zz = () => t.demo.venues.zz;
  const lastMonth = () => lastMonthBefore(new Date()).slice(0, 7);
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    sales = new GivenSales(t);
  });
  afterAll(() => t.close());

  /** A fresh factory at Zhengzhou with last month's history: 100 units in, 30 sold at 10.00 supply / 12.50 wholesale. */
  async function lastMonthHistory() {
    const factory = await given.factory();
    const { from } = monthBounds(lastMonthBefore(new Date()));
    const { sku } = await sales.pricedSku(zz(), factory.org.id, {
      at: new Date(from.getTime() - 40 * 24 * HOUR),
      stock: 100,
      stockAt: new Date(from.getTime() + HOUR),
    });
    const buyer = await sales.buyer([zz()]);
    const orders = t.app.get(OrdersService);
    const order = await actAt(t, 'operatorAdmin', new Date(from.getTime() + 2 * HOUR), (ctx) =>
      orders.place(ctx, { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: sku.id, quantity: 30 }], idempotencyKey: key() }),
    );
    await actAt(t, 'operatorAdmin', new Date(from.getTime() + 3 * HOUR), (ctx) => orders.markPaid(ctx, { orderId: order.id }));
    await actAt(t, 'warehouseStaff', new Date(from.getTime() + 4 * HOUR), (ctx) => orders.ship(ctx, { orderId: order.id, idempotencyKey: key() }));
    await actAt(t, 'warehouseStaff', new Date(from.getTime() + 30 * HOUR), (ctx) => orders.markDelivered(ctx, { orderId: order.id }));
    return { factory, sku, caller: { token: factory.admin.token } };
  }

  const generate = async (factoryOrgId: string) =>
    (await t.ok(GENERATE, { input: { venueId: zz(), factoryOrgId, month: lastMonth() } }, 'operatorAdmin')).generateSettlement;

  it('generates a DRAFT, regenerates it with the same figures, and lists it', async () => {
    const { factory, sku } = await lastMonthHistory();
    const first = await generate(factory.org.id);
    expect(first).toMatchObject({ status: 'DRAFT', generation: 1, unitsSold: 30, payableAmount: '300.00', wholesaleAmount: '375.00', spreadAmount: '75.00' });
    expect(first.stockLines).toEqual([
      { skuId: sku.id, opening: 0, received: 100, sold: 30, returned: 0, returnedDamaged: 0, returnedToFactory: 0, writtenOff: 0, adjustedIn: 0, adjustedOut: 0, closing: 70 },
    ]);
    expect(first.salesLines).toEqual([expect.objectContaining({ skuId: sku.id, supplyUnitPrice: '10.00', wholesaleUnitPrice: '12.50', unitsSold: 30, payableAmount: '300.00' })]);
    const second = await generate(factory.org.id);
    expect(second).toMatchObject({ id: first.id, generation: 2, payableAmount: '300.00', stockLines: first.stockLines });
    const { settlements } = await t.ok(SETTLEMENTS, { filter: { factoryOrgId: factory.org.id, month: lastMonth(), status: 'DRAFT' } }, 'operatorAdmin');
    expect(settlements.items.map((s: { id: string }) => s.id)).toEqual([first.id]);
    const mine = await t.ok(SETTLEMENTS, { filter: {} }, { token: factory.admin.token });
    expect(mine.settlements.items).toEqual([expect.objectContaining({ id: first.id, spreadAmount: null })]);
  });

  it('closes an issued month: regenerating is PERIOD_CLOSED, and the ledger refuses movements dated inside it', async () => {
    const { factory, sku } = await lastMonthHistory();
    const draft = await generate(factory.org.id);
    await t.ok(ISSUE, { input: { settlementId: draft.id } }, 'operatorAdmin');
    const closed = await t.fails(GENERATE, { input: { venueId: zz(), factoryOrgId: factory.org.id, month: lastMonth() } }, 'operatorAdmin');
    expect(closed.extensions.code).toBe('PERIOD_CLOSED');
    const movements = await t.count('stock_movements');
    const { from } = monthBounds(lastMonthBefore(new Date()));
    // Internal back-dating (an import, say) into the closed month is PERIOD_CLOSED.
    const ledger = t.app.get(StockLedgerService);
    for (const occurredAt of [from, new Date(from.getTime() + 10 * HOUR), new Date(monthBounds(lastMonthBefore(new Date())).to.getTime() - 1)]) {
      await expect(
        actAt(t, 'warehouseStaff', new Date(), (ctx) =>
          ledger.apply(ctx, [{ type: MovementType.CONSIGN_IN, skuId: sku.id, quantity: 5, to: LocationKind.WAREHOUSE }], key(), {
            venueId: zz(),
            action: 'importStock',
            occurredAt,
          }),
        ),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'settlement_period_closed' }) });
    }
    expect(await t.count('stock_movements')).toBe(movements);
    // Movements dated now (the next month) are fine; the issued statement never changes.
    await given.stock(zz(), sku.id, 5);
    const { settlement } = await t.ok(SETTLEMENT, { id: draft.id }, 'operatorAdmin');
    expect(settlement).toMatchObject({ status: 'ISSUED', generation: 1, payableAmount: '300.00', stockLines: draft.stockLines });
    // Lines and figures are frozen in PostgreSQL too.
    await expect(t.dataSource.query('UPDATE settlement_stock_lines SET closing = closing WHERE settlement_id = $1', [draft.id])).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'settlement_period_closed' }),
    });
    await expect(t.dataSource.query('DELETE FROM settlement_sales_lines WHERE settlement_id = $1', [draft.id])).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'settlement_period_closed' }),
    });
    await expect(
      t.dataSource.query('UPDATE settlements SET payable_amount = payable_amount + 1, spread_amount = spread_amount - 1 WHERE id = $1', [draft.id]),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'settlement_period_closed' }) });
  });

  it('goes back to the operator on a dispute, who regenerates and re-issues; then confirmed and paid', async () => {
    const { factory, caller } = await lastMonthHistory();
    const draft = await generate(factory.org.id);
    expect((await t.fails(CONFIRM, { input: { settlementId: draft.id } }, caller)).extensions.code).toBe('INVALID_TRANSITION');
    await t.ok(ISSUE, { input: { settlementId: draft.id } }, 'operatorAdmin');
    const staff = await given.user(Role.FACTORY_STAFF, factory.org.id);
    expect((await t.fails(DISPUTE, { input: { settlementId: draft.id, reason: 'x' } }, { token: staff.token })).extensions.code).toBe('FORBIDDEN');
    const { disputeSettlement } = await t.ok(DISPUTE, { input: { settlementId: draft.id, reason: '我方记录销售 28 件，请核对' } }, caller);
    expect(disputeSettlement).toMatchObject({ status: 'DISPUTED', disputeReason: '我方记录销售 28 件，请核对' });
    const regenerated = await generate(factory.org.id);
    expect(regenerated).toMatchObject({ id: draft.id, status: 'DRAFT', generation: 2 });
    await t.ok(ISSUE, { input: { settlementId: draft.id } }, 'operatorAdmin');
    await t.ok(DISPUTE, { input: { settlementId: draft.id, reason: '仍有疑问' } }, caller);
    // Re-issued unchanged after the two sides talked.
    expect((await t.ok(ISSUE, { input: { settlementId: draft.id } }, 'operatorAdmin')).issueSettlement.status).toBe('ISSUED');
    expect((await t.fails(MARK_PAID, { input: { settlementId: draft.id } }, 'operatorAdmin')).extensions.code).toBe('INVALID_TRANSITION');
    await t.ok(CONFIRM, { input: { settlementId: draft.id } }, caller);
    expect((await t.fails(MARK_PAID, { input: { settlementId: draft.id } }, caller)).extensions.code).toBe('FORBIDDEN');
    const { markSettlementPaid } = await t.ok(MARK_PAID, { input: { settlementId: draft.id, paymentReference: 'BANK-20261201-01' } }, 'operatorAdmin');
    expect(markSettlementPaid.status).toBe('PAID');
    const audit = await t.dataSource.query('SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id', [draft.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['settlement.generated', 'settlement.issued', 'settlement.disputed', 'settlement.regenerated', 'settlement.confirmed', 'settlement.paid']),
    );
  });

  it('refuses to issue when the ledger moved since generation (CONFLICT), leaving the DRAFT as it was', async () => {
    const { factory, sku } = await lastMonthHistory();
    const draft = await generate(factory.org.id);
    const { from } = monthBounds(lastMonthBefore(new Date()));
    await given.stock(zz(), sku.id, 7, { occurredAt: new Date(from.getTime() + 50 * HOUR) });
    const conflict = await t.fails(ISSUE, { input: { settlementId: draft.id } }, 'operatorAdmin');
    expect(conflict.extensions.code).toBe('CONFLICT');
    expect((await t.ok(SETTLEMENT, { id: draft.id }, 'operatorAdmin')).settlement.status).toBe('DRAFT');
    const again = await generate(factory.org.id);
    expect(again.stockLines[0]).toMatchObject({ received: 107, closing: 77 });
    await t.ok(ISSUE, { input: { settlementId: draft.id } }, 'operatorAdmin');
  });

  it('refuses months that have not ended, factories never admitted, and callers without the role or reach', async () => {
    const { factory, caller } = await lastMonthHistory();
    const current = await t.fails(GENERATE, { input: { venueId: zz(), factoryOrgId: factory.org.id, month: months().current } }, 'operatorAdmin');
    expect(current.extensions.fields).toEqual([{ path: 'input.month', message: 'has not ended yet; a month is settled from its next day on' }]);
    const stranger = await given.factory();
    const never = await t.fails(GENERATE, { input: { venueId: zz(), factoryOrgId: stranger.org.id, month: lastMonth() } }, 'operatorAdmin');
    expect(never.extensions.fields).toEqual([{ path: 'input.factoryOrgId', message: 'has never been admitted to this venue' }]);
    const input = { venueId: zz(), factoryOrgId: factory.org.id, month: lastMonth() };
    for (const who of ['showroomStaff', 'warehouseStaff', 'govViewer', 'factoryAdmin'] as const) {
      expect((await t.fails(GENERATE, { input }, who)).extensions.code).toBe('FORBIDDEN');
    }
    expect((await t.fails(GENERATE, { input }, caller)).extensions.code).toBe('FORBIDDEN');
    expect((await t.fails(GENERATE, { input }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    expect(await t.count('settlements', 'factory_org_id = $1', [factory.org.id])).toBe(0);
    const draft = await generate(factory.org.id);
    expect((await t.fails(ISSUE, { input: { settlementId: draft.id } }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(CONFIRM, { input: { settlementId: draft.id } }, 'factory2Admin')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(SETTLEMENT, { id: draft.id }, 'showroomStaff')).extensions.code).toBe('FORBIDDEN');
    const { settlement } = await t.ok(SETTLEMENT, { id: draft.id }, 'regionalManager');
    expect(settlement.spreadAmount).toBe('75.00');
  });

  it('holds the settlement workflow in PostgreSQL too: every edge the table does not list is refused', async () => {
    const { factory } = await lastMonthHistory();
    const draft = await generate(factory.org.id);
    const statuses = ['DRAFT', 'ISSUED', 'CONFIRMED', 'DISPUTED', 'PAID'];
    const allowed = new Set(['DRAFT>ISSUED', 'ISSUED>CONFIRMED', 'ISSUED>DISPUTED', 'DISPUTED>DRAFT', 'DISPUTED>ISSUED', 'CONFIRMED>PAID']);
    const stamps = `issued_at = CASE WHEN $2 <> 'DRAFT' THEN now() END, confirmed_at = CASE WHEN $2 IN ('CONFIRMED', 'PAID') THEN now() END,
      disputed_at = CASE WHEN $2 = 'DISPUTED' THEN now() END, dispute_reason = CASE WHEN $2 = 'DISPUTED' THEN 'x' END,
      paid_at = CASE WHEN $2 = 'PAID' THEN now() END`;
    for (const from of statuses) {
      for (const to of statuses) {
        if (from === to || allowed.has(`${from}>${to}`)) continue;
        const refused = await t.dataSource
          .transaction(async (m) => {
            await m.query('ALTER TABLE settlements DISABLE TRIGGER settlements_guard');
            await m.query(`UPDATE settlements SET status = $2, ${stamps} WHERE id = $1`, [draft.id, from]);
            await m.query('ALTER TABLE settlements ENABLE TRIGGER settlements_guard');
            await m.query(`UPDATE settlements SET status = $2, ${stamps} WHERE id = $1`, [draft.id, to]);
            return false;
          })
          .catch((e: { constraint?: string }) => e.constraint === 'settlements_transition');
        expect([`${from}>${to}`, refused]).toEqual([`${from}>${to}`, true]);
      }
    }
  });
});
