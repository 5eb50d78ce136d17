import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CJK_FONT_FAMILY, cjkFontPath } from '../../../libs/labels/src/render';

/** One PDF page rasterized by MuPDF: 8-bit grey pixels and the page's extracted text. */
export interface RasterPage {
  widthPt: number;
  heightPt: number;
  width: number;
  height: number;
  dpi: number;
  text: string;
  gray: Uint8ClampedArray;
}

/** Rasterizes every page of a PDF and extracts its text (MuPDF in a child process: it is ESM with top-level await). */
export function rasterizePdf(pdf: Buffer, dpi = 200): RasterPage[] {
  return rasterize(pdf, 'pdf', dpi);
}

/** Rasterizes an SVG with resvg (an independent SVG renderer), text drawn with the labels' CJK font. */
export function rasterizeSvg(svg: Buffer, dpi = 200): RasterPage {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: dpi / 96 },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: [cjkFontPath('regular'), cjkFontPath('bold')], defaultFontFamily: CJK_FONT_FAMILY },
  }).render();
  const gray = new Uint8ClampedArray(image.width * image.height);
  const rgba = image.pixels;
  for (let i = 0; i < gray.length; i++) gray[i] = Math.round((rgba[i * 4] + rgba[i * 4 + 1] + rgba[i * 4 + 2]) / 3);
  return { widthPt: (image.width / dpi) * 72, heightPt: (image.height / dpi) * 72, width: image.width, height: image.height, dpi, text: '', gray };
}

function rasterize(content: Buffer, kind: 'pdf', dpi: number): RasterPage[] {
  const dir = mkdtempSync(join(tmpdir(), 'xp-labels-'));
  try {
    const file = join(dir, `labels.${kind}`);
    writeFileSync(file, content);
    const out = execFileSync(process.execPath, [join(__dirname, 'mupdf-inspect.mjs'), file, String(dpi), dir], {
      maxBuffer: 64 * 1024 * 1024,
    }).toString('utf8');
    const { pages } = JSON.parse(out) as { pages: (Omit<RasterPage, 'gray' | 'dpi'> & { file: string })[] };
    return pages.map(({ file: pixels, ...page }) => ({ ...page, dpi, gray: new Uint8ClampedArray(readFileSync(pixels)) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A rectangle of the page, in millimetres. */
export interface MmRect {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

/** The grey pixels of a rectangle of the page (the whole page when omitted). */
export function crop(page: RasterPage, rect?: MmRect): { gray: Uint8ClampedArray; width: number; height: number } {
  if (!rect) return { gray: page.gray, width: page.width, height: page.height };
  const px = (mm: number) => Math.round((mm / 25.4) * page.dpi);
  const x0 = Math.max(0, px(rect.xMm));
  const y0 = Math.max(0, px(rect.yMm));
  const width = Math.min(page.width - x0, px(rect.widthMm));
  const height = Math.min(page.height - y0, px(rect.heightMm));
  const gray = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) gray.set(page.gray.subarray((y0 + y) * page.width + x0, (y0 + y) * page.width + x0 + width), y * width);
  return { gray, width, height };
}

/** Decodes the QR code in a rectangle with jsQR (a real decoder), or null. */
export function decodeQr(page: RasterPage, rect?: MmRect): string | null {
  const { gray, width, height } = crop(page, rect);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < gray.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = gray[i];
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** Decodes a 1D barcode (Code 128 or EAN-13) in a rectangle with ZXing, or null. */
export function decodeLinear(page: RasterPage, rect?: MmRect): { format: 'CODE128' | 'EAN13'; text: string } | null {
  const { gray, width, height } = crop(page, rect);
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128, BarcodeFormat.EAN_13]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  reader.setHints(hints);
  try {
    const result = reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(gray, width, height))));
    const format = result.getBarcodeFormat() === BarcodeFormat.EAN_13 ? 'EAN13' : 'CODE128';
    return { format, text: result.getText() };
  } catch {
    return null;
  }
}

/** True when every pixel of the page outside the given rectangles is white (nothing drawn there). */
export function blankOutside(page: RasterPage, rects: readonly MmRect[]): boolean {
  const px = (mm: number) => (mm / 25.4) * page.dpi;
  const inside = (x: number, y: number) =>
    rects.some((r) => x >= px(r.xMm) - 1 && x <= px(r.xMm + r.widthMm) + 1 && y >= px(r.yMm) - 1 && y <= px(r.yMm + r.heightMm) + 1);
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      if (page.gray[y * page.width + x] < 200 && !inside(x, y)) return false;
    }
  }
  return true;
}
