import { addDays, BusinessDate, daysBetween } from '@xp/core';

/** Business-day periods [from, to); `to` null = open-ended. */
export interface Period {
  from: BusinessDate;
  to: BusinessDate | null;
}

/** '[2026-11-01,2026-12-01)' or '[2026-11-01,)' (PostgreSQL daterange text) → Period. */
export function parsePeriod(text: string): Period {
  const match = /^\[(\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2})?\)$/.exec(text);
  if (!match) throw new Error(`Not a closed-open date range: ${text}`);
  return { from: match[1], to: match[2] ?? null };
}

export function overlaps(a: Period, b: Period): boolean {
  const aEndsAfterBStarts = a.to === null || a.to > b.from;
  const bEndsAfterAStarts = b.to === null || b.to > a.from;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/** Whole days of `period` inside the window [from, to). */
export function daysWithin(period: Period, window: { from: BusinessDate; to: BusinessDate }): number {
  const start = period.from > window.from ? period.from : window.from;
  const end = period.to === null || period.to > window.to ? window.to : period.to;
  return end > start ? daysBetween(start, end) : 0;
}

/** Shelf code A-03 for zone A, shelf 3; 3 digits past 99. */
export function shelfCode(zoneCode: string, number: number): string {
  return `${zoneCode}-${String(number).padStart(number > 99 ? 3 : 2, '0')}`;
}

/** Slot code A-03-2 for zone A, shelf 3, level 2. */
export function slotCode(zoneCode: string, shelfNumber: number, level: number): string {
  return `${shelfCode(zoneCode, shelfNumber)}-${level}`;
}

/** Why a period is not acceptable for a new or changed assignment, or null. */
export function periodProblem(period: Period, today: BusinessDate): { path: 'from' | 'to'; message: string } | null {
  if (period.from < today) return { path: 'from', message: 'cannot start in the past' };
  if (period.to !== null && period.to <= period.from) return { path: 'to', message: 'must be after the first day' };
  return null;
}

export enum SlotState {
  FREE = 'FREE',
  OCCUPIED = 'OCCUPIED',
  ENDING_SOON = 'ENDING_SOON',
  MAINTENANCE = 'MAINTENANCE',
}

export const ENDING_SOON_DAYS = 7;

/** The state a slot map shows for one slot on one day. */
export function slotState(
  slotStatus: 'ACTIVE' | 'MAINTENANCE' | 'RETIRED',
  assignment: Period | null,
  date: BusinessDate,
): SlotState {
  if (slotStatus !== 'ACTIVE') return SlotState.MAINTENANCE;
  if (!assignment) return SlotState.FREE;
  if (assignment.to !== null && assignment.to <= addDays(date, ENDING_SOON_DAYS)) return SlotState.ENDING_SOON;
  return SlotState.OCCUPIED;
}

/** The shelves and slots a bulk layout call creates. */
export function plannedLayout(zoneCode: string, fromNumber: number, toNumber: number, levels: number) {
  const shelves: { number: number; code: string; slots: { level: number; code: string }[] }[] = [];
  for (let number = fromNumber; number <= toNumber; number++) {
    shelves.push({
      number,
      code: shelfCode(zoneCode, number),
      slots: Array.from({ length: levels }, (_, i) => ({ level: i + 1, code: slotCode(zoneCode, number, i + 1) })),
    });
  }
  return shelves;
}
