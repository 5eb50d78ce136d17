import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode, RequestContext, runInTransaction } from '@xp/core';
import { VenueFactoryStatus } from '@xp/factories';
import { LocationKind, MovementType, StockLedgerService, StockMovementInput, StockOperationOptions } from '@xp/stock';
import { Given } from '../support/given';
import { TestApp } from '../support/test-app';
import { TRANSFER } from './stock.documents';
import { balanceOf, discrepancies, factoryAtZz, key } from './stock.support';

/** The ledger core: balances with their movements, no oversell under races, idempotency, database guards. */
describe('the stock ledger', () => {
  let t: TestApp;
  let given: Given;
  let ledger: StockLedgerService;
  const zz = () => t.demo.venues.zz;

  beforeAll(async () => {
    t = await TestApp.start({ dbPoolSize: 12 });
    given = new Given(t);
    ledger = t.app.get(StockLedgerService);
  });
  afterAll(() => t.close());

  /** One ledger call in its own transaction, as the warehouse staff (as a mutation would run). */
  async function apply(movements: StockMovementInput[], idempotencyKey = key(), options: Partial<StockOperationOptions> = {}) {
    const ctx = await t.contextFor('warehouseStaff');
    return runInTransaction(ctx, {}, () => ledger.apply(ctx, movements, idempotencyKey, { venueId: zz(), action: 'test.apply', ...options }));
  }

  async function failure(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  it('gives every venue its four locations and settings, also venues created later', async () => {
    const venue = await given.venue();
    const kinds = await t.dataSource.query('SELECT kind FROM stock_locations WHERE venue_id = $1 ORDER BY kind', [venue.id]);
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['DAMAGED', 'IN_TRANSIT', 'SHOWROOM', 'WAREHOUSE']);
    expect(await t.count('venue_stock_settings', 'venue_id = $1 AND count_variance_threshold = 5', [venue.id])).toBe(1);
    expect(await t.count('stock_locations', 'venue_id = $1', [zz()])).toBe(4);
    const { createVenue } = await t.ok(
      'mutation($input: CreateVenueInput!) { createVenue(input: $input) { id } }',
      {
        input: {
          code: 'STOCK-NEW',
          name: '新选品中心',
          city: '郑州',
          regionId: t.demo.regions.centralEast,
          categoryFocus: '全品类',
          operatorOrgId: t.demo.orgs.operatorA,
        },
      },
      'platformAdmin',
    );
    expect(await t.count('stock_locations', 'venue_id = $1', [createVenue.id])).toBe(4);
  });

  it('changes the balances with the movements, in one transaction', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    const { movements, replayed } = await apply([
      { type: MovementType.CONSIGN_IN, skuId: sku.id, quantity: 10, to: LocationKind.WAREHOUSE },
      { type: MovementType.TRANSFER, skuId: sku.id, quantity: 2, from: LocationKind.WAREHOUSE, to: LocationKind.SHOWROOM },
      { type: MovementType.RESERVE, skuId: sku.id, quantity: 3, from: LocationKind.WAREHOUSE },
      { type: MovementType.SALE, skuId: sku.id, quantity: 1, from: LocationKind.WAREHOUSE },
    ]);
    expect(replayed).toBe(false);
    expect(movements.map((m) => [m.lineNo, m.type, m.ownerFactoryOrgId])).toEqual([
      [1, 'CONSIGN_IN', t.demo.orgs.factoryA],
      [2, 'TRANSFER', t.demo.orgs.factoryA],
      [3, 'RESERVE', t.demo.orgs.factoryA],
      [4, 'SALE', t.demo.orgs.factoryA],
    ]);
    expect(await balanceOf(t, zz(), sku.id)).toEqual({ onHand: 7, reserved: 2 });
    expect(await balanceOf(t, zz(), sku.id, 'SHOWROOM')).toEqual({ onHand: 2, reserved: 0 });
    expect(await t.count('audit_events', "action = 'stock.test.apply' AND entity_id = $1", [movements[0].operationId])).toBe(1);
  });

  it('answers a replay with the first result and moves nothing', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    const k = key();
    const line = { type: MovementType.CONSIGN_IN, skuId: sku.id, quantity: 5, to: LocationKind.WAREHOUSE };
    const first = await apply([line], k);
    const again = await apply([line], k);
    expect(again.replayed).toBe(true);
    expect(again.operation.id).toBe(first.operation.id);
    expect(again.movements.map((m) => m.id)).toEqual(first.movements.map((m) => m.id));
    expect(await balanceOf(t, zz(), sku.id)).toEqual({ onHand: 5, reserved: 0 });
    expect(await t.count('stock_movements', 'sku_id = $1', [sku.id])).toBe(1);
  });

  it('refuses a key reused for a different request (CONFLICT), moving nothing', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    const k = key();
    await apply([{ type: MovementType.CONSIGN_IN, skuId: sku.id, quantity: 5, to: LocationKind.WAREHOUSE }], k);
    const error = await failure(apply([{ type: MovementType.CONSIGN_IN, skuId: sku.id, quantity: 6, to: LocationKind.WAREHOUSE }], k));
    expect(error.code).toBe(ErrorCode.CONFLICT);
    expect(await balanceOf(t, zz(), sku.id)).toEqual({ onHand: 5, reserved: 0 });
  });

  it('lets exactly 10 of 50 simultaneous one-unit reservations of 10 units succeed; the others get INSUFFICIENT_STOCK', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 10);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => apply([{ type: MovementType.RESERVE, skuId: sku.id, quantity: 1, from: LocationKind.WAREHOUSE }])),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(40);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).code).toBe(ErrorCode.INSUFFICIENT_STOCK);
      expect((r.reason as DomainError).details.lines).toEqual([
        expect.objectContaining({ skuId: sku.id, skuCode: sku.code, location: 'WAREHOUSE', onHand: 10, reserved: 10, available: 0 }),
      ]);
    }
    expect(await balanceOf(t, zz(), sku.id)).toEqual({ onHand: 10, reserved: 10 });
    expect(await t.count('stock_movements', "sku_id = $1 AND type = 'RESERVE'", [sku.id])).toBe(10);
    expect(await discrepancies(t)).toEqual([]);
  });

  it('never drives a balance negative when reservations, releases, sales and transfers race', async () => {
    const [a, b] = await factoryAtZz(t, given, 2);
    await given.stock(zz(), a.id, 20);
    await given.stock(zz(), b.id, 20);
    const W = LocationKind.WAREHOUSE;
    const S = LocationKind.SHOWROOM;
    // Each batch touches both SKUs, in opposite orders, so an unordered lock would deadlock.
    const batches: StockMovementInput[][] = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? [
            { type: MovementType.RESERVE, skuId: a.id, quantity: 3, from: W },
            { type: MovementType.TRANSFER, skuId: b.id, quantity: 2, from: W, to: S },
            { type: MovementType.SALE, skuId: a.id, quantity: 1, from: W },
          ]
        : [
            { type: MovementType.TRANSFER, skuId: b.id, quantity: 1, from: S, to: W },
            { type: MovementType.RESERVE, skuId: b.id, quantity: 2, from: W },
            { type: MovementType.TRANSFER, skuId: a.id, quantity: 1, from: W, to: S },
          ],
    );
    const results = await Promise.allSettled(batches.map((batch) => apply(batch)));
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as DomainError).code).toBe(ErrorCode.INSUFFICIENT_STOCK);
    }
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const rows: { on_hand: number; reserved: number }[] = await t.dataSource.query(
      'SELECT on_hand, reserved FROM stock_balances WHERE sku_id = ANY($1)',
      [[a.id, b.id]],
    );
    for (const row of rows) {
      expect(row.on_hand).toBeGreaterThanOrEqual(0);
      expect(row.reserved).toBeGreaterThanOrEqual(0);
      expect(row.reserved).toBeLessThanOrEqual(row.on_hand);
    }
    expect(await discrepancies(t)).toEqual([]);
  });

  it('moves once when the same key arrives twice at the same moment', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 10);
    const input = {
      venueId: zz(),
      from: 'WAREHOUSE',
      to: 'SHOWROOM',
      lines: [{ skuId: sku.id, quantity: 4 }],
      idempotencyKey: key(),
    };
    const answers = await Promise.all([1, 2, 3].map(() => t.ok(TRANSFER, { input }, 'warehouseStaff')));
    const ids = new Set(answers.map((a) => a.transferStock.operationId));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => !a.transferStock.replayed)).toHaveLength(1);
    expect(await t.count('stock_movements', 'sku_id = $1 AND type = $2', [sku.id, 'TRANSFER'])).toBe(1);
    expect(await balanceOf(t, zz(), sku.id, 'SHOWROOM')).toEqual({ onHand: 4, reserved: 0 });
  });

  it('names every line short of stock and moves nothing', async () => {
    const [a, b] = await factoryAtZz(t, given, 2);
    await given.stock(zz(), a.id, 3);
    const movementsBefore = await t.count('stock_movements');
    const operationsBefore = await t.count('stock_operations');
    const auditBefore = await t.count('audit_events');
    const error = await failure(
      apply([
        { type: MovementType.RESERVE, skuId: a.id, quantity: 2, from: LocationKind.WAREHOUSE, path: 'input.lines.0' },
        { type: MovementType.RESERVE, skuId: a.id, quantity: 2, from: LocationKind.WAREHOUSE, path: 'input.lines.1' },
        { type: MovementType.SALE, skuId: b.id, quantity: 1, from: LocationKind.WAREHOUSE, path: 'input.lines.2' },
      ]),
    );
    expect(error.code).toBe(ErrorCode.INSUFFICIENT_STOCK);
    expect(error.message).toContain(a.code);
    expect(error.message).toContain(b.code);
    const lines = error.details.lines as { skuId: string }[];
    expect(lines.find((l) => l.skuId === a.id)).toEqual(
      expect.objectContaining({ paths: ['input.lines.0', 'input.lines.1'], onHand: 3, available: 3, reservedChange: 4 }),
    );
    expect(lines.find((l) => l.skuId === b.id)).toEqual(
      expect.objectContaining({ paths: ['input.lines.2'], onHand: 0, reserved: 0, onHandChange: -1, reservedChange: -1 }),
    );
    expect(lines.map((l) => l.skuId)).toEqual([a.id, b.id].sort());
    expect(await t.count('stock_movements')).toBe(movementsBefore);
    expect(await balanceOf(t, zz(), a.id)).toEqual({ onHand: 3, reserved: 0 });
    expect(await t.count('stock_operations')).toBe(operationsBefore);
    expect(await t.count('audit_events')).toBe(auditBefore);
  });

  it('refuses bad lines naming each: quantity, ends, unknown SKU, SKU of a factory not admitted', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    const stranger = await given.factory();
    const strangerSku = await given.sku(stranger.org.id);
    const pending = await given.factory();
    await given.admission(zz(), pending.org.id, VenueFactoryStatus.SUBMITTED);
    const pendingSku = await given.sku(pending.org.id);
    const error = await failure(
      apply([
        { type: MovementType.CONSIGN_IN, skuId: sku.id, quantity: -1, to: LocationKind.WAREHOUSE },
        { type: MovementType.CONSIGN_IN, skuId: sku.id, quantity: 0, to: LocationKind.WAREHOUSE },
        { type: MovementType.TRANSFER, skuId: sku.id, quantity: 1, from: LocationKind.WAREHOUSE, to: LocationKind.WAREHOUSE },
        { type: MovementType.CONSIGN_IN, skuId: randomUUID(), quantity: 1, to: LocationKind.WAREHOUSE },
        { type: MovementType.CONSIGN_IN, skuId: strangerSku.id, quantity: 1, to: LocationKind.WAREHOUSE },
        { type: MovementType.CONSIGN_IN, skuId: pendingSku.id, quantity: 1, to: LocationKind.WAREHOUSE },
      ]),
    );
    expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect((error.details.fields as { path: string }[]).map((f) => f.path)).toEqual([
      'movements.0.quantity',
      'movements.1.quantity',
      'movements.2',
      'movements.3.skuId',
      'movements.4.skuId',
      'movements.5.skuId',
    ]);
    expect(await t.count('stock_movements', 'sku_id = ANY($1)', [[sku.id, strangerSku.id, pendingSku.id]])).toBe(0);
  });

  it('keeps movements append-only in the database', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 2);
    await expect(t.dataSource.query('UPDATE stock_movements SET quantity = 100 WHERE sku_id = $1', [sku.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM stock_movements WHERE sku_id = $1', [sku.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE stock_movements CASCADE')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('UPDATE stock_operations SET action = $1', ['tampered'])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM stock_operations')).rejects.toThrow(/append-only/);
  });

  it('refuses negative balances and more reserved than on hand in the database', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    await given.stock(zz(), sku.id, 2);
    const where = 'WHERE venue_id = $1 AND sku_id = $2';
    await expect(t.dataSource.query(`UPDATE stock_balances SET on_hand = -1, reserved = 0 ${where}`, [zz(), sku.id])).rejects.toThrow(
      /stock_balances_on_hand_check/,
    );
    await expect(t.dataSource.query(`UPDATE stock_balances SET reserved = 3 ${where}`, [zz(), sku.id])).rejects.toThrow(
      /stock_balances_reserved_check/,
    );
    await expect(t.dataSource.query(`UPDATE stock_balances SET reserved = -1 ${where}`, [zz(), sku.id])).rejects.toThrow(
      /stock_balances_reserved_check/,
    );
    expect(await balanceOf(t, zz(), sku.id)).toEqual({ onHand: 2, reserved: 0 });
  });

  it("refuses in the database a movement whose owner is not the SKU's factory, or stock in from a factory not admitted", async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    const pending = await given.factory();
    await given.admission(zz(), pending.org.id, VenueFactoryStatus.SUBMITTED);
    const pendingSku = await given.sku(pending.org.id);
    const [op] = await t.dataSource.query(
      `INSERT INTO stock_operations (idempotency_key, venue_id, action, request_hash) VALUES ($1, $2, 'test.raw', repeat('0', 64)) RETURNING id`,
      [key(), zz()],
    );
    const insert = (skuId: string, owner: string, type = 'CONSIGN_IN', quantity = 1, from: string | null = null, to: string | null = 'WAREHOUSE') =>
      t.dataSource.query(
        `INSERT INTO stock_movements (operation_id, line_no, venue_id, sku_id, owner_factory_org_id, type, from_location, to_location, quantity, occurred_at)
         VALUES ($1, (SELECT count(*) + 1 FROM stock_movements WHERE operation_id = $1), $2, $3, $4, $5, $6, $7, $8, now())`,
        [op.id, zz(), skuId, owner, type, from, to, quantity],
      );
    const other = await given.factory();
    await given.admission(zz(), other.org.id);
    await expect(insert(sku.id, other.org.id)).rejects.toThrow(/stock_movements_owner_fkey/);
    await expect(insert(pendingSku.id, pending.org.id)).rejects.toThrow(/stock_movements_admission_check/);
    await expect(insert(sku.id, t.demo.orgs.factoryA, 'CONSIGN_IN', 0)).rejects.toThrow(/stock_movements_quantity_check/);
    await expect(insert(sku.id, t.demo.orgs.factoryA, 'SALE', 1, null, 'WAREHOUSE')).rejects.toThrow(/stock_movements_locations_check/);
    expect(await t.count('stock_movements', 'operation_id = $1', [op.id])).toBe(0);
  });

  it('accounts for a factory period from the ledger alone (for settlements)', async () => {
    const [sku] = await factoryAtZz(t, given, 1);
    const jan = new Date('2026-01-10T10:00:00+08:00');
    await given.stock(zz(), sku.id, 50, { occurredAt: jan });
    const ctx = await t.contextFor('warehouseStaff');
    await runInTransaction(ctx, {}, () =>
      ledger.apply(
        ctx,
        [
          { type: MovementType.CONSIGN_IN, skuId: sku.id, quantity: 30, to: LocationKind.WAREHOUSE },
          { type: MovementType.RESERVE, skuId: sku.id, quantity: 12, from: LocationKind.WAREHOUSE },
          { type: MovementType.SALE, skuId: sku.id, quantity: 12, from: LocationKind.WAREHOUSE },
          { type: MovementType.CUSTOMER_RETURN, skuId: sku.id, quantity: 2, to: LocationKind.DAMAGED },
          { type: MovementType.WRITE_OFF, skuId: sku.id, quantity: 1, from: LocationKind.DAMAGED },
          { type: MovementType.RETURN_TO_FACTORY, skuId: sku.id, quantity: 5, from: LocationKind.WAREHOUSE },
          { type: MovementType.ADJUSTMENT, skuId: sku.id, quantity: 3, from: LocationKind.WAREHOUSE },
        ],
        key(),
        { venueId: zz(), action: 'test.period', occurredAt: new Date('2026-02-15T10:00:00+08:00') },
      ),
    );
    const lines = await ledger.periodSummary(ctx, {
      venueId: zz(),
      factoryOrgId: t.demo.orgs.factoryA,
      from: new Date('2026-02-01T00:00:00+08:00'),
      to: new Date('2026-03-01T00:00:00+08:00'),
    });
    expect(lines.find((l) => l.skuId === sku.id)).toEqual({
      skuId: sku.id,
      opening: 50,
      received: 30,
      sold: 12,
      customerReturned: 2,
      returnedToFactory: 5,
      writtenOff: 1,
      adjustedIn: 0,
      adjustedOut: 3,
      closing: 61,
    });
    const [{ total }] = await t.dataSource.query('SELECT sum(on_hand)::int AS total FROM stock_balances WHERE sku_id = $1', [sku.id]);
    expect(total).toBe(61);
  });

  it('refuses to run outside a transaction', async () => {
    const ctx = RequestContext.system(t.dataSource);
    await expect(ledger.apply(ctx, [], key(), { venueId: zz(), action: 'test.apply' })).rejects.toThrow(/outside a transaction/);
  });
});
