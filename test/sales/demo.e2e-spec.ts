import { startOfBusinessDay } from '@xp/core';
import { PricingService } from '@xp/pricing';
import { lastMonthBefore, monthBounds } from '@xp/sales';
import { lastMonthHistoryStart } from '../../libs/demo/src/parts/sales';
import { StockLedgerService } from '@xp/stock';
import { TestApp } from '../support/test-app';
import { SETTLEMENT } from '../settlement/settlement.support';

/** The sales part of the demo: buyers at different levels, orders in every state, last month's statement issued. */
describe('the sales demo', () => {
  let t: TestApp;
  /** Whether last month could hold the demo's history (its prices were in force early enough then). */
  let history: boolean;
  beforeAll(async () => {
    t = await TestApp.start();
    const skuIds: string[] = (
      await t.dataSource.query(`SELECT id FROM skus WHERE code IN ('YN-SW-003-GRY-M', 'YN-SC-001-RED', 'YN-SW-003-RED-M') ORDER BY code`)
    ).map((r: { id: string }) => r.id);
    const prices = await t.app.get(PricingService).effectivePrices(t.dataSource.manager, t.demo.venues.zz, skuIds);
    const pricedFrom = Math.max(...prices.map((p) => Math.max(p!.approvedAt.getTime(), startOfBusinessDay(p!.effectiveFrom).getTime())));
    history = lastMonthHistoryStart(pricedFrom, new Date()) !== null;
  });
  afterAll(() => t.close());

  it('has buyers at different member levels, with the basis of each', async () => {
    const { buyers } = await t.ok(
      `query { buyers(perPage: 50, sort: { field: "memberLevel", order: DESC }) { total items { shopName memberLevel memberLevelBasis { month amount thresholds } } } }`,
      {},
      'operatorAdmin',
    );
    expect(buyers.total).toBeGreaterThanOrEqual(4);
    const levels = new Set(buyers.items.map((b: { memberLevel: string }) => b.memberLevel));
    // (With no history last month, every demo buyer is L0 on last month's basis.)
    expect(levels.size).toBeGreaterThanOrEqual(history ? 2 : 1);
    expect(levels.has('L0')).toBe(true);
    const top = buyers.items[0];
    expect(top.memberLevelBasis.month).toBe(lastMonthBefore(new Date()));
    expect(top.memberLevelBasis.thresholds).toHaveLength(6);
  });

  it('has orders in every state of the workflow at Zhengzhou, and a received return', async () => {
    const rows: { status: string; n: number }[] = await t.dataSource.query(
      'SELECT status, count(*)::int AS n FROM sales_orders WHERE venue_id = $1 GROUP BY status',
      [t.demo.venues.zz],
    );
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(byStatus).toMatchObject({ DELIVERED: expect.any(Number), CANCELLED: 1, PAID: 1, PLACED: 1 });
    expect(byStatus.DELIVERED).toBeGreaterThanOrEqual(2);
    expect(await t.count('sales_returns', "status = 'RECEIVED'")).toBe(1);
    const tiers: { n: number }[] = await t.dataSource.query('SELECT count(DISTINCT (sku_id, unit_price))::int AS n FROM sales_order_lines');
    expect(tiers[0].n).toBeGreaterThanOrEqual(4);
    expect(await t.dataSource.query('SELECT * FROM stock_ledger_discrepancies')).toEqual([]);
  });

  it("issued factory A's statement for last month, matching the ledger, which factory A sees without the spread", async () => {
    const month = lastMonthBefore(new Date());
    const [row] = await t.dataSource.query('SELECT id FROM settlements WHERE venue_id = $1 AND factory_org_id = $2 AND month = $3', [
      t.demo.venues.zz,
      t.demo.orgs.factoryA,
      month,
    ]);
    if (!history) {
      expect(row).toBeUndefined();
      return;
    }
    expect(row).toBeDefined();
    const { settlement } = await t.ok(SETTLEMENT, { id: row.id }, 'factoryAdmin');
    expect(settlement.status).toBe('ISSUED');
    expect(settlement.unitsSold).toBeGreaterThan(0);
    expect(settlement.unitsReturned).toBeGreaterThan(0);
    expect(settlement.spreadAmount).toBeNull();
    const { settlement: operator } = await t.ok(SETTLEMENT, { id: row.id }, 'operatorAdmin');
    expect(Number(operator.spreadAmount)).toBeGreaterThan(0);
    const { from, to } = monthBounds(month);
    const ledger = await t.app.get(StockLedgerService).periodSummary(await t.contextFor('operatorAdmin'), {
      venueId: t.demo.venues.zz,
      factoryOrgId: t.demo.orgs.factoryA,
      from,
      to,
    });
    expect(settlement.stockLines.map((l: { skuId: string; closing: number; sold: number }) => [l.skuId, l.sold, l.closing]).sort()).toEqual(
      ledger.map((l) => [l.skuId, l.sold, l.closing]).sort(),
    );
    expect((await t.fails(SETTLEMENT, { id: row.id }, 'factory2Admin')).extensions.code).toBe('NOT_FOUND');
  });

  it('writes last month history only when its prices were in force early enough last month', () => {
    const now = new Date('2026-11-26T10:00:00+08:00');
    expect(lastMonthHistoryStart(new Date('2026-10-27T09:00:00+08:00').getTime(), now)).toEqual(new Date('2026-10-27T10:00:00+08:00'));
    expect(lastMonthHistoryStart(new Date('2026-09-01T00:00:00+08:00').getTime(), now)).toEqual(new Date('2026-10-01T09:00:00+08:00'));
    expect(lastMonthHistoryStart(new Date('2026-10-30T09:00:00+08:00').getTime(), now)).toEqual(new Date('2026-10-30T10:00:00+08:00'));
    expect(lastMonthHistoryStart(new Date('2026-10-31T09:00:00+08:00').getTime(), now)).toBeNull();
    expect(lastMonthHistoryStart(new Date('2026-12-01T09:00:00+08:00').getTime(), new Date('2026-12-31T10:00:00+08:00'))).toBeNull();
  });
});
