import { applyBasisPoints, DomainError, ErrorCode, Fen, formatYuan } from '@xp/core';

/**
 * The pricing rules as pure functions: no database, no clock. Services call them with what they
 * loaded; the database holds the same rules as CHECK constraints and triggers.
 */

export const MAX_TIERS = 10;
/** ¥1,000,000 per unit: anything above is a typing mistake, not a price. */
export const MAX_UNIT_PRICE: Fen = 100_000_000;
export const DEFAULT_LARGE_CHANGE_BP = 2000;

export interface Tier {
  minQuantity: number;
  unitPrice: Fen;
}

/** One broken rule, located in the input (`tiers.1.unitPrice`) and worded for the user. */
export interface RuleProblem {
  path: string;
  message: string;
  code: ErrorCode.PRICE_RULE_VIOLATED | ErrorCode.PRICE_BELOW_FLOOR;
}

/** A problem of one line of a sheet, as PRICE_RULE_VIOLATED lists them. */
export interface LineViolation extends RuleProblem {
  line: number;
  skuCode: string | null;
}

const violated = (path: string, message: string): RuleProblem => ({ path, message, code: ErrorCode.PRICE_RULE_VIOLATED });
const belowFloor = (path: string, message: string): RuleProblem => ({ path, message, code: ErrorCode.PRICE_BELOW_FLOOR });

export function yuan(fen: Fen): string {
  return `¥${formatYuan(fen)}`;
}

function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * Tier shape: 1–10 tiers, the first starting at the SKU's MOQ, quantities strictly increasing,
 * unit prices whole fen, positive, never increasing with the quantity.
 */
export function tierProblems(tiers: readonly Tier[], moq: number | null, path = 'tiers'): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (tiers.length === 0) return [violated(path, 'needs at least one tier, starting at the MOQ')];
  if (tiers.length > MAX_TIERS) problems.push(violated(path, `has ${tiers.length} tiers; at most ${MAX_TIERS} are allowed`));
  tiers.forEach((tier, i) => {
    const at = `${path}.${i}`;
    if (!Number.isSafeInteger(tier.minQuantity) || tier.minQuantity < 1) {
      problems.push(violated(`${at}.minQuantity`, 'must be a whole number of at least 1'));
    } else if (i > 0 && tier.minQuantity <= tiers[i - 1].minQuantity) {
      problems.push(violated(`${at}.minQuantity`, `must be more than the tier before (${tiers[i - 1].minQuantity})`));
    }
    if (!isFen(tier.unitPrice)) {
      problems.push(violated(`${at}.unitPrice`, 'must be exact to the fen (at most two decimals)'));
    } else if (tier.unitPrice <= 0) {
      problems.push(violated(`${at}.unitPrice`, 'must be more than zero'));
    } else if (tier.unitPrice > MAX_UNIT_PRICE) {
      problems.push(violated(`${at}.unitPrice`, `must be at most ${yuan(MAX_UNIT_PRICE)}`));
    } else if (i > 0 && isFen(tiers[i - 1].unitPrice) && tier.unitPrice > tiers[i - 1].unitPrice) {
      problems.push(
        violated(`${at}.unitPrice`, `must not be more than the tier before (${yuan(tiers[i - 1].unitPrice)}): buying more never costs more per unit`),
      );
    }
  });
  if (moq !== null && tiers[0].minQuantity !== moq) {
    problems.push(violated(`${path}.0.minQuantity`, `must be the SKU's minimum order quantity (${moq})`));
  }
  return problems;
}

/** Whether the factory may ask for a floor on this SKU, from what the catalog says of its brand. */
export type FloorEligibility = 'VERIFIED_OWN_BRAND' | 'NO_BRAND' | 'BRAND_NOT_VERIFIED' | 'NOT_OWN_BRAND';

export interface ProposedLine {
  tiers: readonly Tier[];
  retailPrice: Fen;
  requestedFloor?: Fen | null;
}

export interface LineFacts {
  /** The SKU's MOQ (起批量). */
  moq: number;
  floorEligibility: FloorEligibility;
}

const FLOOR_REFUSAL: Record<Exclude<FloorEligibility, 'VERIFIED_OWN_BRAND'>, string> = {
  NO_BRAND: 'is only for a brand owner: this SKU has no brand. Leave it empty',
  BRAND_NOT_VERIFIED: "needs the SKU's brand to be verified first (declare the brand with its trademark certificate)",
  NOT_OWN_BRAND: "is only for the brand's owner; this SKU's brand is not your factory's",
};

/**
 * A factory's line: tier shape, retail ≥ every supply price (a factory never undercuts its
 * wholesalers to consumers), a floor only on its own verified brand's SKUs and never above retail.
 */
