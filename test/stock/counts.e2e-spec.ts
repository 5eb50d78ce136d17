import { randomUUID } from 'node:crypto';
import { Sku } from '@xp/catalog';
import { Role } from '@xp/core';
import { Given } from '../support/given';
import { Caller, TestApp } from '../support/test-app';
import { APPROVE_COUNT, CANCEL_COUNT, COUNT, COUNTS, SETTINGS, START_COUNT, SUBMIT_COUNT, UPDATE_SETTINGS } from './stock.documents';
import { balanceOf, factoryAtZz, key } from './stock.support';

/** Stock counts: snapshot, counted quantities, variances approved into ADJUSTMENT movements. */
describe('stock counts', () => {
  let t: TestApp;
  let given: Given;
  const zz = () => t.demo.venues.zz;

  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  /** Two SKUs with 20 and 10 units in the WAREHOUSE, and a count of them started. */
  async function counting(caller: Caller = 'warehouseStaff') {
    const skus = await factoryAtZz(t, given, 2);
    await given.stock(zz(), skus[0].id, 20);
    await given.stock(zz(), skus[1].id, 10);
    const { startStockCount } = await t.ok(
      START_COUNT,
      { input: { venueId: zz(), location: 'WAREHOUSE', skuIds: skus.map((s) => s.id) } },
      caller,
    );
    return { skus, count: startStockCount };
  }

  const submit = (countId: string, skus: Sku[], counted: number[], caller: Caller = 'warehouseStaff') =>
    t.ok(SUBMIT_COUNT, { input: { countId, lines: skus.map((s, i) => ({ skuId: s.id, countedQuantity: counted[i] })) } }, caller);

  it('snapshots the expected quantities and lets the warehouse approve a small variance itself', async () => {
    const { skus, count } = await counting();
    expect(count).toMatchObject({ status: 'COUNTING', varianceThreshold: 5, requiresAdminApproval: null });
    const expected = Object.fromEntries(count.lines.map((l: { skuId: string; expectedQuantity: number }) => [l.skuId, l.expectedQuantity]));
    expect(expected).toEqual({ [skus[0].id]: 20, [skus[1].id]: 10 });
    const { submitStockCount } = await submit(count.id, skus, [18, 13]);
    expect(submitStockCount).toMatchObject({ status: 'SUBMITTED', requiresAdminApproval: false });
    const variances = Object.fromEntries(submitStockCount.lines.map((l: { skuId: string; variance: number }) => [l.skuId, l.variance]));
    expect(variances).toEqual({ [skus[0].id]: -2, [skus[1].id]: 3 });
    const { approveStockCount } = await t.ok(APPROVE_COUNT, { input: { countId: count.id, idempotencyKey: key() } }, 'warehouseStaff');
    expect(approveStockCount.status).toBe('APPROVED');
    expect(await balanceOf(t, zz(), skus[0].id)).toEqual({ onHand: 18, reserved: 0 });
    expect(await balanceOf(t, zz(), skus[1].id)).toEqual({ onHand: 13, reserved: 0 });
    const adjustments = await t.dataSource.query(
      "SELECT sku_id, from_location, to_location, quantity FROM stock_movements WHERE reference_id = $1 AND type = 'ADJUSTMENT' ORDER BY quantity",
      [count.id],
    );
    expect(adjustments).toEqual([
      { sku_id: skus[0].id, from_location: 'WAREHOUSE', to_location: null, quantity: 2 },
      { sku_id: skus[1].id, from_location: null, to_location: 'WAREHOUSE', quantity: 3 },
    ]);
    expect(await t.count('audit_events', "entity_id = $1 AND action LIKE 'stockCount.%'", [count.id])).toBe(3);
  });

  it('needs an OPERATOR_ADMIN for a variance above the threshold; the warehouse is FORBIDDEN and nothing moves', async () => {
    const { skus, count } = await counting();
    const { submitStockCount } = await submit(count.id, skus, [12, 10]);
    expect(submitStockCount.requiresAdminApproval).toBe(true);
    expect(submitStockCount.lines.find((l: { skuId: string }) => l.skuId === skus[0].id)).toMatchObject({ variance: -8, aboveThreshold: true });
    const error = await t.fails(APPROVE_COUNT, { input: { countId: count.id, idempotencyKey: key() } }, 'warehouseStaff');
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/OPERATOR_ADMIN/);
    expect(await t.count('stock_movements', 'reference_id = $1', [count.id])).toBe(0);
    expect((await t.ok(COUNT, { id: count.id }, 'operatorAdmin')).stockCount.status).toBe('SUBMITTED');
    await t.ok(APPROVE_COUNT, { input: { countId: count.id, idempotencyKey: key() } }, 'operatorAdmin');
    expect(await balanceOf(t, zz(), skus[0].id)).toEqual({ onHand: 12, reserved: 0 });
  });

  it('takes the threshold from the venue setting, changed by the operator admin only', async () => {
    expect((await t.ok(SETTINGS, { venueId: zz() }, 'warehouseStaff')).venueStockSettings.countVarianceThreshold).toBe(5);
    const input = { venueId: zz(), countVarianceThreshold: 10 };
    expect((await t.fails(UPDATE_SETTINGS, { input }, 'warehouseStaff')).extensions.code).toBe('FORBIDDEN');
    expect((await t.fails(UPDATE_SETTINGS, { input }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(UPDATE_SETTINGS, { input: { ...input, countVarianceThreshold: -1 } }, 'operatorAdmin')).extensions.fields).toEqual([
      expect.objectContaining({ path: 'input.countVarianceThreshold' }),
    ]);
    expect((await t.ok(UPDATE_SETTINGS, { input }, 'operatorAdmin')).updateVenueStockSettings.countVarianceThreshold).toBe(10);
    try {
      const { skus, count } = await counting();
      expect(count.varianceThreshold).toBe(10);
      const { submitStockCount } = await submit(count.id, skus, [12, 10]);
      expect(submitStockCount.requiresAdminApproval).toBe(false);
      await t.ok(APPROVE_COUNT, { input: { countId: count.id, idempotencyKey: key() } }, 'warehouseStaff');
      expect(await balanceOf(t, zz(), skus[0].id)).toEqual({ onHand: 12, reserved: 0 });
    } finally {
      await t.ok(UPDATE_SETTINGS, { input: { ...input, countVarianceThreshold: 5 } }, 'operatorAdmin');
    }
    expect((await t.fails(SETTINGS, { venueId: zz() }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(SETTINGS, { venueId: zz() }, 'factoryAdmin')).extensions.code).toBe('FORBIDDEN');
  });

  it('answers a replayed approval with the first result and adjusts once', async () => {
    const { skus, count } = await counting();
    await submit(count.id, skus, [21, 10]);
    const k = key();
    const first = await t.ok(APPROVE_COUNT, { input: { countId: count.id, idempotencyKey: k } }, 'warehouseStaff');
    const again = await t.ok(APPROVE_COUNT, { input: { countId: count.id, idempotencyKey: k } }, 'warehouseStaff');
    expect(again).toEqual(first);
    expect(await t.count('stock_movements', 'reference_id = $1', [count.id])).toBe(1);
    expect(await balanceOf(t, zz(), skus[0].id)).toEqual({ onHand: 21, reserved: 0 });
    const twice = await t.fails(APPROVE_COUNT, { input: { countId: count.id, idempotencyKey: key() } }, 'warehouseStaff');
    expect(twice.extensions.code).toBe('INVALID_TRANSITION');
  });

  it('refuses incomplete, unknown, doubled or negative counted lines, changing nothing', async () => {
    const { skus, count } = await counting();
    const stranger = await given.sku(t.demo.orgs.factoryA);
    const attempt = (lines: unknown[]) => t.fails(SUBMIT_COUNT, { input: { countId: count.id, lines } }, 'warehouseStaff');
    expect((await attempt([{ skuId: skus[0].id, countedQuantity: 1 }])).extensions.fields).toEqual([expect.objectContaining({ path: 'input.lines' })]);
    expect(
      (await attempt([...skus.map((s) => ({ skuId: s.id, countedQuantity: 1 })), { skuId: stranger.id, countedQuantity: 1 }])).extensions.fields,
    ).toEqual([{ path: 'input.lines.2.skuId', message: 'is not part of this count' }]);
    expect(
      (await attempt([...skus.map((s) => ({ skuId: s.id, countedQuantity: 1 })), { skuId: skus[0].id, countedQuantity: 2 }])).extensions.fields,
    ).toEqual([{ path: 'input.lines.2.skuId', message: 'is listed twice' }]);
    expect((await attempt(skus.map((s) => ({ skuId: s.id, countedQuantity: -1 })))).extensions.fields).toEqual([
      expect.objectContaining({ path: 'input.lines.0.countedQuantity' }),
      expect.objectContaining({ path: 'input.lines.1.countedQuantity' }),
    ]);
    const now = (await t.ok(COUNT, { id: count.id }, 'warehouseStaff')).stockCount;
    expect(now.status).toBe('COUNTING');
    expect(now.lines.every((l: { countedQuantity: number | null }) => l.countedQuantity === null)).toBe(true);
  });

  it('refuses to approve a count that is still being counted, and to start a count of unknown SKUs', async () => {
    const { count } = await counting();
    expect((await t.fails(APPROVE_COUNT, { input: { countId: count.id, idempotencyKey: key() } }, 'operatorAdmin')).extensions.code).toBe(
      'INVALID_TRANSITION',
    );
    const unknown = await t.fails(START_COUNT, { input: { venueId: zz(), location: 'WAREHOUSE', skuIds: [randomUUID()] } }, 'warehouseStaff');
    expect(unknown.extensions.fields).toEqual([expect.objectContaining({ path: 'input.skuIds.0' })]);
    const strangerFactory = await given.factory();
    const strangerSku = await given.sku(strangerFactory.org.id);
    const notHere = await t.fails(START_COUNT, { input: { venueId: zz(), location: 'WAREHOUSE', skuIds: [strangerSku.id] } }, 'warehouseStaff');
    expect(notHere.extensions.fields).toEqual([expect.objectContaining({ path: 'input.skuIds.0' })]);
    const empty = await t.fails(START_COUNT, { input: { venueId: zz(), location: 'IN_TRANSIT' } }, 'warehouseStaff');
    expect(empty.extensions.fields).toEqual([expect.objectContaining({ path: 'input.location' })]);
  });

  it('counts every SKU with a balance at a location when none are named', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 7, { location: 'SHOWROOM' });
    const { startStockCount } = await t.ok(START_COUNT, { input: { venueId: zz(), location: 'SHOWROOM' } }, 'operatorAdmin');
    expect(startStockCount.lines).toContainEqual(expect.objectContaining({ skuId: sku.id, expectedQuantity: 7 }));
    await t.ok(CANCEL_COUNT, { input: { countId: startStockCount.id, reason: '重新盘点' } }, 'warehouseStaff');
    expect((await t.ok(COUNT, { id: startStockCount.id }, 'warehouseStaff')).stockCount.status).toBe('CANCELLED');
    expect((await t.fails(CANCEL_COUNT, { input: { countId: startStockCount.id, reason: 'x' } }, 'warehouseStaff')).extensions.code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it("keeps factory A's counts from factory B, the other venue's operator, showroom staff's hands and the government", async () => {
    const { skus, count } = await counting();
    for (const caller of ['operator2Admin'] as const) {
      expect((await t.fails(COUNT, { id: count.id }, caller)).extensions.code).toBe('NOT_FOUND');
      expect((await t.ok(COUNTS, { filter: { venueId: zz() } }, caller)).stockCounts).toEqual({ total: 0, items: [] });
      expect((await t.fails(SUBMIT_COUNT, { input: { countId: count.id, lines: [] } }, caller)).extensions.code).toBe('VALIDATION_FAILED');
      const lines = skus.map((s) => ({ skuId: s.id, countedQuantity: 0 }));
      expect((await t.fails(SUBMIT_COUNT, { input: { countId: count.id, lines } }, caller)).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(APPROVE_COUNT, { input: { countId: count.id, idempotencyKey: key() } }, caller)).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(START_COUNT, { input: { venueId: zz(), location: 'WAREHOUSE' } }, caller)).extensions.code).toBe('NOT_FOUND');
    }
    for (const caller of ['factoryAdmin', 'factory2Admin', 'govViewer'] as const) {
      expect((await t.fails(COUNT, { id: count.id }, caller)).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(COUNTS, {}, caller)).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(START_COUNT, { input: { venueId: zz(), location: 'WAREHOUSE' } }, caller)).extensions.code).toBe('FORBIDDEN');
    }
    const lines = skus.map((s) => ({ skuId: s.id, countedQuantity: 0 }));
    expect((await t.fails(SUBMIT_COUNT, { input: { countId: count.id, lines } }, 'showroomStaff')).extensions.code).toBe('FORBIDDEN');
    expect((await t.ok(COUNT, { id: count.id }, 'showroomStaff')).stockCount.status).toBe('COUNTING');
    const { token } = await given.user(Role.WAREHOUSE_STAFF, t.demo.orgs.operatorB);
    expect((await t.fails(COUNT, { id: count.id }, { token })).extensions.code).toBe('NOT_FOUND');
  });
});
