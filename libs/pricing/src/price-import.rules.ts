import { cellRef, ColumnSpec, Fen, headerText, isBlankRow, matchHeaders, MoneyFormatError, parseYuan } from '@xp/core';
import type { LineDraft } from './price-sheets.service';
import type { SkuFacts } from './pricing.lookups';
import { lineProblems } from './pricing.rules';

/**
 * Reading a price sheet from the template's rows: pure, so that every row-level rule is
 * unit-tested without a database. The service feeds it the file's rows and the factory's SKUs.
 */

export const PRICE_SHEET_NAMES = ['报价单', 'price sheet', 'prices'];
export const PRICE_IMPORT_MAX_ROWS = 20_000;
/** Supply tiers a template row carries (the database allows 10; four cover real sheets). */
export const TEMPLATE_TIERS = 4;

export type PriceColumnKey =
  | 'skuCode'
  | 'title'
  | 'attributes'
  | 'unit'
  | 'moq'
  | 'currentTiers'
  | 'currentRetailPrice'
  | 'currentFloor'
  | 'supplyPrice1'
  | 'quantity2'
  | 'supplyPrice2'
  | 'quantity3'
  | 'supplyPrice3'
  | 'quantity4'
  | 'supplyPrice4'
  | 'retailPrice'
  | 'requestedFloor';

/**
 * The template's columns, in order. The informational ones (title, attributes, unit and the
 * prices in force) are not read back: a factory fills the price columns of the SKUs it wants to
 * (re)price and leaves the others empty.
 */
export const PRICE_COLUMNS: readonly ColumnSpec<PriceColumnKey>[] = [
  { key: 'skuCode', label: 'SKU编码', required: true, aliases: ['SKU', '货号', '商品编码'] },
  { key: 'title', label: '商品名称' },
  { key: 'attributes', label: '规格' },
  { key: 'unit', label: '单位' },
  { key: 'moq', label: '起批量' },
  { key: 'currentTiers', label: '当前供货价' },
  { key: 'currentRetailPrice', label: '当前零售价' },
  { key: 'currentFloor', label: '当前控价' },
  { key: 'supplyPrice1', label: '供货价', required: true, aliases: ['起批价', '供货价1', '阶梯1供货价'] },
  { key: 'quantity2', label: '阶梯2数量' },
  { key: 'supplyPrice2', label: '阶梯2供货价' },
  { key: 'quantity3', label: '阶梯3数量' },
  { key: 'supplyPrice3', label: '阶梯3供货价' },
  { key: 'quantity4', label: '阶梯4数量' },
  { key: 'supplyPrice4', label: '阶梯4供货价' },
  { key: 'retailPrice', label: '零售价', required: true },
  { key: 'requestedFloor', label: '控价', aliases: ['控价(选填)', '最低限价'] },
];

const PRICE_KEYS: PriceColumnKey[] = ['supplyPrice1', 'quantity2', 'supplyPrice2', 'quantity3', 'supplyPrice3', 'quantity4', 'supplyPrice4', 'retailPrice', 'requestedFloor'];

export interface ImportProblem {
  row: number;
  column: PriceColumnKey | null;
  header: string | null;
  cell: string | null;
  value: string | null;
  skuCode: string | null;
  message: string;
}

export interface PriceImportPlan {
  lines: LineDraft[];
  problems: ImportProblem[];
  /** Non-blank rows after the header. */
  dataRows: number;
  /** Rows with a SKU but no price: left out of the sheet. */
  skippedRows: number;
  ignoredHeaders: string[];
}

/** A money cell as Excel users type it: "12.5", "12.50", "¥12.50", "1,280.00", "12.50元". */
export function parseMoneyCell(text: string): { fen: Fen } | { error: string } {
  if (/^#[A-Z/0!?]+[!?]?$/.test(text)) return { error: `holds a formula error (${text}); fix the formula or type the amount` };
  const cleaned = text.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  try {
    return { fen: parseYuan(cleaned) };
  } catch (error) {
    if (error instanceof MoneyFormatError) return { error: 'must be an amount in yuan with at most two decimals, like 12.50' };
    throw error;
  }
}

export function parseQuantityCell(text: string): { quantity: number } | { error: string } {
  const cleaned = text.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^\d{1,9}$/.test(cleaned) || Number(cleaned) < 1) return { error: 'must be a whole number of at least 1' };
  return { quantity: Number(cleaned) };
}

/** Where a rule's path (`tiers.1.unitPrice`) is in the template. */
function columnOfPath(path: string): PriceColumnKey {
  const tier = /^tiers\.(\d+)\.(minQuantity|unitPrice)$/.exec(path);
  if (tier) {
    const i = Number(tier[1]);
    if (tier[2] === 'unitPrice') return `supplyPrice${i + 1}` as PriceColumnKey;
    return i === 0 ? 'moq' : (`quantity${i + 1}` as PriceColumnKey);
  }
  if (path === 'retailPrice' || path === 'requestedFloor') return path;
  return 'supplyPrice1';
}

/** Codes the file names, for loading the factory's SKUs in one query (null without a SKU column). */
export function skuCodesOf(rows: readonly string[][]): string[] | null {
  if (rows.length === 0) return null;
  const index = matchHeaders(rows[0], PRICE_COLUMNS).index.skuCode;
  if (index === undefined) return null;
  return [...new Set(rows.slice(1).map((r) => r[index] ?? '').filter((c) => c !== ''))];
}

