import { checkAdvice, LabelCheck } from './walks';

const check = (overrides: Partial<LabelCheck>): LabelCheck => ({
  code: 'CQ8RARHRC8D5',
  result: 'CURRENT',
  reprintNeeded: false,
  skuCode: 'YN-SC-001-RED',
  slotCode: 'A-01-1',
  title: '豫暖羊毛针织围巾',
  staleReason: null,
  nowOnSlotSkuCode: null,
  replacement: null,
  ...overrides,
});

describe('what a verify walk tells the walker', () => {
  it('says a current label needs nothing', () => {
    expect(checkAdvice(check({}))).toEqual({ key: 'xp.labels.walk.advice.CURRENT', args: {} });
  });

  it('says why a stale label must be reprinted or taken down', () => {
    expect(checkAdvice(check({ result: 'STALE', staleReason: 'PRICE_CHANGED', reprintNeeded: true }))).toEqual({ key: 'xp.labels.walk.advice.STALE_PRICE', args: {} });
    expect(checkAdvice(check({ result: 'STALE', staleReason: 'SLOT_CHANGED', nowOnSlotSkuCode: 'YN-HT-002-BLK' }))).toEqual({
      key: 'xp.labels.walk.advice.STALE_SLOT',
      args: { sku: 'YN-HT-002-BLK' },
    });
    expect(checkAdvice(check({ result: 'STALE', staleReason: 'SLOT_CHANGED' }))).toEqual({ key: 'xp.labels.walk.advice.STALE_EMPTY', args: {} });
  });

  it('names the slot of the label that replaced a retired one', () => {
    expect(checkAdvice(check({ result: 'RETIRED', replacement: { id: 'x', status: 'POSTED', slot: { code: 'A-01-2' } } }))).toEqual({
      key: 'xp.labels.walk.advice.RETIRED_REPLACED',
      args: { slot: 'A-01-2' },
    });
    expect(checkAdvice(check({ result: 'RETIRED' }))).toEqual({ key: 'xp.labels.walk.advice.RETIRED', args: {} });
    expect(checkAdvice(check({ result: 'UNKNOWN', skuCode: null, slotCode: null }))).toEqual({ key: 'xp.labels.walk.advice.UNKNOWN', args: {} });
  });
});
