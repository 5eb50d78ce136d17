import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { TestApp } from '../support/test-app';

/** Files as factories handle them: the uploaded document rows, the template, Excel edits. */

/** Stores an uploaded file as the upload route would (documents + document_contents). */
export async function uploadDocument(t: TestApp, ownerOrgId: string, content: Buffer, name = 'prices.xlsx', kind = 'SPREADSHEET') {
  const mime = name.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const [doc] = await t.dataSource.query(
    `INSERT INTO documents (owner_org_id, kind, mime_type, size_bytes, sha256, original_name) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [ownerOrgId, kind, mime, content.length, createHash('sha256').update(content).digest('hex'), name],
  );
  await t.dataSource.query('INSERT INTO document_contents (document_id, content) VALUES ($1, $2)', [doc.id, content]);
  return doc.id as string;
}

/** Downloads the template as the factory would. */
export async function downloadTemplate(t: TestApp, token: string, venueId: string) {
  return t.http().get(`/api/price-sheets/template.xlsx?venueId=${venueId}`).set('authorization', `Bearer ${token}`).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
}

/** Fills rows of the template's data sheet by SKU code and header text, as Excel would. */
export async function fillTemplate(template: Buffer, fill: Record<string, Record<string, ExcelJS.CellValue>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('报价单')!;
  const headers = Array.from(sheet.getRow(1).values as unknown[], (h) => (typeof h === 'string' ? h : ''));
  const column = (label: string) => headers.findIndex((h) => h.startsWith(label));
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = fill[String(row.getCell(1).value)];
    if (!values) return;
    for (const [label, value] of Object.entries(values)) row.getCell(column(label)).value = value;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
