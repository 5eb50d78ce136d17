import { shanghaiDay } from './dates';

/** A report period: business days [from, to) — `to` is the day after the last day. */
export interface Period {
  from: string;
  to: string;
}

export type PeriodPreset = 'lastMonth' | 'thisMonth' | 'thisYear' | 'custom';

export const PERIOD_PRESETS: readonly PeriodPreset[] = ['thisMonth', 'lastMonth', 'thisYear', 'custom'];

/** A business day moved by `days` (calendar arithmetic on the date alone). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The last month before `today`'s: [its first day, this month's first day). */
export function lastMonth(today: string = shanghaiDay()): Period {
  const [y, m] = today.split('-').map(Number);
  const first = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
  return { from: first, to: `${today.slice(0, 7)}-01` };
}

/** This month so far: [its first day, tomorrow), so today's figures are in. */
export function thisMonth(today: string = shanghaiDay()): Period {
  return { from: `${today.slice(0, 7)}-01`, to: addDays(today, 1) };
}

/** This year so far: [1 January, tomorrow). */
export function thisYear(today: string = shanghaiDay()): Period {
  return { from: `${today.slice(0, 4)}-01-01`, to: addDays(today, 1) };
}

/** Days in [from, to). */
export function daysIn(period: Period): number {
  const [a, b] = [period.from, period.to].map((d) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y, m - 1, day);
  });
  return Math.round((b - a) / 86_400_000);
}

/**
 * The same days of last month as this month so far (1–25 November → 1–25 October), cut at the
 * end of last month (31 March → 1–28/29 February): what a home figure compares this month with.
 */
export function sameDaysLastMonth(today: string = shanghaiDay()): Period {
  const last = lastMonth(today);
  const end = addDays(last.from, daysIn(thisMonth(today)));
  return { from: last.from, to: end < last.to ? end : last.to };
}

/** Today alone: [today, tomorrow). */
export function todayPeriod(today: string = shanghaiDay()): Period {
  return { from: today, to: addDays(today, 1) };
}

/** The period a preset means today (custom: the dates typed, the last one included). */
export function periodOf(preset: PeriodPreset, custom: { first: string; last: string }, today: string = shanghaiDay()): Period | null {
  if (preset === 'lastMonth') return lastMonth(today);
  if (preset === 'thisMonth') return thisMonth(today);
  if (preset === 'thisYear') return thisYear(today);
  if (!isDay(custom.first) || !isDay(custom.last) || custom.last < custom.first) return null;
  return { from: custom.first, to: addDays(custom.last, 1) };
}

/** The period as people read it: its first and last day. */
export function lastDayOf(period: Period): string {
  return addDays(period.to, -1);
}

/** A real calendar day written YYYY-MM-DD. */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return addDays(value, 0) === value;
}

/**
 * The period a page was linked with (?from=&to=, `to` exclusive), as the custom dates of the
 * picker; null when absent or not a valid range.
 */
export function customFromLink(from: string | null, to: string | null): { first: string; last: string } | null {
  if (!isDay(from) || !isDay(to) || to <= from) return null;
  return { first: from, last: addDays(to, -1) };
}

/** The preset that means these days today (a link to last month opens on 上月), else custom. */
export function presetOf(custom: { first: string; last: string }, today: string = shanghaiDay()): PeriodPreset {
  const wanted = periodOf('custom', custom, today);
  const same = PERIOD_PRESETS.find((p) => p !== 'custom' && wanted && JSON.stringify(periodOf(p, custom, today)) === JSON.stringify(wanted));
  return same ?? 'custom';
}
