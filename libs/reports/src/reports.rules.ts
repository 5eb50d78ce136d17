import { addDays, BusinessDate, daysBetween, FieldError, isBusinessDate, startOfBusinessDay, today } from '@xp/core';

/** The longest period a report covers (two years and a leap day). */
export const MAX_REPORT_DAYS = 732;

/** How many entries the top lists and the weakest-slot list hold. */
export const TOP_N = 10;

export interface Period {
  /** First business day, inclusive. */
  from: BusinessDate;
  /** Business day after the last one (exclusive). */
  to: BusinessDate;
  days: number;
}

export interface ReportPeriods {
  current: Period;
  /** The period of equal length just before. */
  previous: Period;
}

/** How long after a period closes its activity figures may be kept (late commits of the last day). */
export const KEEP_AFTER_CLOSE_MS = 10 * 60_000;

/**
 * Whether a period's activity figures may be kept (see PeriodCache): every day of it is over, and
 * has been for ten minutes, so that only late or backdated writes can still change them.
 */
export function isKeptPeriod(p: Period, now: Date): boolean {
  return now.getTime() >= startOfBusinessDay(p.to).getTime() + KEEP_AFTER_CLOSE_MS;
}

/** Slots with their activity added (slots without any keep zeros); the slots' order is kept. */
export function withSlotActivity<T extends { slotId: string; scans: number; unitsSold: number; gmv: number }>(
  slots: readonly T[],
  activity: readonly { slotId: string; scans: number; unitsSold: number; gmv: number }[],
): T[] {
  const bySlot = new Map(activity.map((a) => [a.slotId, a]));
  return slots.map((s) => {
    const a = bySlot.get(s.slotId);
    return a ? { ...s, scans: s.scans + a.scans, unitsSold: s.unitsSold + a.unitsSold, gmv: s.gmv + a.gmv } : s;
  });
}

/** Whether the day has been under way long enough for yesterday's figures to be kept. */
export function isDaySettled(now: Date): boolean {
  return now.getTime() >= startOfBusinessDay(today(now)).getTime() + KEEP_AFTER_CLOSE_MS;
}

/**
 * The periods the console offers first (this month, last month, this year — each to the end of
 * today), made each morning so that their closed days are kept before anyone asks.
 */
export function warmUpPeriods(day: BusinessDate): { from: BusinessDate; to: BusinessDate }[] {
  const [y, m] = day.split('-').map(Number);
  const monthStart = `${day.slice(0, 7)}-01`;
  const lastMonthStart = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
  const end = addDays(day, 1);
  const periods = [
    { from: monthStart, to: end },
    { from: lastMonthStart, to: monthStart },
    { from: `${y}-01-01`, to: end },
  ];
  return periods.filter((p, i) => periods.findIndex((q) => q.from === p.from && q.to === p.to) === i);
}

/** What is wrong with a report period (empty when fine): real days, `to` after `from`, at most two years. */
export function periodProblems(from: string, to: string): FieldError[] {
  const problems: FieldError[] = [];
  if (!isBusinessDate(from)) problems.push({ path: 'from', message: 'must be a day written YYYY-MM-DD' });
  if (!isBusinessDate(to)) problems.push({ path: 'to', message: 'must be a day written YYYY-MM-DD' });
  if (problems.length) return problems;
  const days = daysBetween(from, to);
  if (days <= 0) problems.push({ path: 'to', message: 'must be after from (to is the day after the last day reported)' });
  else if (days > MAX_REPORT_DAYS) problems.push({ path: 'to', message: `the period may span at most ${MAX_REPORT_DAYS} days` });
  return problems;
}

/** The period [from, to) and the previous period of equal length [from − n, from). Assumes a valid period. */
export function reportPeriods(from: BusinessDate, to: BusinessDate): ReportPeriods {
  const days = daysBetween(from, to);
  return { current: { from, to, days }, previous: { from: addDays(from, -days), to: from, days } };
}

export interface Figure {
  value: number;
  previous: number;
  change: number;
  /** (value − previous) / previous; null when previous is 0. */
  changeRate: number | null;
}

export interface OptionalFigure {
  value: number | null;
  previous: number | null;
  /** value − previous; null when either is unknown. */
  change: number | null;
}

/** A count or an amount in fen beside its previous-period value. */
export function figure(value: number, previous: number): Figure {
  return { value, previous, change: value - previous, changeRate: previous === 0 ? null : (value - previous) / previous };
}

/** A ratio or a measure (hours) beside its previous-period value; unknowns stay null. */
export function floatFigure(value: number | null, previous: number | null): OptionalFigure {
  return { value, previous, change: value === null || previous === null ? null : value - previous };
}

/** numerator / denominator, or null when the denominator is 0 (a rate of nothing is unknown, not 0). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** An amount in fen shared over n (days), rounded half up to the fen, in integers only. */
export function fenPer(amount: number, n: number): number | null {
  if (n === 0) return null;
  const a = BigInt(amount);
  const d = BigInt(n);
  const q = a / d;
  const r = a % d;
  return Number(r * 2n >= d ? q + 1n : q);
}

/** Hours rounded to two decimals (as reports show them). */
export function roundHours(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 100) / 100;
}

/**
 * The operator's spread: wholesale minus supply of the units sold, less the same of the units
 * returned (a return gives the buyer the wholesale price back and the factory its goods).
 */
export function spread(s: { gmv: number; supplyAmount: number; returnedAmount: number; returnedSupply: number }): number {
  return s.gmv - s.supplyAmount - (s.returnedAmount - s.returnedSupply);
}

/** What a factory earns at supply price: supply value of units sold less that of units returned. */
export function supplyEarnings(s: { supplyAmount: number; returnedSupply: number }): number {
  return s.supplyAmount - s.returnedSupply;
}

export interface SlotActivity {
  slotCode: string;
  occupiedDays: number;
  scans: number;
  unitsSold: number;
}

/** The n occupied slots doing worst: fewest scans per occupied day, then fewest units per occupied day, then code. */
export function weakestSlots<T extends SlotActivity>(rows: readonly T[], n = TOP_N): T[] {
  const perDay = (r: T, v: number) => v / r.occupiedDays;
  return rows
    .filter((r) => r.occupiedDays > 0)
    .sort(
      (a, b) =>
        perDay(a, a.scans) - perDay(b, b.scans) ||
        perDay(a, a.unitsSold) - perDay(b, b.unitsSold) ||
        (a.slotCode < b.slotCode ? -1 : a.slotCode > b.slotCode ? 1 : 0),
    )
    .slice(0, n);
}

/** Which version of a report a caller gets at a venue. */
export enum ReportView {
  /** Every figure, per-factory lists and the spread. */
  FULL = 'FULL',
  /** Government viewers: the venue's aggregates only — no factory, no SKU, no spread. */
  AGGREGATE_ONLY = 'AGGREGATE_ONLY',
}
