import { roll, sampleLabel, SPECS } from '../../../../test/labels/support/samples';
import { encodeQr } from './codes';
import { fontMeasure, printerFontMeasure } from './fonts';
import { DrawOp, layoutLabel, MIN_BODY_MM, PRIORITY } from './layout';
import { ELLIPSIS, wrap } from './text';
import { LabelField, LabelTemplateSpec, SkuBarcode } from './types';
import { qrModulesFor } from './zpl';

const measure = fontMeasure('regular');

/** The extent of an operation in mm (text measured with the same font metrics). */
function extent(op: DrawOp): { left: number; top: number; right: number; bottom: number } {
  switch (op.kind) {
    case 'text':
      return { left: op.x, top: op.y, right: op.x + measure(op.text, op.size), bottom: op.y + op.size };
    case 'qr':
      return { left: op.x, top: op.y, right: op.x + op.size, bottom: op.y + op.size };
    case 'barcode':
      return { left: op.x, top: op.y, right: op.x + op.code.modules * op.module, bottom: op.y + op.height };
  }
}

function expectInside(template: LabelTemplateSpec, ops: DrawOp[]) {
  for (const op of ops) {
    const e = extent(op);
    expect(e.left).toBeGreaterThanOrEqual(1);
    expect(e.top).toBeGreaterThanOrEqual(1);
    expect(e.right).toBeLessThanOrEqual(template.widthMm - 1);
    expect(e.bottom).toBeLessThanOrEqual(template.heightMm - 1);
  }
}

