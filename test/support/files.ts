import { deflateRawSync } from 'node:zlib';

/**
 * Hand-made files for tests: ZIP containers (honest ones, lying ones, encrypted ones),
 * tiny valid images and PDFs, and the look of other formats (executables, OLE containers).
 */
export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  /** 'deflate' (default) or 'store'. */
  method?: 'deflate' | 'store';
  /** Lie about the uncompressed size in the headers. */
  declaredSize?: number;
  /** General purpose flags (1 = encrypted). */
  flags?: number;
}

export function zip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const method = e.method === 'store' ? 0 : 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const XLSX_SKELETON = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  'xl/workbook.xml': '<?xml version="1.0"?><workbook/>',
};

/** A ZIP that looks like an XLSX, with one more part of `bombSize` zero bytes. */
export function xlsxBomb(bombSize = 200 * 1024 * 1024): Buffer {
  return zip([
    ...Object.entries(XLSX_SKELETON).map(([name, data]) => ({ name, data })),
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(bombSize) },
  ]);
}

/** An XLSX-looking ZIP whose sheet declares 1 KB but expands to 5 MB. */
export function xlsxLyingSizes(): Buffer {
  return zip([
    ...Object.entries(XLSX_SKELETON).map(([name, data]) => ({ name, data })),
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5 * 1024 * 1024, 0x41), declaredSize: 1024 },
  ]);
}

/** A ZIP with encrypted entries (traditional PKWARE encryption flag). */
export function zipEncrypted(): Buffer {
  return zip(Object.entries(XLSX_SKELETON).map(([name, data]) => ({ name, data, flags: 1 })));
}

/** What Excel writes for a password-protected workbook: an OLE container with EncryptionInfo. */
export function oleEncrypted(): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(4096);
  Buffer.from('EncryptionInfo', 'utf16le').copy(body, 1024);
  Buffer.from('EncryptedPackage', 'utf16le').copy(body, 1152);
  return Buffer.concat([header, body]);
}

/** A legacy .xls (OLE container with a Workbook stream, no encryption). */
export function legacyXls(): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(4096);
  Buffer.from('Workbook', 'utf16le').copy(body, 1024);
  return Buffer.concat([header, body]);
}

/** A Windows executable's first bytes (MZ … PE). */
export function windowsExe(size = 2048): Buffer {
  const b = Buffer.alloc(size);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

export function elfExecutable(): Buffer {
  const b = Buffer.alloc(1024);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(b);
  return b;
}

export { tinyJpeg, tinyPdf, tinyPng, tinyWebp } from '../../libs/factories/src/documents/sample-files';
