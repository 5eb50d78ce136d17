import { barShare, changeSign, compareFigure, formatFigure, maxOf, percent, stackShares } from './chartScale';

describe('report figures', () => {
  it('reads each kind of figure for people', () => {
    expect(formatFigure('money', '1234567.5')).toBe('¥1,234,567.50');
    expect(formatFigure('count', 12345)).toBe('12,345');
    expect(formatFigure('rate', 0.2346)).toBe('23.5%');
    expect(formatFigure('hours', 26)).toBe('26.0');
    expect(formatFigure('decimal', 17.25)).toBe('17.3');
    expect(formatFigure('money', null)).toBe('—');
    expect(percent(undefined)).toBe('—');
  });

  it('compares two money values exactly in fen, like the API', () => {
    expect(compareFigure('money', '100.10', '80.05')).toEqual({ value: '100.10', previous: '80.05', change: '20.05', changeRate: 0.250468 });
    expect(compareFigure('money', '90071992547409.93', '90071992547409.92').change).toBe('0.01');
    expect(compareFigure('money', '5.00', '0.00')).toEqual({ value: '5.00', previous: '0.00', change: '5.00', changeRate: null });
    expect(compareFigure('money', null, '1.00')).toEqual({ value: null, previous: '1.00', change: null, changeRate: null });
  });

  it('compares counts with a rate, rates and hours by their difference only', () => {
    expect(compareFigure('count', 15, 10)).toEqual({ value: 15, previous: 10, change: 5, changeRate: 0.5 });
    expect(compareFigure('count', 3, 0)).toEqual({ value: 3, previous: 0, change: 3, changeRate: null });
    expect(compareFigure('rate', 0.5, 0.25)).toEqual({ value: 0.5, previous: 0.25, change: 0.25, changeRate: null });
    expect(compareFigure('hours', null, 12)).toEqual({ value: null, previous: 12, change: null, changeRate: null });
  });

  it('tells which way a figure moved', () => {
    expect(changeSign('money', { value: '1', previous: '2', change: '-1.00' })).toBe(-1);
    expect(changeSign('money', { value: '1', previous: '1', change: '0.00' })).toBe(0);
    expect(changeSign('count', { value: 3, previous: 1, change: 2 })).toBe(1);
    expect(changeSign('rate', { value: null, previous: 0.1, change: null })).toBe(0);
  });
});

describe('bars', () => {
  it('finds the largest value, money compared in fen and not as text', () => {
    expect(maxOf('money', ['9.00', '10.00', null, '100.00'])).toBe('100.00');
    expect(maxOf('count', [3, null, 7, 5])).toBe(7);
    expect(maxOf('count', [null, undefined])).toBeNull();
  });

  it('draws a bar as a share of the largest value, never below 0 or beyond 100', () => {
    expect(barShare('money', '50.00', '200.00')).toBe(25);
    expect(barShare('money', '0.01', '3.00')).toBe(0.33);
    expect(barShare('count', 7, 7)).toBe(100);
    expect(barShare('count', -2, 7)).toBe(0);
    expect(barShare('rate', 0.5, 0)).toBe(0);
    expect(barShare('count', null, 7)).toBe(0);
  });

  it('splits a stacked bar into shares that add up to 100', () => {
    expect(stackShares([1, 1, 2])).toEqual([25, 25, 50]);
    expect(stackShares([0, 0, 0])).toEqual([0, 0, 0]);
    expect(stackShares([5, -1, 5])).toEqual([50, 0, 50]);
  });
});
