import { TestApp } from '../support/test-app';
import { VENUE_REPORT } from './reports.documents';
import { buildScenario, PERIOD, Scenario } from './scenario';

/**
 * Every figure of the venue report against a hand-built venue whose answers were counted by
 * hand (see scenario.ts): the period [2026-03-01, 2026-04-01) and the previous [2026-01-29, 2026-03-01).
 */
describe('venueReport: figures of a hand-built venue', () => {
  let t: TestApp;
  let s: Scenario;
  let report: any;

  beforeAll(async () => {
    t = await TestApp.start();
    s = await buildScenario(t);
    report = (await t.ok(VENUE_REPORT, { venueId: s.venue.id, ...PERIOD }, { token: s.users.operatorAdmin.token })).venueReport;
  }, 180_000);
  afterAll(() => t.close());

  const count = (value: number, previous: number) => ({
    value,
    previous,
    change: value - previous,
    changeRate: previous === 0 ? null : (value - previous) / previous,
  });

  it('reports the period and the previous period of equal length', () => {
    expect(report.period).toEqual({ from: '2026-03-01', to: '2026-04-01', days: 31 });
    expect(report.previousPeriod).toEqual({ from: '2026-01-29', to: '2026-03-01', days: 31 });
    expect(report.venue).toMatchObject({ id: s.venue.id, code: s.venue.code });
    expect(report.view).toBe('FULL');
  });

  it('counts slot-days exactly: slot lives, retirements, open and cancelled assignments', () => {
    const h = report.headline;
    // available: S1 31 + S2 21 (from 03-11) + S3 15 (retired 03-16); before: S1 31 + S3 31
    expect(h.availableSlotDays).toEqual(count(67, 62));
    // occupied: S1 9 + 22, S2 10, S3 15 (assignment clipped by the retirement); before: S1 9 + S3 31
    expect(h.occupiedSlotDays).toEqual(count(56, 40));
    expect(h.occupancyRate.value).toBeCloseTo(56 / 67, 12);
    expect(h.occupancyRate.previous).toBeCloseTo(40 / 62, 12);
    expect(h.occupancyRate.change).toBeCloseTo(56 / 67 - 40 / 62, 12);
    expect(h.skusOnDisplay).toEqual(count(4, 2));
  });

  it('counts admitted (at the end), new and active factories', () => {
    const h = report.headline;
    expect(h.admittedFactories).toEqual(count(2, 2)); // F1, F2 / F1, F3 (suspended later)
    expect(h.newFactories).toEqual(count(1, 1)); // F2 / F1
    expect(h.activeFactories).toEqual(count(3, 2)); // F1, F2, F3 on slots / F1, F3
  });

  it('values consignment stock at the end of each period at the supply price then in force', () => {
    const h = report.headline;
    // end of P: K1 85 × ¥9.00 + K4 40 × ¥15.00; K3's 10 units have no price until 04-02
    expect(h.stockUnits).toEqual(count(135, 140));
    expect(h.stockValue).toEqual({ value: '1365.00', previous: '1400.00', change: '-35.00', changeRate: -35 / 1400 });
    expect(h.unpricedStockUnits).toEqual(count(10, 0));
  });

  it('ages the stock on hand first in, first out', () => {
    expect(report.stockAge).toEqual({
      days0To30: count(30, 0), // K1 20 received 03-20, K3 10 received 03-12
      days31To90: count(65, 100), // K1's January lot less the 35 written off
      over90: count(40, 40), // K4 since 2025-11-01
    });
  });

  it('counts pending and decided price sheets and the median hours to a decision', () => {
    const h = report.headline;
    expect(h.priceSheetsPending).toEqual(count(1, 1));
    expect(h.priceSheetsDecided).toEqual(count(3, 1));
    expect(h.medianHoursToDecision).toEqual({ value: 36, previous: 48, change: -12 }); // 30, 36, 72 / 48
  });

  it('counts scans, devices and listings of each period by the Shanghai day they happened', () => {
    const h = report.headline;
    expect(h.scans).toEqual(count(10, 7)); // a view at 23:30 on the last day counts, one at 00:10 after it does not
    expect(h.uniqueDevices).toEqual(count(6, 3)); // d1–d6 / d1, d8, d9: each device once however often it scanned
    expect(h.listings).toEqual(count(3, 1));
  });

  it('counts the labels on the shelves that had gone stale by the end of each period', () => {
    expect(report.headline.staleLabels).toEqual(count(2, 1)); // L3, L4 / L1 (taken down before the end of P)
  });

  it('counts orders, units and GMV by the day they shipped, and returns by the day they were received', () => {
    const h = report.headline;
    expect(h.orders).toEqual(count(3, 1)); // O1, O2, O5 (23:50 on the last day) / O6; O3 shipped after P, O4 never
    expect(h.unitsSold).toEqual(count(37, 5));
    expect(h.gmv).toEqual({ value: '390.00', previous: '55.00', change: '335.00', changeRate: 33500 / 5500 });
    expect(h.unitsReturned).toEqual(count(3, 0)); // 2 of O6 (a late return of a Q order) and 1 of O1; O2's is not received
    expect(h.returnedAmount).toEqual({ value: '32.00', previous: '0.00', change: '32.00', changeRate: null });
    expect(h.returnRate).toEqual({ value: 3 / 37, previous: 0, change: 3 / 37 });
  });

  it("computes the operator's spread net of returns", () => {
    // (390.00 − 265.00 supply) − (32.00 − 23.00 supply of the returned units) / 55.00 − 40.00
    expect(report.headline.spread).toEqual({ value: '116.00', previous: '15.00', change: '101.00', changeRate: 10100 / 1500 });
  });

  it('measures scans and sales per occupied slot-day and lists the weakest slots', () => {
    const sp = report.slotPerformance;
    expect(sp.scansPerOccupiedSlotDay.value).toBeCloseTo(10 / 56, 12);
    expect(sp.scansPerOccupiedSlotDay.previous).toBeCloseTo(7 / 40, 12);
    expect(sp.unitsPerOccupiedSlotDay.value).toBeCloseTo(37 / 56, 12);
    expect(sp.unitsPerOccupiedSlotDay.previous).toBeCloseTo(5 / 40, 12);
    // ¥390.00 / 56 = 6.964… → ¥6.96; ¥55.00 / 40 = 1.375 → ¥1.38 (half up)
    expect(sp.gmvPerOccupiedSlotDay).toEqual({ value: '6.96', previous: '1.38', change: '5.58', changeRate: 558 / 138 });
    const rows = sp.weakestSlots.map((r: any) => [
      r.slotCode,
      r.occupiedDays,
      r.scans,
      r.unitsSold,
      r.gmv,
      r.scansPerOccupiedDay.value,
      r.scansPerOccupiedDay.previous,
      r.unitsPerOccupiedDay.value,
      r.unitsPerOccupiedDay.previous,
    ]);
    // S1 sold what it showed on the days it showed it (K1 on 03-05, K2 on 03-20; K1 on 02-26 before);
    // K3 shipped before it reached S2, K4 after S3 was retired: no slot's sales.
    expect(rows).toEqual([
      ['R-03-1', 15, 0, 0, '0.00', 0, expect.closeTo(5 / 31, 12), 0, 0],
      ['R-02-1', 10, 2, 0, '0.00', 0.2, null, 0, null],
      ['R-01-1', 31, 8, 30, '300.00', expect.closeTo(8 / 31, 12), expect.closeTo(2 / 9, 12), expect.closeTo(30 / 31, 12), expect.closeTo(5 / 9, 12)],
    ]);
  });

  it('ranks factories and SKUs by scans, each beside its previous period', () => {
    expect(report.topFactoriesByScans.map((f: any) => [f.rank, f.factory.name, f.scans.value, f.scans.previous])).toEqual([
      [1, '报表一号针织厂', 8, 2],
      [2, '报表二号箱包厂', 2, 0],
    ]);
    expect(report.topSkusByScans.map((k: any) => [k.rank, k.skuCode, k.factory.name, k.scans.value, k.scans.previous])).toEqual([
      [1, 'RPT-K2', '报表一号针织厂', 5, 0],
      [2, 'RPT-K1', '报表一号针织厂', 3, 2],
      [3, 'RPT-K3', '报表二号箱包厂', 2, 0],
    ]);
  });

  it('ranks factories and SKUs by GMV, each beside its previous period', () => {
    expect(report.topFactoriesByGmv.map((f: any) => [f.rank, f.factory.name, f.gmv.value, f.gmv.previous, f.unitsSold.value])).toEqual([
      [1, '报表一号针织厂', '300.00', '55.00', 30],
      [2, '报表二号箱包厂', '50.00', '0.00', 5],
      [3, '报表三号五金厂', '40.00', '0.00', 2],
    ]);
    expect(report.topSkusByGmv.map((k: any) => [k.rank, k.skuCode, k.gmv.value, k.gmv.previous])).toEqual([
      [1, 'RPT-K2', '180.00', '0.00'],
      [2, 'RPT-K1', '120.00', '55.00'],
      [3, 'RPT-K3', '50.00', '0.00'],
      [4, 'RPT-K4', '40.00', '0.00'],
    ]);
  });

  it('refuses a period that ends before it starts or spans more than two years, naming the field', async () => {
    const backwards = await t.fails(VENUE_REPORT, { venueId: s.venue.id, from: '2026-04-01', to: '2026-03-01' }, { token: s.users.operatorAdmin.token });
    expect(backwards.extensions.code).toBe('VALIDATION_FAILED');
    expect(backwards.extensions.fields).toEqual([expect.objectContaining({ path: 'to' })]);
    const empty = await t.fails(VENUE_REPORT, { venueId: s.venue.id, from: '2026-04-01', to: '2026-04-01' }, { token: s.users.operatorAdmin.token });
    expect(empty.extensions.fields).toEqual([expect.objectContaining({ path: 'to' })]);
    const long = await t.fails(VENUE_REPORT, { venueId: s.venue.id, from: '2024-01-01', to: '2026-01-03' }, { token: s.users.operatorAdmin.token });
    expect(long.extensions.code).toBe('VALIDATION_FAILED');
    expect(long.extensions.fields).toEqual([expect.objectContaining({ path: 'to' })]);
    const notADay = await t.fails(VENUE_REPORT, { venueId: s.venue.id, from: '2026-02-30', to: '2026-03-01' }, { token: s.users.operatorAdmin.token });
    expect(notADay.extensions.code).toBe('VALIDATION_FAILED');
  });
});
