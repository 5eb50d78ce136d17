import { applyBasisPoints, fenTimes, formatYuan, parseYuan } from './money';

describe('money as integer fen', () => {
  it.each([
    ['12.50', 1250],
    ['12.5', 1250],
    ['12', 1200],
    ['0.01', 1],
    ['0', 0],
    ['-3.20', -320],
    ['9999999999999.99', 999_999_999_999_999],
  ])('parses %s yuan as %i fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each(['12.345', '1e3', '12,50', 'abc', '', '.5', '1.', '+1', '12 .5', '99999999999999'])('refuses %p', (text) => {
    expect(() => parseYuan(text)).toThrow(/yuan/);
  });

  it('formats fen as an exact decimal string', () => {
    expect(formatYuan(1250)).toBe('12.50');
    expect(formatYuan(1)).toBe('0.01');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan('999999999999999')).toBe('9999999999999.99');
  });

  it('round-trips every amount of a range exactly', () => {
    for (let fen = -1000; fen <= 1000; fen += 7) expect(parseYuan(formatYuan(fen))).toBe(fen);
  });

  it('multiplies by quantities exactly and refuses overflow', () => {
    expect(fenTimes(1999, 3)).toBe(5997);
    expect(() => fenTimes(Number.MAX_SAFE_INTEGER, 2)).toThrow();
  });

  it('applies a markup in basis points, rounding half up to the fen', () => {
    expect(applyBasisPoints(1000, 1500)).toBe(1150);
    expect(applyBasisPoints(333, 1000)).toBe(366); // 366.3
    expect(applyBasisPoints(5, 1000)).toBe(6); // 5.5 rounds up
  });
});
