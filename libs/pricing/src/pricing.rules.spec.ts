import { DomainError, ErrorCode } from '@xp/core';
import {
  assertTransition,
  canTransition,
  changeBasisPoints,
  effectiveFromProblem,
  fourEyesProblem,
  isLargeChange,
  lineProblems,
  markupTiers,
  PRICE_SHEET_TRANSITIONS,
  PriceSheetStatus,
  requireUnitPriceForQuantity,
  reviewOutcome,
  StoredSheetStatus,
  Tier,
  tierProblems,
  unitPriceForQuantity,
  violationError,
  wholesaleProblems,
} from './pricing.rules';

const tiers = (...pairs: [number, number][]): Tier[] => pairs.map(([minQuantity, unitPrice]) => ({ minQuantity, unitPrice }));
const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

describe('tier shape', () => {
  it('accepts tiers starting at the MOQ with rising quantities and falling prices', () => {
    expect(tierProblems(tiers([10, 1500], [50, 1400], [200, 1400]), 10)).toEqual([]);
  });

  it('needs a first tier at the MOQ', () => {
    expect(tierProblems(tiers([12, 1500]), 10)).toEqual([
      { path: 'tiers.0.minQuantity', message: "must be the SKU's minimum order quantity (10)", code: ErrorCode.PRICE_RULE_VIOLATED },
    ]);
    expect(tierProblems([], 10)).toEqual([expect.objectContaining({ path: 'tiers' })]);
  });

  it('refuses quantities that do not strictly increase', () => {
    expect(paths(tierProblems(tiers([10, 1500], [10, 1400], [5, 1300]), 10))).toEqual([
      'tiers.1.minQuantity',
      'tiers.2.minQuantity',
    ]);
  });

  it('refuses a unit price that rises with the quantity', () => {
    const problems = tierProblems(tiers([10, 1500], [50, 1600]), 10);
    expect(problems).toEqual([expect.objectContaining({ path: 'tiers.1.unitPrice', message: expect.stringMatching(/¥15\.00/) })]);
  });

  it('refuses zero, negative, fractional-fen and absurd prices and quantities, listing each', () => {
    const problems = tierProblems(tiers([0, 0], [5, -1], [6, 10.5], [7, 100_000_001]), null);
    expect(paths(problems)).toEqual(['tiers.0.minQuantity', 'tiers.0.unitPrice', 'tiers.1.unitPrice', 'tiers.2.unitPrice', 'tiers.3.unitPrice']);
    expect(problems[3].message).toMatch(/exact to the fen/);
  });

  it('allows at most ten tiers', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ minQuantity: i + 1, unitPrice: 1000 }));
    expect(paths(tierProblems(many, 1))).toEqual(['tiers']);
  });
});

describe('a factory line', () => {
  const ok = { tiers: tiers([10, 1500], [50, 1400]), retailPrice: 2990 };
  const facts = { moq: 10, floorEligibility: 'VERIFIED_OWN_BRAND' as const };

  it('accepts a line whose retail price is at least every supply price', () => {
    expect(lineProblems(ok, facts)).toEqual([]);
    expect(lineProblems({ ...ok, retailPrice: 1500 }, facts)).toEqual([]);
  });

  it('refuses a retail price below a supply price (no undercutting wholesalers)', () => {
    expect(lineProblems({ ...ok, retailPrice: 1499 }, facts)).toEqual([
      expect.objectContaining({ path: 'retailPrice', message: expect.stringMatching(/at least every supply price \(¥15\.00\)/) }),
    ]);
  });

  it('lets a verified brand owner ask for a floor up to the retail price', () => {
    expect(lineProblems({ ...ok, requestedFloor: 2990 }, facts)).toEqual([]);
    expect(lineProblems({ ...ok, requestedFloor: 2991 }, facts)).toEqual([
      expect.objectContaining({ path: 'requestedFloor', message: expect.stringMatching(/above the retail price/) }),
    ]);
  });

  it.each([
    ['NO_BRAND', /has no brand/],
    ['BRAND_NOT_VERIFIED', /verified/],
    ['NOT_OWN_BRAND', /owner/],
  ] as const)('refuses a floor when the brand is %s', (floorEligibility, message) => {
    expect(lineProblems({ ...ok, requestedFloor: 2000 }, { moq: 10, floorEligibility })).toEqual([
      expect.objectContaining({ path: 'requestedFloor', message: expect.stringMatching(message) }),
    ]);
  });

  it('lists every problem of a line, not only the first', () => {
    const bad = { tiers: tiers([5, 1500], [4, 1600]), retailPrice: 1000, requestedFloor: 1.5 };
    expect(paths(lineProblems(bad, { moq: 10, floorEligibility: 'NO_BRAND' }))).toEqual([
      'tiers.1.minQuantity',
      'tiers.1.unitPrice',
      'tiers.0.minQuantity',
      'retailPrice',
      'requestedFloor',
      'requestedFloor',
    ]);
  });
});

