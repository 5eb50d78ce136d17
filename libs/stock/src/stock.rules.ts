import { createHash } from 'node:crypto';
import { BusinessDate, daysBetween, DomainError } from '@xp/core';
import { LocationKind, MovementType, ReceiptStatus, StockCountStatus } from './stock.enums';

/** Which ends a movement of each type has: a location, or null for outside the venue. */
export function movementShapeProblem(type: MovementType, from: LocationKind | null, to: LocationKind | null): string | null {
  switch (type) {
    case MovementType.CONSIGN_IN:
      return from === null && to !== null ? null : 'comes from outside the venue (no from) into a location (to)';
    case MovementType.CUSTOMER_RETURN:
      return from === null && (to === LocationKind.WAREHOUSE || to === LocationKind.DAMAGED)
        ? null
        : 'comes back from a buyer (no from) into WAREHOUSE or DAMAGED';
    case MovementType.TRANSFER:
      return from !== null && to !== null && from !== to ? null : 'needs two different locations';
    case MovementType.RESERVE:
    case MovementType.RELEASE:
      return from !== null && to === from ? null : 'happens at one location (from = to)';
    case MovementType.ADJUSTMENT:
      return (from === null) !== (to === null) ? null : 'is either a gain into a location (to) or a loss out of one (from)';
    case MovementType.SALE:
    case MovementType.RETURN_TO_FACTORY:
    case MovementType.WRITE_OFF:
      return from !== null && to === null ? null : 'leaves the venue from a location (no to)';
  }
}

/** RESERVE and RELEASE name one location; either end given is taken for both. */
export function normalizeEnds(
  type: MovementType,
  from: LocationKind | null | undefined,
  to: LocationKind | null | undefined,
): { from: LocationKind | null; to: LocationKind | null } {
  if (type === MovementType.RESERVE || type === MovementType.RELEASE) {
    const at = from ?? to ?? null;
    return { from: at, to: at };
  }
  return { from: from ?? null, to: to ?? null };
}

export interface BalanceEffect {
  location: LocationKind;
  onHand: number;
  reserved: number;
}

/** What one movement does to the balances of its locations. */
export function balanceEffects(m: { type: MovementType; from: LocationKind | null; to: LocationKind | null; quantity: number }): BalanceEffect[] {
  const q = m.quantity;
  if (m.type === MovementType.RESERVE) return [{ location: m.from!, onHand: 0, reserved: q }];
  if (m.type === MovementType.RELEASE) return [{ location: m.from!, onHand: 0, reserved: -q }];
  const effects: BalanceEffect[] = [];
  if (m.from) effects.push({ location: m.from, onHand: -q, reserved: m.type === MovementType.SALE ? -q : 0 });
  if (m.to) effects.push({ location: m.to, onHand: q, reserved: 0 });
  return effects;
}

export interface BalanceDelta {
  skuId: string;
  location: LocationKind;
  onHand: number;
  reserved: number;
}

/**
 * The net change per (SKU, location) of a batch of movements, sorted by SKU then location:
 * the order in which balance rows are locked, so that concurrent batches never deadlock.
 */
