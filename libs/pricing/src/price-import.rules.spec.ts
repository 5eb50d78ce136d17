import { headerText } from '@xp/core';
import { parseMoneyCell, planPriceImport, PRICE_COLUMNS, skuCodesOf } from './price-import.rules';
import { SkuFacts } from './pricing.lookups';

const HEADER = PRICE_COLUMNS.map(headerText);
const col = (key: string) => PRICE_COLUMNS.findIndex((c) => c.key === key);

function row(values: Record<string, string>): string[] {
  const cells = HEADER.map(() => '');
  for (const [k, v] of Object.entries(values)) cells[col(k)] = v;
  return cells;
}

function sku(code: string, overrides: Partial<SkuFacts> = {}): SkuFacts {
  return {
    id: `id-${code}`,
    code,
    factoryOrgId: 'f',
    moq: 10,
    packSize: 1,
    active: true,
    categoryId: 'c',
    brandName: null,
    floorEligibility: 'NO_BRAND',
    titleZh: code,
    attributes: {},
    unit: '件',
    ...overrides,
  };
}

const skus = new Map([
  ['A1', sku('A1', { floorEligibility: 'VERIFIED_OWN_BRAND' })],
  ['B2', sku('B2', { moq: 6 })],
  ['OLD', sku('OLD', { active: false })],
]);

describe('price sheet import plan', () => {
  it('reads tiers from the MOQ on, retail and floor, one line per priced row (row numbers as in Excel)', () => {
    const plan = planPriceImport(
      [
        HEADER,
        row({ skuCode: 'A1', moq: '10', supplyPrice1: '15.00', quantity2: '50', supplyPrice2: '¥14', retailPrice: '29.9', requestedFloor: '19.90' }),
        [],
        row({ skuCode: 'B2', moq: '6' }),
        row({ skuCode: 'B2', supplyPrice1: '8', retailPrice: '1,200.00元' }),
      ],
      skus,
    );
    expect(plan.problems).toEqual([]);
    expect(plan).toMatchObject({ dataRows: 3, skippedRows: 1, ignoredHeaders: [] });
    expect(plan.lines).toEqual([
      { lineNo: 2, skuId: 'id-A1', tiers: [{ minQuantity: 10, unitPrice: 1500 }, { minQuantity: 50, unitPrice: 1400 }], retailPrice: 2990, requestedFloor: 1990 },
      { lineNo: 5, skuId: 'id-B2', tiers: [{ minQuantity: 6, unitPrice: 800 }], retailPrice: 120000, requestedFloor: null },
    ]);
  });

  it('reports every bad row by row, column, cell and value; nothing is planned from a bad row', () => {
    const plan = planPriceImport(
      [
        HEADER,
        row({ skuCode: 'NOPE', supplyPrice1: '8', retailPrice: '12' }),
        row({ skuCode: 'A1', supplyPrice1: '15.005', retailPrice: '29.90' }),
        row({ skuCode: 'B2', supplyPrice1: '8', quantity2: '5', supplyPrice2: '9', retailPrice: '7' }),
        row({ skuCode: 'A1', supplyPrice1: '15', retailPrice: '29.90' }),
        row({ skuCode: 'OLD', supplyPrice1: '8', retailPrice: '12' }),
      ],
      skus,
    );
    expect(plan.lines).toEqual([]);
    expect(plan.problems.map((p) => [p.row, p.column, p.cell, p.value])).toEqual([
      [2, 'skuCode', 'A2', 'NOPE'],
      [3, 'supplyPrice1', 'I3', '15.005'],
      [4, 'quantity2', 'J4', '5'],
      [4, 'supplyPrice2', 'K4', '9'],
      [4, 'retailPrice', 'P4', '7'],
      [5, 'skuCode', 'A5', 'A1'],
      [6, 'skuCode', 'A6', 'OLD'],
    ]);
    expect(plan.problems[1].message).toMatch(/two decimals/);
    expect(plan.problems[4].message).toMatch(/at least every supply price/);
    expect(plan.problems[5].message).toMatch(/appears twice \(also row 3\)/);
  });

  it('refuses a floor for a SKU without a verified brand, and a changed MOQ', () => {
    const plan = planPriceImport([HEADER, row({ skuCode: 'B2', moq: '12', supplyPrice1: '8', retailPrice: '12', requestedFloor: '10' })], skus);
    expect(plan.problems.map((p) => [p.column, p.message])).toEqual([
      ['moq', expect.stringMatching(/minimum order quantity \(6\)/)],
      ['requestedFloor', expect.stringMatching(/no brand/)],
    ]);
  });

  it('needs both halves of a tier and says so for an empty formula result', () => {
    const plan = planPriceImport([HEADER, row({ skuCode: 'B2', quantity2: '60', retailPrice: '12' })], skus);
    expect(plan.problems.map((p) => [p.column, p.message])).toEqual([
      ['supplyPrice1', expect.stringMatching(/formula without a saved value/)],
      ['supplyPrice2', expect.stringMatching(/is empty while 阶梯2数量/)],
    ]);
  });

  it('refuses a file without the required columns, naming them, and one without any price', () => {
    const missing = planPriceImport([['SKU编码', '备注'], ['A1', 'x']], skus);
    expect(missing.problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'supplyPrice1'],
      [1, 'retailPrice'],
    ]);
    expect(missing.problems[0].message).toMatch(/供货价\(supplyPrice1\) is missing/);
    const empty = planPriceImport([HEADER, row({ skuCode: 'A1' })], skus);
    expect(empty.problems).toEqual([expect.objectContaining({ row: 1, message: expect.stringMatching(/no row has prices/) })]);
  });

  it('accepts Chinese labels alone, full-width brackets and extra columns (listed as ignored)', () => {
    const plan = planPriceImport([['SKU编码', '供货价（supplyPrice1）', '零售价', '备注'], ['B2', '8.00', '12.00', '新品']], skus);
    expect(plan.problems).toEqual([]);
    expect(plan.ignoredHeaders).toEqual(['备注']);
    expect(plan.lines).toHaveLength(1);
    expect(skuCodesOf([['SKU编码'], ['B2'], ['B2'], ['']])).toEqual(['B2']);
  });

  it('reads money as Excel users type it and refuses formula errors', () => {
    expect(parseMoneyCell('12.5')).toEqual({ fen: 1250 });
    expect(parseMoneyCell('￥ 1,280.00')).toEqual({ fen: 128000 });
    expect(parseMoneyCell('0.1')).toEqual({ fen: 10 });
    expect(parseMoneyCell('#DIV/0!')).toEqual({ error: expect.stringMatching(/formula error/) });
    expect(parseMoneyCell('12.345')).toEqual({ error: expect.stringMatching(/two decimals/) });
    expect(parseMoneyCell('abc')).toEqual({ error: expect.any(String) });
  });
});
