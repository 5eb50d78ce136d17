import ExcelJS from 'exceljs';
import {
  elfExecutable,
  oleEncrypted,
  tinyJpeg,
  tinyPdf,
  tinyPng,
  tinyWebp,
  windowsExe,
  xlsxBomb,
} from '../../../../test/support/files';
import { DocumentKind } from '../entities/document.entity';
import { checkDocumentContent, cleanOriginalName, contentDisposition, downloadName, FileType, MAX_DOCUMENT_BYTES, sniffFileType } from './documents.rules';

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('S').addRow(['a']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('document type from content', () => {
  it.each([
    ['PDF', tinyPdf(), FileType.PDF],
    ['JPEG', tinyJpeg(), FileType.JPEG],
    ['PNG', tinyPng(), FileType.PNG],
    ['WebP', tinyWebp(), FileType.WEBP],
  ])('recognizes a %s by its bytes', (_name, buffer, type) => {
    expect(sniffFileType(buffer)).toBe(type);
    expect(checkDocumentContent(DocumentKind.BUSINESS_LICENSE, buffer)).toEqual({ ok: true, type });
  });

  it('refuses a renamed Windows executable, an ELF binary and a script whatever kind is claimed', () => {
    for (const kind of Object.values(DocumentKind)) {
      for (const program of [windowsExe(), elfExecutable(), Buffer.from('#!/bin/sh\necho hi\n')]) {
        expect(checkDocumentContent(kind, program)).toEqual({ ok: false, reason: expect.stringMatching(/program/) });
      }
    }
  });

  it('refuses an empty file and one over 10 MB', () => {
    expect(checkDocumentContent(DocumentKind.OTHER, Buffer.alloc(0))).toEqual({ ok: false, reason: expect.stringMatching(/empty/) });
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    expect(checkDocumentContent(DocumentKind.OTHER, big)).toEqual({ ok: false, reason: expect.stringMatching(/10 MB/) });
  });

  it('refuses a text file as a licence and a PDF as a product image', () => {
    expect(checkDocumentContent(DocumentKind.BUSINESS_LICENSE, Buffer.from('hello'))).toMatchObject({ ok: false });
    expect(checkDocumentContent(DocumentKind.PRODUCT_IMAGE, tinyPdf())).toEqual({
      ok: false,
      reason: expect.stringMatching(/PDF file; a PRODUCT_IMAGE must be one of JPG, PNG, WEBP/),
    });
  });

  it('accepts XLSX and CSV only as SPREADSHEET, and a PDF not at all as one', async () => {
    expect(checkDocumentContent(DocumentKind.SPREADSHEET, await xlsx())).toEqual({ ok: true, type: FileType.XLSX });
    expect(checkDocumentContent(DocumentKind.SPREADSHEET, Buffer.from('a,b\n1,2\n'))).toEqual({ ok: true, type: FileType.CSV });
    expect(checkDocumentContent(DocumentKind.SPREADSHEET, tinyPdf())).toMatchObject({ ok: false });
    expect(checkDocumentContent(DocumentKind.BUSINESS_LICENSE, await xlsx())).toMatchObject({ ok: false });
  });

  it('refuses a password-protected workbook as a spreadsheet with the reason', () => {
    expect(checkDocumentContent(DocumentKind.SPREADSHEET, oleEncrypted())).toEqual({
      ok: false,
      reason: expect.stringMatching(/password-protected/),
    });
  });

  it('refuses a ZIP bomb dressed as a workbook', () => {
    expect(checkDocumentContent(DocumentKind.SPREADSHEET, xlsxBomb(50 * 1024 * 1024))).toEqual({
      ok: false,
      reason: expect.stringMatching(/ZIP bomb/),
    });
  });
});

describe('download names', () => {
  it('takes the extension from the content type, never from the uploaded name', () => {
    expect(downloadName('营业执照.exe', FileType.PDF, 'document')).toBe('营业执照.pdf');
    expect(downloadName('C:\\fakepath\\a"b.png', FileType.PNG, 'document')).toBe('ab.png');
    expect(downloadName(null, FileType.XLSX, 'document-1')).toBe('document-1.xlsx');
  });

  it('writes an RFC 6266 header with an ASCII fallback', () => {
    expect(contentDisposition('attachment', '营业执照.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('营业执照.pdf')}`,
    );
  });

  it('keeps only the base name of what the client sent', () => {
    expect(cleanOriginalName('/tmp/x/licence.pdf')).toBe('licence.pdf');
    expect(cleanOriginalName('  ')).toBeNull();
  });
});
