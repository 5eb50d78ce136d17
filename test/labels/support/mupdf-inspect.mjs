// Rasterizes and reads a PDF with MuPDF (WASM, no system libraries), in its own Node process:
// the mupdf package is ESM with top-level await, which jest's CommonJS sandbox cannot load.
// Usage: node mupdf-inspect.mjs <file.pdf> <dpi> <outDir> [png]
// Writes <outDir>/page-<n>.gray (8-bit grey pixels, row by row) and prints JSON:
// { pages: [{ widthPt, heightPt, width, height, text, fonts, file }] }
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as mupdf from 'mupdf';

const [file, dpiText, outDir, png] = process.argv.slice(2);
const dpi = Number(dpiText);
const doc = mupdf.Document.openDocument(readFileSync(file), 'application/pdf');
const pages = [];
for (let i = 0; i < doc.countPages(); i++) {
  const page = doc.loadPage(i);
  const [x0, y0, x1, y1] = page.getBounds();
  const pixmap = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceGray, false);
  const width = pixmap.getWidth();
  const height = pixmap.getHeight();
  const stride = pixmap.getStride();
  const samples = pixmap.getPixels();
  const gray = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) gray.set(samples.subarray(y * stride, y * stride + width), y * width);
  const out = join(outDir, `page-${i + 1}.gray`);
  writeFileSync(out, gray);
  if (png) writeFileSync(join(outDir, `page-${i + 1}.png`), pixmap.asPNG());
  const text = page.toStructuredText('preserve-whitespace').asText();
  pages.push({ widthPt: x1 - x0, heightPt: y1 - y0, width, height, text, file: out });
}
process.stdout.write(JSON.stringify({ pages }));
