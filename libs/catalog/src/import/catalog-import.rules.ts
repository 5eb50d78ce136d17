import { cellRef, ColumnSpec, headerText, isBlankRow, matchHeaders, textProblem } from '@xp/core';
import {
  attributesProblem,
  gtinProblem,
  normalizeGtin,
  packProblems,
  parseAttributeList,
  parseWholeNumber,
  skuCodeProblem,
} from '../catalog.rules';

export type CatalogColumn =
  | 'titleZh'
  | 'titleEn'
  | 'categoryCode'
  | 'brand'
  | 'description'
  | 'skuCode'
  | 'gtin'
  | 'color'
  | 'size'
  | 'otherAttributes'
  | 'unit'
  | 'packSize'
  | 'moq'
  | 'weightGrams';

/** The catalog spreadsheet's columns, in the template's order (README: "Catalog spreadsheet"). */
export const CATALOG_COLUMNS: readonly ColumnSpec<CatalogColumn>[] = [
  { key: 'titleZh', label: '商品标题', required: true, aliases: ['标题', '商品名称'] },
  { key: 'titleEn', label: '英文标题' },
  { key: 'categoryCode', label: '类目编码', required: true, aliases: ['类目'] },
  { key: 'brand', label: '品牌' },
  { key: 'description', label: '商品描述', aliases: ['描述'] },
  { key: 'skuCode', label: 'SKU编码', required: true, aliases: ['货号', 'SKU'] },
  { key: 'gtin', label: '条码', aliases: ['条形码', 'GTIN', 'EAN', 'EAN13', 'GTIN13'] },
  { key: 'color', label: '颜色' },
  { key: 'size', label: '尺码', aliases: ['规格'] },
  { key: 'otherAttributes', label: '其他属性' },
  { key: 'unit', label: '单位' },
  { key: 'packSize', label: '每包数量', aliases: ['包装数量', '装箱数'] },
  { key: 'moq', label: '起批量', aliases: ['MOQ', '最小起订量'] },
  { key: 'weightGrams', label: '重量克数', aliases: ['重量', '重量(克)', '重量（克）'] },
];

/** The sheet names the importer looks for first (else it reads the first sheet). */
export const CATALOG_SHEET_NAMES = ['商品(Products)', '商品', 'Products'];

export const CATALOG_MAX_ROWS = 20_000;

/** One problem of the file, placed so a user finds it in Excel. */
export interface ImportProblem {
  /** The row number as Excel shows it (the header is row 1). */
  row: number;
  /** The column key (e.g. skuCode), or null for a problem of the whole row. */
  column: CatalogColumn | null;
  /** The header text of that column in the file. */
  header: string | null;
  /** A1 reference such as F12. */
  cell: string | null;
  value: string | null;
  message: string;
}

export interface CategoryRef {
  id: string;
  code: string;
  active: boolean;
  leaf: boolean;
  childCodes: string[];
}

export interface BrandRef {
  id: string;
  status: string;
}

export interface ExistingProduct {
  id: string;
  titleZh: string;
  categoryId: string;
}

/** What the database already holds, as far as this file is concerned. */
export interface ImportLookup {
  categoriesByCode: Map<string, CategoryRef>;
  /** The factory's own brands by name. */
  brandsByName: Map<string, BrandRef>;
  /** The factory's SKU codes among the file's. */
  existingSkuCodes: Set<string>;
  /** GTINs already on the factory's SKUs among the file's. */
  existingGtins: Set<string>;
  /** The factory's active products by title among the file's titles. */
  existingProductsByTitle: Map<string, ExistingProduct[]>;
}

export interface PlannedProduct {
  /** Set when the SKUs join a product that exists already. */
  existingId: string | null;
  titleZh: string;
  titleEn: string | null;
  categoryId: string;
  brandId: string | null;
  description: string | null;
  firstRow: number;
}

export interface PlannedSku {
  productTitle: string;
  code: string;
  gtin: string | null;
  attributes: Record<string, string>;
  unit: string;
  packSize: number;
  moq: number;
  weightGrams: number | null;
  row: number;
}

export interface ImportPlan {
  problems: ImportProblem[];
  products: PlannedProduct[];
  skus: PlannedSku[];
  dataRows: number;
  ignoredHeaders: string[];
}