describe("the reviewer's wholesale tiers", () => {
  const supply = tiers([10, 1500], [50, 1400]);

  it('accepts tiers between the supply price of the same tier and the retail price', () => {
    expect(wholesaleProblems(supply, tiers([10, 1800], [50, 1400]), 2990, null)).toEqual([]);
  });

  it('refuses a price below the supply price of the same tier or above retail', () => {
    const problems = wholesaleProblems(supply, tiers([10, 3000], [50, 1399]), 2990, null);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['wholesaleTiers.0.unitPrice', ErrorCode.PRICE_RULE_VIOLATED],
      ['wholesaleTiers.1.unitPrice', ErrorCode.PRICE_RULE_VIOLATED],
    ]);
  });

  it('answers PRICE_BELOW_FLOOR for a price under the floor', () => {
    expect(wholesaleProblems(supply, tiers([10, 2000], [50, 1800]), 2990, 1900)).toEqual([
      expect.objectContaining({ path: 'wholesaleTiers.1.unitPrice', code: ErrorCode.PRICE_BELOW_FLOOR }),
    ]);
  });

  it('needs the same quantity breaks as the supply tiers', () => {
    expect(paths(wholesaleProblems(supply, tiers([10, 1800]), 2990, null))).toEqual(['wholesaleTiers']);
    expect(paths(wholesaleProblems(supply, tiers([10, 1800], [60, 1500]), 2990, null))).toEqual(['wholesaleTiers']);
  });

  it('never lets wholesale prices rise with the quantity', () => {
    expect(paths(wholesaleProblems(supply, tiers([10, 1600], [50, 1700]), 2990, null))).toEqual(['wholesaleTiers.1.unitPrice']);
  });

  it('pre-fills from a markup in basis points, exactly to the fen', () => {
    expect(markupTiers(tiers([10, 1500], [50, 1333]), 2500)).toEqual(tiers([10, 1875], [50, 1666]));
    expect(markupTiers(tiers([1, 999]), 1250)).toEqual(tiers([1, 1124]));
  });
});

describe('unit price for a quantity', () => {
  const t = tiers([10, 1500], [50, 1400], [200, 1200]);
  it.each([
    [10, 1500],
    [49, 1500],
    [50, 1400],
    [199, 1400],
    [200, 1200],
    [10_000, 1200],
  ])('prices %i units at %i fen', (qty, price) => {
    expect(unitPriceForQuantity(t, qty)).toBe(price);
  });

  it('has no price below the MOQ, and the strict variant answers BELOW_MOQ', () => {
    expect(unitPriceForQuantity(t, 9)).toBeNull();
    expect(() => requireUnitPriceForQuantity(t, 9)).toThrow(expect.objectContaining({ code: ErrorCode.BELOW_MOQ }));
  });
});

describe('change and threshold', () => {
  it('measures a change in basis points, rounding half away from zero', () => {
    expect(changeBasisPoints(1000, 1200)).toBe(2000);
    expect(changeBasisPoints(1000, 800)).toBe(-2000);
    expect(changeBasisPoints(3, 4)).toBe(3333);
    expect(changeBasisPoints(3, 2)).toBe(-3333);
    expect(changeBasisPoints(20_000, 20_001)).toBe(1);
    expect(changeBasisPoints(20_000, 19_999)).toBe(-1);
  });

  it('flags a change beyond the threshold either way, not one at it', () => {
    expect(isLargeChange(2001, 2000)).toBe(true);
    expect(isLargeChange(-2001, 2000)).toBe(true);
    expect(isLargeChange(2000, 2000)).toBe(false);
    expect(isLargeChange(null, 2000)).toBe(false);
  });

  it('takes effect today or later', () => {
    expect(effectiveFromProblem('2026-01-10', '2026-01-10')).toBeNull();
    expect(effectiveFromProblem('2026-01-09', '2026-01-10')).toMatch(/today \(2026-01-10\) or later/);
  });
});

