import { RequestContext, runInTransaction } from '@xp/core';
import { LocationKind, MovementType, StockLedgerService } from '@xp/stock';
import { Given, uniqueSuffix } from '../support/given';
import { TestApp } from '../support/test-app';
import { APPROVE_COUNT, DECLARE, RECEIVE, RETURN_TO_FACTORY, START_COUNT, SUBMIT_COUNT, TRANSFER, WRITE_OFF } from './stock.documents';
import { discrepancies, factoryAtZz, key } from './stock.support';

interface MovementRow {
  venue_id: string;
  sku_id: string;
  type: string;
  from_location: string | null;
  to_location: string | null;
  quantity: number;
}

/** Balances recomputed from the ledger alone, written independently of the service's rules. */
function recompute(rows: MovementRow[]): Map<string, { onHand: number; reserved: number }> {
  const balances = new Map<string, { onHand: number; reserved: number }>();
  const at = (row: MovementRow, location: string) => {
    const k = `${row.venue_id}|${row.sku_id}|${location}`;
    if (!balances.has(k)) balances.set(k, { onHand: 0, reserved: 0 });
    return balances.get(k)!;
  };
  for (const r of rows) {
    switch (r.type) {
      case 'RESERVE':
        at(r, r.from_location!).reserved += r.quantity;
        break;
      case 'RELEASE':
        at(r, r.from_location!).reserved -= r.quantity;
        break;
      case 'SALE':
        at(r, r.from_location!).onHand -= r.quantity;
        at(r, r.from_location!).reserved -= r.quantity;
        break;
      default:
        if (r.from_location) at(r, r.from_location).onHand -= r.quantity;
        if (r.to_location) at(r, r.to_location).onHand += r.quantity;
    }
  }
  return balances;
}

