import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  legacyXls,
  oleEncrypted,
  windowsExe,
  xlsxBomb,
  xlsxLyingSizes,
  zip,
  zipEncrypted,
} from '../../../../test/support/files';
import { cellRef, columnLetter, headerText, matchHeaders } from './columns';
import { guessDelimiter } from './csv';
import { detectSpreadsheetFormat } from './detect';
import { readSpreadsheet } from './read';
import { SpreadsheetError, SpreadsheetProblem } from './spreadsheet-error';
import { buildTemplateWorkbook } from './template';
import { decodeText } from './text';
import { cellText } from './xlsx';
import { assertSafeZip, readZipDirectory } from './zip';

async function workbook(rows: unknown[][], sheetName = 'Sheet1', extra?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const row of rows) ws.addRow(row);
  extra?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function problemOf(promise: Promise<unknown>): Promise<SpreadsheetProblem> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SpreadsheetError) return error.problem;
    throw error;
  }
  throw new Error('expected the spreadsheet to be refused');
}

describe('spreadsheet reader: format by content', () => {
  it('recognizes an XLSX workbook and a CSV text whatever they are called', async () => {
    expect(detectSpreadsheetFormat(await workbook([['a']]))).toBe('XLSX');
    expect(detectSpreadsheetFormat(Buffer.from('a,b\n1,2\n'))).toBe('CSV');
  });

  it('refuses a password-protected workbook (encrypted OLE container) as ENCRYPTED', async () => {
    expect(await problemOf(readSpreadsheet(oleEncrypted()))).toBe(SpreadsheetProblem.ENCRYPTED);
  });

  it('refuses a ZIP with encrypted entries as ENCRYPTED', async () => {
    expect(await problemOf(readSpreadsheet(zipEncrypted()))).toBe(SpreadsheetProblem.ENCRYPTED);
  });

  it('refuses a legacy .xls, a Word-like ZIP, an executable and an empty file', async () => {
    expect(await problemOf(readSpreadsheet(legacyXls()))).toBe(SpreadsheetProblem.UNSUPPORTED_FORMAT);
    expect(await problemOf(readSpreadsheet(zip([{ name: 'word/document.xml', data: '<w/>' }])))).toBe(
      SpreadsheetProblem.UNSUPPORTED_FORMAT,
    );
    expect(await problemOf(readSpreadsheet(windowsExe()))).toBe(SpreadsheetProblem.UNSUPPORTED_FORMAT);
    expect(await problemOf(readSpreadsheet(Buffer.from('#!/bin/sh\nrm -rf /\n')))).toBe(SpreadsheetProblem.UNSUPPORTED_FORMAT);
    expect(await problemOf(readSpreadsheet(Buffer.alloc(0)))).toBe(SpreadsheetProblem.EMPTY);
  });

  it('refuses a macro-enabled workbook', async () => {
    const xlsm = zip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/vbaProject.bin', data: Buffer.alloc(64, 1) },
    ]);
    expect(await problemOf(readSpreadsheet(xlsm))).toBe(SpreadsheetProblem.MACROS);
  });

  it('refuses a file over the size limit before looking inside', async () => {
    expect(await problemOf(readSpreadsheet(Buffer.alloc(2048, 0x41), { maxBytes: 1024 }))).toBe(SpreadsheetProblem.TOO_LARGE);
  });

  it('refuses a damaged workbook as MALFORMED', async () => {
    const good = await workbook([['a', 'b']]);
    const truncated = good.subarray(0, good.length - 30);
    expect(await problemOf(readSpreadsheet(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)])))).toBe(
      SpreadsheetProblem.MALFORMED,
    );
    expect(await problemOf(readSpreadsheet(truncated))).toBe(SpreadsheetProblem.MALFORMED);
  });
});

describe('spreadsheet reader: ZIP bombs', () => {
  it('refuses a part compressed far beyond what a real sheet compresses', () => {
    expect(() => assertSafeZip(xlsxBomb(50 * 1024 * 1024))).toThrow(/ZIP bomb/);
  });

  it('refuses a workbook that expands beyond the total limit', () => {
    const big = zip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/a.xml', data: Buffer.alloc(3 * 1024 * 1024, 7), method: 'store' },
    ]);
    expect(() => assertSafeZip(big, { maxUncompressedBytes: 2 * 1024 * 1024 })).toThrow(/expands to more than/);
  });

  it('catches a part that lies about its size without inflating it all', () => {
    expect(() => assertSafeZip(xlsxLyingSizes())).toThrow(/beyond the size it declares/);
  });

  it('refuses too many parts', () => {
    const many = zip(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
    expect(() => readZipDirectory(many, 20)).toThrow(/at most 20/);
  });

  it('accepts a real workbook of thousands of rows', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`SKU-${i}`, '红色针织围巾', i, 6901234567892]);
    const buffer = await workbook(rows);
    expect(assertSafeZip(buffer).length).toBeGreaterThan(3);
  });
});