describe('the price sheet workflow', () => {
  const stored = Object.keys(PRICE_SHEET_TRANSITIONS) as StoredSheetStatus[];

  it('walks the allowed path from draft to approval', () => {
    expect(() => assertTransition(PriceSheetStatus.DRAFT, PriceSheetStatus.SUBMITTED)).not.toThrow();
    expect(() => assertTransition(PriceSheetStatus.SUBMITTED, PriceSheetStatus.FLOOR_REVIEW)).not.toThrow();
    expect(() => assertTransition(PriceSheetStatus.FLOOR_REVIEW, PriceSheetStatus.PARTIALLY_APPROVED)).not.toThrow();
  });

  const forbidden = stored.flatMap((from) => stored.filter((to) => !canTransition(from, to)).map((to) => [from, to] as const));
  it.each(forbidden)('refuses %s → %s as INVALID_TRANSITION', (from, to) => {
    expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
  });

  it('has exactly the forbidden edges the database trigger also refuses', () => {
    expect(forbidden).toHaveLength(stored.length * stored.length - 7);
  });

  it('decides the outcome of a review from its lines', () => {
    expect(reviewOutcome([{ decision: 'APPROVED', floorStatus: null }])).toBe(PriceSheetStatus.APPROVED);
    expect(reviewOutcome([{ decision: 'APPROVED', floorStatus: 'REJECTED' }, { decision: 'REJECTED', floorStatus: null }])).toBe(
      PriceSheetStatus.PARTIALLY_APPROVED,
    );
    expect(reviewOutcome([{ decision: 'REJECTED', floorStatus: 'REJECTED' }])).toBe(PriceSheetStatus.REJECTED);
    expect(reviewOutcome([{ decision: 'APPROVED', floorStatus: 'PENDING' }, { decision: 'REJECTED', floorStatus: null }])).toBe(
      PriceSheetStatus.FLOOR_REVIEW,
    );
  });
});

describe('four eyes on a price floor', () => {
  it('lets a second reviewer approve a floor', () => {
    expect(fourEyesProblem('second', 'factory-user', 'first')).toBeNull();
  });

  it('refuses the first reviewer, the submitter, and anyone before the lines are reviewed', () => {
    expect(fourEyesProblem('first', 'factory-user', 'first')).toMatch(/second pricing reviewer/);
    expect(fourEyesProblem('factory-user', 'factory-user', 'first')).toMatch(/submitted/);
    expect(fourEyesProblem('second', 'factory-user', null)).toMatch(/after the lines have been reviewed/);
  });
});

describe('violation errors', () => {
  it('lists every violation of every line under PRICE_RULE_VIOLATED', () => {
    const error = violationError([
      { line: 1, skuCode: 'A', path: 'retailPrice', message: 'x', code: ErrorCode.PRICE_RULE_VIOLATED },
      { line: 2, skuCode: 'B', path: 'tiers.0.minQuantity', message: 'y', code: ErrorCode.PRICE_RULE_VIOLATED },
      { line: 2, skuCode: 'B', path: 'wholesaleTiers.0.unitPrice', message: 'z', code: ErrorCode.PRICE_BELOW_FLOOR },
    ]);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.PRICE_RULE_VIOLATED);
    expect(error.message).toMatch(/3 pricing rules on 2 lines/);
    expect((error.details.violations as unknown[]).length).toBe(3);
  });

  it('answers PRICE_BELOW_FLOOR when only floors are broken', () => {
    const error = violationError([{ line: 1, skuCode: 'A', path: 'p', message: 'm', code: ErrorCode.PRICE_BELOW_FLOOR }]);
    expect(error.code).toBe(ErrorCode.PRICE_BELOW_FLOOR);
  });
});
