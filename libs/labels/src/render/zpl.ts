import { QR_QUIET_MODULES } from './codes';
import { LabelDrawing } from './layout';
import { LabelTemplateSpec, SkuBarcode } from './types';

/** Zebra's Simplified Chinese TrueType font as found on printers sold in China; override per printer. */
export const DEFAULT_ZPL_FONT = 'E:ANMDS.TTF';

/** Dots per millimetre: Zebra's 203 dpi heads are 8 dots/mm, 300 dpi heads 12 dots/mm. */
export function dotsPerMm(dpi: 203 | 300): number {
  return dpi === 203 ? 8 : 12;
}

/** Byte-mode capacity of QR versions 1–40 at error correction M (ISO/IEC 18004 table 7). */
const QR_BYTES_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059,
  1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
];

/**
 * Modules across the QR symbol the printer will draw for `text` at level M, without encoding it:
 * the smallest version whose byte-mode capacity holds the UTF-8 bytes (the printer's automatic
 * mode never needs a larger one).
 */
export function qrModulesFor(text: string): number {
  const bytes = Buffer.byteLength(text, 'utf8');
  const version = QR_BYTES_M.findIndex((capacity) => capacity >= bytes) + 1;
  if (version === 0) throw new Error('Text too long for a QR code.');
  return 17 + 4 * version;
}

/** Field data through ^FH: `^`, `~` and `_` as hexadecimal escapes, line breaks dropped. */
export function zplField(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\^~_]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Writes each label as its own ^XA…^XZ format at the label's size (ZPL printers feed rolls,
 * so a SHEET template prints its labels one by one). UTF-8 text (^CI28) uses a printer-resident
 * CJK font by name (^A@); the QR code is drawn by the printer (^BQ, level M), the SKU barcode with
 * ^BC (Code 128) or ^BE (EAN-13).
 */
export function writeZpl(template: LabelTemplateSpec, drawings: readonly LabelDrawing[], dpi: 203 | 300, fontName: string): Buffer {
  const dpmm = dotsPerMm(dpi);
  const d = (mm: number) => Math.max(0, Math.round(mm * dpmm));
  const out: string[] = [];
  for (const drawing of drawings) {
    const parts: string[] = ['^XA', '^CI28', `^PW${d(template.widthMm)}`, `^LL${d(template.heightMm)}`, '^LH0,0'];
    for (const op of drawing.ops) {
      switch (op.kind) {
        case 'text': {
          const h = Math.max(10, d(op.size));
          parts.push(`^FO${d(op.x)},${d(op.y)}^A@N,${h},${h},${fontName}^FH^FD${zplField(op.text)}^FS`);
          break;
        }
        case 'qr': {
          const modules = qrModulesFor(op.content);
          const box = d(op.size);
          const magnification = Math.min(10, Math.max(1, Math.floor(box / (modules + 2 * QR_QUIET_MODULES))));
          const offset = Math.floor((box - modules * magnification) / 2);
          parts.push(`^FO${d(op.x) + offset},${d(op.y) + offset}^BQN,2,${magnification}^FH^FDMA,${zplField(op.content)}^FS`);
          break;
        }
        case 'barcode': {
          const module = Math.max(1, Math.floor(op.module * dpmm));
          const h = d(op.height);
          // Whole dots per module make the barcode a little narrower than laid out: keep it centred.
          const x = d(op.x) + Math.floor((op.code.modules * (op.module * dpmm - module)) / 2);
          const command = op.code.symbology === SkuBarcode.EAN13 ? `^BEN,${h},N,N` : `^BCN,${h},N,N,N,A`;
          // ^BE takes the 12 data digits and adds the check digit itself.
          const data = op.code.symbology === SkuBarcode.EAN13 ? op.code.value.slice(0, 12) : op.code.value;
          parts.push(`^BY${module}^FO${x},${d(op.y)}${command}^FH^FD${zplField(data)}^FS`);
          break;
        }
      }
    }
    parts.push('^PQ1', '^XZ');
    out.push(parts.join('\n'));
  }
  return Buffer.from(`${out.join('\n')}\n`, 'utf8');
}
