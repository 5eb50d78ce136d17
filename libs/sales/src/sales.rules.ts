import { addDays, BusinessDate, businessDateOf, DomainError, ErrorCode, Fen, startOfBusinessDay } from '@xp/core';
import { MemberLevel, MEMBER_LEVELS, SalesOrderStatus, SalesReturnStatus } from './sales.enums';

/**
 * The sales rules as pure functions: no database, no clock. The services call them with what
 * they loaded; PostgreSQL holds the same rules as CHECK constraints and triggers.
 */

/** The order workflow: PLACED → PAID → SHIPPED → DELIVERED; PLACED/PAID → CANCELLED; PLACED → EXPIRED. */
export const ORDER_TRANSITIONS: Record<SalesOrderStatus, readonly SalesOrderStatus[]> = {
  [SalesOrderStatus.PLACED]: [SalesOrderStatus.PAID, SalesOrderStatus.CANCELLED, SalesOrderStatus.EXPIRED],
  [SalesOrderStatus.PAID]: [SalesOrderStatus.SHIPPED, SalesOrderStatus.CANCELLED],
  [SalesOrderStatus.SHIPPED]: [SalesOrderStatus.DELIVERED],
  [SalesOrderStatus.DELIVERED]: [],
  [SalesOrderStatus.CANCELLED]: [],
  [SalesOrderStatus.EXPIRED]: [],
};

/** Returns: requested, then received (goods back) or cancelled (they never came). */
export const RETURN_TRANSITIONS: Record<SalesReturnStatus, readonly SalesReturnStatus[]> = {
  [SalesReturnStatus.REQUESTED]: [SalesReturnStatus.RECEIVED, SalesReturnStatus.CANCELLED],
  [SalesReturnStatus.RECEIVED]: [],
  [SalesReturnStatus.CANCELLED]: [],
};

/** Applies a workflow's table: INVALID_TRANSITION for an edge it does not list. */
export function assertSalesTransition<S extends string>(table: Record<S, readonly S[]>, entity: string, from: S, to: S): void {
  if (!table[from].includes(to)) throw DomainError.invalidTransition(entity, from, to);
}

/** Orders whose stock is still held in the warehouse (reserved, not yet shipped). */
export function holdsReservation(status: SalesOrderStatus): boolean {
  return status === SalesOrderStatus.PLACED || status === SalesOrderStatus.PAID;
}

/** Why a quantity breaks the SKU's 起批量 or pack rule, or null. */
export function moqProblem(quantity: number, moq: number, packSize: number): string | null {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) return 'must be a whole number above zero';
  if (quantity < moq) return `is below the minimum order quantity of ${moq}`;
  if (quantity % packSize !== 0) return `must be a whole number of packs of ${packSize}`;
  return null;
}

/** One order line refused by the MOQ rule, as BELOW_MOQ lists them. */
export interface MoqViolation {
  path: string;
  skuId: string;
  skuCode: string;
  quantity: number;
  moq: number;
  packSize: number;
  message: string;
}

/** BELOW_MOQ naming every line that breaks the rule. */
export function belowMoq(lines: MoqViolation[]): DomainError {
  return new DomainError(
    ErrorCode.BELOW_MOQ,
    `Order quantities must reach the minimum order quantity and be whole packs: ${lines
      .map((l) => `${l.skuCode} (${l.path}) ${l.message}`)
      .join('; ')}.`,
    { lines },
  );
}

// ---------------------------------------------------------------------------------------------
// Member levels

/** L1 starts at ¥2,000 (L0 is under it), fixed by the business; L2–L6 are configurable. */
export const LEVEL_ONE_THRESHOLD: Fen = 200_000;
export const DEFAULT_LEVEL_THRESHOLDS: readonly Fen[] = [200_000, 1_000_000, 3_000_000, 10_000_000, 30_000_000, 100_000_000];
/** ¥1,000,000,000: anything above is a typing mistake. */
export const MAX_LEVEL_THRESHOLD: Fen = 100_000_000_000;

/** Why a set of thresholds (fen, for L1…L6) is refused, or null. */
export function thresholdsProblem(thresholds: readonly Fen[]): string | null {
  if (thresholds.length !== 6) return 'must list six thresholds, for L1 to L6';
  if (thresholds.some((t) => !Number.isSafeInteger(t))) return 'must be whole fen';
  if (thresholds[0] !== LEVEL_ONE_THRESHOLD) return 'must start at 2000.00 for L1 (L0 is under ¥2,000)';
  for (let i = 1; i < 6; i++) {
    if (thresholds[i] <= thresholds[i - 1]) return `must rise: L${i + 1} must be above L${i}`;
  }
  if (thresholds[5] > MAX_LEVEL_THRESHOLD) return 'must be at most 1000000000.00';
  return null;
}

/** The level a month's purchases (fen, returns deducted) earn: the highest threshold reached. */
export function memberLevelFor(amount: Fen, thresholds: readonly Fen[]): MemberLevel {
  let level = 0;
  thresholds.forEach((t, i) => {
    if (amount >= t) level = i + 1;
  });
  return MEMBER_LEVELS[level];
}

// ---------------------------------------------------------------------------------------------
// Months and days (Asia/Shanghai)

/** A month is carried as its first day, 'YYYY-MM-01'. */
export type Month = BusinessDate;

export function monthOf(date: BusinessDate): Month {
  return `${date.slice(0, 7)}-01`;
}

/** 'YYYY-MM' (or 'YYYY-MM-01') → 'YYYY-MM-01', or null when it is not a month. */
export function parseMonth(text: string): Month | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])(-01)?$/.exec(text);
  return match ? `${match[1]}-${match[2]}-01` : null;
}

export function nextMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function previousMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
}

/** The instants a month spans in China: [first day 00:00, next month's first day 00:00). */
export function monthBounds(month: Month): { from: Date; to: Date } {
  return { from: startOfBusinessDay(month), to: startOfBusinessDay(nextMonth(month)) };
}

/** The last calendar month before the instant (what member levels are based on). */
export function lastMonthBefore(instant: Date): Month {
  return previousMonth(monthOf(businessDateOf(instant)));
}

// ---------------------------------------------------------------------------------------------
// Returns

/**
 * The last business day a return may be requested: the window counts whole days from the day
 * after delivery, so goods signed for on the 3rd with a 7-day window may be returned through the 10th.
 */
export function lastReturnDay(deliveredAt: Date, windowDays: number): BusinessDate {
  return addDays(businessDateOf(deliveredAt), windowDays);
}

export function returnWindowOpen(deliveredAt: Date, windowDays: number, now: Date): boolean {
  return businessDateOf(now) <= lastReturnDay(deliveredAt, windowDays);
}

/** Units of an order line still returnable: delivered less what other returns (not cancelled) took. */
export function returnableQuantity(delivered: number, alreadyReturned: number): number {
  return Math.max(0, delivered - alreadyReturned);
}

/** Money of a line, exactly (integer fen; refuses anything beyond exact range). */
export function lineAmount(quantity: number, unitPrice: Fen): Fen {
  const amount = BigInt(quantity) * BigInt(unitPrice);
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Amount is too large.');
  return Number(amount);
}
