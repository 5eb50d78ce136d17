import { assertSafeZip, detectSpreadsheetFormat, SpreadsheetError } from '@xp/core';
import { DocumentKind } from '../entities/document.entity';

/** 10 MB: the largest document accepted. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export enum FileType {
  PDF = 'application/pdf',
  JPEG = 'image/jpeg',
  PNG = 'image/png',
  WEBP = 'image/webp',
  XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  CSV = 'text/csv',
}

export const FILE_EXTENSION: Record<FileType, string> = {
  [FileType.PDF]: 'pdf',
  [FileType.JPEG]: 'jpg',
  [FileType.PNG]: 'png',
  [FileType.WEBP]: 'webp',
  [FileType.XLSX]: 'xlsx',
  [FileType.CSV]: 'csv',
};

const PAPERS = [FileType.PDF, FileType.JPEG, FileType.PNG, FileType.WEBP];

/** Which types each kind of document may be. */
export const ACCEPTED_TYPES: Record<DocumentKind, readonly FileType[]> = {
  [DocumentKind.BUSINESS_LICENSE]: PAPERS,
  [DocumentKind.TRADEMARK_CERTIFICATE]: PAPERS,
  [DocumentKind.INSPECTION_REPORT]: PAPERS,
  [DocumentKind.OTHER]: PAPERS,
  [DocumentKind.PRODUCT_IMAGE]: [FileType.JPEG, FileType.PNG, FileType.WEBP],
  [DocumentKind.SPREADSHEET]: [FileType.XLSX, FileType.CSV],
};

function has(buffer: Buffer, offset: number, bytes: number[] | string): boolean {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return buffer.length >= offset + expected.length && buffer.subarray(offset, offset + expected.length).equals(expected);
}

/** Programs, whatever their name says: Windows PE, ELF, Mach-O, Java class / fat binaries, scripts. */
export function isExecutable(buffer: Buffer): boolean {
  return (
    has(buffer, 0, 'MZ') ||
    has(buffer, 0, [0x7f, 0x45, 0x4c, 0x46]) ||
    has(buffer, 0, [0xfe, 0xed, 0xfa, 0xce]) ||
    has(buffer, 0, [0xfe, 0xed, 0xfa, 0xcf]) ||
    has(buffer, 0, [0xce, 0xfa, 0xed, 0xfe]) ||
    has(buffer, 0, [0xcf, 0xfa, 0xed, 0xfe]) ||
    has(buffer, 0, [0xca, 0xfe, 0xba, 0xbe]) ||
    has(buffer, 0, '#!')
  );
}

/** The type of a paper or image by its magic bytes, or null. */
export function sniffFileType(buffer: Buffer): FileType | null {
  if (has(buffer, 0, '%PDF-')) return FileType.PDF;
  if (has(buffer, 0, [0xff, 0xd8, 0xff])) return FileType.JPEG;
  if (has(buffer, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FileType.PNG;
  if (has(buffer, 0, 'RIFF') && has(buffer, 8, 'WEBP')) return FileType.WEBP;
  return null;
}

export type ContentCheck = { ok: true; type: FileType } | { ok: false; reason: string };

/**
 * Decides a document's type from its bytes alone (never its name or declared type) and
 * whether that type fits its kind. Spreadsheets go through the spreadsheet reader's format
 * detection and ZIP checks, which refuse password-protected, macro-enabled, non-workbook
 * containers and ZIP bombs.
 */
export function checkDocumentContent(kind: DocumentKind, buffer: Buffer): ContentCheck {
  if (buffer.length === 0) return { ok: false, reason: 'is empty; choose the file again' };
  if (buffer.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'is larger than 10 MB' };
  if (isExecutable(buffer)) return { ok: false, reason: 'is a program, not a document; it is refused' };
  const accepted = ACCEPTED_TYPES[kind];
  let type: FileType | null = sniffFileType(buffer);
  if (!type && kind === DocumentKind.SPREADSHEET) {
    try {
      type = detectSpreadsheetFormat(buffer) === 'XLSX' ? FileType.XLSX : FileType.CSV;
      if (type === FileType.XLSX) assertSafeZip(buffer);
    } catch (error) {
      if (error instanceof SpreadsheetError) return { ok: false, reason: lowerFirst(error.message) };
      throw error;
    }
  }
  const names = accepted.map((t) => FILE_EXTENSION[t].toUpperCase()).join(', ');
  if (!type) return { ok: false, reason: `is not a ${names} file (judged by its content, not its name)` };
  if (!accepted.includes(type)) {
    return { ok: false, reason: `is a ${FILE_EXTENSION[type].toUpperCase()} file; a ${kind} must be one of ${names}` };
  }
  return { ok: true, type };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The name a download is offered under: the uploaded name's stem with the extension of the
 * type found in the content (a PDF uploaded as "licence.exe" downloads as "licence.pdf").
 */
export function downloadName(originalName: string | null, type: FileType | string, fallback: string): string {
  const extension = FILE_EXTENSION[type as FileType] ?? 'bin';
  const base = (originalName ?? '')
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .replace(/[\u0000-\u001f\u007f"\\]/g, '')
    .trim()
    .slice(0, 120);
  return `${base || fallback}.${extension}`;
}

/** RFC 6266 / 5987 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(disposition: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Cleans the client's file name for storage (display only; never trusted for the type). */
export function cleanOriginalName(name: string | undefined | null): string | null {
  const cleaned = (name ?? '').replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned ? [...cleaned].slice(-255).join('') : null;
}
