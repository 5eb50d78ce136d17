import { LabelData, LabelField, LabelLayout, LabelTemplateSpec, ScanSymbology, SkuBarcode } from '../../../libs/labels/src/render';

/** Scan codes like the print jobs will issue: short, random-looking, never sequential. */
export function scanCode(i: number): string {
  return ((i + 1) * 2654435761).toString(36).padStart(8, 'k').slice(-8);
}

/** A realistic label; every one differs (URL, title, SKU, prices), so a mix-up would show. */
export function sampleLabel(i: number, overrides: Partial<LabelData> = {}): LabelData {
  return {
    scanUrl: `https://xuanpin.example.cn/s/${scanCode(i)}`,
    title: `加厚珊瑚绒保暖睡衣 第${i + 1}款`,
    skuCode: `YN-PJ-${String(i + 1).padStart(4, '0')}`,
    gtin: null,
    factoryName: '河南豫暖针织服饰有限公司',
    moq: 10,
    unit: '件',
    packSize: 6,
    tiers: [
      { minQuantity: 1, unitPriceFen: 2850 + i },
      { minQuantity: 10, unitPriceFen: 2600 },
      { minQuantity: 100, unitPriceFen: 2390 },
    ],
    retailPriceFen: 5900,
    slotCode: `A-${String((i % 40) + 1).padStart(2, '0')}-${(i % 4) + 1}`,
    priceVersion: 'v3',
    printedAt: '2025-11-25',
    ...overrides,
  };
}

const ALL_FIELDS = Object.values(LabelField);

/** The seeded templates as plain specs (the migration holds the same values; an e2e test compares them). */
export const SPECS: Record<string, LabelTemplateSpec> = {
  'ROLL-40X30': roll('ROLL-40X30', 40, 30, [LabelField.TITLE, LabelField.TIER_PRICES, LabelField.MOQ, LabelField.SKU_CODE, LabelField.SLOT_CODE, LabelField.PRICE_VERSION]),
  'ROLL-50X30': roll('ROLL-50X30', 50, 30, ALL_FIELDS.filter((f) => f !== LabelField.FACTORY)),
  'ROLL-60X40': roll('ROLL-60X40', 60, 40, ALL_FIELDS, SkuBarcode.CODE128),
  'ROLL-70X50': roll('ROLL-70X50', 70, 50, ALL_FIELDS, SkuBarcode.EAN13, 300),
  'A4-3X8': {
    code: 'A4-3X8',
    widthMm: 63.5,
    heightMm: 33.9,
    layout: LabelLayout.SHEET,
    sheet: { pageWidthMm: 210, pageHeightMm: 297, columns: 3, rows: 8, marginTopMm: 12.9, marginLeftMm: 7.25, gapXMm: 2.5, gapYMm: 0 },
    fields: ALL_FIELDS.filter((f) => f !== LabelField.FACTORY),
    symbology: ScanSymbology.QR,
    barcode: SkuBarcode.NONE,
    zplDpi: 203,
  },
};

export function roll(code: string, widthMm: number, heightMm: number, fields: LabelField[], barcode = SkuBarcode.NONE, zplDpi: 203 | 300 = 203): LabelTemplateSpec {
  return { code, widthMm, heightMm, layout: LabelLayout.ROLL, sheet: null, fields, symbology: ScanSymbology.QR, barcode, zplDpi };
}
