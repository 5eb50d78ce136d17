import ExcelJS from 'exceljs';
import { SpreadsheetError, SpreadsheetProblem } from './spreadsheet-error';

/** Excel shows 15 significant digits; so do we (0.1 + 0.2 reads "0.3", not "0.30000000000000004"). */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(Number(n.toPrecision(15)));
}

function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** A cell's value as the text a user sees in it (formulas by their cached result). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? '' : cellText(result as ExcelJS.CellValue);
    }
    if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

/** Picks the sheet to read: by one of `names` when given and present, else the first one. */
export type SheetChoice = string[] | undefined;

/**
 * Rows of one worksheet as string cells, row i of the result being Excel's row i + 1 (blank
 * rows stay as empty arrays so that row numbers in reports match what the user sees).
 * The container must have passed assertSafeZip first.
 */
export async function readXlsx(
  buffer: Buffer,
  options: { sheet?: SheetChoice; maxRows: number; maxColumns: number },
): Promise<{ rows: string[][]; sheetName: string; sheetNames: string[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new SpreadsheetError(
      SpreadsheetProblem.MALFORMED,
      `The workbook cannot be read (${(error as Error).message.split('\n')[0].slice(0, 120)}). Open it in Excel, save it as .xlsx and upload it again.`,
    );
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new SpreadsheetError(SpreadsheetProblem.NO_SHEET, 'The workbook has no worksheet.');
  const wanted = options.sheet?.map((n) => n.toLowerCase());
  const sheet = (wanted && sheets.find((s) => wanted.includes(s.name.trim().toLowerCase()))) || sheets[0];
  if (sheet.rowCount > options.maxRows + 1) {
    throw new SpreadsheetError(
      SpreadsheetProblem.TOO_MANY_ROWS,
      `The sheet "${sheet.name}" has more than ${options.maxRows} data rows; split it into smaller files.`,
    );
  }
  if (sheet.columnCount > options.maxColumns) {
    throw new SpreadsheetError(SpreadsheetProblem.TOO_MANY_COLUMNS, `The sheet "${sheet.name}" has more than ${options.maxColumns} columns.`);
  }
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells[c - 1] = cellText(row.getCell(c).value).trim();
    rows.push(cells);
  }
  return { rows, sheetName: sheet.name, sheetNames: sheets.map((s) => s.name) };
}