describe('spreadsheet reader: XLSX cells as text', () => {
  it('reads every row as trimmed text, keeping row numbers and long numbers exact', async () => {
    const buffer = await workbook([
      ['SKU编码(skuCode)', '条码(gtin)', '数量', '价格'],
      ['  A-1 ', 6901234567892, 12, 0.1 + 0.2],
      [],
      ['A-2', '06901234567892', 1.5, { formula: '1+1', result: 2 }],
    ]);
    const data = await readSpreadsheet(buffer);
    expect(data.format).toBe('XLSX');
    expect(data.rows[1]).toEqual(['A-1', '6901234567892', '12', '0.3']);
    expect(data.rows[2]).toEqual([]);
    expect(data.rows[3]).toEqual(['A-2', '06901234567892', '1.5', '2']);
  });

  it('reads the sheet asked for by name, else the first one', async () => {
    const buffer = await workbook([['instructions']], '说明', (wb) => wb.addWorksheet('商品(Products)').addRow(['data']));
    expect((await readSpreadsheet(buffer, { sheet: ['商品(products)'] })).rows).toEqual([['data']]);
    expect((await readSpreadsheet(buffer)).rows).toEqual([['instructions']]);
  });

  it('turns rich text, dates, booleans, hyperlinks and errors into text', () => {
    expect(cellText({ richText: [{ text: '豫' }, { text: '暖' }] })).toBe('豫暖');
    expect(cellText(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ text: 'link', hyperlink: 'https://example.com' })).toBe('link');
    expect(cellText({ error: '#N/A' } as never)).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });

  it('refuses more rows than allowed', async () => {
    const buffer = await workbook(Array.from({ length: 12 }, (_, i) => [i]));
    expect(await problemOf(readSpreadsheet(buffer, { maxRows: 10 }))).toBe(SpreadsheetProblem.TOO_MANY_ROWS);
  });

  it('refuses a workbook whose only content is blank', async () => {
    expect(await problemOf(readSpreadsheet(await workbook([[], []])))).toBe(SpreadsheetProblem.EMPTY);
  });
});

describe('spreadsheet reader: CSV encodings', () => {
  const text = '商品标题,SKU编码\n红色针织围巾,"A,1"\n';

  it('reads UTF-8 with and without a byte-order mark', async () => {
    for (const buffer of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]) {
      const data = await readSpreadsheet(buffer);
      expect(data.encoding).toBe('UTF-8');
      expect(data.rows).toEqual([
        ['商品标题', 'SKU编码'],
        ['红色针织围巾', 'A,1'],
      ]);
    }
  });

  it('reads GBK as written by a Chinese Windows Excel', async () => {
    const data = await readSpreadsheet(iconv.encode(text, 'gbk'));
    expect(data.encoding).toBe('GB18030');
    expect(data.rows[1]).toEqual(['红色针织围巾', 'A,1']);
  });

  it('reads UTF-16 with its byte-order mark, tab-separated', async () => {
    const tsv = '商品标题\tSKU编码\n毛线帽\tH-1\n';
    const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    expect((await readSpreadsheet(buffer)).rows).toEqual([
      ['商品标题', 'SKU编码'],
      ['毛线帽', 'H-1'],
    ]);
  });

  it('guesses the delimiter from the header line', () => {
    expect(guessDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(guessDelimiter('a\tb\n')).toBe('\t');
    expect(guessDelimiter('"x;y",b\n')).toBe(',');
  });

  it('decodes without a BOM by trying UTF-8 first', () => {
    expect(decodeText(Buffer.from('围巾')).encoding).toBe('UTF-8');
    expect(decodeText(iconv.encode('围巾', 'gbk')).text).toBe('围巾');
  });

  it('refuses a CSV with more rows than allowed', async () => {
    const csv = ['h', ...Array.from({ length: 20 }, (_, i) => String(i))].join('\n');
    expect(await problemOf(readSpreadsheet(Buffer.from(csv), { maxRows: 10 }))).toBe(SpreadsheetProblem.TOO_MANY_ROWS);
  });
});

describe('spreadsheet reader: headers and cell references', () => {
  const specs = [
    { key: 'titleZh', label: '商品标题', required: true },
    { key: 'skuCode', label: 'SKU编码', required: true },
    { key: 'gtin', label: '条码', aliases: ['EAN'] },
  ] as const;

  it('matches template headers, Chinese labels, English keys and aliases in any case', () => {
    const m = matchHeaders(['商品标题（titleZh）', ' skucode ', 'ean', '备注'], specs);
    expect(m.index).toEqual({ titleZh: 0, skuCode: 1, gtin: 2 });
    expect(m.unknown).toEqual([{ header: '备注', index: 3 }]);
    expect(m.missing).toEqual([]);
  });

  it('reports missing required and duplicated columns', () => {
    const m = matchHeaders(['条码', 'gtin'], specs);
    expect(m.missing.map((s) => s.key)).toEqual(['titleZh', 'skuCode']);
    expect(m.duplicated).toEqual([{ key: 'gtin', indexes: [0, 1] }]);
  });

  it('writes header texts and A1 references', () => {
    expect(headerText(specs[0])).toBe('商品标题(titleZh)');
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(cellRef(27, 12)).toBe('AB12');
  });

  it('builds a template whose data sheet reads back as its headers', async () => {
    const buffer = await buildTemplateWorkbook({
      dataSheet: '商品(Products)',
      columns: specs,
      sheets: [{ name: '说明(Instructions)', rows: [['填写说明'], ['每行一个SKU']] }],
    });
    const data = await readSpreadsheet(buffer, { sheet: ['商品(Products)'] });
    expect(data.sheetNames).toEqual(['商品(Products)', '说明(Instructions)']);
    expect(data.rows).toEqual([['商品标题(titleZh)', 'SKU编码(skuCode)', '条码(gtin)']]);
  });
});
