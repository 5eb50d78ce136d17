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
