import { LabelRenderError } from './errors';
import { WholesaleTier } from './types';

/**
 * Text shown on labels. Money is integer fen and is formatted with integer arithmetic only
 * (no float ever touches a price).
 */

/** 1250 → "¥12.50"; refuses anything but a safe whole number of fen. */
export function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new LabelRenderError(`${String(fen)} is not a whole number of fen.`);
  const negative = fen < 0;
  const abs = BigInt(negative ? -fen : fen);
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${abs / 100n}.${cents}`;
}

/** Tiers from the lowest quantity up, each with the range it covers: "1-9件 ¥12.50", "≥10件 ¥11.00". */
export function tierLines(tiers: readonly WholesaleTier[], unit: string): string[] {
  const sorted = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
  return sorted.map((tier, i) => {
    const next = sorted[i + 1];
    const range =
      next === undefined
        ? `≥${tier.minQuantity}${unit}`
        : next.minQuantity - 1 === tier.minQuantity
          ? `${tier.minQuantity}${unit}`
          : `${tier.minQuantity}-${next.minQuantity - 1}${unit}`;
    return `${range} ${yuan(tier.unitPriceFen)}`;
  });
}

/** "起批 10件 · 每箱 6件" (pack size only when packs hold more than one unit). */
export function moqLine(moq: number, unit: string, packSize: number): string {
  return packSize > 1 ? `起批 ${moq}${unit} · ${packSize}${unit}/箱` : `起批 ${moq}${unit}`;
}

/** A date as YYYY-MM-DD in Asia/Shanghai (a business day string is kept as it is). */
export function printedDay(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime())) return null;
    value = parsed;
  }
  return value.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}

/** GTIN-13 / EAN-13: 13 digits whose last is the mod-10 check digit (weights 1,3,1,3…). */
export function isValidEan13(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false;
  let total = 0;
  for (let i = 0; i < 12; i++) total += Number(code[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (total % 10)) % 10 === Number(code[12]);
}
