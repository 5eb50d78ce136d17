import { inflateRawSync } from 'node:zlib';
import { SpreadsheetError, SpreadsheetProblem } from './spreadsheet-error';

/** One file inside a ZIP container, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** General purpose bit flags; bit 0 means the entry is encrypted. */
  flags: number;
  /** 0 = stored, 8 = deflated; anything else we do not read. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Most entries a container may hold. */
  maxEntries: number;
  /** Most bytes all entries may expand to, together. */
  maxUncompressedBytes: number;
  /** Highest uncompressed/compressed ratio of an entry larger than `ratioCheckFromBytes`. */
  maxCompressionRatio: number;
  ratioCheckFromBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckFromBytes: 256 * 1024,
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

export function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL_SIGNATURE;
}

function malformed(detail: string): SpreadsheetError {
  return new SpreadsheetError(SpreadsheetProblem.MALFORMED, `The file is damaged or not a real spreadsheet (${detail}).`);
}

/**
 * Reads the central directory of a ZIP container without decompressing anything. Refuses
 * ZIP64 (we never need files that large) and anything structurally broken.
 */
export function readZipDirectory(buffer: Buffer, maxEntries = DEFAULT_ZIP_LIMITS.maxEntries): ZipEntry[] {
  if (!isZip(buffer)) throw malformed('no ZIP signature');
  let eocd = -1;
  const lowest = Math.max(0, buffer.length - EOCD_MIN - MAX_COMMENT);
  for (let i = buffer.length - EOCD_MIN; i >= lowest; i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw malformed('no end of central directory');
  const total = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (total === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new SpreadsheetError(SpreadsheetProblem.TOO_LARGE, 'The spreadsheet is too large (ZIP64 containers are not accepted).');
  }
  if (total > maxEntries) {
    throw new SpreadsheetError(SpreadsheetProblem.ZIP_BOMB, `The spreadsheet holds ${total} parts; at most ${maxEntries} are accepted.`);
  }
  if (offset + size > eocd) throw malformed('central directory out of bounds');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < total; n++) {
    if (at + 46 > eocd || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw malformed('bad central directory entry');
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      flags: buffer.readUInt16LE(at + 8),
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new SpreadsheetError(SpreadsheetProblem.TOO_LARGE, 'The spreadsheet is too large (ZIP64 entries are not accepted).');
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes start and end. */
function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) throw malformed(`bad local header of ${entry.name}`);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) throw malformed(`${entry.name} runs past the end of the file`);
  return buffer.subarray(start, end);
}

/**
 * Proves a ZIP container is safe to hand to a parser: no encrypted entries, only stored or
 * deflated ones, declared sizes within the limits and compression ratios of real documents,
 * and every entry really expands to no more than it declares (inflated with a hard output
 * cap, so a container that lies about its sizes is caught without filling memory).
 */
export function assertSafeZip(buffer: Buffer, limits: Partial<ZipLimits> = {}): ZipEntry[] {
  const l = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const entries = readZipDirectory(buffer, l.maxEntries);
  let declared = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) {
      throw new SpreadsheetError(
        SpreadsheetProblem.ENCRYPTED,
        'The spreadsheet is password-protected. Remove the password in Excel (File → Info → Protect Workbook) and upload it again.',
      );
    }
    if (entry.method !== 0 && entry.method !== 8) throw malformed(`unsupported compression method ${entry.method}`);
    declared += entry.uncompressedSize;
    if (declared > l.maxUncompressedBytes) {
      throw new SpreadsheetError(
        SpreadsheetProblem.ZIP_BOMB,
        `The spreadsheet expands to more than ${Math.round(l.maxUncompressedBytes / 1024 / 1024)} MB; split it into smaller files.`,
      );
    }
    if (
      entry.uncompressedSize >= l.ratioCheckFromBytes &&
      entry.uncompressedSize > entry.compressedSize * l.maxCompressionRatio
    ) {
      throw new SpreadsheetError(
        SpreadsheetProblem.ZIP_BOMB,
        `The spreadsheet part ${entry.name} is compressed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times; this looks like a ZIP bomb and is refused.`,
      );
    }
  }
  for (const entry of entries) {
    const data = entryData(buffer, entry);
    if (entry.method === 0) {
      if (data.length !== entry.uncompressedSize) throw malformed(`${entry.name} has a wrong size`);
      continue;
    }
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw new SpreadsheetError(
          SpreadsheetProblem.ZIP_BOMB,
          `The spreadsheet part ${entry.name} expands beyond the size it declares; this looks like a ZIP bomb and is refused.`,
        );
      }
      throw malformed(`${entry.name} cannot be decompressed`);
    }
    if (inflated.length !== entry.uncompressedSize) throw malformed(`${entry.name} has a wrong size`);
  }
  return entries;
}
