import { SpreadsheetError, SpreadsheetProblem } from './spreadsheet-error';
import { looksBinary } from './text';
import { isZip, readZipDirectory } from './zip';

export type SpreadsheetFormat = 'XLSX' | 'CSV';

/** OLE2 / Compound File Binary: legacy .xls, and the container of every password-protected Office file. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_STREAMS = ['EncryptionInfo', 'EncryptedPackage'].map((name) => Buffer.from(name, 'utf16le'));

export function isOleContainer(buffer: Buffer): boolean {
  return buffer.length >= 8 && buffer.subarray(0, 8).equals(OLE_MAGIC);
}

/** An OLE container holding the streams Office writes when a document is encrypted with a password. */
export function isEncryptedOffice(buffer: Buffer): boolean {
  return isOleContainer(buffer) && ENCRYPTION_STREAMS.some((name) => buffer.includes(name));
}

/**
 * Decides from the content alone whether the bytes are an XLSX workbook or a CSV text, and
 * refuses everything else with the reason: password-protected Office files, legacy .xls,
 * other ZIP documents (Word, archives), macro-enabled workbooks, binaries.
 */
export function detectSpreadsheetFormat(buffer: Buffer): SpreadsheetFormat {
  if (buffer.length === 0) throw new SpreadsheetError(SpreadsheetProblem.EMPTY, 'The file is empty.');
  if (isEncryptedOffice(buffer)) {
    throw new SpreadsheetError(
      SpreadsheetProblem.ENCRYPTED,
      'The spreadsheet is password-protected. Remove the password in Excel (File → Info → Protect Workbook) and upload it again.',
    );
  }
  if (isOleContainer(buffer)) {
    throw new SpreadsheetError(
      SpreadsheetProblem.UNSUPPORTED_FORMAT,
      'Old Excel 97–2003 (.xls) files are not accepted. Save the file as .xlsx (Excel Workbook) or CSV and upload it again.',
    );
  }
  if (isZip(buffer)) {
    const names = readZipDirectory(buffer).map((e) => e.name);
    if (!names.includes('[Content_Types].xml') || !names.includes('xl/workbook.xml')) {
      throw new SpreadsheetError(SpreadsheetProblem.UNSUPPORTED_FORMAT, 'The file is a ZIP archive but not an Excel workbook (.xlsx).');
    }
    if (names.some((n) => /^xl\/vbaProject\.bin$/i.test(n))) {
      throw new SpreadsheetError(
        SpreadsheetProblem.MACROS,
        'The workbook contains macros. Save it as a plain Excel Workbook (.xlsx) and upload it again.',
      );
    }
    return 'XLSX';
  }
  if (looksBinary(buffer) || buffer.subarray(0, 2).toString('latin1') === '#!') {
    throw new SpreadsheetError(SpreadsheetProblem.UNSUPPORTED_FORMAT, 'The file is neither an Excel workbook (.xlsx) nor a CSV text.');
  }
  return 'CSV';
}
