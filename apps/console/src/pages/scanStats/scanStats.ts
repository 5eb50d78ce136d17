/** Pure helpers of the scan statistics screen (unit-tested): the period, rates and the top rows. */

export type ScanGroupBy = 'DAY' | 'SKU' | 'SLOT' | 'FACTORY';

export interface ScanStatsRow {
  key: string;
  label: string;
  scans: number;
  uniqueDevices: number;
  listings: number;
  listingDevices: number;
  listingRate: number;
  tracedOrders: number | null;
}

export interface ScanStatsData {
  venueId: string;
  from: string;
  to: string;
  groupBy: ScanGroupBy;
  scope: 'VENUE' | 'FACTORY';
  ordersTraceable: boolean;
  totals: ScanStatsRow;
  rows: ScanStatsRow[];
}

export const SCAN_STATS = `query ScanStats($venueId: ID!, $from: Date!, $to: Date!, $groupBy: ScanGroupBy!) {
  result: scanStats(venueId: $venueId, from: $from, to: $to, groupBy: $groupBy) {
    venueId from to groupBy scope ordersTraceable
    totals { key label scans uniqueDevices listings listingDevices listingRate tracedOrders }
    rows { key label scans uniqueDevices listings listingDevices listingRate tracedOrders }
  }
}`;

/** The longest period the API answers (libs/scans MAX_STATS_DAYS). */
export const MAX_DAYS = 400;

/** A business day `days` later (negative: earlier), YYYY-MM-DD, calendar arithmetic in UTC. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (to not included). */
export function daysBetween(from: string, to: string): number {
  const t = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((t(to) - t(from)) / 86_400_000);
}

/**
 * The API's period [from, to) for the days the user picked, both included (first and last day).
 * Null when they are not days, the last is before the first, or the span is too long.
 */
export function periodOf(firstDay: string, lastDay: string): { from: string; to: string } | null {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(firstDay) || !day.test(lastDay) || lastDay < firstDay) return null;
  const to = addDays(lastDay, 1);
  return daysBetween(firstDay, to) > MAX_DAYS ? null : { from: firstDay, to };
}

/** The last `n` days up to `today`, included: what the screen opens with. */
export function lastDays(today: string, n: number): { firstDay: string; lastDay: string } {
  return { firstDay: addDays(today, -(n - 1)), lastDay: today };
}

/** A share as a percentage with one decimal: 0.125 → "12.5%". */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The rows with the most scans first (days stay in calendar order), at most `limit`. */
export function topRows(rows: readonly ScanStatsRow[], groupBy: ScanGroupBy, limit: number): ScanStatsRow[] {
  if (groupBy === 'DAY') return [...rows].sort((a, b) => a.key.localeCompare(b.key));
  return [...rows].sort((a, b) => b.scans - a.scans || b.listings - a.listings || a.label.localeCompare(b.label)).slice(0, limit);
}

/** A bar's share of the widest (0–100), for the inline bars of the table. */
export function barShare(value: number, max: number): number {
  return max > 0 ? Math.round((value / max) * 100) : 0;
}
