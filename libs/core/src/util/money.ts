/**
 * Money is integer fen (分) everywhere inside the system; the API shows yuan as an exact
 * decimal string ("12.50"). Nothing here ever passes a price through a float.
 */
export type Fen = number;

const MONEY_PATTERN = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

export class MoneyFormatError extends Error {}

/** "12.5" → 1250. Refuses more than two decimals, exponents, spaces and values beyond ±10^13 yuan. */
export function parseYuan(text: string): Fen {
  const match = MONEY_PATTERN.exec(text.trim());
  if (!match) {
    throw new MoneyFormatError(
      `"${text.slice(0, 40)}" is not an amount in yuan with at most two decimals (like 12.50).`,
    );
  }
  const [, sign, whole, decimals = ''] = match;
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return sign ? -fen : fen;
}

/** 1250 → "12.50". */
export function formatYuan(fen: Fen | bigint | string): string {
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${rest}`;
}

export function assertFen(value: unknown, what = 'amount'): Fen {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new MoneyFormatError(`${what} must be a whole number of fen.`);
  }
  return value;
}

/** Multiplies a unit price by a quantity, exactly. */
export function fenTimes(unit: Fen, quantity: number): Fen {
  const result = unit * quantity;
  if (!Number.isSafeInteger(result)) throw new MoneyFormatError('Amount is too large.');
  return result;
}

/** Applies basis points (1 bp = 0.01 %) to an amount, rounding half up to the fen. */
export function applyBasisPoints(amount: Fen, basisPoints: number): Fen {
  const scaled = BigInt(amount) * BigInt(10_000 + basisPoints);
  const q = scaled / 10_000n;
  const r = scaled % 10_000n;
  return Number(r * 2n >= 10_000n ? q + 1n : q);
}