export function netDeltas(movements: { skuId: string; type: MovementType; from: LocationKind | null; to: LocationKind | null; quantity: number }[]): BalanceDelta[] {
  const byKey = new Map<string, BalanceDelta>();
  for (const m of movements) {
    for (const e of balanceEffects(m)) {
      const key = `${m.skuId}|${e.location}`;
      const delta = byKey.get(key) ?? { skuId: m.skuId, location: e.location, onHand: 0, reserved: 0 };
      delta.onHand += e.onHand;
      delta.reserved += e.reserved;
      byKey.set(key, delta);
    }
  }
  return [...byKey.values()]
    .filter((d) => d.onHand !== 0 || d.reserved !== 0)
    .sort((a, b) => (a.skuId === b.skuId ? compare(a.location, b.location) : compare(a.skuId, b.skuId)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A balance the database accepts: nothing negative, never more reserved than on hand. */
export function isValidBalance(onHand: number, reserved: number): boolean {
  return onHand >= 0 && reserved >= 0 && reserved <= onHand;
}

/** A delta that is valid on an empty balance is valid on any valid balance (so it needs no check). */
export function alwaysApplicable(delta: { onHand: number; reserved: number }): boolean {
  return isValidBalance(delta.onHand, delta.reserved);
}

/** Movement types that bring units into the venue (new FIFO lots) and that take units out. */
export function ageDirection(type: MovementType, from: LocationKind | null, to: LocationKind | null): 'in' | 'out' | null {
  switch (type) {
    case MovementType.CONSIGN_IN:
    case MovementType.CUSTOMER_RETURN:
      return 'in';
    case MovementType.SALE:
    case MovementType.RETURN_TO_FACTORY:
    case MovementType.WRITE_OFF:
      return 'out';
    case MovementType.ADJUSTMENT:
      return to ? 'in' : from ? 'out' : null;
    default:
      return null;
  }
}

export interface Lot {
  /** The business day the units came in. */
  receivedOn: BusinessDate;
  quantity: number;
}

/**
 * First in, first out: the units that left are taken from the oldest lots first; answers
 * the lots (or parts of lots) still in the venue, oldest first.
 */
export function fifoRemaining(lots: Lot[], unitsOut: number): Lot[] {
  const sorted = [...lots].sort((a, b) => compare(a.receivedOn, b.receivedOn));
  let toConsume = Math.max(0, unitsOut);
  const remaining: Lot[] = [];
  for (const lot of sorted) {
    const consumed = Math.min(lot.quantity, toConsume);
    toConsume -= consumed;
    if (lot.quantity > consumed) remaining.push({ receivedOn: lot.receivedOn, quantity: lot.quantity - consumed });
  }
  return remaining;
}

export interface AgeBuckets {
  days0To30: number;
  days31To90: number;
  over90: number;
  oldestReceivedOn: BusinessDate | null;
  oldestAgeDays: number | null;
}

/** Units by age (0–30, 31–90, over 90 days since receipt) as of a day, and the oldest lot's age. */
export function ageBuckets(remaining: Lot[], asOf: BusinessDate): AgeBuckets {
  const result: AgeBuckets = { days0To30: 0, days31To90: 0, over90: 0, oldestReceivedOn: null, oldestAgeDays: null };
  for (const lot of remaining) {
    if (lot.quantity <= 0) continue;
    const age = Math.max(0, daysBetween(lot.receivedOn, asOf));
    if (age <= 30) result.days0To30 += lot.quantity;
    else if (age <= 90) result.days31To90 += lot.quantity;
    else result.over90 += lot.quantity;
    if (result.oldestReceivedOn === null || lot.receivedOn < result.oldestReceivedOn) {
      result.oldestReceivedOn = lot.receivedOn;
      result.oldestAgeDays = age;
    }
  }
  return result;
}

/** A count line whose variance exceeds the venue's threshold needs an OPERATOR_ADMIN to approve. */
export function varianceNeedsAdmin(variance: number, threshold: number): boolean {
  return Math.abs(variance) > threshold;
}

export function countNeedsAdmin(variances: number[], threshold: number): boolean {
  return variances.some((v) => varianceNeedsAdmin(v, threshold));
}

/** SHOWROOM_STAFF move display samples between the warehouse and the showroom, nothing else. */
export function showroomStaffMayTransfer(from: LocationKind, to: LocationKind): boolean {
  const pair = new Set([from, to]);
  return pair.size === 2 && pair.has(LocationKind.SHOWROOM) && pair.has(LocationKind.WAREHOUSE);
}

export const RECEIPT_TRANSITIONS: Record<ReceiptStatus, readonly ReceiptStatus[]> = {
  [ReceiptStatus.DECLARED]: [ReceiptStatus.RECEIVED, ReceiptStatus.CANCELLED],
  [ReceiptStatus.RECEIVED]: [],
  [ReceiptStatus.CANCELLED]: [],
};

export const COUNT_TRANSITIONS: Record<StockCountStatus, readonly StockCountStatus[]> = {
  [StockCountStatus.COUNTING]: [StockCountStatus.SUBMITTED, StockCountStatus.CANCELLED],
  [StockCountStatus.SUBMITTED]: [StockCountStatus.APPROVED, StockCountStatus.CANCELLED],
  [StockCountStatus.APPROVED]: [],
  [StockCountStatus.CANCELLED]: [],
};

/** Applies a workflow's transitions table: INVALID_TRANSITION for an edge it does not list. */
export function assertTransition<S extends string>(table: Record<S, readonly S[]>, entity: string, from: S, to: S): void {
  if (!table[from].includes(to)) throw DomainError.invalidTransition(entity, from, to);
}

/** JSON with sorted keys, so that equal requests hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => compare(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What a replay must match: the same action on the same request. */
export function requestHash(action: string, request: unknown): string {
  return createHash('sha256').update(`${action}\n${canonicalJson(request)}`).digest('hex');
}