export function lineProblems(line: ProposedLine, facts: LineFacts): RuleProblem[] {
  const problems = tierProblems(line.tiers, facts.moq);
  if (!isFen(line.retailPrice)) {
    problems.push(violated('retailPrice', 'must be exact to the fen (at most two decimals)'));
  } else if (line.retailPrice <= 0) {
    problems.push(violated('retailPrice', 'must be more than zero'));
  } else if (line.retailPrice > MAX_UNIT_PRICE) {
    problems.push(violated('retailPrice', `must be at most ${yuan(MAX_UNIT_PRICE)}`));
  } else {
    const highest = line.tiers.reduce<Fen | null>((max, t) => (isFen(t.unitPrice) && (max === null || t.unitPrice > max) ? t.unitPrice : max), null);
    if (highest !== null && line.retailPrice < highest) {
      problems.push(
        violated('retailPrice', `must be at least every supply price (${yuan(highest)}): a factory may not sell to consumers below its wholesale price`),
      );
    }
  }
  const floor = line.requestedFloor;
  if (floor !== null && floor !== undefined) {
    if (facts.floorEligibility !== 'VERIFIED_OWN_BRAND') {
      problems.push(violated('requestedFloor', FLOOR_REFUSAL[facts.floorEligibility]));
    }
    if (!isFen(floor)) problems.push(violated('requestedFloor', 'must be exact to the fen (at most two decimals)'));
    else if (floor <= 0) problems.push(violated('requestedFloor', 'must be more than zero'));
    else if (isFen(line.retailPrice) && floor > line.retailPrice) {
      problems.push(violated('requestedFloor', `must not be above the retail price (${yuan(line.retailPrice)})`));
    }
  }
  return problems;
}

/**
 * The venue's wholesale tiers set by a reviewer: the same quantity breaks as the supply tiers,
 * each ≥ the supply price of the same tier, never increasing, ≤ the retail price, and ≥ the floor
 * (PRICE_BELOW_FLOOR) when one is approved or still asked for.
 */
export function wholesaleProblems(
  supply: readonly Tier[],
  wholesale: readonly Tier[],
  retailPrice: Fen,
  floor: Fen | null,
  path = 'wholesaleTiers',
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (wholesale.length !== supply.length || wholesale.some((t, i) => t.minQuantity !== supply[i].minQuantity)) {
    return [
      violated(path, `must have the same quantity breaks as the supply tiers (${supply.map((t) => t.minQuantity).join(', ')})`),
    ];
  }
  problems.push(...tierProblems(wholesale, null, path));
  wholesale.forEach((tier, i) => {
    if (!isFen(tier.unitPrice)) return;
    const at = `${path}.${i}.unitPrice`;
    if (tier.unitPrice < supply[i].unitPrice) {
      problems.push(violated(at, `must be at least the supply price of this tier (${yuan(supply[i].unitPrice)})`));
    }
    if (tier.unitPrice > retailPrice) {
      problems.push(violated(at, `must not be above the retail price (${yuan(retailPrice)})`));
    }
    if (floor !== null && tier.unitPrice < floor) {
      problems.push(belowFloor(at, `must not be below the brand's price floor (${yuan(floor)})`));
    }
  });
  return problems;
}

/** Wholesale tiers pre-filled from a markup policy: each supply price plus the markup, to the fen. */
export function markupTiers(supply: readonly Tier[], markupBasisPoints: number): Tier[] {
  return supply.map((t) => ({ minQuantity: t.minQuantity, unitPrice: applyBasisPoints(t.unitPrice, markupBasisPoints) }));
}

/**
 * The unit price for an order of `quantity`: the tier with the largest minimum quantity not
 * above it. Null below the first tier (the MOQ).
 */
export function unitPriceForQuantity(tiers: readonly Tier[], quantity: number): Fen | null {
  let price: Fen | null = null;
  for (const tier of tiers) {
    if (tier.minQuantity <= quantity) price = tier.unitPrice;
    else break;
  }
  return price;
}

/** As unitPriceForQuantity, answering BELOW_MOQ below the first tier. */
export function requireUnitPriceForQuantity(tiers: readonly Tier[], quantity: number): Fen {
  const price = unitPriceForQuantity(tiers, quantity);
  if (price === null) {
    throw new DomainError(
      ErrorCode.BELOW_MOQ,
      `The minimum order quantity is ${tiers[0]?.minQuantity ?? '?'}; ${quantity} is below it.`,
      { minimum: tiers[0]?.minQuantity ?? null, quantity },
    );
  }
  return price;
}

/** The change from `before` to `after` in basis points (1 bp = 0.01 %), rounded half away from zero. */
export function changeBasisPoints(before: Fen, after: Fen): number {
  if (before <= 0) throw new RangeError('A change is measured from a positive price.');
  const scaled = BigInt(after - before) * 10_000n;
  const b = BigInt(before);
  const q = scaled / b;
  const r = scaled % b;
  const away = (r < 0n ? -r : r) * 2n >= b;
  return Number(away ? q + (scaled < 0n ? -1n : 1n) : q);
}

