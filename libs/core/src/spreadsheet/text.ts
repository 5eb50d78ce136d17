import iconv from 'iconv-lite';

export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(buffer: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buffer[i] === b);
}

/** The encoding a byte-order mark announces, if any. */
export function bomEncoding(buffer: Buffer): TextEncoding | null {
  if (startsWith(buffer, UTF8_BOM)) return 'UTF-8';
  if (startsWith(buffer, [0xff, 0xfe])) return 'UTF-16LE';
  if (startsWith(buffer, [0xfe, 0xff])) return 'UTF-16BE';
  return null;
}

/** Valid UTF-8 all the way through (a GBK file almost never is). */
export function isUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes a text file would not contain: NUL and C0 controls other than tab, line feed,
 * carriage return and form feed (found in the first 64 KB).
 */
export function looksBinary(buffer: Buffer): boolean {
  if (bomEncoding(buffer)?.startsWith('UTF-16')) return false;
  const sample = buffer.subarray(0, 64 * 1024);
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return true;
    if (byte === 0x7f) return true;
  }
  return false;
}

/**
 * Decodes a text file as Chinese Excel writes them: a BOM decides when present; otherwise
 * UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312, what
 * "CSV" from a Chinese Windows Excel is).
 */
export function decodeText(buffer: Buffer): { text: string; encoding: TextEncoding } {
  const bom = bomEncoding(buffer);
  if (bom === 'UTF-8') return { text: buffer.subarray(3).toString('utf8'), encoding: bom };
  if (bom === 'UTF-16LE') return { text: buffer.subarray(2).toString('utf16le'), encoding: bom };
  if (bom === 'UTF-16BE') return { text: iconv.decode(buffer.subarray(2), 'utf16-be'), encoding: bom };
  if (isUtf8(buffer)) return { text: buffer.toString('utf8'), encoding: 'UTF-8' };
  return { text: iconv.decode(buffer, 'gb18030'), encoding: 'GB18030' };
}
