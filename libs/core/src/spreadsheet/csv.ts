import { parse } from 'csv-parse/sync';
import { SpreadsheetError, SpreadsheetProblem } from './spreadsheet-error';
import { decodeText, TextEncoding } from './text';

const DELIMITERS = [',', '\t', ';'] as const;

/** The delimiter the header line uses most (outside quotes); a comma when in doubt. */
export function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Rows of a CSV file as string cells, whatever its encoding (see decodeText). */
export function readCsv(
  buffer: Buffer,
  limits: { maxRows: number; maxColumns: number },
): { rows: string[][]; encoding: TextEncoding } {
  const { text, encoding } = decodeText(buffer);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to_line: limits.maxRows + 2,
      max_record_size: 1024 * 1024,
    }) as string[][];
  } catch (error) {
    throw new SpreadsheetError(
      SpreadsheetProblem.MALFORMED,
      `The CSV file cannot be read (${(error as Error).message.split('\n')[0]}). Save it again from Excel as "CSV UTF-8".`,
    );
  }
  if (rows.length > limits.maxRows + 1) {
    throw new SpreadsheetError(SpreadsheetProblem.TOO_MANY_ROWS, `The file has more than ${limits.maxRows} data rows; split it into smaller files.`);
  }
  if (rows.some((r) => r.length > limits.maxColumns)) {
    throw new SpreadsheetError(SpreadsheetProblem.TOO_MANY_COLUMNS, `A row has more than ${limits.maxColumns} columns.`);
  }
  return { rows: rows.map((r) => r.map((cell) => cell.trim())), encoding };
}
