import { addDays, today } from '@xp/core';
import { TestApp } from '../support/test-app';
import { FACTORY_REPORT, REGION_REPORT, VENUE_REPORT } from './reports.documents';

/** Last month and this month so far, as business days [from, to). */
function months() {
  const now = today();
  const thisMonth = `${now.slice(0, 7)}-01`;
  const lastMonth = `${addDays(thisMonth, -1).slice(0, 7)}-01`;
  return { last: { from: lastMonth, to: thisMonth }, current: { from: thisMonth, to: addDays(now, 1) } };
}

const FACTORY_NAMES = ['河南豫暖针织服饰有限公司', '义乌行远箱包有限公司', '新郑市好日子日用品厂'];

/**
 * The "done when", on the demo as a newcomer finds it: the regional manager opens last
 * month for the region and both venues; the government viewer sees its venue's aggregates and
 * nothing per factory; factory A sees only itself.
 */
describe('the reports story on the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  }, 180_000);
  afterAll(() => t.close());

  it('lets the regional manager open last month for the region and for both demo venues', async () => {
    const { last, current } = months();
    const { regionReport: region } = await t.ok(REGION_REPORT, { regionId: t.demo.regions.centralEast, ...last }, 'regionalManager');
    expect(region.venues.map((v: any) => v.venue.code)).toEqual(['YK-HARDWARE', 'ZZ-AIRPORT']);
    const [yk, zz] = region.venues.map((v: any) => v.headline);
    expect(zz.admittedFactories.value).toBe(2);
    expect(yk.admittedFactories.value).toBe(1);
    expect(yk.availableSlotDays.value).toBeGreaterThan(0);
    expect(yk.stockUnits.value).toBeGreaterThanOrEqual(360);
    expect(region.totals.admittedFactories.value).toBe(2); // factory B at both venues counts once
    expect(region.totals.stockUnits.value).toBe(yk.stockUnits.value + zz.stockUnits.value);

    for (const venueId of [t.demo.venues.zz, t.demo.venues.yk]) {
      const { venueReport } = await t.ok(VENUE_REPORT, { venueId, ...last }, 'regionalManager');
      expect(venueReport.view).toBe('FULL');
      expect(venueReport.period).toEqual({ ...last, days: expect.any(Number) });
    }

    const { regionReport: now } = await t.ok(REGION_REPORT, { regionId: t.demo.regions.centralEast, ...current }, 'regionalManager');
    const [ykNow, zzNow] = now.venues.map((v: any) => v.headline);
    expect(ykNow.stockUnits.value).toBe(540); // factory B's two deliveries, not yet priced at Yongkang
    expect(ykNow.unpricedStockUnits.value).toBe(540);
    expect(ykNow.priceSheetsPending.value).toBe(1);
    expect(zzNow.scans.value).toBeGreaterThan(0);
    expect(zzNow.uniqueDevices.value).toBeGreaterThan(0);
    expect(zzNow.stockValue.value).not.toBe('0.00');
    expect(zzNow.staleLabels.value).toBe(1);

    const file = await t.http()
      .get(`/api/reports/venue/${t.demo.venues.zz}.xlsx?from=${last.from}&to=${last.to}`)
      .set('authorization', `Bearer ${await t.tokenFor('regionalManager')}`);
    expect(file.status).toBe(200);
    expect(decodeURIComponent(file.headers['content-disposition'])).toContain(`场馆报表_ZZ-AIRPORT_${last.from}至${addDays(last.to, -1)}.xlsx`);
  });

  it("shows the government viewer its venue's aggregates and nothing per factory, and not the other venue", async () => {
    const { last, current } = months();
    const codes: string[] = (await t.dataSource.query('SELECT code FROM skus')).map((r: { code: string }) => r.code);
    for (const period of [last, current]) {
      const result = await t.gql(VENUE_REPORT, { venueId: t.demo.venues.zz, ...period }, 'govViewer');
      expect(result.errors).toBeUndefined();
      const report = result.data!.venueReport;
      expect(report.view).toBe('AGGREGATE_ONLY');
      expect(report.headline.spread).toBeNull();
      expect([report.topFactoriesByScans, report.topFactoriesByGmv, report.topSkusByScans, report.topSkusByGmv]).toEqual([null, null, null, null]);
      const json = JSON.stringify(result);
      for (const name of FACTORY_NAMES) expect(json).not.toContain(name);
      for (const code of codes) expect(json).not.toContain(`"${code}"`);
    }
    expect((await t.fails(VENUE_REPORT, { venueId: t.demo.venues.yk, ...last }, 'govViewer')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(REGION_REPORT, { regionId: t.demo.regions.centralEast, ...last }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
  });

  it('shows factory A only itself', async () => {
    const { last, current } = months();
    for (const period of [last, current]) {
      const { factoryReport } = await t.ok(FACTORY_REPORT, { factoryId: t.demo.orgs.factoryA, ...period }, 'factoryAdmin');
      expect(factoryReport.factory.name).toBe('河南豫暖针织服饰有限公司');
      expect(factoryReport.venues.map((v: any) => v.venue.code)).toEqual(['ZZ-AIRPORT']);
      const json = JSON.stringify(factoryReport);
      expect(json).not.toContain('义乌行远箱包有限公司');
      expect(json).not.toMatch(/spread/i);
    }
    const { factoryReport: now } = await t.ok(FACTORY_REPORT, { factoryId: t.demo.orgs.factoryA, ...current }, 'factoryAdmin');
    expect(now.totals.scans.value).toBeGreaterThan(0);
    expect(now.totals.stockUnits.value).toBeGreaterThan(0);
    expect((await t.fails(FACTORY_REPORT, { factoryId: t.demo.orgs.factoryB, ...last }, 'factoryAdmin')).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(VENUE_REPORT, { venueId: t.demo.venues.zz, ...last }, 'factoryAdmin')).extensions.code).toBe('FORBIDDEN');
    expect((await t.fails(REGION_REPORT, { regionId: t.demo.regions.centralEast, ...last }, 'factoryAdmin')).extensions.code).toBe('FORBIDDEN');
  });
});
