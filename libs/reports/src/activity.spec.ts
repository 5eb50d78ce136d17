import { addFlows, addSlotActivity, mergeActivity, mergeFactoryTops, mergeSkuTops, splitAtToday } from './activity';
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
  it('adds flows, adds the devices today did not see before, and unites the selling factories', () => {
    const merged = mergeActivity(
      { flows: [['v1', flows({ scans: 10, gmv: 1000 })], ['*', flows({ scans: 10, gmv: 1000 })]], devices: [['v1', 7], ['*', 7]], selling: [['v1', ['f1', 'f2']]] },
      { flows: new Map([['v1', flows({ scans: 3 })], ['*', flows({ scans: 3 })]]), selling: new Map([['v1', ['f2', 'f3']], ['v2', ['f4']]]) },
      new Map([['v1', 2], ['*', 2]]),
    );
    expect(merged).toEqual({
      flows: [['v1', flows({ scans: 13, gmv: 1000 })], ['*', flows({ scans: 13, gmv: 1000 })]],
      devices: [['v1', 9], ['*', 9]],
      selling: [['v1', ['f1', 'f2', 'f3']], ['v2', ['f4']]],
    });
    expect(addFlows(flows({ orders: 1, returnedSupply: 5 }), flows({ orders: 2, returnedSupply: 7 }))).toEqual(flows({ orders: 3, returnedSupply: 12 }));
  });

  it('adds each slot its activity of both parts', () => {
    expect(addSlotActivity([{ slotId: 's1', scans: 2, unitsSold: 1, gmv: 100 }], [{ slotId: 's1', scans: 1, unitsSold: 0, gmv: 0 }, { slotId: 's2', scans: 4, unitsSold: 0, gmv: 0 }])).toEqual([
      { slotId: 's1', scans: 3, unitsSold: 1, gmv: 100 },
      { slotId: 's2', scans: 4, unitsSold: 0, gmv: 0 },
    ]);
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
