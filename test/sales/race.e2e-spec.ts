import { Sku } from '@xp/catalog';
import { GivenSales } from '../support/given';
import { TestApp } from '../support/test-app';
import { balance, key, MARK_PAID, PLACE_ORDER, SHIP } from './sales.support';

/** Oversell under concurrency is impossible: the ledger's conditional updates decide every race. */
describe('simultaneous orders for the last units', () => {
  let t: TestApp;
  let sales: GivenSales;
  const zz = () => t.demo.venues.zz;
  beforeAll(async () => {
    t = await TestApp.start();
    sales = new GivenSales(t);
  });
  afterAll(() => t.close());

  it('sells exactly ten units when fifty orders race for the last ten; every loser gets INSUFFICIENT_STOCK', async () => {
    const { sku } = await sales.pricedSku(zz(), t.demo.orgs.factoryA, { stock: 10, moq: 1, packSize: 1, tiers: [[1, 500]] });
    const buyers = await Promise.all(Array.from({ length: 5 }, () => sales.buyer()));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.gql(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyers[i % 5].id, lines: [{ skuId: sku.id, quantity: 1 }], idempotencyKey: key() } }, i % 2 ? 'operatorAdmin' : 'showroomStaff'),
      ),
    );
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(40);
    for (const r of lost) {
      expect(r.errors![0].extensions.code).toBe('INSUFFICIENT_STOCK');
      expect(r.errors![0].extensions.lines).toEqual([expect.objectContaining({ paths: ['input.lines.0'], skuId: sku.id, available: 0 })]);
      expect(r.data).toBeNull();
    }
    expect(await balance(t, zz(), sku.id)).toEqual({ onHand: 10, reserved: 10 });
    expect(await t.count('sales_order_lines', 'sku_id = $1', [sku.id])).toBe(10);

    // The ten winners ship: exactly ten units leave, nothing goes negative.
    for (const r of won) {
      const id = (r.data as { placeOrder: { id: string } }).placeOrder.id;
      await t.ok(MARK_PAID, { input: { orderId: id } }, 'operatorAdmin');
      await t.ok(SHIP, { input: { orderId: id, idempotencyKey: key() } }, 'warehouseStaff');
    }
    const [{ sold }] = await t.dataSource.query("SELECT sum(quantity)::int AS sold FROM stock_movements WHERE sku_id = $1 AND type = 'SALE'", [sku.id]);
    expect(sold).toBe(10);
    expect(await balance(t, zz(), sku.id)).toEqual({ onHand: 0, reserved: 0 });
    expect(await t.dataSource.query('SELECT * FROM stock_ledger_discrepancies')).toEqual([]);
  });

  it('never oversells several SKUs raced at once by orders that take them in opposite orders', async () => {
    const skus: Sku[] = [];
    for (let i = 0; i < 3; i++) skus.push((await sales.pricedSku(zz(), t.demo.orgs.factoryA, { stock: 8, moq: 1, packSize: 1, tiers: [[1, 500]] })).sku);
    const buyer = await sales.buyer();
    const pairs = [
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
      [2, 0],
      [0, 2],
    ];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const [a, b] = pairs[i % pairs.length];
        return t.gql(
          PLACE_ORDER,
          { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: skus[a].id, quantity: 1 }, { skuId: skus[b].id, quantity: 1 }], idempotencyKey: key() } },
          'operatorAdmin',
        );
      }),
    );
    for (const r of results) if (r.errors) expect(r.errors[0].extensions.code).toBe('INSUFFICIENT_STOCK');
    const won = results.filter((r) => !r.errors).length;
    // Each winning order takes one unit of two SKUs: at most 24 units, so at most 12 orders.
    expect(won).toBeGreaterThanOrEqual(4);
    expect(won).toBeLessThanOrEqual(12);
    let reservedTotal = 0;
    for (const sku of skus) {
      const b = await balance(t, zz(), sku.id);
      expect(b.onHand).toBe(8);
      expect(b.reserved).toBeLessThanOrEqual(8);
      const [{ n }] = await t.dataSource.query('SELECT COALESCE(sum(quantity), 0)::int AS n FROM sales_order_lines WHERE sku_id = $1', [sku.id]);
      expect(n).toBe(b.reserved);
      reservedTotal += b.reserved;
    }
    expect(reservedTotal).toBe(won * 2);
    expect(await t.dataSource.query('SELECT * FROM stock_ledger_discrepancies')).toEqual([]);
  });
});
