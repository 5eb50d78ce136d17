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

  it('has no activity where nothing happened', () => {
    const h = report.headline;
    for (const field of ['scans', 'uniqueDevices', 'listings', 'orders', 'unitsSold', 'unitsReturned', 'staleLabels']) {
      expect({ field, figure: h[field] }).toEqual({ field, figure: count(0, 0) });
    }
    expect(h.gmv).toEqual({ value: '0.00', previous: '0.00', change: '0.00', changeRate: null });
    expect(h.spread).toEqual({ value: '0.00', previous: '0.00', change: '0.00', changeRate: null });
    expect(h.returnRate).toEqual({ value: null, previous: null, change: null });
  });

  it('lists the weakest occupied slots with their occupied days', () => {
    const sp = report.slotPerformance;
    expect(sp.scansPerOccupiedSlotDay).toEqual({ value: 0, previous: 0, change: 0 });
    expect(sp.gmvPerOccupiedSlotDay).toEqual({ value: '0.00', previous: '0.00', change: '0.00', changeRate: null });
    expect(sp.weakestSlots.map((r: any) => [r.slotCode, r.occupiedDays, r.scansPerOccupiedDay.previous])).toEqual([
      ['R-01-1', 31, 0],
      ['R-02-1', 10, null],
      ['R-03-1', 15, 0],
    ]);
  });

  it('answers empty top lists to staff when nothing was scanned or sold', () => {
    expect(report.topFactoriesByScans).toEqual([]);
    expect(report.topFactoriesByGmv).toEqual([]);
    expect(report.topSkusByScans).toEqual([]);
    expect(report.topSkusByGmv).toEqual([]);
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
