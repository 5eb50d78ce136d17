import { readCsv } from './csv';
import { detectSpreadsheetFormat, SpreadsheetFormat } from './detect';
import { SpreadsheetError, SpreadsheetProblem } from './spreadsheet-error';
import { TextEncoding } from './text';
import { readXlsx } from './xlsx';
import { assertSafeZip, ZipLimits } from './zip';

export interface SpreadsheetReadOptions {
  /** Largest file accepted, in bytes (default 10 MB). */
  maxBytes?: number;
  /** Most data rows after the header row (default 20,000). */
  maxRows?: number;
  maxColumns?: number;
  /** XLSX: read the first sheet with one of these names (any case), else the first sheet. */
  sheet?: string[];
  zip?: Partial<ZipLimits>;
}

export interface SpreadsheetData {
  format: SpreadsheetFormat;
  /** CSV only: how the text was encoded. */
  encoding?: TextEncoding;
  /** XLSX only. */
  sheetName?: string;
  sheetNames: string[];
  /** rows[i] is the file's row i + 1, cells as trimmed text ('' for blank). */
  rows: string[][];
}

export const SPREADSHEET_DEFAULTS = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000, maxColumns: 200 };

/**
 * Reads an uploaded spreadsheet safely: the format from the content (XLSX or CSV), XLSX
 * containers proved free of encryption and ZIP bombs before the parser sees them, CSV in
 * UTF-8 (with or without BOM), UTF-16 or GBK/GB18030. Answers every row as text cells;
 * refuses the file as a whole with a SpreadsheetError. Reused by every import (catalog,
 * price sheets).
 */
export async function readSpreadsheet(buffer: Buffer, options: SpreadsheetReadOptions = {}): Promise<SpreadsheetData> {
  const maxBytes = options.maxBytes ?? SPREADSHEET_DEFAULTS.maxBytes;
  const maxRows = options.maxRows ?? SPREADSHEET_DEFAULTS.maxRows;
  const maxColumns = options.maxColumns ?? SPREADSHEET_DEFAULTS.maxColumns;
  if (buffer.length > maxBytes) {
    throw new SpreadsheetError(
      SpreadsheetProblem.TOO_LARGE,
      `The file is ${(buffer.length / 1024 / 1024).toFixed(1)} MB; at most ${Math.round(maxBytes / 1024 / 1024)} MB are accepted.`,
    );
  }
  const format = detectSpreadsheetFormat(buffer);
  let data: SpreadsheetData;
  if (format === 'XLSX') {
    assertSafeZip(buffer, options.zip);
    const x = await readXlsx(buffer, { sheet: options.sheet, maxRows, maxColumns });
    data = { format, sheetName: x.sheetName, sheetNames: x.sheetNames, rows: x.rows };
  } else {
    const c = readCsv(buffer, { maxRows, maxColumns });
    data = { format, encoding: c.encoding, sheetNames: [], rows: c.rows };
  }
  while (data.rows.length > 0 && isBlankRow(data.rows[data.rows.length - 1])) data.rows.pop();
  if (data.rows.length === 0) throw new SpreadsheetError(SpreadsheetProblem.EMPTY, 'The spreadsheet has no rows.');
  return data;
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell === '' || cell === undefined);
}
