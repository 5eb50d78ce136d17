import { addFlows, addSlotRows, addTodayToSlotRows, mergeFactoryTops, mergeHeadlines, mergeSkuTops, slotColumnsOf, slotRowsOf, splitAtToday } from './activity';
import { HeadlineValues, NO_AGE } from './report-figures.service';
import { Flows, NO_FLOWS, SkuActivity } from './report.queries';

const flows = (f: Partial<Flows>): Flows => ({ ...NO_FLOWS, ...f });
const sku = (skuId: string, scans: number, gmv = 0): SkuActivity => ({ ...flows({ scans, gmv }), skuId, factoryOrgId: `f-${skuId}` });

describe('a period split at today', () => {
  // 2026-11-26 11:00 in Shanghai.
  const now = new Date('2026-11-26T03:00:00Z');

  it('splits a period running into today into its closed days and today', () => {
    expect(splitAtToday({ from: '2025-11-27', to: '2026-11-27', days: 365 }, now)).toEqual({
      closed: { from: '2025-11-27', to: '2026-11-26', days: 364 },
      open: { from: '2026-11-26', to: '2026-11-27', days: 1 },
    });
  });

  it('leaves whole a closed period, a period of today only, and any period in the first ten minutes of the day', () => {
    expect(splitAtToday({ from: '2026-10-01', to: '2026-11-01', days: 31 }, now)).toBeNull();
    expect(splitAtToday({ from: '2026-11-26', to: '2026-11-27', days: 1 }, now)).toBeNull();
    expect(splitAtToday({ from: '2026-11-01', to: '2026-11-27', days: 26 }, new Date('2026-11-25T16:09:00Z'))).toBeNull();
    expect(splitAtToday({ from: '2026-11-01', to: '2026-11-27', days: 26 }, new Date('2026-11-25T16:10:00Z'))).not.toBeNull();
  });
});