/**
 * Plans an import: one line per row with prices, every problem of every row with its cell.
 * Rows with a SKU code and no price are skipped (the SKU is left out of this sheet). The first
 * tier starts at the SKU's MOQ; the 起批量 column is shown for reference and must match it.
 */
export function planPriceImport(rows: readonly string[][], skusByCode: ReadonlyMap<string, SkuFacts>): PriceImportPlan {
  const problems: ImportProblem[] = [];
  const header = rows[0] ?? [];
  const match = matchHeaders(header, PRICE_COLUMNS);
  const plan: PriceImportPlan = { lines: [], problems, dataRows: 0, skippedRows: 0, ignoredHeaders: match.unknown.map((u) => u.header) };
  for (const spec of match.missing) {
    problems.push({ row: 1, column: spec.key, header: headerText(spec), cell: null, value: null, skuCode: null, message: `the column ${headerText(spec)} is missing; start from the template` });
  }
  for (const d of match.duplicated) {
    problems.push({
      row: 1,
      column: d.key,
      header: header[d.indexes[1]],
      cell: cellRef(d.indexes[1], 1),
      value: header[d.indexes[1]],
      skuCode: null,
      message: 'this column appears more than once; keep one',
    });
  }
  if (match.missing.length > 0 || match.duplicated.length > 0) return plan;

  const seen = new Map<string, number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const rowNo = r + 1;
    if (isBlankRow(row)) continue;
    plan.dataRows++;
    const cell = (key: PriceColumnKey) => {
      const index = match.index[key];
      return index === undefined ? '' : (row[index] ?? '');
    };
    const code = cell('skuCode');
    const rowProblems: ImportProblem[] = [];
    const problem = (column: PriceColumnKey | null, message: string) => {
      const index = column ? match.index[column] : undefined;
      rowProblems.push({
        row: rowNo,
        column,
        header: index !== undefined ? header[index] : column ? headerText(PRICE_COLUMNS.find((c) => c.key === column)!) : null,
        cell: index !== undefined ? cellRef(index, rowNo) : null,
        value: column && index !== undefined ? cell(column) || null : null,
        skuCode: code || null,
        message,
      });
    };
    if (PRICE_KEYS.every((k) => cell(k) === '')) {
      if (code === '') problem('skuCode', 'is empty, and the row has no prices either; delete the row');
      else plan.skippedRows++;
      problems.push(...rowProblems);
      continue;
    }
    const sku = code ? skusByCode.get(code) : undefined;
    if (!code) problem('skuCode', 'is empty; every priced row names one of your SKUs');
    else if (!sku) problem('skuCode', 'is not one of your SKUs; check the code against your catalog (download the template again)');
    else if (!sku.active) problem('skuCode', 'is archived; only active SKUs are priced');
    const first = code ? seen.get(code) : undefined;
    if (first !== undefined) problem('skuCode', `appears twice (also row ${first}); price each SKU once`);
    else if (code) seen.set(code, rowNo);

    const money = (key: PriceColumnKey, required: boolean): Fen | null => {
      const text = cell(key);
      if (text === '') {
        if (required) problem(key, 'is empty (a formula without a saved value reads as empty: open the file in Excel and save it)');
        return null;
      }
      const parsed = parseMoneyCell(text);
      if ('error' in parsed) {
        problem(key, parsed.error);
        return null;
      }
      return parsed.fen;
    };
    const quantity = (key: PriceColumnKey): number | null => {
      const text = cell(key);
      if (text === '') return null;
      const parsed = parseQuantityCell(text);
      if ('error' in parsed) {
        problem(key, parsed.error);
        return null;
      }
      return parsed.quantity;
    };

    const moqCell = quantity('moq');
    if (sku && moqCell !== null && moqCell !== sku.moq) {
      problem('moq', `is the SKU's minimum order quantity (${sku.moq}) and is not changed here; change the SKU in the catalog`);
    }
    const supply1 = money('supplyPrice1', true);
    const tiers = [{ minQuantity: sku?.moq ?? 1, unitPrice: supply1 ?? 0 }];
    for (let i = 2; i <= TEMPLATE_TIERS; i++) {
      const qKey = `quantity${i}` as PriceColumnKey;
      const pKey = `supplyPrice${i}` as PriceColumnKey;
      const q = quantity(qKey);
      const p = money(pKey, false);
      if (cell(qKey) === '' && cell(pKey) === '') continue;
      if (cell(qKey) === '') problem(qKey, `is empty while ${headerText(PRICE_COLUMNS.find((c) => c.key === pKey)!)} is filled`);
      if (cell(pKey) === '') problem(pKey, `is empty while ${headerText(PRICE_COLUMNS.find((c) => c.key === qKey)!)} is filled`);
      if (q !== null && p !== null) tiers.push({ minQuantity: q, unitPrice: p });
    }
    const retail = money('retailPrice', true);
    const floor = money('requestedFloor', false);
    if (sku && supply1 !== null && retail !== null) {
      const line: LineDraft = { lineNo: rowNo, skuId: sku.id, tiers, retailPrice: retail, requestedFloor: floor };
      for (const p of lineProblems(line, { moq: sku.moq, floorEligibility: sku.floorEligibility })) problem(columnOfPath(p.path), p.message);
      if (rowProblems.length === 0) plan.lines.push(line);
    }
    problems.push(...rowProblems);
  }
  if (problems.length === 0 && plan.lines.length === 0) {
    problems.push({ row: 1, column: null, header: null, cell: null, value: null, skuCode: null, message: 'no row has prices: fill in 供货价 and 零售价 for the SKUs to price' });
  }
  return plan;
}
