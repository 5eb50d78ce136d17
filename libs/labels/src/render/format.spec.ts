import { isValidEan13, moqLine, printedDay, tierLines, yuan } from './format';
import { LabelRenderError } from './errors';

describe('label text formats', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [1250, '¥12.50'],
    [2390, '¥23.90'],
    [123456789, '¥1234567.89'],
    [Number.MAX_SAFE_INTEGER, '¥90071992547409.91'],
    [-1999, '-¥19.99'],
  ])('formats %d fen as %s exactly', (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });

  it('formats amounts that floats get wrong', () => {
    // 0.1 + 0.2 style traps: 1.005 yuan and 4.35 yuan go wrong through toFixed on floats.
    expect(yuan(435)).toBe('¥4.35');
    expect(yuan(100_5)).toBe('¥10.05');
    expect(yuan(1_000_000_000_01)).toBe('¥1000000000.01');
  });

  it('refuses a fractional or unsafe amount of fen', () => {
    expect(() => yuan(12.5)).toThrow(LabelRenderError);
    expect(() => yuan(Number.MAX_SAFE_INTEGER + 1)).toThrow(LabelRenderError);
    expect(() => yuan(Number.NaN)).toThrow(LabelRenderError);
  });

  it('prints tiers from the lowest quantity with the range each covers', () => {
    const tiers = [
      { minQuantity: 100, unitPriceFen: 2390 },
      { minQuantity: 1, unitPriceFen: 2850 },
      { minQuantity: 10, unitPriceFen: 2600 },
      { minQuantity: 11, unitPriceFen: 2550 },
    ];
    expect(tierLines(tiers, '件')).toEqual(['1-9件 ¥28.50', '10件 ¥26.00', '11-99件 ¥25.50', '≥100件 ¥23.90']);
    expect(tierLines([{ minQuantity: 5, unitPriceFen: 990 }], '双')).toEqual(['≥5双 ¥9.90']);
  });

  it('shows the pack size only when a pack holds more than one unit', () => {
    expect(moqLine(10, '件', 6)).toBe('起批 10件 · 6件/箱');
    expect(moqLine(2, '套', 1)).toBe('起批 2套');
  });

  it('prints the day in Asia/Shanghai', () => {
    expect(printedDay('2025-11-25')).toBe('2025-11-25');
    expect(printedDay(new Date('2025-11-25T17:30:00Z'))).toBe('2025-11-26');
    expect(printedDay('2025-11-25T15:59:59Z')).toBe('2025-11-25');
    expect(printedDay(null)).toBeNull();
    expect(printedDay('not a date')).toBeNull();
  });

  it('checks EAN-13 check digits', () => {
    expect(isValidEan13('6901234567892')).toBe(true);
    expect(isValidEan13('6901234567893')).toBe(false);
    expect(isValidEan13('690123456789')).toBe(false);
    expect(isValidEan13('69012345678a2')).toBe(false);
  });
});
