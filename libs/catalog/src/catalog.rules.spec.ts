import {
  attributesProblem,
  gtin13CheckDigit,
  gtinProblem,
  normalizeGtin,
  packProblems,
  parseAttributeList,
  parseWholeNumber,
  skuCodeProblem,
  withGtin13CheckDigit,
} from './catalog.rules';

describe('GTIN-13 check digit', () => {
  it.each([
    ['690123456789', 2],
    ['400638133393', 1],
    ['978030640615', 7],
    ['000000000000', 0],
  ])('computes the check digit of %s as %i', (first12, digit) => {
    expect(gtin13CheckDigit(first12)).toBe(digit);
    expect(gtinProblem(withGtin13CheckDigit(first12))).toBeNull();
  });

  it('refuses a wrong check digit and says which one is right', () => {
    expect(gtinProblem('6901234567893')).toMatch(/check digit.*should be 2/);
  });

  it('refuses anything but 13 digits', () => {
    for (const bad of ['690123456789', '69012345678922', '690123456789X', '', 'ABCDEFGHIJKLM']) {
      expect(gtinProblem(bad)).toMatch(/13 digits/);
    }
  });

  it('detects every single wrong digit of a valid code', () => {
    const valid = '6901234567892';
    for (let i = 0; i < 13; i++) {
      const digit = Number(valid[i]);
      const changed = valid.slice(0, i) + ((digit + 1) % 10) + valid.slice(i + 1);
      expect(gtinProblem(changed)).not.toBeNull();
    }
  });

  it('drops spaces and dashes people type into barcodes', () => {
    expect(normalizeGtin(' 690-1234 567892 ')).toBe('6901234567892');
  });
});

describe('SKU rules', () => {
  it('accepts article numbers and refuses other characters', () => {
    expect(skuCodeProblem('YN-SC-001/RED')).toBeNull();
    expect(skuCodeProblem('-start')).not.toBeNull();
    expect(skuCodeProblem('围巾01')).not.toBeNull();
    expect(skuCodeProblem('a'.repeat(65))).not.toBeNull();
  });

  it('requires the MOQ to be a whole number of packs', () => {
    expect(packProblems(6, 12)).toEqual([]);
    expect(packProblems(6, 10)).toEqual([{ field: 'moq', message: expect.stringMatching(/multiple of the pack size 6/) }]);
    expect(packProblems(0, 1)).toEqual([{ field: 'packSize', message: expect.any(String) }]);
    expect(packProblems(1, 0)).toEqual([{ field: 'moq', message: expect.any(String) }]);
    expect(packProblems(1.5, 3)).toEqual([{ field: 'packSize', message: expect.any(String) }]);
  });

  it('limits attributes to ten short names with short texts', () => {
    expect(attributesProblem({ 颜色: '红', 尺码: 'M' })).toBeNull();
    expect(attributesProblem([])).toMatch(/object/);
    expect(attributesProblem({ 颜色: 3 })).toMatch(/颜色/);
    expect(attributesProblem({ 颜色: '' })).toMatch(/empty/);
    expect(attributesProblem(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])))).toMatch(/at most 10/);
  });

  it('reads attribute lists with ASCII or full-width punctuation', () => {
    expect(parseAttributeList('材质:羊毛； 款式：长款')).toEqual({ attributes: { 材质: '羊毛', 款式: '长款' } });
    expect(parseAttributeList('羊毛')).toEqual({ problem: expect.stringMatching(/name:value/) });
    expect(parseAttributeList('a:1;a:2')).toEqual({ problem: expect.stringMatching(/twice/) });
  });

  it('reads whole numbers as Excel writes them', () => {
    expect(parseWholeNumber('12')).toBe(12);
    expect(parseWholeNumber('12.0')).toBe(12);
    expect(parseWholeNumber('1,000')).toBe(1000);
    expect(parseWholeNumber('1.5')).toBeNull();
    expect(parseWholeNumber('-3')).toBeNull();
    expect(parseWholeNumber('十')).toBeNull();
  });
});
