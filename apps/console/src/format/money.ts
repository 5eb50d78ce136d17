/**
 * Money arrives as the API's exact decimal string in yuan ("1234.5", "12.50", "-3.00"). It is
 * formatted as text — digits grouped, two decimals, ¥ in front — and never passes through a
 * floating-point number.
 */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const match = /^([+-])?(\d+)(?:\.(\d+))?$/.exec(String(value).trim());
  if (!match) return String(value);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > 2 && /[^0]/.test(fraction.slice(2))) return `${sign === '-' ? '-' : ''}¥${group(whole)}.${fraction}`;
  const cents = fraction.slice(0, 2).padEnd(2, '0');
  const zero = /^0+$/.test(whole) && cents === '00';
  return `${sign === '-' && !zero ? '-' : ''}¥${group(whole)}.${cents}`;
}

function group(whole: string): string {
  const digits = whole.replace(/^0+(?=\d)/, '');
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A Money decimal string as integer fen (null when it is not one): "12.5" → 1250n. */
export function moneyToFen(value: string | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  const match = /^([+-])?(\d+)(?:\.(\d{1,2}))?$/.exec(String(value).trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const fen = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  return sign === '-' ? -fen : fen;
}

/** Integer fen as the API's decimal string: 1250n → "12.50". */
export function fenToMoney(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** quantity × unit price, exact (integer fen): what an order line will cost. */
export function multiplyMoney(price: string | null | undefined, quantity: number): string | null {
  const fen = moneyToFen(price);
  if (fen === null || !Number.isSafeInteger(quantity)) return null;
  return fenToMoney(fen * BigInt(quantity));
}

/** Sums Money strings exactly. */
export function sumMoney(values: (string | null | undefined)[]): string {
  return fenToMoney(values.reduce<bigint>((sum, v) => sum + (moneyToFen(v) ?? 0n), 0n));
}

/**
 * The share of `value` in `max` as a percentage for a bar's length (0–100), computed on integer
 * fen: the money itself never becomes a float, only the drawn proportion does.
 */
export function moneyShare(value: string | null | undefined, max: string | null | undefined): number {
  const v = moneyToFen(value);
  const m = moneyToFen(max);
  if (v === null || m === null || m <= 0n || v <= 0n) return 0;
  return Number((v * 10000n) / m) / 100;
}
