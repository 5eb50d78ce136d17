import { DomainError, ErrorCode } from '@xp/core';
import { unitPriceForQuantity } from '@xp/pricing';
import { MemberLevel, SalesOrderStatus, SalesReturnStatus } from './sales.enums';
import {
  assertSalesTransition,
  belowMoq,
  DEFAULT_LEVEL_THRESHOLDS,
  holdsReservation,
  lastMonthBefore,
  lastReturnDay,
  lineAmount,
  memberLevelFor,
  monthBounds,
  moqProblem,
  nextMonth,
  ORDER_TRANSITIONS,
  parseMonth,
  previousMonth,
  RETURN_TRANSITIONS,
  returnableQuantity,
  returnWindowOpen,
  thresholdsProblem,
} from './sales.rules';

describe('the order workflow', () => {
  const statuses = Object.values(SalesOrderStatus);
  const allowed = [
    'PLACED>PAID',
    'PLACED>CANCELLED',
    'PLACED>EXPIRED',
    'PAID>SHIPPED',
    'PAID>CANCELLED',
    'SHIPPED>DELIVERED',
  ];

  it('allows exactly the listed edges', () => {
    const edges = statuses.flatMap((from) => ORDER_TRANSITIONS[from].map((to) => `${from}>${to}`));
    expect(edges.sort()).toEqual([...allowed].sort());
  });

  it.each(statuses.flatMap((from) => statuses.filter((to) => !allowed.includes(`${from}>${to}`)).map((to) => [from, to])))(
    'refuses %s → %s with INVALID_TRANSITION',
    (from, to) => {
      expect(() => assertSalesTransition(ORDER_TRANSITIONS, 'The order', from, to)).toThrow(
        expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION, details: { from, to } }),
      );
    },
  );

  it('holds stock while placed or paid only', () => {
    expect(statuses.filter(holdsReservation)).toEqual([SalesOrderStatus.PLACED, SalesOrderStatus.PAID]);
  });
});

describe('the return workflow', () => {
  const statuses = Object.values(SalesReturnStatus);
  it.each(statuses.flatMap((from) => statuses.map((to) => [from, to])))('%s → %s', (from, to) => {
    const ok = from === 'REQUESTED' && (to === 'RECEIVED' || to === 'CANCELLED');
    if (ok) expect(() => assertSalesTransition(RETURN_TRANSITIONS, 'The return', from, to)).not.toThrow();
    else expect(() => assertSalesTransition(RETURN_TRANSITIONS, 'The return', from, to)).toThrow(DomainError);
  });
});

describe('MOQ and packs', () => {
  it.each([
    [12, 12, 6, null],
    [18, 12, 6, null],
    [6, 12, 6, 'is below the minimum order quantity of 12'],
    [15, 12, 6, 'must be a whole number of packs of 6'],
    [0, 1, 1, 'must be a whole number above zero'],
    [1.5, 1, 1, 'must be a whole number above zero'],
  ])('quantity %p with MOQ %p in packs of %p: %p', (quantity, moq, pack, expected) => {
    expect(moqProblem(quantity, moq, pack)).toBe(expected);
  });

  it('names every line in BELOW_MOQ', () => {
    const error = belowMoq([
      { path: 'input.lines.0', skuId: 'a', skuCode: 'A', quantity: 5, moq: 10, packSize: 5, message: 'is below the minimum order quantity of 10' },
      { path: 'input.lines.3', skuId: 'b', skuCode: 'B', quantity: 12, moq: 10, packSize: 5, message: 'must be a whole number of packs of 5' },
    ]);
    expect(error.code).toBe(ErrorCode.BELOW_MOQ);
    expect(error.message).toContain('A (input.lines.0)');
    expect(error.message).toContain('B (input.lines.3)');
    expect((error.details.lines as unknown[]).length).toBe(2);
  });
});

describe('tier prices for a quantity (the rule orders use)', () => {
  const tiers = [
    { minQuantity: 10, unitPrice: 1250 },
    { minQuantity: 50, unitPrice: 1125 },
    { minQuantity: 200, unitPrice: 1000 },
  ];
  it.each([
    [9, null],
    [10, 1250],
    [49, 1250],
    [50, 1125],
    [199, 1125],
    [200, 1000],
    [5000, 1000],
  ])('%p units cost %p fen each', (q, price) => {
    expect(unitPriceForQuantity(tiers, q)).toBe(price);
  });

  it('multiplies exactly, in integer fen', () => {
    expect(lineAmount(55, 1125)).toBe(61_875);
    expect(lineAmount(3, 1999)).toBe(5997);
    expect(() => lineAmount(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });
});

describe('member levels', () => {
  it.each([
    [0, MemberLevel.L0],
    [199_999, MemberLevel.L0],
    [200_000, MemberLevel.L1],
    [999_999, MemberLevel.L1],
    [1_000_000, MemberLevel.L2],
    [3_000_000, MemberLevel.L3],
    [10_000_000, MemberLevel.L4],
    [30_000_000, MemberLevel.L5],
    [100_000_000, MemberLevel.L6],
    [-50_000, MemberLevel.L0],
  ])('%p fen in a month earns %p under the defaults', (amount, level) => {
    expect(memberLevelFor(amount, DEFAULT_LEVEL_THRESHOLDS)).toBe(level);
  });

  it('checks thresholds: six, L1 at ¥2,000, rising, bounded', () => {
    expect(thresholdsProblem(DEFAULT_LEVEL_THRESHOLDS)).toBeNull();
    expect(thresholdsProblem([200_000, 300_000])).toMatch(/six/);
    expect(thresholdsProblem([100_000, 1_000_000, 3_000_000, 10_000_000, 30_000_000, 100_000_000])).toMatch(/2000\.00/);
    expect(thresholdsProblem([200_000, 200_000, 3_000_000, 10_000_000, 30_000_000, 100_000_000])).toMatch(/L2 must be above L1/);
    expect(thresholdsProblem([200_000, 1_000_000, 3_000_000, 10_000_000, 30_000_000, 100_000_000_001])).toMatch(/at most/);
  });
});

describe('months and return windows in Asia/Shanghai', () => {
  it('parses, steps and bounds months', () => {
    expect(parseMonth('2026-11')).toBe('2026-11-01');
    expect(parseMonth('2026-13')).toBeNull();
    expect(nextMonth('2026-12-01')).toBe('2027-01-01');
    expect(previousMonth('2026-01-01')).toBe('2025-12-01');
    expect(monthBounds('2026-11-01')).toEqual({ from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') });
  });

  it('takes "last month" from the Shanghai calendar', () => {
    expect(lastMonthBefore(new Date('2026-11-30T16:30:00Z'))).toBe('2026-11-01'); // already 1 December in China
    expect(lastMonthBefore(new Date('2026-11-30T15:30:00Z'))).toBe('2026-10-01');
  });

  it('counts the return window in whole days after the day of delivery', () => {
    const delivered = new Date('2026-11-03T10:00:00+08:00');
    expect(lastReturnDay(delivered, 7)).toBe('2026-11-10');
    expect(returnWindowOpen(delivered, 7, new Date('2026-11-10T23:59:00+08:00'))).toBe(true);
    expect(returnWindowOpen(delivered, 7, new Date('2026-11-11T00:00:00+08:00'))).toBe(false);
    expect(returnWindowOpen(delivered, 0, new Date('2026-11-03T23:00:00+08:00'))).toBe(true);
  });

  it('never returns more than is left', () => {
    expect(returnableQuantity(50, 45)).toBe(5);
    expect(returnableQuantity(50, 60)).toBe(0);
  });
});
