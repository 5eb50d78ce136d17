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

  it('does nothing for a factory without SKUs at the venue', async () => {
    const empty = await given.factory();
    const refs = {
      'venues.zz': t.demo.venues.zz,
      'orgs.factoryA': empty.org.id,
      'users.factory.admin': empty.admin.user.id,
      'users.warehouse.staff': t.demo.users.warehouseStaff,
      'users.showroom.staff': t.demo.users.showroomStaff,
    };
    const before = await t.count('stock_movements');
    const ctx = RequestContext.system(t.dataSource);
    await runInTransaction(ctx, {}, () => stockPart.run(ctx, refs));
    expect(ctx.takeEvents()).toEqual([]);
    expect(await t.count('stock_movements')).toBe(before);
  });

  it("tells the issue's story at Zhengzhou: 500 units with a short line, showroom samples, a count awaiting approval", async () => {
    const [receipt] = await t.dataSource.query(
      `SELECT r.status, sum(l.declared_quantity)::int AS declared, sum(l.received_quantity)::int AS received,
              count(*) FILTER (WHERE l.difference <> 0)::int AS short_lines
       FROM consignment_receipts r JOIN consignment_receipt_lines l ON l.receipt_id = r.id
       WHERE r.venue_id = $1 AND r.factory_org_id = $2 GROUP BY r.id`,
      [t.demo.venues.zz, t.demo.orgs.factoryA],
    );
    expect(receipt).toEqual({ status: 'RECEIVED', declared: 500, received: 492, short_lines: 1 });
    expect(await t.count('stock_balances', "venue_id = $1 AND location = 'SHOWROOM' AND on_hand > 0", [t.demo.venues.zz])).toBeGreaterThan(0);
    const [count] = await t.dataSource.query('SELECT status, requires_admin_approval FROM stock_counts WHERE venue_id = $1', [t.demo.venues.zz]);
    expect(count).toEqual({ status: 'SUBMITTED', requires_admin_approval: true });
    expect(await t.count('audit_events', 'actor_user_id = $1', [t.demo.users.warehouseStaff])).toBeGreaterThan(0);
    expect(await discrepancies(t)).toEqual([]);
  });
});
