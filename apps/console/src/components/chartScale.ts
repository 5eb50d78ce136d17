import { fenToMoney, formatMoney, moneyShare, moneyToFen } from '../format/money';

/**
 * The arithmetic of the console's charts and report figures, kept apart from the drawing so it is
 * unit tested: money stays integer fen, only a bar's drawn proportion becomes a float.
 */

/** How a figure reads: counts grouped, money as ¥, rates as %, hours and averages with one decimal. */
export type FigureKind = 'count' | 'money' | 'rate' | 'hours' | 'decimal';

/** A figure beside the previous period, as the API's Count/Money/FloatFigure answer it. */
export interface FigureValue {
  value: number | string | null;
  previous: number | string | null;
  change?: number | string | null;
  changeRate?: number | null;
}

export const percent = (rate: number | null | undefined, digits = 1) => (rate === null || rate === undefined || Number.isNaN(rate) ? '—' : `${(rate * 100).toFixed(digits)}%`);

/** A value as it reads: counts grouped, money as ¥, rates as %, hours with one decimal. */
export function formatFigure(kind: FigureKind, value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'money') return formatMoney(String(value));
  if (kind === 'rate') return percent(Number(value));
  if (kind === 'hours' || kind === 'decimal') return Number(value).toFixed(1);
  return Number(value).toLocaleString('zh-CN');
}

/**
 * Two values of the same kind as one figure, the way the API builds them: change = value −
 * previous (money exact, in fen), changeRate = change / previous (null when previous is 0);
 * rates and hours only a change, null when either side is unknown.
 */
export function compareFigure(kind: FigureKind, value: number | string | null | undefined, previous: number | string | null | undefined): FigureValue {
  const v = value ?? null;
  const p = previous ?? null;
  if (kind === 'money') {
    const vf = moneyToFen(v === null ? null : String(v));
    const pf = moneyToFen(p === null ? null : String(p));
    if (vf === null || pf === null) return { value: v, previous: p, change: null, changeRate: null };
    return { value: v, previous: p, change: fenToMoney(vf - pf), changeRate: pf === 0n ? null : Number(((vf - pf) * 1_000_000n) / pf) / 1_000_000 };
  }
  if (v === null || p === null) return { value: v, previous: p, change: null, changeRate: null };
  const change = Number(v) - Number(p);
  if (kind === 'count') return { value: v, previous: p, change, changeRate: Number(p) === 0 ? null : change / Number(p) };
  return { value: v, previous: p, change, changeRate: null };
}

/** The direction of a figure's change: 1 up, -1 down, 0 flat or unknown. */
export function changeSign(kind: FigureKind, figure: FigureValue): -1 | 0 | 1 {
  if (figure.change === null || figure.change === undefined) return 0;
  if (kind === 'money') {
    const fen = moneyToFen(String(figure.change));
    return fen === null || fen === 0n ? 0 : fen > 0n ? 1 : -1;
  }
  const n = Number(figure.change);
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

/** The largest of values of one kind (money compared in fen); null when there is none. */
export function maxOf(kind: FigureKind, values: (number | string | null | undefined)[]): number | string | null {
  let best: number | string | null = null;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (best === null) best = v;
    else if (kind === 'money' ? (moneyToFen(String(v)) ?? 0n) > (moneyToFen(String(best)) ?? 0n) : Number(v) > Number(best)) best = v;
  }
  return best;
}

/** A bar's length (0–100) for `value` against the largest value `max`; 0 for nothing or less. */
export function barShare(kind: FigureKind, value: number | string | null | undefined, max: number | string | null | undefined): number {
  if (value === null || value === undefined || max === null || max === undefined) return 0;
  if (kind === 'money') return Math.min(100, moneyShare(String(value), String(max)));
  const m = Number(max);
  const v = Number(value);
  return m > 0 && v > 0 ? Math.min(100, (v / m) * 100) : 0;
}

/** The parts of a stacked bar (stock age buckets) as shares of their sum, adding up to 100. */
export function stackShares(parts: number[]): number[] {
  const total = parts.reduce((sum, n) => sum + Math.max(0, n), 0);
  if (total === 0) return parts.map(() => 0);
  return parts.map((n) => (Math.max(0, n) / total) * 100);
}
