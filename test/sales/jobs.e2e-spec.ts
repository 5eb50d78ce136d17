import { lastMonthBefore, monthBounds, MEMBER_LEVELS_JOB, nextMonth, OrdersService, SalesJobs } from '@xp/sales';
import { GivenSales } from '../support/given';
import { TestApp } from '../support/test-app';
import { actAt, months } from '../settlement/settlement.support';
import { balance, deliveredOrder, key, MARK_PAID, PLACE_ORDER } from './sales.support';

const MINUTE = 60_000;

describe('background jobs: reservation expiry and member levels', () => {
  let t: TestApp;
  let sales: GivenSales;
  let jobs: SalesJobs;
  const zz = () => t.demo.venues.zz;
  beforeAll(async () => {
    t = await TestApp.start();
    sales = new GivenSales(t);
    jobs = t.app.get(SalesJobs);
  });
  afterAll(() => t.close());

  const SETTINGS = `mutation($input: UpdateVenueSalesSettingsInput!) { updateVenueSalesSettings(input: $input) { venueId reservationHoldMinutes } }`;

  it('lets the operator admin set how long unpaid orders hold stock, within bounds', async () => {
    const { updateVenueSalesSettings } = await t.ok(SETTINGS, { input: { venueId: zz(), reservationHoldMinutes: 30 } }, 'operatorAdmin');
    expect(updateVenueSalesSettings.reservationHoldMinutes).toBe(30);
    const tooShort = await t.fails(SETTINGS, { input: { venueId: zz(), reservationHoldMinutes: 2 } }, 'operatorAdmin');
    expect(tooShort.extensions.fields).toEqual([{ path: 'input.reservationHoldMinutes', message: 'must be at least 5 minutes' }]);
    expect((await t.fails(SETTINGS, { input: { venueId: zz(), reservationHoldMinutes: 60 } }, 'showroomStaff')).extensions.code).toBe('FORBIDDEN');
    expect((await t.fails(SETTINGS, { input: { venueId: zz(), reservationHoldMinutes: 60 } }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    const { venueSalesSettings } = await t.ok('query($v: ID!) { venueSalesSettings(venueId: $v) { reservationHoldMinutes } }', { v: zz() }, 'warehouseStaff');
    expect(venueSalesSettings.reservationHoldMinutes).toBe(30);
  });

  it('expires unpaid orders past their hold: RELEASE movements, status EXPIRED, once; paid ones stay', async () => {
    await t.ok(SETTINGS, { input: { venueId: zz(), reservationHoldMinutes: 30 } }, 'operatorAdmin');
    const a = await sales.pricedSku(zz(), t.demo.orgs.factoryA, { stock: 100 });
    const buyer = await sales.buyer();
    const place = async () =>
      (await t.ok(PLACE_ORDER, { input: { venueId: zz(), buyerId: buyer.id, lines: [{ skuId: a.sku.id, quantity: 20 }], idempotencyKey: key() } }, 'operatorAdmin'))
        .placeOrder;
    const unpaid = await place();
    const paid = await place();
    await t.ok(MARK_PAID, { input: { orderId: paid.id } }, 'operatorAdmin');
    expect(new Date(unpaid.expiresAt).getTime() - new Date(unpaid.placedAt).getTime()).toBe(30 * MINUTE);
    expect(await balance(t, zz(), a.sku.id)).toEqual({ onHand: 100, reserved: 40 });

    // Not yet due: nothing happens.
    expect(await jobs.expireOverdue(new Date(Date.now() + 10 * MINUTE))).toBe(0);
    const later = new Date(Date.now() + 31 * MINUTE);
    // Paying after the hold has passed is refused (the job is about to release the stock).
    const orders = t.app.get(OrdersService);
    await expect(actAt(t, 'operatorAdmin', later, (ctx) => orders.markPaid(ctx, { orderId: unpaid.id }))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

    expect(await jobs.expireOverdue(later)).toBeGreaterThanOrEqual(1);
    const [row] = await t.dataSource.query('SELECT status, expired_at FROM sales_orders WHERE id = $1', [unpaid.id]);
    expect(row.status).toBe('EXPIRED');
    expect(await t.count('stock_movements', "reference_id = $1 AND type = 'RELEASE'", [unpaid.id])).toBe(1);
    expect(await balance(t, zz(), a.sku.id)).toEqual({ onHand: 100, reserved: 20 });
    expect((await t.dataSource.query('SELECT status FROM sales_orders WHERE id = $1', [paid.id]))[0].status).toBe('PAID');
    // Run again (or by a second runner): nothing more.
    expect(await jobs.expireOverdue(later)).toBe(0);
    expect(await t.count('stock_movements', "reference_id = $1 AND type = 'RELEASE'", [unpaid.id])).toBe(1);
    expect(await t.count('audit_events', "action = 'salesOrder.expired' AND entity_id = $1", [unpaid.id])).toBe(1);
    expect(await t.dataSource.query('SELECT * FROM stock_ledger_discrepancies')).toEqual([]);
  });

  it("computes last month's member levels on the first of the month, once, from delivered orders less returns", async () => {
    // History in the month before last, so that "last month" relative to the run is that month.
    const { inNext } = months();
    const runAt = new Date(monthBounds(nextMonth(lastMonthBefore(inNext))).from.getTime() + 5 * MINUTE);
    const target = lastMonthBefore(runAt);
    expect(target).toBe(lastMonthBefore(inNext));
    await t.dataSource.query(`UPDATE scheduled_jobs SET next_run_at = $2 WHERE name = $1`, [MEMBER_LEVELS_JOB, runAt]);
    await t.dataSource.query('DELETE FROM buyer_member_levels WHERE month = $1', [target]);
    await t.dataSource.query('DELETE FROM member_level_runs WHERE month = $1', [target]);
    const buyer = await sales.buyer([zz()]);

    // The current month is "last month" as of the run: this month's delivered orders count.
    const a = await sales.pricedSku(zz(), t.demo.orgs.factoryA, { stock: 1000, tiers: [[10, 1000]], wholesale: [2000], retail: 5000 });
    await deliveredOrder(t, zz(), buyer.id, [{ skuId: a.sku.id, quantity: 600 }]);
    const first = await jobs.runDue(runAt);
    expect(first.memberLevelsComputed).toBe(target);
    const second = await jobs.runDue(runAt);
    expect(second.memberLevelsComputed).toBeNull();
    const [{ next_run_at }] = await t.dataSource.query('SELECT next_run_at FROM scheduled_jobs WHERE name = $1', [MEMBER_LEVELS_JOB]);
    expect(new Date(next_run_at).getTime()).toBe(monthBounds(nextMonth(target)).to.getTime());

    const { buyer: seen } = await t.ok(
      'query($id: ID!) { buyer(id: $id) { memberLevel memberLevelBasis { month amount thresholds } } }',
      { id: buyer.id },
      'operatorAdmin',
    );
    // 600 × 20.00 = 12,000.00: L2 (from 10,000.00) under the default thresholds.
    expect(seen).toEqual({
      memberLevel: 'L2',
      memberLevelBasis: { month: target, amount: '12000.00', thresholds: ['2000.00', '10000.00', '30000.00', '100000.00', '300000.00', '1000000.00'] },
    });
    expect(await t.count('member_level_runs', 'month = $1', [target])).toBe(1);
  });

  it('lets platform admins change the thresholds and recompute a month, idempotently; nobody else', async () => {
    const POLICY = 'mutation($input: UpdateMemberLevelPolicyInput!) { updateMemberLevelPolicy(input: $input) { levels { level minimum } } }';
    const RECOMPUTE = 'mutation($input: RecomputeMemberLevelsInput!) { recomputeMemberLevels(input: $input) { month buyersCount trigger thresholds } }';
    const bad = await t.fails(POLICY, { input: { thresholds: ['2000.00', '1000.00', '3000.00', '4000.00', '5000.00', '6000.00'] } }, 'platformAdmin');
    expect(bad.extensions.fields).toEqual([{ path: 'input.thresholds', message: 'must rise: L2 must be above L1' }]);
    const notTwoThousand = await t.fails(POLICY, { input: { thresholds: ['1000.00', '10000.00', '30000.00', '40000.00', '50000.00', '60000.00'] } }, 'platformAdmin');
    expect(notTwoThousand.extensions.fields).toEqual([{ path: 'input.thresholds', message: 'must start at 2000.00 for L1 (L0 is under ¥2,000)' }]);
    for (const caller of ['operatorAdmin', 'factoryAdmin', 'govViewer'] as const) {
      expect((await t.fails(POLICY, { input: { thresholds: ['2000.00', '5000.00', '8000.00', '9000.00', '9500.00', '9900.00'] } }, caller)).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(RECOMPUTE, { input: {} }, caller)).extensions.code).toBe('FORBIDDEN');
    }
    const future = await t.fails(RECOMPUTE, { input: { month: months().current } }, 'platformAdmin');
    expect(future.extensions.fields).toEqual([{ path: 'input.month', message: 'must be a month that has ended' }]);

    const { updateMemberLevelPolicy } = await t.ok(POLICY, { input: { thresholds: ['2000.00', '3000.00', '30000.00', '100000.00', '300000.00', '1000000.00'] } }, 'platformAdmin');
    expect(updateMemberLevelPolicy.levels[2]).toEqual({ level: 'L2', minimum: '3000.00' });
    const first = await t.ok(RECOMPUTE, { input: {} }, 'platformAdmin');
    expect(first.recomputeMemberLevels).toMatchObject({ month: lastMonthBefore(new Date()), trigger: 'MANUAL' });
    const levels = await t.dataSource.query('SELECT buyer_id, level, amount FROM buyer_member_levels WHERE month = $1 ORDER BY buyer_id', [lastMonthBefore(new Date())]);
    await t.ok(RECOMPUTE, { input: {} }, 'platformAdmin');
    expect(await t.dataSource.query('SELECT buyer_id, level, amount FROM buyer_member_levels WHERE month = $1 ORDER BY buyer_id', [lastMonthBefore(new Date())])).toEqual(levels);
    // The demo's shop buyer (3,540.24 last month) is L2 under these thresholds.
    expect(levels.filter((l: { level: number }) => l.level === 2).length).toBeGreaterThanOrEqual(1);
    await t.ok(POLICY, { input: { thresholds: ['2000.00', '10000.00', '30000.00', '100000.00', '300000.00', '1000000.00'] } }, 'platformAdmin');
  });
});