/** The cells the lookup needs before validation (codes, titles, GTINs of the file). */
export function collectKeys(rows: readonly string[][]): { skuCodes: string[]; titles: string[]; gtins: string[] } | null {
  const header = rows[0] ?? [];
  const m = matchHeaders(header, CATALOG_COLUMNS);
  if (m.missing.length) return null;
  const at = (row: readonly string[], key: CatalogColumn) => (m.index[key] === undefined ? '' : (row[m.index[key]!] ?? ''));
  const skuCodes = new Set<string>();
  const titles = new Set<string>();
  const gtins = new Set<string>();
  for (const row of rows.slice(1)) {
    if (at(row, 'skuCode')) skuCodes.add(at(row, 'skuCode'));
    if (at(row, 'titleZh')) titles.add(at(row, 'titleZh'));
    if (at(row, 'gtin')) gtins.add(normalizeGtin(at(row, 'gtin')));
  }
  return { skuCodes: [...skuCodes], titles: [...titles], gtins: [...gtins] };
}

/**
 * Checks every row of a catalog spreadsheet (rows[0] is the header) against the rules and
 * what exists, and plans the products and SKUs to create. Pure: no database. Rows with the
 * same 商品标题 are one product (its category, brand and texts from its first row; later rows
 * may repeat or leave them blank); a title the factory already has adds SKUs to that product.
 */
