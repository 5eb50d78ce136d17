import bwipjs from 'bwip-js';
import * as QRCode from 'qrcode';
import { LabelRenderError } from './errors';
import { isValidEan13 } from './format';
import { LabelData, SkuBarcode } from './types';

/** QR error correction: M (15 %) survives a scuffed or creased shelf label and keeps codes small. */
export const QR_ERROR_CORRECTION = 'M';
/** Light modules kept around a QR code (the standard asks for 4; 2 reads reliably on a white label). */
export const QR_QUIET_MODULES = 2;

/** A QR symbol: `size` × `size` modules, dark where `dark[row * size + col]` is 1. */
export interface QrMatrix {
  size: number;
  dark: Uint8Array;
}

/**
 * Encodes a QR code with the `qrcode` package's encoder (about 0.4 ms a code here, against
 * about 4.5 ms for bwip-js's QR encoder): the PDF and SVG draw its modules as vector rectangles.
 */
export function encodeQr(text: string): QrMatrix {
  // One byte-mode segment: a URL gains nothing from mixed modes, the encoder skips its segment
  // search, and the symbol size is exactly what qrModulesFor (ZPL) predicts.
  const qr = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: QR_ERROR_CORRECTION });
  return { size: qr.modules.size, dark: qr.modules.data };
}

/** Horizontal runs of dark modules, as [row, startColumn, length]: one rectangle per run keeps the PDF small. */
export function darkRuns(qr: QrMatrix): number[] {
  const runs: number[] = [];
  for (let row = 0; row < qr.size; row++) {
    let start = -1;
    for (let col = 0; col <= qr.size; col++) {
      const dark = col < qr.size && qr.dark[row * qr.size + col] === 1;
      if (dark && start < 0) start = col;
      else if (!dark && start >= 0) {
        runs.push(row, start, col - start);
        start = -1;
      }
    }
  }
  return runs;
}

/** A 1D barcode as bars: alternating bar/space widths in modules, starting with a bar. */
export interface LinearBarcode {
  symbology: SkuBarcode.CODE128 | SkuBarcode.EAN13;
  /** What the bars encode (for EAN-13 all 13 digits). */
  value: string;
  /** Bar, space, bar, … widths in modules. */
  widths: number[];
  /** Total width in modules, without quiet zones. */
  modules: number;
}

/** Quiet zone each side of a 1D barcode, in modules (EAN-13 asks for 11 left, 7 right; 10 covers Code 128). */
export const LINEAR_QUIET_MODULES = 11;

/** Which 1D barcode a label gets: EAN-13 of its GTIN when asked and present, else Code 128 of the SKU code. */
export function barcodeFor(kind: SkuBarcode, label: Pick<LabelData, 'skuCode' | 'gtin'>): { symbology: SkuBarcode.CODE128 | SkuBarcode.EAN13; value: string } | null {
  if (kind === SkuBarcode.NONE) return null;
  if (kind === SkuBarcode.EAN13 && label.gtin) {
    if (!isValidEan13(label.gtin)) throw new LabelRenderError(`GTIN ${label.gtin} is not a valid EAN-13 (13 digits with a check digit).`);
    return { symbology: SkuBarcode.EAN13, value: label.gtin };
  }
  return { symbology: SkuBarcode.CODE128, value: label.skuCode };
}

/** Encodes a 1D barcode with bwip-js (its raw bar widths, drawn as vectors: no raster image). */
export function encodeLinear(symbology: SkuBarcode.CODE128 | SkuBarcode.EAN13, value: string): LinearBarcode {
  const bcid = symbology === SkuBarcode.EAN13 ? 'ean13' : 'code128';
  const [symbol] = bwipjs.raw({ bcid, text: value }) as unknown as { sbs: number[] }[];
  if (!symbol?.sbs?.length) throw new LabelRenderError(`Cannot encode ${value} as ${symbology}.`);
  const widths = symbol.sbs;
  return { symbology, value, widths, modules: widths.reduce((a, b) => a + b, 0) };
}
