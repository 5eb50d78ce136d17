import { fenPer, figure, floatFigure, isDaySettled, isKeptPeriod, warmUpPeriods, periodProblems, ratio, reportPeriods, roundHours, spread, supplyEarnings, weakestSlots, withSlotActivity } from './reports.rules';
import { countIds, unitedIds } from './activity';

describe('report periods', () => {
  it('warms up this month, last month and this year, each to the end of today', () => {
    expect(warmUpPeriods('2026-11-26')).toEqual([
      { from: '2026-11-01', to: '2026-11-27' },
      { from: '2026-10-01', to: '2026-11-01' },
      { from: '2026-01-01', to: '2026-11-27' },
    ]);
    expect(warmUpPeriods('2026-01-01')).toEqual([
      { from: '2026-01-01', to: '2026-01-02' },
      { from: '2025-12-01', to: '2026-01-01' },
    ]);
  });

  it('keeps the figures of a period only from ten minutes after its last day is over (Shanghai time)', () => {
    const march = { from: '2026-03-01', to: '2026-04-01', days: 31 };
    // 2026-04-01 00:00 in Shanghai is 2026-03-31T16:00Z.
    expect(isKeptPeriod(march, new Date('2026-03-31T15:59:59Z'))).toBe(false);
    expect(isKeptPeriod(march, new Date('2026-03-31T16:09:59Z'))).toBe(false);
    expect(isKeptPeriod(march, new Date('2026-03-31T16:10:00Z'))).toBe(true);
    expect(isKeptPeriod(march, new Date('2026-11-26T03:00:00Z'))).toBe(true);
    expect(isKeptPeriod({ from: '2026-11-01', to: '2026-11-27', days: 26 }, new Date('2026-11-26T03:00:00Z'))).toBe(false);
    // The day itself: settled from ten past midnight.
    expect(isDaySettled(new Date('2026-11-25T16:09:59Z'))).toBe(false);
    expect(isDaySettled(new Date('2026-11-25T16:10:00Z'))).toBe(true);
  });

  it('takes the previous period of equal length just before', () => {
    expect(reportPeriods('2026-03-01', '2026-04-01')).toEqual({
      current: { from: '2026-03-01', to: '2026-04-01', days: 31 },
      previous: { from: '2026-01-29', to: '2026-03-01', days: 31 },
    });
    expect(reportPeriods('2024-03-01', '2024-03-02').previous).toEqual({ from: '2024-02-29', to: '2024-03-01', days: 1 });
  });

  it('refuses days that do not exist, an empty or backwards period and more than 732 days, naming the field', () => {
    expect(periodProblems('2026-02-30', '2026-03-01')).toEqual([{ path: 'from', message: expect.any(String) }]);
    expect(periodProblems('2026-03-01', '03/04/2026')).toEqual([{ path: 'to', message: expect.any(String) }]);
    expect(periodProblems('2026-03-01', '2026-03-01')).toEqual([{ path: 'to', message: expect.stringContaining('after from') }]);
    expect(periodProblems('2026-03-02', '2026-03-01')).toEqual([{ path: 'to', message: expect.stringContaining('after from') }]);
    expect(periodProblems('2024-01-01', '2026-01-02')).toEqual([]); // 732 days
    expect(periodProblems('2024-01-01', '2026-01-03')).toEqual([{ path: 'to', message: expect.stringContaining('732') }]);
  });
});

describe('figures', () => {
  it('puts a value beside the previous one with the change and its rate (none from zero)', () => {
    expect(figure(150, 100)).toEqual({ value: 150, previous: 100, change: 50, changeRate: 0.5 });
    expect(figure(0, 40)).toEqual({ value: 0, previous: 40, change: -40, changeRate: -1 });
    expect(figure(7, 0)).toEqual({ value: 7, previous: 0, change: 7, changeRate: null });
  });

  it('keeps unknown ratios unknown', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(0, 0)).toBeNull();
    expect(floatFigure(0.5, null)).toEqual({ value: 0.5, previous: null, change: null });
    expect(floatFigure(0.5, 0.25)).toEqual({ value: 0.5, previous: 0.25, change: 0.25 });
  });

  it('shares fen over days rounding half up, in integers', () => {
    expect(fenPer(1000, 3)).toBe(333);
    expect(fenPer(1001, 2)).toBe(501);
    expect(fenPer(999_999_999_999_99, 7)).toBe(14_285_714_285_714);
    expect(fenPer(5, 0)).toBeNull();
  });

  it('shows hours with two decimals', () => {
    expect(roundHours(36.123456)).toBe(36.12);
    expect(roundHours(null)).toBeNull();
  });

  it("computes the operator's spread and the factory's earnings net of returns", () => {
    const s = { gmv: 10_000, supplyAmount: 7_000, returnedAmount: 1_000, returnedSupply: 700 };
    expect(spread(s)).toBe(2_700);
    expect(supplyEarnings(s)).toBe(6_300);
  });
});

describe('lists', () => {
  it('finds the weakest occupied slots by scans, then sales, per occupied day', () => {
    const rows = [
      { slotCode: 'A-01-1', occupiedDays: 10, scans: 50, unitsSold: 0 }, // 5 a day
      { slotCode: 'A-01-2', occupiedDays: 2, scans: 4, unitsSold: 10 }, // 2 a day, 5 units a day
      { slotCode: 'A-01-3', occupiedDays: 4, scans: 8, unitsSold: 4 }, // 2 a day, 1 unit a day
      { slotCode: 'A-01-4', occupiedDays: 0, scans: 0, unitsSold: 0 }, // empty: not a weak slot
      { slotCode: 'A-01-0', occupiedDays: 1, scans: 2, unitsSold: 1 }, // same as A-01-3: code decides
    ];
    expect(weakestSlots(rows).map((r) => r.slotCode)).toEqual(['A-01-0', 'A-01-3', 'A-01-2', 'A-01-1']);
    expect(weakestSlots(rows, 1).map((r) => r.slotCode)).toEqual(['A-01-0']);
  });
});

describe('slot rows and active factories from kept activity', () => {
  it('adds each slot its activity by id, keeping the order and zeros for slots without any', () => {
    const slot = (slotId: string, slotCode: string) => ({ slotId, slotCode, zoneCode: 'A', occupiedDays: 3, scans: 0, unitsSold: 0, gmv: 0 });
    const rows = withSlotActivity([slot('s2', 'A-02'), slot('s1', 'A-01')], [{ slotId: 's1', scans: 4, unitsSold: 2, gmv: 1250 }]);
    expect(rows).toEqual([slot('s2', 'A-02'), { ...slot('s1', 'A-01'), scans: 4, unitsSold: 2, gmv: 1250 }]);
  });

  it('counts a factory shown and selling at a venue once there, and a factory at two venues once in all', () => {
    const ids = unitedIds(['v1', 'v2', 'v3'], new Map([['v1', ['f2', 'f1']], ['v2', ['f2']]]), new Map([['v1', ['f2', 'f3']], ['v2', ['f4']]]));
    expect([...ids]).toEqual([['v1', ['f1', 'f2', 'f3']], ['v2', ['f2', 'f4']], ['v3', []]]);
    const active = countIds(['v1', 'v2', 'v3'], ids);
    expect([...active]).toEqual([['v1', 3], ['v2', 2], ['v3', 0], ['*', 4]]);
  });
});
