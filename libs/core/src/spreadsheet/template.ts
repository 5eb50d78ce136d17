import ExcelJS from 'exceljs';
import { ColumnSpec, headerText } from './columns';

export interface TemplateSheet {
  name: string;
  rows: (string | number | null)[][];
  widths?: number[];
}

/**
 * An import template workbook: the data sheet (bold, frozen header row, every cell text so
 * that Excel keeps leading zeros and long codes) followed by any other sheets (instructions,
 * code lists).
 */
export async function buildTemplateWorkbook(options: {
  dataSheet: string;
  columns: readonly ColumnSpec[];
  rows?: (string | number | null)[][];
  sheets?: TemplateSheet[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Xuanpin';
  const data = workbook.addWorksheet(options.dataSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = options.columns.map((spec) => ({
    header: headerText(spec),
    key: spec.key,
    width: Math.max(14, headerText(spec).length * 2),
    style: { numFmt: '@' },
  }));
  const headerRow = data.getRow(1);
  headerRow.font = { bold: true };
  options.columns.forEach((spec, i) => {
    if (spec.required) headerRow.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
  });
  for (const row of options.rows ?? []) data.addRow(row);
  for (const sheet of options.sheets ?? []) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
    sheet.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