export function planCatalogImport(rows: readonly string[][], lookup: ImportLookup): ImportPlan {
  const header = rows[0] ?? [];
  const m = matchHeaders(header, CATALOG_COLUMNS);
  const problems: ImportProblem[] = [];
  const ignoredHeaders = m.unknown.map((u) => u.header);
  for (const spec of m.missing) {
    problems.push({ row: 1, column: spec.key, header: null, cell: null, value: null, message: `the required column ${headerText(spec)} is missing` });
  }
  for (const d of m.duplicated) {
    problems.push({
      row: 1,
      column: d.key,
      header: header[d.indexes[1]],
      cell: cellRef(d.indexes[1], 1),
      value: header[d.indexes[1]],
      message: `names the same column as ${cellRef(d.indexes[0], 1)}; keep only one`,
    });
  }
  if (problems.length) return { problems, products: [], skus: [], dataRows: 0, ignoredHeaders };

  const products = new Map<string, PlannedProduct>();
  const skus: PlannedSku[] = [];
  const skuRows = new Map<string, number>();
  const gtinRows = new Map<string, number>();
  let dataRows = 0;

  rows.forEach((row, index) => {
    const rowNumber = index + 1;
    if (index === 0 || isBlankRow(row)) return;
    dataRows++;
    const cell = (key: CatalogColumn) => (m.index[key] === undefined ? '' : (row[m.index[key]!] ?? '').trim());
    const problem = (key: CatalogColumn, message: string) => {
      const col = m.index[key];
      problems.push({
        row: rowNumber,
        column: key,
        header: col === undefined ? null : header[col],
        cell: col === undefined ? null : cellRef(col, rowNumber),
        value: cell(key) || null,
        message,
      });
    };
    const text = (key: CatalogColumn, max: number, required: boolean, multiline = false): string | null => {
      const value = cell(key);
      if (!value) {
        if (required) problem(key, 'is required');
        return null;
      }
      const p = textProblem(value, { max, multiline, allowEmoji: multiline });
      if (p) {
        problem(key, p);
        return null;
      }
      return value;
    };

    const titleZh = text('titleZh', 120, true);
    const titleEn = text('titleEn', 200, false);
    const description = text('description', 5000, false, true);

    let categoryId: string | null = null;
    const categoryCode = cell('categoryCode').toUpperCase();
    if (!categoryCode) problem('categoryCode', 'is required');
    else {
      const category = lookup.categoriesByCode.get(categoryCode);
      if (!category) problem('categoryCode', 'is not a category code; see the 类目(Categories) sheet of the template');
      else if (!category.active) problem('categoryCode', 'is a retired category; choose another');
      else if (!category.leaf) problem('categoryCode', `is a parent category; use one of its subcategories: ${category.childCodes.join(', ')}`);
      else categoryId = category.id;
    }

    let brandId: string | null = null;
    const brandName = cell('brand');
    if (brandName) {
      const brand = lookup.brandsByName.get(brandName);
      if (!brand) problem('brand', 'is not one of your brands; declare it first (with its trademark certificate)');
      else if (brand.status === 'REJECTED') problem('brand', 'was rejected by the operator and cannot be used');
      else brandId = brand.id;
    }

    const code = cell('skuCode');
    if (!code) problem('skuCode', 'is required');
    else if (skuCodeProblem(code)) problem('skuCode', skuCodeProblem(code)!);
    else if (skuRows.has(code)) problem('skuCode', `appears also in row ${skuRows.get(code)}; SKU codes must be unique`);
    else if (lookup.existingSkuCodes.has(code)) problem('skuCode', 'already exists in your catalog');
    if (code && !skuRows.has(code)) skuRows.set(code, rowNumber);

    let gtin: string | null = null;
    if (cell('gtin')) {
      const normalized = normalizeGtin(cell('gtin'));
      const p = gtinProblem(normalized);
      if (p) problem('gtin', p);
      else if (gtinRows.has(normalized)) problem('gtin', `appears also in row ${gtinRows.get(normalized)}; a barcode names one SKU`);
      else if (lookup.existingGtins.has(normalized)) problem('gtin', 'is already on another of your SKUs');
      else gtin = normalized;
      if (!gtinRows.has(normalized)) gtinRows.set(normalized, rowNumber);
    }

    const attributes: Record<string, string> = {};
    if (cell('color')) attributes['颜色'] = cell('color');
    if (cell('size')) attributes['尺码'] = cell('size');
    if (cell('otherAttributes')) {
      const parsed = parseAttributeList(cell('otherAttributes'));
      if ('problem' in parsed) problem('otherAttributes', parsed.problem);
      else {
        for (const [name, value] of Object.entries(parsed.attributes)) {
          if (name in attributes) problem('otherAttributes', `names "${name}" which has its own column`);
          else attributes[name] = value;
        }
      }
    }
    const attrProblem = attributesProblem(attributes);
    if (attrProblem) problem('otherAttributes', attrProblem);

    const unit = text('unit', 10, false) ?? '件';

    const number = (key: CatalogColumn, fallback: number | null): number | null => {
      const raw = cell(key);
      if (!raw) return fallback;
      const n = parseWholeNumber(raw);
      if (n === null) problem(key, 'must be a whole number');
      return n;
    };
    const packSize = number('packSize', 1);
    const moq = number('moq', packSize);
    if (packSize !== null && moq !== null) for (const p of packProblems(packSize, moq)) problem(p.field, p.message);
    const weightGrams = number('weightGrams', null);
    if (weightGrams !== null && (weightGrams < 1 || weightGrams > 1_000_000)) problem('weightGrams', 'must be from 1 to 1,000,000 grams');

    if (titleZh && categoryId) {
      const planned = products.get(titleZh);
      if (!planned) {
        const existing = lookup.existingProductsByTitle.get(titleZh) ?? [];
        if (existing.length > 1) {
          problem('titleZh', 'matches several of your existing products; give this product a distinct title');
        } else if (existing.length === 1 && existing[0].categoryId !== categoryId) {
          problem('categoryCode', 'differs from the category of your existing product with this title');
        } else {
          products.set(titleZh, {
            existingId: existing[0]?.id ?? null,
            titleZh,
            titleEn,
            categoryId,
            brandId,
            description,
            firstRow: rowNumber,
          });
        }
      } else {
        if (planned.categoryId !== categoryId) problem('categoryCode', `differs from row ${planned.firstRow} of the same product`);
        if (brandName && planned.brandId !== brandId) problem('brand', `differs from row ${planned.firstRow} of the same product`);
        if (titleEn && planned.titleEn && planned.titleEn !== titleEn) problem('titleEn', `differs from row ${planned.firstRow} of the same product`);
        if (description && planned.description && planned.description !== description) {
          problem('description', `differs from row ${planned.firstRow} of the same product`);
        }
      }
    }

    if (titleZh && code && packSize !== null && moq !== null) {
      skus.push({ productTitle: titleZh, code, gtin, attributes, unit, packSize, moq, weightGrams, row: rowNumber });
    }
  });

  if (dataRows === 0) problems.push({ row: 2, column: null, header: null, cell: null, value: null, message: 'the file has a header but no data rows' });
  problems.sort((a, b) => a.row - b.row);
  return { problems, products: [...products.values()], skus, dataRows, ignoredHeaders };
}
