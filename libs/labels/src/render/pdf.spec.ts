import { blankOutside, decodeLinear, decodeQr, rasterizePdf } from '../../../../test/labels/support/raster';
import { sampleLabel, SPECS } from '../../../../test/labels/support/samples';
import { LabelRenderError } from './errors';
import { placement } from './geometry';
import { renderLabels } from './render';
import { LabelFormat, LabelTemplateSpec } from './types';

const label = (template: LabelTemplateSpec, index: number) => ({
  xMm: placement(template, index).xMm,
  yMm: placement(template, index).yMm,
  widthMm: template.widthMm,
  heightMm: template.heightMm,
});

describe('PDF labels', () => {
  it.each(['ROLL-40X30', 'ROLL-50X30', 'ROLL-60X40', 'ROLL-70X50'])(
    'prints %s one label per page at the label size, each QR decoding to its scan URL',
    async (code) => {
      const template = SPECS[code];
      const labels = [0, 1, 2].map((i) => sampleLabel(i, { gtin: '6901234567892' }));
      const pdf = await renderLabels(template, labels, LabelFormat.PDF);
      expect(pdf).toMatchObject({ mimeType: 'application/pdf', fileExtension: 'pdf', labelCount: 3, pageCount: 3, omitted: [] });
      expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = rasterizePdf(pdf.content, 200);
      expect(pages).toHaveLength(3);
      pages.forEach((page, i) => {
        expect(page.widthPt).toBeCloseTo((template.widthMm / 25.4) * 72, 1);
        expect(page.heightPt).toBeCloseTo((template.heightMm / 25.4) * 72, 1);
        expect(decodeQr(page)).toBe(labels[i].scanUrl);
        // The Chinese title and the prices are real text in the PDF (the CJK font is embedded).
        expect(page.text.replace(/\s+/g, '')).toContain(labels[i].title.replace(/\s+/g, ''));
        expect(page.text).toContain(['1-9件 ¥28.50', '1-9件 ¥28.51', '1-9件 ¥28.52'][i]);
        // Nothing is drawn in the outer 0.8 mm: text is wrapped or cut, never past the edge.
        expect(blankOutside(page, [{ xMm: 0.8, yMm: 0.8, widthMm: template.widthMm - 1.6, heightMm: template.heightMm - 1.6 }])).toBe(true);
      });
    },
  );

  it('places 24 labels on each A4 page within the sheet margins, every QR decoding to its own URL', async () => {
    const template = SPECS['A4-3X8'];
    const labels = Array.from({ length: 30 }, (_, i) => sampleLabel(i));
    const pdf = await renderLabels(template, labels, LabelFormat.PDF);
    expect(pdf).toMatchObject({ labelCount: 30, pageCount: 2 });
    const pages = rasterizePdf(pdf.content, 200);
    expect(pages).toHaveLength(2);
    expect(pages[0].widthPt).toBeCloseTo(595.28, 1);
    expect(pages[0].heightPt).toBeCloseTo(841.89, 1);
    labels.forEach((l, i) => {
      const at = placement(template, i);
      expect(at.page).toBe(i < 24 ? 0 : 1);
      expect(decodeQr(pages[at.page], label(template, i))).toBe(l.scanUrl);
      expect(pages[at.page].text).toContain(l.skuCode);
    });
    // Every mark lies inside a label cell: margins and gaps stay blank (and the check does see marks).
    expect(blankOutside(pages[0], [])).toBe(false);
    expect(blankOutside(pages[0], labels.slice(0, 24).map((_, i) => label(template, i)))).toBe(true);
    expect(blankOutside(pages[1], labels.slice(24).map((_, i) => label(template, 24 + i)))).toBe(true);
    const sheet = template.sheet!;
    const lastCell = label(template, 23);
    expect(lastCell.xMm + lastCell.widthMm).toBeLessThanOrEqual(sheet.pageWidthMm - sheet.marginLeftMm + 1e-9);
    expect(lastCell.yMm + lastCell.heightMm).toBeLessThanOrEqual(sheet.pageHeightMm);
  });

  it('draws an EAN-13 of the GTIN and a Code 128 of the SKU code that a barcode reader decodes', async () => {
    const ean = await renderLabels(SPECS['ROLL-70X50'], [sampleLabel(0, { gtin: '6901234567892' })], LabelFormat.PDF);
    const code128 = await renderLabels(SPECS['ROLL-60X40'], [sampleLabel(7)], LabelFormat.PDF);
    const bottom = (t: LabelTemplateSpec) => ({ xMm: 0, yMm: t.heightMm * 0.6, widthMm: t.widthMm, heightMm: t.heightMm * 0.4 });
    expect(decodeLinear(rasterizePdf(ean.content, 300)[0], bottom(SPECS['ROLL-70X50']))).toEqual({ format: 'EAN13', text: '6901234567892' });
    expect(decodeLinear(rasterizePdf(code128.content, 300)[0], bottom(SPECS['ROLL-60X40']))).toEqual({ format: 'CODE128', text: 'YN-PJ-0008' });
  });

  it('embeds only the glyphs it uses (a subset of the CJK font), so files stay small', async () => {
    const pdf = await renderLabels(SPECS['ROLL-50X30'], [sampleLabel(0)], LabelFormat.PDF);
    // The full Noto Sans SC files weigh about 8 MB each; a subset of both weights is a few dozen KB.
    expect(pdf.content.length).toBeLessThan(150 * 1024);
    expect(pdf.content.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
  });

  it('refuses an empty job, naming what to do', async () => {
    await expect(renderLabels(SPECS['ROLL-40X30'], [], LabelFormat.PDF)).rejects.toThrow(
      new LabelRenderError('Nothing to print: a label job needs at least one label.', 'labels'),
    );
  });

  it('refuses a template too small for a readable QR code and a sheet whose grid overflows its page', async () => {
    const tiny = { ...SPECS['ROLL-40X30'], widthMm: 12, heightMm: 8 };
    await expect(renderLabels(tiny, [sampleLabel(0)], LabelFormat.PDF)).rejects.toMatchObject({ field: 'template' });
    const sheet = SPECS['A4-3X8'];
    const overflowing = { ...sheet, sheet: { ...sheet.sheet!, rows: 9 } };
    await expect(renderLabels(overflowing, [sampleLabel(0)], LabelFormat.PDF)).rejects.toMatchObject({ field: 'template.sheet' });
  });

  it.each([
    ['labels.0.scanUrl', { scanUrl: 'javascript:alert(1)' }],
    ['labels.0.title', { title: '  ' }],
    ['labels.0.moq', { moq: 0 }],
    ['labels.0.tiers.1.unitPriceFen', { tiers: [{ minQuantity: 1, unitPriceFen: 100 }, { minQuantity: 10, unitPriceFen: 99.5 }] }],
    ['labels.0.retailPriceFen', { retailPriceFen: -1 }],
  ])('refuses a label whose %s cannot be printed truthfully', async (field, overrides) => {
    const error = await renderLabels(SPECS['ROLL-40X30'], [sampleLabel(0, overrides)], LabelFormat.PDF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabelRenderError);
    expect((error as LabelRenderError).field).toBe(field);
  });
});
