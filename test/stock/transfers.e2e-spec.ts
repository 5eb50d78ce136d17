import { Sku } from '@xp/catalog';
import { addDays, Role, startOfBusinessDay, today } from '@xp/core';
import { Given } from '../support/given';
import { Caller, TestApp } from '../support/test-app';
import { BALANCES, LOCATIONS, MOVEMENTS, RETURN_TO_FACTORY, STOCK_AGE, TRANSFER, WRITE_OFF } from './stock.documents';
import { balanceOf, factoryAtZz, key } from './stock.support';

/** Transfers, returns to factory, write-offs, the stock queries and stock age. */
describe('stock transfers, returns, write-offs and queries', () => {
  let t: TestApp;
  let given: Given;
  let skus: Sku[];
  const zz = () => t.demo.venues.zz;

  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    skus = await factoryAtZz(t, given, 2);
  });
  afterAll(() => t.close());

  const transfer = (from: string, to: string, quantity: number, sku = skus[0], idempotencyKey = key()) => ({
    input: { venueId: zz(), from, to, lines: [{ skuId: sku.id, quantity }], idempotencyKey },
  });

  it('moves samples to the showroom and back (showroom staff) and anything between locations (warehouse)', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 20);
    const { transferStock } = await t.ok(TRANSFER, transfer('WAREHOUSE', 'SHOWROOM', 3, sku), 'showroomStaff');
    expect(transferStock.replayed).toBe(false);
    expect(transferStock.movements).toEqual([
      expect.objectContaining({ type: 'TRANSFER', fromLocation: 'WAREHOUSE', toLocation: 'SHOWROOM', quantity: 3, skuId: sku.id }),
    ]);
    await t.ok(TRANSFER, transfer('SHOWROOM', 'WAREHOUSE', 1, sku), 'showroomStaff');
    await t.ok(TRANSFER, transfer('WAREHOUSE', 'DAMAGED', 2, sku), 'warehouseStaff');
    expect(await balanceOf(t, zz(), sku.id)).toEqual({ onHand: 16, reserved: 0 });
    expect(await balanceOf(t, zz(), sku.id, 'SHOWROOM')).toEqual({ onHand: 2, reserved: 0 });
    expect(await balanceOf(t, zz(), sku.id, 'DAMAGED')).toEqual({ onHand: 2, reserved: 0 });
    expect(await t.count('audit_events', "action = 'stock.transferStock' AND entity_id = $1", [transferStock.operationId])).toBe(1);
  });

  it('refuses showroom staff anything but WAREHOUSE ↔ SHOWROOM', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 5);
    const error = await t.fails(TRANSFER, transfer('WAREHOUSE', 'DAMAGED', 1, sku), 'showroomStaff');
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(await balanceOf(t, zz(), sku.id)).toEqual({ onHand: 5, reserved: 0 });
  });

  it('refuses to move more than is available, naming the line, and changes nothing', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 5);
    const before = await t.count('stock_movements');
    const error = await t.fails(TRANSFER, transfer('WAREHOUSE', 'SHOWROOM', 6, sku), 'warehouseStaff');
    expect(error.extensions.code).toBe('INSUFFICIENT_STOCK');
    expect(error.message).toContain(sku.code);
    expect(error.extensions.lines).toEqual([
      expect.objectContaining({ skuId: sku.id, location: 'WAREHOUSE', available: 5, paths: ['input.lines.0'] }),
    ]);
    expect(await t.count('stock_movements')).toBe(before);
    expect(await balanceOf(t, zz(), sku.id, 'SHOWROOM')).toEqual({ onHand: 0, reserved: 0 });
  });

  it('refuses a transfer to the same location, a zero quantity or an unknown location', async () => {
    expect((await t.fails(TRANSFER, transfer('WAREHOUSE', 'WAREHOUSE', 1), 'warehouseStaff')).extensions.fields).toEqual([
      expect.objectContaining({ path: 'input.to' }),
    ]);
    expect((await t.fails(TRANSFER, transfer('WAREHOUSE', 'SHOWROOM', 0), 'warehouseStaff')).extensions.fields).toEqual([
      expect.objectContaining({ path: 'input.lines.0.quantity' }),
    ]);
    expect((await t.fails(TRANSFER, transfer('WAREHOUSE', 'ROOF', 1), 'warehouseStaff')).extensions.code).toBe('VALIDATION_FAILED');
  });

  it('answers a replayed transfer with the first movements', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 5);
    const input = transfer('WAREHOUSE', 'SHOWROOM', 2, sku);
    const first = (await t.ok(TRANSFER, input, 'warehouseStaff')).transferStock;
    const again = (await t.ok(TRANSFER, input, 'warehouseStaff')).transferStock;
    expect(again).toEqual({ ...first, replayed: true });
    expect(await balanceOf(t, zz(), sku.id, 'SHOWROOM')).toEqual({ onHand: 2, reserved: 0 });
    const changed = { input: { ...input.input, lines: [{ skuId: sku.id, quantity: 3 }] } };
    expect((await t.fails(TRANSFER, changed, 'warehouseStaff')).extensions.code).toBe('CONFLICT');
  });

  it("lets neither factory B, the other venue's operator, a factory nor the government move stock", async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 5);
    const expectations: [Caller, string][] = [
      ['operator2Admin', 'NOT_FOUND'],
      ['factory2Admin', 'FORBIDDEN'],
      ['factoryAdmin', 'FORBIDDEN'],
      ['govViewer', 'FORBIDDEN'],
      ['pricingReviewer', 'FORBIDDEN'],
    ];
    for (const [caller, code] of expectations) {
      expect((await t.fails(TRANSFER, transfer('WAREHOUSE', 'SHOWROOM', 1, sku), caller)).extensions.code).toBe(code);
      const ret = { input: { venueId: zz(), factoryOrgId: t.demo.orgs.factoryA, lines: [{ skuId: sku.id, quantity: 1 }], idempotencyKey: key() } };
      expect((await t.fails(RETURN_TO_FACTORY, ret, caller)).extensions.code).toBe(code);
      const off = { input: { venueId: zz(), from: 'WAREHOUSE', lines: [{ skuId: sku.id, quantity: 1 }], reason: '破损', idempotencyKey: key() } };
      expect((await t.fails(WRITE_OFF, off, caller)).extensions.code).toBe(code);
    }
    expect(await balanceOf(t, zz(), sku.id)).toEqual({ onHand: 5, reserved: 0 });
    expect(await t.count('stock_movements', 'sku_id = $1', [sku.id])).toBe(1);
  });

  it('returns goods to their factory, only SKUs of that factory', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 10);
    const input = { venueId: zz(), factoryOrgId: t.demo.orgs.factoryA, lines: [{ skuId: sku.id, quantity: 4 }], idempotencyKey: key(), note: '滞销退回' };
    const { returnToFactory } = await t.ok(RETURN_TO_FACTORY, { input }, 'warehouseStaff');
    expect(returnToFactory.movements).toEqual([
      expect.objectContaining({ type: 'RETURN_TO_FACTORY', fromLocation: 'WAREHOUSE', toLocation: null, quantity: 4, note: '滞销退回' }),
    ]);
    expect(await balanceOf(t, zz(), sku.id)).toEqual({ onHand: 6, reserved: 0 });
    const wrongFactory = await t.fails(
      RETURN_TO_FACTORY,
      { input: { ...input, factoryOrgId: t.demo.orgs.factoryB, idempotencyKey: key() } },
      'warehouseStaff',
    );
    expect(wrongFactory.extensions.fields).toEqual([{ path: 'input.lines.0.skuId', message: 'is not a SKU of this factory' }]);
    const tooMany = await t.fails(
      RETURN_TO_FACTORY,
      { input: { ...input, lines: [{ skuId: sku.id, quantity: 7 }], idempotencyKey: key() } },
      'warehouseStaff',
    );
    expect(tooMany.extensions.code).toBe('INSUFFICIENT_STOCK');
    expect(await balanceOf(t, zz(), sku.id)).toEqual({ onHand: 6, reserved: 0 });
  });

  it('writes off damaged goods by the operator admin only', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 3, { location: 'DAMAGED' });
    const input = { venueId: zz(), lines: [{ skuId: sku.id, quantity: 2 }], reason: '运输破损', idempotencyKey: key() };
    expect((await t.fails(WRITE_OFF, { input }, 'warehouseStaff')).extensions.code).toBe('FORBIDDEN');
    const { writeOffStock } = await t.ok(WRITE_OFF, { input }, 'operatorAdmin');
    expect(writeOffStock.movements).toEqual([expect.objectContaining({ type: 'WRITE_OFF', fromLocation: 'DAMAGED', quantity: 2, note: '运输破损' })]);
    expect(await balanceOf(t, zz(), sku.id, 'DAMAGED')).toEqual({ onHand: 1, reserved: 0 });
  });

  it('filters balances by venue, SKU, factory, location and non-zero', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 4);
    await t.ok(TRANSFER, transfer('WAREHOUSE', 'SHOWROOM', 4, sku), 'warehouseStaff');
    const query = async (filter: Record<string, unknown>) =>
      (await t.ok(BALANCES, { filter: { skuId: sku.id, ...filter } }, 'operatorAdmin')).stockBalances.items.map(
        (b: { location: string; onHand: number }) => `${b.location}:${b.onHand}`,
      );
    expect((await query({})).sort()).toEqual(['SHOWROOM:4', 'WAREHOUSE:0']);
    expect(await query({ nonZero: true })).toEqual(['SHOWROOM:4']);
    expect(await query({ location: 'WAREHOUSE' })).toEqual(['WAREHOUSE:0']);
    expect((await query({ venueId: zz(), factoryOrgId: t.demo.orgs.factoryA })).sort()).toEqual(['SHOWROOM:4', 'WAREHOUSE:0']);
    expect(await query({ factoryOrgId: t.demo.orgs.factoryB })).toEqual([]);
    const { stockBalances } = await t.ok(BALANCES, { filter: { skuId: sku.id, nonZero: true } }, 'factoryAdmin');
    expect(stockBalances.items[0]).toMatchObject({ available: 4, sku: { code: sku.code }, ownerFactory: { name: '河南豫暖针织服饰有限公司' } });
    expect((await t.fails(BALANCES, { sort: { field: 'password', order: 'ASC' } }, 'operatorAdmin')).extensions.code).toBe('VALIDATION_FAILED');
    expect((await t.fails(BALANCES, { perPage: 201 }, 'operatorAdmin')).extensions.code).toBe('VALIDATION_FAILED');
  });

  it('filters movements by type, factory, SKU and business-day range', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 4, { occurredAt: new Date('2026-01-05T23:30:00+08:00') });
    await given.stock(zz(), sku.id, 6, { occurredAt: new Date('2026-01-06T00:30:00+08:00') });
    const quantities = async (filter: Record<string, unknown>, caller: Caller = 'operatorAdmin') =>
      (await t.ok(MOVEMENTS, { filter: { skuId: sku.id, ...filter } }, caller)).stockMovements.items.map((m: { quantity: number }) => m.quantity);
    expect(await quantities({ from: '2026-01-06', to: '2026-01-06' })).toEqual([6]);
    expect(await quantities({ to: '2026-01-05' })).toEqual([4]);
    expect(await quantities({ type: 'CONSIGN_IN', factoryOrgId: t.demo.orgs.factoryA, venueId: zz() })).toEqual([6, 4]);
    expect(await quantities({ type: 'SALE' })).toEqual([]);
    expect(await quantities({}, 'factoryAdmin')).toEqual([6, 4]);
    expect((await t.fails(MOVEMENTS, { filter: { from: '2026-02-01', to: '2026-01-01' } }, 'operatorAdmin')).extensions.fields).toEqual([
      expect.objectContaining({ path: 'filter.to' }),
    ]);
  });

  it('keeps stock figures from the government and strangers; shows every venue location to its staff', async () => {
    for (const query of [BALANCES, MOVEMENTS]) {
      expect((await t.fails(query, {}, 'govViewer')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(query, {}, null)).extensions.code).toBe('UNAUTHENTICATED');
    }
    const { stockLocations } = await t.ok(LOCATIONS, { venueId: zz() }, 'warehouseStaff');
    expect(stockLocations.map((l: { kind: string }) => l.kind)).toEqual(['DAMAGED', 'IN_TRANSIT', 'SHOWROOM', 'WAREHOUSE']);
    expect((await t.ok(LOCATIONS, { venueId: zz() }, 'factoryAdmin')).stockLocations).toHaveLength(4);
    expect((await t.fails(LOCATIONS, { venueId: zz() }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(LOCATIONS, { venueId: t.demo.venues.yk }, 'factoryAdmin')).extensions.code).toBe('NOT_FOUND');
  });

  it('lets a regional manager read its region’s stock but move none', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 2);
    const seen = await t.ok(BALANCES, { filter: { skuId: sku.id } }, 'regionalManager');
    expect(seen.stockBalances.total).toBe(1);
    expect((await t.fails(TRANSFER, transfer('WAREHOUSE', 'SHOWROOM', 1, sku), 'regionalManager')).extensions.code).toBe('FORBIDDEN');
    const other = await given.region();
    const { token } = await given.user(Role.REGIONAL_MANAGER, t.demo.orgs.platform, { regionId: other.id });
    expect((await t.ok(BALANCES, { filter: { skuId: sku.id } }, { token })).stockBalances.total).toBe(0);
  });

  describe('stock age', () => {
    it('ages units first in, first out, in 0–30, 31–90 and over-90-day buckets', async () => {
      const [sku] = await factoryAtZz(t, given, 1);
      const day = (ago: number) => addDays(today(), -ago);
      const at = (ago: number) => new Date(startOfBusinessDay(day(ago)).getTime() + 10 * 3_600_000);
      await given.stock(zz(), sku.id, 10, { occurredAt: at(120) });
      await given.stock(zz(), sku.id, 20, { occurredAt: at(47) });
      await given.stock(zz(), sku.id, 5, { occurredAt: at(11) });
      // 12 units leave: the 10 oldest and 2 of the second lot; moves inside the venue do not change age.
      await t.ok(
        RETURN_TO_FACTORY,
        { input: { venueId: zz(), factoryOrgId: t.demo.orgs.factoryA, lines: [{ skuId: sku.id, quantity: 12 }], idempotencyKey: key() } },
        'warehouseStaff',
      );
      await t.ok(TRANSFER, transfer('WAREHOUSE', 'SHOWROOM', 3, sku), 'warehouseStaff');
      const { stockAge } = await t.ok(STOCK_AGE, { venueId: zz(), filter: { skuId: sku.id } }, 'operatorAdmin');
      expect(stockAge.items).toEqual([
        expect.objectContaining({ skuId: sku.id, onHand: 23, days0To30: 5, days31To90: 18, over90: 0, oldestReceivedOn: day(47), oldestAgeDays: 47 }),
      ]);
      // As of yesterday the return had not happened yet: the oldest lot was still there.
      const early = await t.ok(STOCK_AGE, { venueId: zz(), asOf: day(1), filter: { skuId: sku.id } }, 'factoryAdmin');
      expect(early.stockAge.items[0]).toMatchObject({ onHand: 35, over90: 10, days31To90: 20, days0To30: 5, oldestAgeDays: 119 });
    });

    it("shows a factory only its own SKUs' age, and nobody else's venue", async () => {
      const [sku] = await factoryAtZz(t, given, 1);
      await given.stock(zz(), sku.id, 3);
      const own = await t.ok(STOCK_AGE, { venueId: zz() }, 'factoryAdmin');
      expect(own.stockAge.items.every((a: { ownerFactoryOrgId: string }) => a.ownerFactoryOrgId === t.demo.orgs.factoryA)).toBe(true);
      expect(own.stockAge.items.map((a: { skuId: string }) => a.skuId)).toContain(sku.id);
      expect((await t.ok(STOCK_AGE, { venueId: zz() }, 'factory2Admin')).stockAge).toEqual({ total: 0, items: [] });
      expect((await t.fails(STOCK_AGE, { venueId: zz() }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(STOCK_AGE, { venueId: zz() }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
      const sorted = await t.ok(STOCK_AGE, { venueId: zz(), sort: { field: 'onHand', order: 'DESC' } }, 'operatorAdmin');
      const onHand = sorted.stockAge.items.map((a: { onHand: number }) => a.onHand);
      expect(onHand).toEqual([...onHand].sort((a, b) => b - a));
    });
  });
});
