import { newUuid } from '../api/ids';
import { translateFieldMessage } from '../dataProvider/errors';
import { zhCN } from '../i18n/zh-CN';
import { monthRange } from '../pages/occupancy/OccupancyPage';
import { toRegisterInput } from '../register/RegisterPage';
import { toFen } from './priceSheets/queries';
import { percentText, wholesaleProblems } from './priceSheets/PriceSheetShow';
import { attributesOf, formatOtherAttributes, parseOtherAttributes, skuQueries } from './skus/queries';
import { consignmentReceiptQueries } from './consignmentReceipts/queries';
import { venueFactoryQueries } from './venueFactories/queries';

const translate = (key: string, options: Record<string, unknown> = {}) => {
  const text = key.split('.').reduce<any>((v, k) => v?.[k], zhCN) as string | undefined;
  return (text ?? key).replace(/%\{(\w+)\}/g, (_m, name: string) => String(options[name]));
};

describe('the daily screens’ pure parts', () => {
  it('makes version-4 UUIDs for idempotency keys, a new one each time', () => {
    const a = newUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newUuid()).not.toBe(a);
  });

  it('sends the review queue’s single status as the list the API takes', () => {
    expect(venueFactoryQueries.filterToApi!({ status: 'SUBMITTED', search: '', venueId: 'v' })).toEqual({ status: ['SUBMITTED'], venueId: 'v' });
  });

  it('keeps colour and size as attributes of their own and parses the others (full-width too)', () => {
    expect(attributesOf({ color: ' 中国红 ', size: 'M', otherAttributes: '材质：羊毛； 款式:长款' })).toEqual({ 颜色: '中国红', 尺码: 'M', 材质: '羊毛', 款式: '长款' });
    expect(parseOtherAttributes('no pair here')).toEqual({});
    expect(formatOtherAttributes({ 颜色: '红', 材质: '羊毛', 款式: '长款' })).toBe('材质:羊毛; 款式:长款');
    expect(skuQueries.toUpdateInput!({ gtin: '', unit: '件', packSize: '6', moq: '12', status: 'ACTIVE' }, { id: 's1', gtin: '6923456700017' })).toMatchObject({
      id: 's1',
      clearGtin: true,
      packSize: 6,
      moq: 12,
    });
  });

  it('declares a delivery with whole-number quantities', () => {
    expect(consignmentReceiptQueries.toCreateInput!({ venueId: 'v', factoryOrgId: 'f', deliveryNoteNo: ' YN-1 ', lines: [{ skuId: 's', quantity: '12' }] })).toEqual({
      venueId: 'v',
      factoryOrgId: 'f',
      deliveryNoteNo: 'YN-1',
      lines: [{ skuId: 's', quantity: 12 }],
    });
  });

  it('compares money as whole fen, never through a float', () => {
    expect(toFen('12.5')).toBe(1250);
    expect(toFen('0.07')).toBe(7);
    expect(toFen('12.345')).toBeNull();
    expect(toFen('abc')).toBeNull();
    expect(toFen(null)).toBeNull();
  });

  it('flags wholesale tiers below supply, above retail or below the floor', () => {
    const line = { tiers: [{ minQuantity: 12, supplyPrice: '10.00', wholesalePrice: null }, { minQuantity: 60, supplyPrice: '9.00', wholesalePrice: null }], retailPrice: '20.00', requestedFloor: '12.00' };
    expect(wholesaleProblems(line, ['13.00', '12.00'])).toEqual([]);
    expect(wholesaleProblems(line, ['9.99', ''])).toEqual(['below_supply', 'below_floor']);
    expect(wholesaleProblems(line, ['20.01', '12.00'])).toEqual(['above_retail']);
    expect(wholesaleProblems(line, ['1,2', ''])).toEqual(['money']);
    expect(percentText(5.26)).toBe('+5.26%');
    expect(percentText(-3)).toBe('−3.00%');
    expect(percentText(null)).toBe('—');
  });

  it('turns a month into its days, the end exclusive (December rolls over)', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });

  it('nests the first administrator in the registration and upper-cases the credit code', () => {
    expect(toRegisterInput({ name: ' 好日子厂 ', creditCode: '92410184ma9gh2d5x9', address: 'a', contactName: 'c', contactPhone: '1', admin: { displayName: 'd', email: ' e@x.test ', password: 'pw-123456789' } })).toEqual({
      name: '好日子厂',
      creditCode: '92410184MA9GH2D5X9',
      address: 'a',
      industryBelt: undefined,
      contactName: 'c',
      contactPhone: '1',
      admin: { displayName: 'd', email: 'e@x.test', password: 'pw-123456789' },
    });
  });

  it('reads the import report’s sentences in Chinese', () => {
    expect(translateFieldMessage('has a wrong check digit (the last digit should be 7); check the barcode', translate, 'zh-CN')).toBe('条码校验位不对（最后一位应为 7），请核对');
    expect(translateFieldMessage('appears also in row 3', translate, 'zh-CN')).toBe('与第 3 行重复');
    expect(translateFieldMessage('is a parent category; use one of its subcategories: APPAREL-SCARF, APPAREL-HAT', translate, 'zh-CN')).toBe('是上级类目，请使用其子类目：APPAREL-SCARF, APPAREL-HAT');
    expect(translateFieldMessage('must be a whole number of packs (a multiple of the pack size 6)', translate, 'zh-CN')).toBe('须为整包数量（每包 6 件的整数倍）');
    expect(translateFieldMessage('is empty; choose the file again', translate, 'en')).toBe('is empty; choose the file again');
  });
});
