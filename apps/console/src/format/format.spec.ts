import { endOfShanghaiDay, formatDateTime, shanghaiDay, startOfShanghaiDay } from './dates';
import { fenToMoney, formatMoney, moneyShare, moneyToFen, multiplyMoney, sumMoney } from './money';

describe('money', () => {
  it('formats the API decimal strings as yuan with two decimals and grouped digits', () => {
    expect(formatMoney('12.50')).toBe('¥12.50');
    expect(formatMoney('1234567.5')).toBe('¥1,234,567.50');
    expect(formatMoney('0')).toBe('¥0.00');
    expect(formatMoney('-3.00')).toBe('-¥3.00');
    expect(formatMoney('-0.00')).toBe('¥0.00');
    expect(formatMoney('000123.40')).toBe('¥123.40');
  });

  it('never loses precision: amounts beyond a float are exact', () => {
    expect(formatMoney('90071992547409931.99')).toBe('¥90,071,992,547,409,931.99');
    expect(formatMoney('0.1')).toBe('¥0.10');
  });

  it('shows nothing for no value and anything unexpected as it came', () => {
    expect(formatMoney(null)).toBe('');
    expect(formatMoney(undefined)).toBe('');
    expect(formatMoney('abc')).toBe('abc');
  });
});

describe('dates in Asia/Shanghai', () => {
  it('shows instants in Shanghai time whatever their offset', () => {
    expect(formatDateTime('2026-03-01T16:30:00Z')).toBe('2026-03-02 00:30');
    expect(formatDateTime('2026-03-01T08:05:09+08:00', true)).toBe('2026-03-01 08:05:09');
    expect(formatDateTime(null)).toBe('');
  });

  it('knows the Shanghai business day of an instant', () => {
    expect(shanghaiDay('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(shanghaiDay('2026-12-31T15:59:59Z')).toBe('2026-12-31');
  });

  it('turns business days into filter bounds (to is exclusive: the whole day counts)', () => {
    expect(startOfShanghaiDay('2026-02-28')).toBe('2026-02-28T00:00:00+08:00');
    expect(endOfShanghaiDay('2026-02-28')).toBe('2026-03-01T00:00:00+08:00');
    expect(endOfShanghaiDay('2026-12-31')).toBe('2027-01-01T00:00:00+08:00');
  });
});

describe('money arithmetic on integer fen', () => {
  it('reads and writes the decimal strings exactly', () => {
    expect(moneyToFen('12.5')).toBe(1250n);
    expect(moneyToFen('-0.07')).toBe(-7n);
    expect(moneyToFen('90071992547409931.99')).toBe(9007199254740993199n);
    expect(moneyToFen('1.234')).toBeNull();
    expect(fenToMoney(1250n)).toBe('12.50');
    expect(fenToMoney(-7n)).toBe('-0.07');
  });

  it('prices a line and sums amounts without floats', () => {
    expect(multiplyMoney('18.50', 12)).toBe('222.00');
    expect(multiplyMoney('0.10', 3)).toBe('0.30');
    expect(multiplyMoney('abc', 3)).toBeNull();
    expect(sumMoney(['0.10', '0.20', null])).toBe('0.30');
  });

  it('draws a share of a maximum for bars', () => {
    expect(moneyShare('50.00', '200.00')).toBe(25);
    expect(moneyShare('0', '0')).toBe(0);
    expect(moneyShare('-5', '10')).toBe(0);
  });
});
