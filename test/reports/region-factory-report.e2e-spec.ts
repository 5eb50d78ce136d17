import { TestApp } from '../support/test-app';
import { FACTORY_REPORT, REGION_REPORT } from './reports.documents';
import { buildScenario, PERIOD, Scenario } from './scenario';

const count = (value: number, previous: number) => ({
  value,
  previous,
  change: value - previous,
  changeRate: previous === 0 ? null : (value - previous) / previous,
});

/** The region's two venues side by side, and factory F1's own report across them (see scenario.ts). */
describe('regionReport and factoryReport: figures of the hand-built region', () => {
  let t: TestApp;
  let s: Scenario;

  beforeAll(async () => {
    t = await TestApp.start();
    s = await buildScenario(t);
  }, 180_000);
  afterAll(() => t.close());

  it('puts the venues side by side, by code, with their own figures', async () => {
    const { regionReport: r } = await t.ok(REGION_REPORT, { regionId: s.region.id, ...PERIOD }, { token: s.users.regionalManager.token });
    expect(r.region).toEqual({ id: s.region.id, code: s.region.code, name: s.region.name });
    expect(r.venues.map((v: any) => v.venue.id)).toEqual([s.venue.id, s.second.venue.id]);
    const [first, second] = r.venues.map((v: any) => v.headline);
    expect(first.occupiedSlotDays).toEqual(count(56, 40));
    expect(first.stockUnits).toEqual(count(135, 140));
    expect(second.availableSlotDays).toEqual(count(31, 28)); // Y-01-1 from 02-01
    expect(second.occupiedSlotDays).toEqual(count(5, 0));
    expect(second.skusOnDisplay).toEqual(count(1, 0));
    expect(second.admittedFactories).toEqual(count(1, 1));
    expect(second.newFactories).toEqual(count(0, 0));
    expect(second.activeFactories).toEqual(count(1, 0));
    expect(second.stockUnits).toEqual(count(12, 12));
    expect(second.stockValue.value).toBe('0.00');
    expect(second.unpricedStockUnits).toEqual(count(12, 12));
    expect(second.priceSheetsDecided).toEqual(count(0, 0));
    expect(second.medianHoursToDecision).toEqual({ value: null, previous: null, change: null });
  });

  it('totals the region: sums, rates of the sums, each factory and SKU counted once', async () => {
    const { regionReport: r } = await t.ok(REGION_REPORT, { regionId: s.region.id, ...PERIOD }, 'platformAdmin');
    const total = r.totals;
    expect(total.availableSlotDays).toEqual(count(98, 90));
    expect(total.occupiedSlotDays).toEqual(count(61, 40));
    expect(total.occupancyRate.value).toBeCloseTo(61 / 98, 12);
    expect(total.occupancyRate.previous).toBeCloseTo(40 / 90, 12);
    expect(total.skusOnDisplay).toEqual(count(4, 2)); // K1 at both venues counts once
    expect(total.admittedFactories).toEqual(count(2, 2)); // F1 at both venues counts once
    expect(total.newFactories).toEqual(count(1, 1));
    expect(total.activeFactories).toEqual(count(3, 2));
    expect(total.stockUnits).toEqual(count(147, 152));
    expect(total.stockValue).toEqual({ value: '1365.00', previous: '1400.00', change: '-35.00', changeRate: -35 / 1400 });
    expect(total.unpricedStockUnits).toEqual(count(22, 12));
    expect(total.priceSheetsPending).toEqual(count(1, 1));
    expect(total.priceSheetsDecided).toEqual(count(3, 1));
    expect(total.medianHoursToDecision).toEqual({ value: 36, previous: 48, change: -12 });
    expect(total.spread).toEqual({ value: '116.00', previous: '15.00', change: '101.00', changeRate: 10100 / 1500 });
    expect(total.orders).toEqual(count(3, 1));
    expect(total.gmv.value).toBe('390.00');
    expect(total.scans).toEqual(count(10, 7));
    expect(total.uniqueDevices).toEqual(count(6, 3));
    expect(total.listings).toEqual(count(3, 1));
    expect(total.staleLabels).toEqual(count(2, 1));
  });

  it("gives a factory its own figures at each venue it was admitted to and in all, never the venue's spread", async () => {
    const { factoryReport: r } = await t.ok(FACTORY_REPORT, { factoryId: s.factories.f1.org.id, ...PERIOD }, { token: s.factories.f1.admin.token });
    expect(r.factory).toEqual({ id: s.factories.f1.org.id, name: '报表一号针织厂' });
    expect(r.venues.map((v: any) => v.venue.id)).toEqual([s.venue.id, s.second.venue.id]);
    const [atFirst, atSecond] = r.venues.map((v: any) => v.figures);
    expect(atFirst.slots).toEqual(count(1, 1));
    expect(atFirst.occupiedSlotDays).toEqual(count(31, 9));
    expect(atFirst.skusOnDisplay).toEqual(count(2, 1));
    expect(atFirst.stockUnits).toEqual(count(85, 100));
    expect(atFirst.stockValue).toEqual({ value: '765.00', previous: '800.00', change: '-35.00', changeRate: -35 / 800 });
    expect(atFirst.stockAge).toEqual({ days0To30: count(20, 0), days31To90: count(65, 100), over90: count(0, 0) });
    expect(atFirst.priceSheetsPending).toEqual(count(1, 0));
    expect(atFirst.priceSheetsApproved).toEqual(count(1, 0));
    expect(atFirst.priceSheetsPartiallyApproved).toEqual(count(0, 1));
    expect(atFirst.priceSheetsRejected).toEqual(count(0, 0));
    expect(atFirst.medianHoursToDecision).toEqual({ value: 36, previous: 48, change: -12 });
    expect(atSecond.occupiedSlotDays).toEqual(count(5, 0));
    expect(atSecond.stockAge).toEqual({ days0To30: count(0, 12), days31To90: count(12, 0), over90: count(0, 0) });

    expect(atFirst.orders).toEqual(count(2, 1)); // O1 (with F2's line too) and O2 / O6
    expect(atFirst.unitsSold).toEqual(count(30, 5));
    expect(atFirst.gmv).toEqual({ value: '300.00', previous: '55.00', change: '245.00', changeRate: 24500 / 5500 });
    // at supply price: 10 × 8.00 + 20 × 6.00 less the 2 returned × 8.00 / 5 × 8.00
    expect(atFirst.supplyEarnings).toEqual({ value: '184.00', previous: '40.00', change: '144.00', changeRate: 14400 / 4000 });
    expect(atFirst.unitsReturned).toEqual(count(2, 0));
    expect(atFirst.returnRate).toEqual({ value: 2 / 30, previous: 0, change: 2 / 30 });
    expect(atFirst.scans).toEqual(count(8, 2));
    expect(atFirst.listings).toEqual(count(1, 1));
    expect(atSecond.scans).toEqual(count(0, 0));

    const total = r.totals;
    expect(total.scans).toEqual(count(8, 2));
    expect(total.orders).toEqual(count(2, 1));
    expect(total.supplyEarnings.value).toBe('184.00');
    expect(total.listings).toEqual(count(1, 1));
    expect(total.slots).toEqual(count(2, 1));
    expect(total.occupiedSlotDays).toEqual(count(36, 9));
    expect(total.skusOnDisplay).toEqual(count(2, 1));
    expect(total.stockUnits).toEqual(count(97, 112));
    expect(total.stockValue).toEqual({ value: '765.00', previous: '800.00', change: '-35.00', changeRate: -35 / 800 });
    expect(total.stockAge).toEqual({ days0To30: count(20, 12), days31To90: count(77, 100), over90: count(0, 0) });
    expect(total.priceSheetsPending).toEqual(count(1, 0));
    expect(total.medianHoursToDecision).toEqual({ value: 36, previous: 48, change: -12 });
    expect(JSON.stringify(r)).not.toMatch(/spread/i);
  });

  it('shows a suspended factory its history at the venue', async () => {
    const { factoryReport: r } = await t.ok(FACTORY_REPORT, { factoryId: s.factories.f3.org.id, ...PERIOD }, { token: s.factories.f3.admin.token });
    expect(r.venues.map((v: any) => v.venue.id)).toEqual([s.venue.id]);
    expect(r.totals.occupiedSlotDays).toEqual(count(15, 31));
    expect(r.totals.stockAge.over90).toEqual(count(40, 40));
    expect(r.totals.stockValue.value).toBe('600.00');
    expect(r.totals.gmv.value).toBe('40.00');
    expect(r.totals.supplyEarnings.value).toBe('30.00');
  });

  it('answers an empty report to a factory admitted nowhere', async () => {
    const { factoryReport: r } = await t.ok(FACTORY_REPORT, { factoryId: s.factories.f5.org.id, ...PERIOD }, { token: s.factories.f5.admin.token });
    expect(r.venues).toEqual([]);
    expect(r.totals.stockUnits).toEqual(count(0, 0));
    expect(r.totals.gmv).toEqual({ value: '0.00', previous: '0.00', change: '0.00', changeRate: null });
  });
});
