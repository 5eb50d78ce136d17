import { RequestContext, runInTransaction } from '@xp/core';
import { stockPart } from '../../libs/demo/src/parts/stock';
import { Given } from '../support/given';
import { TestApp } from '../support/test-app';
import { discrepancies } from './stock.support';

/** The stock part of the demo: it waits for factory A's SKUs at Zhengzhou, then tells the story. */
describe('the stock demo', () => {
  let t: TestApp;
  let given: Given;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  const refs = () => ({
    'venues.zz': t.demo.venues.zz,
    'orgs.factoryA': t.demo.orgs.factoryA,
    'users.factory.admin': t.demo.users.factoryAdmin,
    'users.warehouse.staff': t.demo.users.warehouseStaff,
    'users.showroom.staff': t.demo.users.showroomStaff,
  });

  const run = async () => {
    const ctx = RequestContext.system(t.dataSource);
    await runInTransaction(ctx, {}, () => stockPart.run(ctx, refs()));
    return ctx.takeEvents();
  };

  it('does nothing while factory A has no SKUs at Zhengzhou', async () => {
    expect(await run()).toEqual([]);
    expect(await t.count('consignment_receipts')).toBe(0);
    expect(await t.count('stock_movements')).toBe(0);
  });

  it('delivers 500 units with a short line, moves samples to the showroom and leaves a count awaiting approval', async () => {
    await given.admission(t.demo.venues.zz, t.demo.orgs.factoryA);
    const skus = await Promise.all([1, 2, 3].map(() => given.sku(t.demo.orgs.factoryA)));
    const events = await run();
    expect(events.map((e) => e.type)).toEqual(['StockMoved', 'StockMoved']);
    const [receipt] = await t.dataSource.query(
      `SELECT r.status, sum(l.declared_quantity)::int AS declared, sum(l.received_quantity)::int AS received,
              count(*) FILTER (WHERE l.difference <> 0)::int AS short_lines
       FROM consignment_receipts r JOIN consignment_receipt_lines l ON l.receipt_id = r.id GROUP BY r.id`,
    );
    expect(receipt).toEqual({ status: 'RECEIVED', declared: 500, received: 492, short_lines: 1 });
    expect(await t.count('stock_balances', "location = 'SHOWROOM' AND on_hand = 2 AND sku_id = ANY($1)", [skus.map((s) => s.id)])).toBe(3);
    const [count] = await t.dataSource.query('SELECT status, requires_admin_approval FROM stock_counts');
    expect(count).toEqual({ status: 'SUBMITTED', requires_admin_approval: true });
    expect(await t.count('audit_events', 'actor_user_id = $1', [t.demo.users.warehouseStaff])).toBeGreaterThan(0);
    expect(await discrepancies(t)).toEqual([]);
  });
});
