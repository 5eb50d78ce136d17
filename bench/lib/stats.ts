/** The harness's arithmetic: percentiles, ratios to ceilings, targets and growth. Pure. */

/** The p-th percentile (0–100) of the values, nearest-rank: an observed value, never interpolated. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be within 0..100, not ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * Whether more is better (requests/s, speed-ups) or less is (seconds, milliseconds,
 * statements). A ratio is always "how good against the ceiling": above 1 beats it.
 */
export type Better = 'higher' | 'lower';

export function ratioOf(value: number, ceiling: number, better: Better): number {
  if (!(value > 0) || !(ceiling > 0)) return 0;
  return better === 'higher' ? value / ceiling : ceiling / value;
}

export type Comparison = '>=' | '<=' | '<' | '>' | '=';

export interface Target {
  /** What is compared: the measured value, or its ratio to the ceiling. */
  on: 'value' | 'ratio';
  op: Comparison;
  limit: number;
  /** How the target is stated, e.g. "≥ 60 % of the ceiling". */
  text: string;
}

export function meets(actual: number, target: Pick<Target, 'op' | 'limit'>): boolean {
  switch (target.op) {
    case '>=':
      return actual >= target.limit;
    case '<=':
      return actual <= target.limit;
    case '<':
      return actual < target.limit;
    case '>':
      return actual > target.limit;
    case '=':
      return actual === target.limit;
  }
}

/**
 * How a cost grows from a small dataset to one `dataFactor` times larger: the exponent k of
 * cost ∝ size^k. 0 is flat, 1 linear, 2 quadratic.
 */
export function growthExponent(smallCost: number, largeCost: number, dataFactor: number): number {
  if (!(smallCost > 0) || !(largeCost > 0) || !(dataFactor > 1)) throw new Error('growth needs positive costs and a factor above 1');
  return Math.log(largeCost / smallCost) / Math.log(dataFactor);
}

/** flat (k < 0.25), sub-linear (< 0.8), near-linear (≤ 1.25), super-linear (< 1.75) or quadratic. */
export function growthClass(exponent: number): 'flat' | 'sub-linear' | 'near-linear' | 'super-linear' | 'quadratic' {
  if (exponent < 0.25) return 'flat';
  if (exponent < 0.8) return 'sub-linear';
  if (exponent <= 1.25) return 'near-linear';
  if (exponent < 1.75) return 'super-linear';
  return 'quadratic';
}

/** Rounds for display and JSON: 3 significant digits, integers above 1,000 kept whole. */
export function round(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  if (Math.abs(value) >= 1000) return Math.round(value);
  const digits = 3 - Math.ceil(Math.log10(Math.abs(value)));
  const factor = 10 ** Math.max(0, digits);
  return Math.round(value * factor) / factor;
}
