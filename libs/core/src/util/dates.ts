/** Business dates are Asia/Shanghai calendar days, carried as 'YYYY-MM-DD' strings. */
export type BusinessDate = string;

export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function isBusinessDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The business day an instant falls on in China. */
export function businessDateOf(instant: Date): BusinessDate {
  return dayFormatter.format(instant);
}

export function today(now: Date = new Date()): BusinessDate {
  return businessDateOf(now);
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
  const [ay, am, ad] = a.split('-').map(Number);
  const [by, bm, bd] = b.split('-').map(Number);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** The instant a business day starts (00:00 in Shanghai, which has no daylight saving). */
export function startOfBusinessDay(date: BusinessDate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** ISO 8601 with the China offset: 2026-11-25T18:00:00.000+08:00. */
export function formatDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 23)}+08:00`;
}
