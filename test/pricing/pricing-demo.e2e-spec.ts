import { RequestContext, runInTransaction } from '@xp/core';
import { DemoRefs } from '@xp/demo';
import { pricingPart, SECOND_REVIEWER_EMAIL } from '../../libs/demo/src/parts/pricing';
import { Given } from '../support/given';
import { TestApp } from '../support/test-app';
import { EFFECTIVE, SHEET, shanghaiDay } from './documents';
import { ensureAdmission } from './world';

/** The pricing part of the demo: what it adds on its own, and its story once factory A has SKUs. */
describe('the pricing demo', () => {
  let t: TestApp;
  let given: Given;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  it('adds a second pricing reviewer and the Zhengzhou markup policy', async () => {
    const [reviewer] = await t.dataSource.query(
      `SELECT m.role, m.organization_id FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = $1`,
      [SECOND_REVIEWER_EMAIL],
    );
    expect(reviewer).toEqual({ role: 'PRICING_REVIEWER', organization_id: t.demo.orgs.operatorA });
    const policies = await t.dataSource.query(
      `SELECT c.code, m.markup_bp FROM price_markup_policies m LEFT JOIN categories c ON c.id = m.category_id WHERE m.venue_id = $1 ORDER BY c.code NULLS FIRST`,
      [t.demo.venues.zz],
    );
    expect(policies).toEqual([
      { code: null, markup_bp: 2000 },
      { code: 'APPAREL', markup_bp: 2500 },
    ]);
  });

  it("shows, in the full demo, factory A's sheet in force with a four-eyes floor and a newer sheet pending review", async () => {
    const sheets = await t.dataSource.query(
      `SELECT status, effective_from < current_date AS past FROM price_sheets WHERE factory_org_id = $1 AND venue_id = $2 ORDER BY version_no`,
      [t.demo.orgs.factoryA, t.demo.venues.zz],
    );
    expect(sheets).toEqual([
      { status: 'APPROVED', past: true },
      { status: 'SUBMITTED', past: false },
      // the labels part: factory A repriced one SKU three days ago, so a printed label went stale
      { status: 'APPROVED', past: true },
    ]);
    const floors = await t.dataSource.query(
      `SELECT u.email FROM price_sheet_lines l JOIN price_sheets s ON s.id = l.sheet_id JOIN users u ON u.id = l.floor_decided_by
       WHERE s.factory_org_id = $1 AND l.floor_status = 'APPROVED'`,
      [t.demo.orgs.factoryA],
    );
    expect(floors).toEqual([{ email: SECOND_REVIEWER_EMAIL }]);
    const { priceSheets } = await t.ok(
      '{ priceSheets(filter: { status: SUBMITTED }) { total items { factoryOrgId } } }',
      {},
      'pricingReviewer',
    );
    expect(priceSheets.items).toContainEqual({ factoryOrgId: t.demo.orgs.factoryA });
  });

  it("prices factory A's SKUs once the factories part has admitted it with a catalog: one sheet in force, one pending", async () => {
    const factoryA = t.demo.orgs.factoryA;
    await ensureAdmission(t, t.demo.venues.zz, factoryA);
    const brand = await given.brand(factoryA);
    const product = await given.product(factoryA, { brandId: brand.id });
    const skus = [
      await given.sku(factoryA, { code: 'DEMO-A-01', moq: 10, productId: product.id }),
      await given.sku(factoryA, { code: 'DEMO-A-02', moq: 12, packSize: 6 }),
      await given.sku(factoryA, { code: 'DEMO-A-03', moq: 5, productId: product.id }),
      await given.sku(factoryA, { code: 'DEMO-A-04', moq: 1, productId: (await given.product(factoryA, { categoryId: (await given.category('HARDWARE-HAND')).id })).id }),
    ];
    const refs: DemoRefs = { 'venues.zz': t.demo.venues.zz, 'orgs.factoryA': factoryA, 'orgs.operatorA': t.demo.orgs.operatorA };
    const ctx = RequestContext.system(t.dataSource);
    await runInTransaction(ctx, {}, () => pricingPart.run(ctx, refs));
    const events = ctx.takeEvents();
    expect(events.map((e) => e.type)).toEqual(['PriceVersionChanged']);

    const { priceSheet: approved } = await t.ok(SHEET, { id: refs['priceSheets.approved'] }, 'pricingReviewer');
    expect(approved).toMatchObject({ status: 'APPROVED', effectiveFrom: shanghaiDay(-30) });
    const floors = await t.dataSource.query(
      `SELECT l.floor_status, u.email FROM price_sheet_lines l JOIN users u ON u.id = l.floor_decided_by WHERE l.sheet_id = $1`,
      [refs['priceSheets.approved']],
    );
    expect(floors).toEqual([{ floor_status: 'APPROVED', email: SECOND_REVIEWER_EMAIL }]);
    const { priceSheet: pending } = await t.ok(SHEET, { id: refs['priceSheets.pending'] }, 'pricingReviewer');
    expect(pending).toMatchObject({ status: 'SUBMITTED', effectiveFrom: shanghaiDay(7), lineCount: 3 });
    expect(pending.lines.items.some((l: { change: { large: boolean } }) => l.change.large)).toBe(true);

    for (const sku of skus) {
      const { effectivePrice } = await t.ok(EFFECTIVE, { venueId: t.demo.venues.zz, skuId: sku.id }, 'showroomStaff');
      expect(effectivePrice.id).toBe(refs[`priceVersions.${sku.code}`]);
    }
  });
});