describe('label layout', () => {
  it.each(Object.keys(SPECS))('fits every field of the seeded template %s on a typical label', (code) => {
    const template = SPECS[code];
    const drawing = layoutLabel(template, sampleLabel(3, { gtin: '6901234567892' }), measure);
    expect(drawing.omitted).toEqual([]);
    expectInside(template, drawing.ops);
    const texts = drawing.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
    expect(texts.join('\n')).toContain('¥28.53');
    expect(drawing.ops.filter((op) => op.kind === 'qr')).toHaveLength(1);
  });

  it('wraps a long title onto two lines and ellipsizes the rest, never past the edge', () => {
    const title = '2025秋冬新款加厚珊瑚绒保暖睡衣女士法兰绒家居服套装可外穿大码宽松长袖长裤两件套 Super Soft Coral Fleece';
    const template = SPECS['ROLL-40X30'];
    const drawing = layoutLabel(template, sampleLabel(0, { title, factoryName: '义乌市某某某某某某某某某某某箱包皮具制造有限公司' }), measure);
    const lines = drawing.ops.filter((op): op is Extract<DrawOp, { kind: 'text' }> => op.kind === 'text' && op.weight === 'bold' && op.y < 8);
    expect(lines).toHaveLength(2);
    expect(lines[1].text.endsWith(ELLIPSIS)).toBe(true);
    expect(title.startsWith(lines[0].text)).toBe(true);
    expectInside(template, drawing.ops);
  });

  it('ellipsizes a long SKU code and factory name to the column', () => {
    const template = roll('T', 50, 30, [LabelField.SKU_CODE, LabelField.FACTORY]);
    const drawing = layoutLabel(template, sampleLabel(0, { skuCode: 'VERY-LONG-SKU-CODE-0000000000000001', factoryName: '浙江省金华市永康市五金城某某某某工贸有限公司' }), measure);
    const texts = drawing.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
    expect(texts.every((t) => t.endsWith(ELLIPSIS))).toBe(true);
    expectInside(template, drawing.ops);
  });

  it('shrinks text to the minimum, then leaves fields off by priority and reports them', () => {
    const template = roll('TINY', 30, 20, Object.values(LabelField));
    const drawing = layoutLabel(template, sampleLabel(0), measure);
    // What is left off is the tail of the priority list: never a price while a print detail stays.
    expect(drawing.omitted.length).toBeGreaterThan(0);
    expect(drawing.omitted).toEqual(PRIORITY.slice(PRIORITY.length - drawing.omitted.length));
    expect(drawing.omitted).not.toContain(LabelField.TIER_PRICES);
    const sizes = drawing.ops.flatMap((op) => (op.kind === 'text' ? [op.size] : []));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_BODY_MM * 0.8 - 1e-9);
    expectInside(template, drawing.ops);
  });

  it('does not repeat the SKU code beside its Code 128 barcode', () => {
    const drawing = layoutLabel(SPECS['ROLL-60X40'], sampleLabel(0), measure);
    const texts = drawing.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));
    expect(texts.filter((t) => t.includes('YN-PJ-0001'))).toEqual(['YN-PJ-0001']);
    expect(drawing.ops.find((op) => op.kind === 'barcode')).toMatchObject({ code: { symbology: SkuBarcode.CODE128, value: 'YN-PJ-0001' } });
  });

  it('uses EAN-13 for a GTIN and falls back to Code 128 of the SKU code without one', () => {
    const withGtin = layoutLabel(SPECS['ROLL-70X50'], sampleLabel(0, { gtin: '6901234567892' }), measure);
    expect(withGtin.ops.find((op) => op.kind === 'barcode')).toMatchObject({ code: { symbology: SkuBarcode.EAN13, value: '6901234567892' } });
    const without = layoutLabel(SPECS['ROLL-70X50'], sampleLabel(0, { gtin: null }), measure);
    expect(without.ops.find((op) => op.kind === 'barcode')).toMatchObject({ code: { symbology: SkuBarcode.CODE128, value: 'YN-PJ-0001' } });
  });

  it('refuses a GTIN with a wrong check digit', () => {
    expect(() => layoutLabel(SPECS['ROLL-70X50'], sampleLabel(0, { gtin: '6901234567893' }), measure)).toThrow(/not a valid EAN-13/);
  });

  it('leaves off a barcode too narrow to scan, and says so', () => {
    const template = roll('NARROW', 30, 40, [LabelField.TITLE], SkuBarcode.CODE128);
    const drawing = layoutLabel(template, sampleLabel(0, { skuCode: 'A-VERY-LONG-ARTICLE-NUMBER-FOR-CODE-128-0001' }), measure);
    expect(drawing.omitted).toContain('BARCODE');
    expect(drawing.ops.some((op) => op.kind === 'barcode')).toBe(false);
  });
});

describe('line wrapping', () => {
  it('breaks CJK anywhere and Latin at spaces, each line within the width', () => {
    const lines = wrap('珊瑚绒睡衣 Coral fleece pyjamas for winter', 20, 3, 5, measure);
    for (const line of lines) expect(measure(line, 3)).toBeLessThanOrEqual(20);
    // Words stay whole: joining the lines with spaces gives the text back.
    expect(lines.join(' ')).toBe('珊瑚绒睡衣 Coral fleece pyjamas for winter');
    expect(lines.length).toBeGreaterThan(2);
  });

  it('answers no lines for empty text', () => {
    expect(wrap('   ', 20, 3, 2, measure)).toEqual([]);
  });

  it('measures printer text as full-width CJK and half-width Latin', () => {
    expect(printerFontMeasure('睡衣', 3)).toBe(6);
    expect(printerFontMeasure('A-1', 2)).toBe(3);
  });
});

describe('QR size without encoding (for ZPL)', () => {
  it.each([10, 14, 15, 26, 27, 42, 43, 62, 63, 100, 200])('predicts the modules of a %d-byte URL as the encoder makes them', (length) => {
    const url = `https://x.cn/s/${'a'.repeat(Math.max(0, length - 15))}`.slice(0, Math.max(length, 15));
    expect(qrModulesFor(url)).toBeGreaterThanOrEqual(encodeQr(url).size);
    expect(qrModulesFor(url)).toBe(encodeQr(url).size);
  });
});