/** A change beyond the venue's threshold (either way) is flagged for the reviewer. */
export function isLargeChange(changeBp: number | null, thresholdBp: number): boolean {
  return changeBp !== null && Math.abs(changeBp) > thresholdBp;
}

/** A sheet takes effect today or later. */
export function effectiveFromProblem(effectiveFrom: string, today: string): string | null {
  return effectiveFrom < today ? `must be today (${today}) or later` : null;
}

// ---------------------------------------------------------------------------------------------
// The workflow

export enum PriceSheetStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  /** Lines reviewed; a requested floor waits for a second reviewer. */
  FLOOR_REVIEW = 'FLOOR_REVIEW',
  APPROVED = 'APPROVED',
  PARTIALLY_APPROVED = 'PARTIALLY_APPROVED',
  REJECTED = 'REJECTED',
  /** Shown, never stored: every approved line has been replaced by a newer version in force. */
  SUPERSEDED = 'SUPERSEDED',
}

export type StoredSheetStatus = Exclude<PriceSheetStatus, PriceSheetStatus.SUPERSEDED>;

/** The one map of the price sheet workflow (also a trigger in the database). */
export const PRICE_SHEET_TRANSITIONS: Record<StoredSheetStatus, readonly StoredSheetStatus[]> = {
  [PriceSheetStatus.DRAFT]: [PriceSheetStatus.SUBMITTED],
  [PriceSheetStatus.SUBMITTED]: [
    PriceSheetStatus.FLOOR_REVIEW,
    PriceSheetStatus.APPROVED,
    PriceSheetStatus.PARTIALLY_APPROVED,
    PriceSheetStatus.REJECTED,
  ],
  [PriceSheetStatus.FLOOR_REVIEW]: [PriceSheetStatus.APPROVED, PriceSheetStatus.PARTIALLY_APPROVED],
  [PriceSheetStatus.APPROVED]: [],
  [PriceSheetStatus.PARTIALLY_APPROVED]: [],
  [PriceSheetStatus.REJECTED]: [],
};

export const FINAL_SHEET_STATUSES: readonly StoredSheetStatus[] = [
  PriceSheetStatus.APPROVED,
  PriceSheetStatus.PARTIALLY_APPROVED,
  PriceSheetStatus.REJECTED,
];

export function canTransition(from: StoredSheetStatus, to: StoredSheetStatus): boolean {
  return PRICE_SHEET_TRANSITIONS[from].includes(to);
}

/** INVALID_TRANSITION unless the map allows `from` → `to`. */
export function assertTransition(from: StoredSheetStatus, to: StoredSheetStatus): void {
  if (!canTransition(from, to)) throw DomainError.invalidTransition('A price sheet', from, to);
}

export type LineDecision = 'APPROVED' | 'REJECTED';
export type FloorStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/** Where a reviewed sheet goes: floors still pending wait for the second reviewer. */
export function reviewOutcome(lines: readonly { decision: LineDecision; floorStatus: FloorStatus | null }[]): StoredSheetStatus {
  const approved = lines.filter((l) => l.decision === 'APPROVED');
  if (approved.length === 0) return PriceSheetStatus.REJECTED;
  if (approved.some((l) => l.floorStatus === 'PENDING')) return PriceSheetStatus.FLOOR_REVIEW;
  return approved.length === lines.length ? PriceSheetStatus.APPROVED : PriceSheetStatus.PARTIALLY_APPROVED;
}

/**
 * Four eyes on a floor: whoever approves it neither submitted the sheet nor reviewed its lines.
 * Answers the reason when `approverId` may not, null when they may.
 */
export function fourEyesProblem(approverId: string, submittedBy: string | null, reviewedBy: string | null): string | null {
  if (!reviewedBy) return 'A price floor is approved after the lines have been reviewed, by a second reviewer.';
  if (approverId === reviewedBy) {
    return 'You reviewed the lines of this sheet; a second pricing reviewer must approve its price floors (four eyes).';
  }
  if (approverId === submittedBy) return 'You submitted this sheet; someone else must approve its price floors.';
  return null;
}

/** The error for a set of line violations: PRICE_BELOW_FLOOR when that is all there is. */
export function violationError(violations: LineViolation[], what = 'The price sheet'): DomainError {
  const onlyFloor = violations.every((v) => v.code === ErrorCode.PRICE_BELOW_FLOOR);
  const lines = new Set(violations.map((v) => v.line)).size;
  return new DomainError(
    onlyFloor ? ErrorCode.PRICE_BELOW_FLOOR : ErrorCode.PRICE_RULE_VIOLATED,
    `${what} breaks ${violations.length} pricing rule${violations.length === 1 ? '' : 's'} on ${lines} line${lines === 1 ? '' : 's'}; fix every one listed and try again.`,
    { violations },
  );
}