describe('closed days and today put together', () => {
  const headline = (h: Partial<HeadlineValues>): HeadlineValues => ({
    ...NO_FLOWS,
    occupiedSlotDays: 0,
    availableSlotDays: 0,
    admittedFactories: 0,
    activeFactories: 0,
    newFactories: 0,
    skusOnDisplay: 0,
    uniqueDevices: 0,
    stockUnits: 0,
    stockValue: 0,
    unpricedStockUnits: 0,
    staleLabels: 0,
    priceSheetsPending: 0,
    priceSheetsDecided: 0,
    medianHoursToDecision: null,
    age: NO_AGE,
    ...h,
  });

  it('adds flows and slot-days, adds what today saw that the closed days had not, unites active factories, takes the end from today', () => {
    const closed = headline({ scans: 10, gmv: 1000, occupiedSlotDays: 300, availableSlotDays: 400, skusOnDisplay: 9, uniqueDevices: 7, stockUnits: 99, staleLabels: 5 });
    const open = headline({ scans: 3, occupiedSlotDays: 2, availableSlotDays: 4, skusOnDisplay: 2, stockUnits: 40, stockValue: 4000, staleLabels: 1, age: { days0To30: 40, days31To90: 0, over90: 0 } });
    const merged = mergeHeadlines(
      ['v1'],
      { values: [['v1', closed], ['*', closed]], active: [['v1', ['f1', 'f2']]] },
      { values: [['v1', open], ['*', open]], active: [['v1', ['f2', 'f3']]] },
      {
        admissions: new Map([['v1', { admitted: 4, new: 1 }], ['*', { admitted: 4, new: 1 }]]),
        sheets: new Map([['v1', { pending: 2, decided: 3, approved: 3, partiallyApproved: 0, rejected: 0, medianHours: 5 }]]),
        devices: new Map([['v1', 2], ['*', 2]]),
        skus: new Map([['v1', 1], ['*', 1]]),
      },
    );
    expect(merged.get('v1')).toEqual(
      headline({
        scans: 13,
        gmv: 1000,
        occupiedSlotDays: 302,
        availableSlotDays: 404,
        skusOnDisplay: 10,
        uniqueDevices: 9,
        admittedFactories: 4,
        newFactories: 1,
        activeFactories: 3,
        stockUnits: 40,
        stockValue: 4000,
        staleLabels: 1,
        age: { days0To30: 40, days31To90: 0, over90: 0 },
        priceSheetsPending: 2,
        priceSheetsDecided: 3,
        medianHoursToDecision: 5,
      }),
    );
    expect(merged.get('*')).toEqual({ ...merged.get('v1'), priceSheetsPending: 0, priceSheetsDecided: 0, medianHoursToDecision: null });
    expect(addFlows(flows({ orders: 1, returnedSupply: 5 }), flows({ orders: 2, returnedSupply: 7 }))).toEqual(flows({ orders: 3, returnedSupply: 12 }));
  });

  it('adds slot rows of both parts by slot, codes as they are today, by code', () => {
    const row = (slotId: string, slotCode: string, occupiedDays: number, scans: number) => ({ slotId, slotCode, zoneCode: 'A', occupiedDays, scans, unitsSold: 0, gmv: 0 });
    expect(addSlotRows([row('s1', 'A-02', 30, 5), row('s2', 'A-01', 10, 1)], [row('s1', 'A-03', 1, 2), row('s3', 'A-00', 1, 0)])).toEqual([
      row('s3', 'A-00', 1, 0),
      row('s2', 'A-01', 10, 1),
      row('s1', 'A-03', 31, 7),
    ]);
  });

  it("adds today's occupied days and activity to the kept slot rows by id, or answers null for a slot they lack", () => {
    const row = (slotId: string, occupiedDays: number, scans: number) => ({ slotId, slotCode: slotId.toUpperCase(), zoneCode: 'A', occupiedDays, scans, unitsSold: 0, gmv: 0 });
    const closed = [row('s1', 30, 5), row('s2', 0, 0)];
    expect(addTodayToSlotRows(closed, [{ slotId: 's1', days: 1 }], [{ slotId: 's1', scans: 2, unitsSold: 1, gmv: 900 }])).toEqual([
      { ...row('s1', 31, 7), unitsSold: 1, gmv: 900 },
      row('s2', 0, 0),
    ]);
    expect(closed[0].occupiedDays).toBe(30); // the kept rows are not changed
    expect(addTodayToSlotRows(closed, [{ slotId: 's9', days: 1 }], [])).toBeNull();
    expect(addTodayToSlotRows(closed, [], [{ slotId: 's9', scans: 1, unitsSold: 0, gmv: 0 }])).toBeNull();
  });

  it('keeps slot rows column by column and reads them back the same', () => {
    const rows = [
      { slotId: 's1', slotCode: 'A-01', zoneCode: 'A', occupiedDays: 3, scans: 4, unitsSold: 1, gmv: 1250 },
      { slotId: 's2', slotCode: 'A-02', zoneCode: 'A', occupiedDays: 0, scans: 0, unitsSold: 0, gmv: 0 },
    ];
    expect(slotColumnsOf(rows).codes).toEqual(['A-01', 'A-02']);
    expect(slotRowsOf(JSON.parse(JSON.stringify(slotColumnsOf(rows))))).toEqual(rows);
  });

  it('ranks an SKU outside the closed top list that today lifts past the others, exactly, ties by id', () => {
    // Closed days: a 10, b 8, c 5 (top 2: a, b); c is active today with 4 more: 9 > b's 8.
    const tops = mergeSkuTops({ byScans: [sku('a', 10), sku('b', 8)], byGmv: [sku('a', 10, 500)] }, [sku('c', 5)], [sku('c', 4, 300), sku('d', 1)], 2);
    expect(tops.byScans.map((s) => [s.skuId, s.scans])).toEqual([['a', 10], ['c', 9]]);
    expect(tops.byGmv.map((s) => [s.skuId, s.gmv])).toEqual([['a', 500], ['c', 300]]);
    const tie = mergeSkuTops({ byScans: [sku('b', 5), sku('c', 4)], byGmv: [] }, [sku('a', 4)], [sku('a', 1)], 2);
    expect(tie.byScans.map((s) => [s.skuId, s.scans])).toEqual([['a', 5], ['b', 5]]);
  });

  it('ranks factories over every closed total and today', () => {
    const f = (factoryOrgId: string, scans: number) => ({ ...flows({ scans }), factoryOrgId });
    const tops = mergeFactoryTops([f('x', 5), f('y', 4), f('z', 1)], [f('z', 6), f('w', 2)], 2);
    expect(tops.byScans.map((r) => [r.factoryOrgId, r.scans])).toEqual([['z', 7], ['x', 5]]);
    expect(tops.byGmv).toEqual([]);
  });
});