describe('ledger consistency', () => {
  let t: TestApp;
  let given: Given;

  beforeAll(async () => {
    t = await TestApp.start({ dbPoolSize: 10 });
    given = new Given(t);
  });
  afterAll(() => t.close());

  it('keeps every balance equal to its ledger after a busy day, and the SQL check agrees', async () => {
    const zz = t.demo.venues.zz;
    const skus = await factoryAtZz(t, given, 3);
    const lines = skus.map((s, i) => ({ skuId: s.id, quantity: 100 * (i + 1) }));
    for (const received of [[100, 195, 300], [100, 200, 290]]) {
      const { declareConsignment } = await t.ok(
        DECLARE,
        { input: { venueId: zz, factoryOrgId: t.demo.orgs.factoryA, deliveryNoteNo: `DN-${uniqueSuffix()}`, lines } },
        'factoryAdmin',
      );
      await t.ok(
        RECEIVE,
        { input: { receiptId: declareConsignment.id, idempotencyKey: key(), lines: skus.map((s, i) => ({ skuId: s.id, receivedQuantity: received[i] })) } },
        'warehouseStaff',
      );
    }
    await Promise.all(
      skus.map((s) =>
        t.ok(TRANSFER, { input: { venueId: zz, from: 'WAREHOUSE', to: 'SHOWROOM', lines: [{ skuId: s.id, quantity: 2 }], idempotencyKey: key() } }, 'showroomStaff'),
      ),
    );
    await t.ok(TRANSFER, { input: { venueId: zz, from: 'WAREHOUSE', to: 'DAMAGED', lines: [{ skuId: skus[2].id, quantity: 5 }], idempotencyKey: key() } }, 'warehouseStaff');
    await t.ok(WRITE_OFF, { input: { venueId: zz, lines: [{ skuId: skus[2].id, quantity: 3 }], reason: '压坏', idempotencyKey: key() } }, 'operatorAdmin');
    await t.ok(
      RETURN_TO_FACTORY,
      { input: { venueId: zz, factoryOrgId: t.demo.orgs.factoryA, lines: [{ skuId: skus[1].id, quantity: 40 }], idempotencyKey: key() } },
      'warehouseStaff',
    );
    const { startStockCount } = await t.ok(START_COUNT, { input: { venueId: zz, location: 'SHOWROOM', skuIds: skus.map((s) => s.id) } }, 'warehouseStaff');
    await t.ok(SUBMIT_COUNT, { input: { countId: startStockCount.id, lines: skus.map((s, i) => ({ skuId: s.id, countedQuantity: i })) } }, 'warehouseStaff');
    await t.ok(APPROVE_COUNT, { input: { countId: startStockCount.id, idempotencyKey: key() } }, 'warehouseStaff');

    // The sales area's traffic, straight through the ledger: racing reservations, releases, sales, returns.
    const ledger = t.app.get(StockLedgerService);
    const W = LocationKind.WAREHOUSE;
    const run = async (i: number) => {
      const ctx: RequestContext = await t.contextFor('warehouseStaff');
      const sku = skus[i % 3].id;
      const movements =
        i % 4 === 0
          ? [{ type: MovementType.RESERVE, skuId: sku, quantity: 30, from: W }]
          : i % 4 === 1
            ? [
                { type: MovementType.RESERVE, skuId: sku, quantity: 20, from: W },
                { type: MovementType.SALE, skuId: sku, quantity: 15, from: W },
                { type: MovementType.RELEASE, skuId: sku, quantity: 5, from: W },
              ]
            : i % 4 === 2
              ? [{ type: MovementType.CUSTOMER_RETURN, skuId: sku, quantity: 1, to: i % 3 === 0 ? LocationKind.DAMAGED : W }]
              : [
                  { type: MovementType.RESERVE, skuId: sku, quantity: 10, from: W },
                  { type: MovementType.TRANSFER, skuId: sku, quantity: 1, from: LocationKind.SHOWROOM, to: W },
                ];
      return runInTransaction(ctx, {}, () => ledger.apply(ctx, movements, key(), { venueId: zz, action: 'test.sales' }));
    };
    const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => run(i)));
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);
    expect(results.filter((r) => r.status === 'rejected').length).toBeGreaterThan(0);

    // This test's SKUs only: the demo's own stock lives at the same venue.
    const mine = [skus.map((s) => s.id)];
    const movements: MovementRow[] = await t.dataSource.query(
      'SELECT venue_id, sku_id, type, from_location, to_location, quantity FROM stock_movements WHERE sku_id = ANY($1)',
      mine,
    );
    const expected = recompute(movements);
    const rows: { venue_id: string; sku_id: string; location: string; on_hand: number; reserved: number }[] = await t.dataSource.query(
      'SELECT venue_id, sku_id, location, on_hand, reserved FROM stock_balances WHERE sku_id = ANY($1)',
      mine,
    );
    const actual = new Map(rows.map((r) => [`${r.venue_id}|${r.sku_id}|${r.location}`, { onHand: r.on_hand, reserved: r.reserved }]));
    expect(actual.size).toBe(8); // WAREHOUSE and SHOWROOM of 3 SKUs, DAMAGED of 2
    for (const [k, balance] of expected) expect([k, actual.get(k) ?? { onHand: 0, reserved: 0 }]).toEqual([k, balance]);
    for (const [k, balance] of actual) expect([k, balance]).toEqual([k, expected.get(k) ?? { onHand: 0, reserved: 0 }]);
    for (const b of actual.values()) {
      expect(b.onHand).toBeGreaterThanOrEqual(0);
      expect(b.reserved).toBeGreaterThanOrEqual(0);
      expect(b.reserved).toBeLessThanOrEqual(b.onHand);
    }
    expect(await discrepancies(t)).toEqual([]);
  });

  it('shows a balance that drifted from its ledger in the SQL check', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(t.demo.venues.zz, sku.id, 5);
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('UPDATE stock_balances SET on_hand = on_hand + 1 WHERE sku_id = $1', [sku.id]);
      const rows = await runner.query('SELECT sku_id, location, ledger_on_hand, balance_on_hand FROM stock_ledger_discrepancies');
      expect(rows).toEqual([{ sku_id: sku.id, location: 'WAREHOUSE', ledger_on_hand: 5, balance_on_hand: 6 }]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await discrepancies(t)).toEqual([]);
  });
});
