import { GivenSales } from '../support/given';
import { TestApp } from '../support/test-app';
import { deliveredOrder, key, PLACE_ORDER, REQUEST_RETURN } from './sales.support';

const LINES = `query($filter: FactoryOrderLineFilter, $sort: SortInput, $perPage: Int = 200) {
  factoryOrderLines(filter: $filter, sort: $sort, perPage: $perPage) {
    total
    items { id orderId orderNo orderStatus placedAt venueId venue { id name } lineNo skuId sku { id code } factoryOrgId quantity
      priceVersionId supplyUnitPrice supplyAmount returnedQuantity }
  }
}`;

/** The factory portal's view of its sales: its own order lines, at its supply price, nobody else's. */
describe("a factory's order lines", () => {
  let t: TestApp;
  let sales: GivenSales;
  const zz = () => t.demo.venues.zz;

  beforeAll(async () => {
    t = await TestApp.start();
    sales = new GivenSales(t);
  });
  afterAll(() => t.close());

  const lines = async (caller: 'factoryAdmin' | 'factory2Admin', filter: Record<string, unknown> = {}, sort?: Record<string, unknown>) =>
    (await t.ok(LINES, { filter, sort }, caller)).factoryOrderLines as { total: number; items: Record<string, any>[] };

  it('shows each factory only its own lines of a mixed order, at the supply price, without the buyer or the wholesale price', async () => {
    const a = await sales.pricedSku(zz(), t.demo.orgs.factoryA, { stock: 300 });
    const b = await sales.pricedSku(zz(), t.demo.orgs.factoryB, { stock: 300 });
    const buyer = await sales.buyer();
    const { placeOrder: order } = await t.ok(
      PLACE_ORDER,
      { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 55 }, { skuId: b.sku.id, quantity: 10 }], idempotencyKey: key() } },
      'operatorAdmin',
    );
    const mine = await lines('factoryAdmin', { skuId: a.sku.id });
    expect(mine.total).toBe(1);
    // Tier at 50: supply 9.00; 55 × 9.00 = 495.00, exact.
    expect(mine.items[0]).toEqual(
      expect.objectContaining({
        orderId: order.id,
        orderNo: order.orderNo,
        orderStatus: 'PLACED',
        venueId: zz(),
        skuId: a.sku.id,
        factoryOrgId: t.demo.orgs.factoryA,
        quantity: 55,
        lineNo: 1,
        priceVersionId: a.versionId,
        supplyUnitPrice: '9.00',
        supplyAmount: '495.00',
        returnedQuantity: 0,
      }),
    );
    expect(mine.items[0].venue.id).toBe(zz());
    expect(mine.items[0].sku.code).toBe(a.sku.code);

    // Factory A never sees factory B's line of the same order, and the other way round.
    const allOfA = await lines('factoryAdmin', { venueId: zz() });
    expect(allOfA.items.every((l) => l.factoryOrgId === t.demo.orgs.factoryA)).toBe(true);
    expect(allOfA.items.map((l) => l.skuId)).not.toContain(b.sku.id);
    const ofB = await lines('factory2Admin', { venueId: zz() });
    expect(ofB.items.map((l) => l.skuId)).toContain(b.sku.id);
    expect(ofB.items.every((l) => l.factoryOrgId === t.demo.orgs.factoryB)).toBe(true);
    expect(await lines('factory2Admin', { skuId: a.sku.id })).toEqual({ total: 0, items: [] });

    // The type carries neither the buyer nor the wholesale price: asking for them is refused.
    for (const field of ['buyer { id }', 'buyerId', 'unitPrice', 'amount']) {
      const error = await t.fails(`query { factoryOrderLines { items { id ${field} } } }`, {}, 'factoryAdmin');
      expect(error.message).toMatch(/Cannot query field/);
    }
  });

  it('filters by order status and placing day, sorts, and counts what returns took', async () => {
    const a = await sales.pricedSku(zz(), t.demo.orgs.factoryA, { stock: 300 });
    const buyer = await sales.buyer();
    const orderId = await deliveredOrder(t, zz(), buyer.id, [{ skuId: a.sku.id, quantity: 20 }]);
    await t.ok(REQUEST_RETURN, { input: { orderId, reason: 'QUALITY_DEFECT', lines: [{ skuId: a.sku.id, quantity: 5 }] } }, 'operatorAdmin');
    await t.ok(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 10 }], idempotencyKey: key() } }, 'operatorAdmin');

    const delivered = await lines('factoryAdmin', { skuId: a.sku.id, orderStatus: 'DELIVERED' });
    expect(delivered.items.map((l) => [l.orderId, l.quantity, l.returnedQuantity])).toEqual([[orderId, 20, 5]]);
    expect((await lines('factoryAdmin', { skuId: a.sku.id, orderStatus: 'PLACED' })).items.map((l) => l.quantity)).toEqual([10]);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await lines('factoryAdmin', { skuId: a.sku.id, from: today, to: today })).total).toBe(2);
    expect((await lines('factoryAdmin', { skuId: a.sku.id, to: '2020-01-01' })).total).toBe(0);
    expect((await lines('factoryAdmin', { skuId: a.sku.id }, { field: 'quantity', order: 'ASC' })).items.map((l) => l.quantity)).toEqual([10, 20]);
    expect((await lines('factoryAdmin', { skuId: a.sku.id }, { field: 'quantity', order: 'DESC' })).items.map((l) => l.quantity)).toEqual([20, 10]);
    // Paged: one line a page, the total over all pages.
    const page = (await t.ok(LINES, { filter: { skuId: a.sku.id }, perPage: 1 }, 'factoryAdmin')).factoryOrderLines;
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
  });

  it('refuses a bad sort or day range naming the field', async () => {
    const sort = await t.fails(LINES, { sort: { field: 'unitPrice', order: 'ASC' } }, 'factoryAdmin');
    expect(sort.extensions.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(sort.extensions.fields)).toContain('sort.field');
    const range = await t.fails(LINES, { filter: { from: '2026-02-01', to: '2026-01-01' } }, 'factoryAdmin');
    expect(range.extensions.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(range.extensions.fields)).toContain('filter.to');
  });

  it('is for factory users only: venue staff, platform staff and government viewers are refused, strangers unauthenticated', async () => {
    for (const caller of ['operatorAdmin', 'showroomStaff', 'platformAdmin', 'regionalManager', 'govViewer', 'operator2Admin'] as const) {
      expect((await t.fails(LINES, {}, caller)).extensions.code).toBe('FORBIDDEN');
    }
    expect((await t.fails(LINES, {}, null)).extensions.code).toBe('UNAUTHENTICATED');
  });
});
