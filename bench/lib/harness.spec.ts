import { canonicalJson, paramsFor, paramsHash, scaleFromEnv } from './params';
import { growthClass, growthExponent, median, meets, percentile, ratioOf, round } from './stats';
import { result } from './measure';

describe('percentiles', () => {
  const values = [15, 20, 35, 40, 50];

  it('answers an observed value by nearest rank', () => {
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile(values, 0)).toBe(15);
  });

  it('does not depend on the order of the values', () => {
    expect(percentile([50, 15, 40, 20, 35], 99)).toBe(50);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('refuses no values and percentiles outside 0..100', () => {
    expect(() => percentile([], 50)).toThrow('no values');
    expect(() => percentile(values, 101)).toThrow('within 0..100');
    expect(() => percentile(values, -1)).toThrow('within 0..100');
  });
});

describe('ratios to the ceiling', () => {
  it('is value / ceiling when more is better and ceiling / value when less is', () => {
    expect(ratioOf(300, 600, 'higher')).toBe(0.5);
    expect(ratioOf(0.5, 7, 'lower')).toBe(14);
  });

  it('is 0 when either side is not positive, never Infinity', () => {
    expect(ratioOf(0, 100, 'lower')).toBe(0);
    expect(ratioOf(10, 0, 'higher')).toBe(0);
  });

  it('marks a result met only when every target holds', () => {
    const both = [
      { on: 'ratio' as const, op: '>=' as const, limit: 4, text: '≥ 4×' },
      { on: 'value' as const, op: '<' as const, limit: 2, text: '< 2 s' },
    ];
    const fast = result({ name: 'pdf', value: 0.5, unit: 's', better: 'lower', scale: 'small', ceiling: 7, target: both });
    expect(fast).toMatchObject({ ratio: 14, met: true, target: '≥ 4× and < 2 s' });
    const slow = result({ name: 'pdf', value: 2.5, unit: 's', better: 'lower', scale: 'small', ceiling: 20, target: both });
    expect(slow.met).toBe(false);
    const untargeted = result({ name: 'zpl', value: 0.1, unit: 's', better: 'lower', scale: 'small' });
    expect(untargeted).toMatchObject({ ceiling: null, ratio: null, met: null, target: null });
  });

  it('compares with each operator', () => {
    expect(meets(5, { op: '<=', limit: 5 })).toBe(true);
    expect(meets(5, { op: '<', limit: 5 })).toBe(false);
    expect(meets(0, { op: '=', limit: 0 })).toBe(true);
    expect(meets(0.6, { op: '>=', limit: 0.6 })).toBe(true);
    expect(meets(0.59, { op: '>', limit: 0.6 })).toBe(false);
  });
});

describe('growth', () => {
  it('reads the exponent of cost ∝ size^k', () => {
    expect(growthExponent(10, 10, 10)).toBeCloseTo(0);
    expect(growthExponent(10, 100, 10)).toBeCloseTo(1);
    expect(growthExponent(10, 1000, 10)).toBeCloseTo(2);
  });

  it('names the classes', () => {
    expect(growthClass(0.1)).toBe('flat');
    expect(growthClass(0.5)).toBe('sub-linear');
    expect(growthClass(1.1)).toBe('near-linear');
    expect(growthClass(1.5)).toBe('super-linear');
    expect(growthClass(2)).toBe('quadratic');
  });

  it('needs positive costs and a larger dataset', () => {
    expect(() => growthExponent(0, 1, 10)).toThrow();
    expect(() => growthExponent(1, 1, 1)).toThrow();
  });
});

describe('dataset parameters', () => {
  it('hashes equal parameters equally whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
    const params = paramsFor('small');
    const shuffled = Object.fromEntries(Object.entries(params).reverse()) as typeof params;
    expect(paramsHash(shuffled)).toBe(paramsHash(params));
  });

  it('changes the hash with any figure', () => {
    const params = paramsFor('small');
    expect(paramsHash({ ...params, stockMovements: params.stockMovements + 1 })).not.toBe(paramsHash(params));
    expect(paramsHash(paramsFor('full'))).not.toBe(paramsHash(params));
  });

  it('is a national network at one tenth, and 1/100 of that when small', () => {
    const full = paramsFor('full');
    expect(full).toMatchObject({ venues: 10, factories: 5000, stockMovements: 5_000_000, scanEvents: 10_000_000, orderLines: 1_000_000 });
    expect(full.factories * full.skusPerFactory).toBe(500_000);
    expect(full.venues * full.slotsPerVenue).toBe(40_000);
    const small = paramsFor('small');
    expect(small.factories * small.skusPerFactory).toBe(5_000);
    expect(small.venues * small.slotsPerVenue).toBe(400);
    expect(small.stockMovements).toBe(50_000);
  });

  it('reads BENCH_SCALE', () => {
    expect(scaleFromEnv(undefined)).toBe('full');
    expect(scaleFromEnv('small')).toBe('small');
    expect(() => scaleFromEnv('huge')).toThrow('BENCH_SCALE');
  });
});

describe('rounding for the table', () => {
  it('keeps three significant digits and whole numbers above 1,000', () => {
    expect(round(0.123456)).toBe(0.123);
    expect(round(12.3456)).toBe(12.3);
    expect(round(1234.5)).toBe(1235);
    expect(round(0)).toBe(0);
  });
});
