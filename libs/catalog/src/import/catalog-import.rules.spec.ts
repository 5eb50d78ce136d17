import { CATALOG_COLUMNS, collectKeys, ImportLookup, planCatalogImport } from './catalog-import.rules';
import { headerText } from '@xp/core';

const HEADER = CATALOG_COLUMNS.map(headerText);
const col = (key: string) => CATALOG_COLUMNS.findIndex((c) => c.key === key);

function row(values: Record<string, string>): string[] {
  const cells = HEADER.map(() => '');
  for (const [key, value] of Object.entries(values)) cells[col(key)] = value;
  return cells;
}

function lookup(overrides: Partial<ImportLookup> = {}): ImportLookup {
  return {
    categoriesByCode: new Map([
      ['APPAREL-SCARF', { id: 'cat-scarf', code: 'APPAREL-SCARF', active: true, leaf: true, childCodes: [] }],
      ['APPAREL-HAT', { id: 'cat-hat', code: 'APPAREL-HAT', active: true, leaf: true, childCodes: [] }],
      ['APPAREL', { id: 'cat-apparel', code: 'APPAREL', active: true, leaf: false, childCodes: ['APPAREL-SCARF', 'APPAREL-HAT'] }],
    ]),
    brandsByName: new Map([
      ['豫暖', { id: 'brand-1', status: 'VERIFIED' }],
      ['旧牌', { id: 'brand-2', status: 'REJECTED' }],
    ]),
    existingSkuCodes: new Set(['OLD-1']),
    existingGtins: new Set(['4006381333931']),
    existingProductsByTitle: new Map(),
    ...overrides,
  };
}

const scarf = { titleZh: '羊毛针织围巾', categoryCode: 'APPAREL-SCARF', skuCode: 'SC-1', gtin: '6901234567892', color: '红', packSize: '6', moq: '12' };

describe('catalog import plan', () => {
  it('plans one product per title with its SKUs and attributes', () => {
    const plan = planCatalogImport(
      [HEADER, row(scarf), row({ ...scarf, skuCode: 'SC-2', gtin: '', color: '灰' }), row({ titleZh: '毛线帽', categoryCode: 'apparel-hat', skuCode: 'H-1', otherAttributes: '材质:腈纶' })],
      lookup(),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.dataRows).toBe(3);
    expect(plan.products).toEqual([
      expect.objectContaining({ titleZh: '羊毛针织围巾', categoryId: 'cat-scarf', brandId: null, existingId: null, firstRow: 2 }),
      expect.objectContaining({ titleZh: '毛线帽', categoryId: 'cat-hat' }),
    ]);
    expect(plan.skus[0]).toEqual({
      productTitle: '羊毛针织围巾',
      code: 'SC-1',
      gtin: '6901234567892',
      attributes: { 颜色: '红' },
      unit: '件',
      packSize: 6,
      moq: 12,
      weightGrams: null,
      row: 2,
    });
    expect(plan.skus[2]).toMatchObject({ attributes: { 材质: '腈纶' }, packSize: 1, moq: 1 });
  });

  it('reports each bad cell with its row, column and A1 reference', () => {
    const plan = planCatalogImport(
      [
        HEADER,
        row({ ...scarf, gtin: '6901234567893' }),
        row({ ...scarf, skuCode: 'SC-2', gtin: '', moq: '10' }),
        row({ ...scarf, skuCode: 'SC-1', gtin: '' }),
        row({ ...scarf, skuCode: 'OLD-1', gtin: '4006381333931' }),
        row({ ...scarf, skuCode: 'SC-5', gtin: '', categoryCode: 'APPAREL' }),
        row({ ...scarf, skuCode: 'SC-6', gtin: '', categoryCode: 'NOPE', brand: '旧牌' }),
        row({ ...scarf, skuCode: 'SC-7', gtin: '', brand: '别家' }),
        row({ ...scarf, skuCode: 'SC 8', gtin: '', packSize: 'six' }),
        row({ ...scarf, titleZh: '', skuCode: '', gtin: '' }),
      ],
      lookup(),
    );
    const found = plan.problems.map((p) => [p.row, p.column, p.cell]);
    expect(found).toEqual([
      [2, 'gtin', `G2`],
      [3, 'moq', 'M3'],
      [4, 'skuCode', 'F4'],
      [5, 'skuCode', 'F5'],
      [5, 'gtin', 'G5'],
      [6, 'categoryCode', 'C6'],
      [7, 'categoryCode', 'C7'],
      [7, 'brand', 'D7'],
      [8, 'brand', 'D8'],
      [9, 'skuCode', 'F9'],
      [9, 'packSize', 'L9'],
      [10, 'titleZh', 'A10'],
      [10, 'skuCode', 'F10'],
    ]);
    expect(plan.problems[2].message).toMatch(/appears also in row 2/);
    expect(plan.problems[3].message).toMatch(/already exists/);
    expect(plan.problems[5].message).toMatch(/APPAREL-SCARF, APPAREL-HAT/);
    expect(plan.problems[0]).toMatchObject({ header: '条码(gtin)', value: '6901234567893' });
  });

  it('refuses a file without a required column at row 1', () => {
    const header = HEADER.filter((_, i) => i !== col('skuCode'));
    const plan = planCatalogImport([header, header.map(() => 'x')], lookup());
    expect(plan.problems).toEqual([expect.objectContaining({ row: 1, column: 'skuCode', message: expect.stringMatching(/SKU编码\(skuCode\)/) })]);
    expect(collectKeys([header])).toBeNull();
  });

  it('refuses a header only file', () => {
    expect(planCatalogImport([HEADER], lookup()).problems).toEqual([expect.objectContaining({ row: 2, message: expect.stringMatching(/no data rows/) })]);
  });

  it('insists the rows of one product agree on its category and brand', () => {
    const plan = planCatalogImport(
      [HEADER, row(scarf), row({ ...scarf, skuCode: 'SC-2', gtin: '', categoryCode: 'APPAREL-HAT', brand: '豫暖' })],
      lookup(),
    );
    expect(plan.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'categoryCode'],
      [3, 'brand'],
    ]);
  });

  it('adds SKUs to an existing product of the same title in the same category', () => {
    const existing = new Map([['羊毛针织围巾', [{ id: 'p-1', titleZh: '羊毛针织围巾', categoryId: 'cat-scarf' }]]]);
    const ok = planCatalogImport([HEADER, row(scarf)], lookup({ existingProductsByTitle: existing }));
    expect(ok.products[0].existingId).toBe('p-1');
    const clash = planCatalogImport([HEADER, row({ ...scarf, categoryCode: 'APPAREL-HAT' })], lookup({ existingProductsByTitle: existing }));
    expect(clash.problems.map((p) => p.column)).toEqual(['categoryCode']);
  });

  it('skips blank rows but keeps Excel row numbers', () => {
    const plan = planCatalogImport([HEADER, row(scarf), [], HEADER.map(() => ''), row({ ...scarf, skuCode: 'SC-1', gtin: '' })], lookup());
    expect(plan.dataRows).toBe(2);
    expect(plan.problems).toEqual([expect.objectContaining({ row: 5, column: 'skuCode' })]);
  });

  it('collects the codes, titles and barcodes to look up', () => {
    expect(collectKeys([HEADER, row(scarf), row({ ...scarf, skuCode: 'SC-2' })])).toEqual({
      skuCodes: ['SC-1', 'SC-2'],
      titles: ['羊毛针织围巾'],
      gtins: ['6901234567892'],
    });
  });
});
