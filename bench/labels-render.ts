/**
 * Label rendering benchmark: 1,000 labels as PDF (the chosen path: the `qrcode` encoder's
 * modules drawn as vector rectangles), as ZPL, and two slower PDF paths for comparison: the naive
 * one (a bwip-js PNG per label, embedded as an image) and bwip-js's own QR matrix drawn as vectors.
 * Run: npm run bench:labels  (not part of npm test: timing never belongs in test assertions).
 */
import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import { performance } from 'node:perf_hooks';
import {
  BASELINE,
  cjkFontPath,
  encodeQr,
  fontMeasure,
  LabelData,
  LabelDrawing,
  LabelField,
  LabelFormat,
  LabelLayout,
  LabelTemplateSpec,
  layoutLabel,
  placement,
  PT_PER_MM,
  renderLabels,
  ScanSymbology,
  SkuBarcode,
} from '../libs/labels/src/render';
import { sampleLabel } from '../test/labels/support/samples';

const COUNT = Number(process.env.LABELS ?? 1000);

export const BENCH_TEMPLATE: LabelTemplateSpec = {
  code: 'BENCH-50X30',
  widthMm: 50,
  heightMm: 30,
  layout: LabelLayout.ROLL,
  fields: [LabelField.TITLE, LabelField.TIER_PRICES, LabelField.MOQ, LabelField.SKU_CODE, LabelField.SLOT_CODE, LabelField.PRICE_VERSION],
  symbology: ScanSymbology.QR,
  barcode: SkuBarcode.NONE,
  zplDpi: 203,
};

const sampleLabels = (): LabelData[] =>
  Array.from({ length: COUNT }, (_, i) => sampleLabel(i, { title: `加厚珊瑚绒保暖睡衣女秋冬款家居服套装 ${i + 1}` }));

type QrPainter = (doc: PDFKit.PDFDocument, content: string, xPt: number, yPt: number, sizePt: number, png?: Buffer) => void;

/** The comparison paths: the same layout and text, only the QR drawing differs. */
async function pdfWith(template: LabelTemplateSpec, labels: LabelData[], paintQr: QrPainter, pngs = false): Promise<Buffer> {
  const measure = fontMeasure('regular');
  const images: Buffer[] = [];
  if (pngs) {
    for (const l of labels) images.push(await bwipjs.toBuffer({ bcid: 'qrcode', text: l.scanUrl, scale: 4, eclevel: 'M' } as never));
  }
  const drawings: LabelDrawing[] = labels.map((l) => layoutLabel(template, l, measure));
  const size: [number, number] = [template.widthMm * PT_PER_MM, template.heightMm * PT_PER_MM];
  const doc = new PDFDocument({ size, margin: 0, autoFirstPage: false });
  doc.registerFont('r', cjkFontPath('regular'));
  doc.registerFont('b', cjkFontPath('bold'));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  drawings.forEach((drawing, index) => {
    const at = placement(template, index);
    doc.addPage({ size, margin: 0 });
    for (const op of drawing.ops) {
      if (op.kind === 'text') {
        doc
          .font(op.weight === 'bold' ? 'b' : 'r')
          .fontSize(op.size * PT_PER_MM)
          .text(op.text, (at.xMm + op.x) * PT_PER_MM, (at.yMm + op.y + BASELINE * op.size) * PT_PER_MM, { lineBreak: false, baseline: 'alphabetic' });
      } else if (op.kind === 'qr') {
        paintQr(doc, op.content, (at.xMm + op.x) * PT_PER_MM, (at.yMm + op.y) * PT_PER_MM, op.size * PT_PER_MM, images[index]);
      }
    }
  });
  doc.end();
  return done;
}

const naivePng: QrPainter = (doc, _content, x, y, size, png) => {
  const inset = size * 0.06;
  doc.image(png!, x + inset, y + inset, { width: size - 2 * inset, height: size - 2 * inset });
};

const bwipMatrix: QrPainter = (doc, content, x, y, size) => {
  const [symbol] = bwipjs.raw('qrcode', content, { eclevel: 'M' } as never) as unknown as { pixs: number[]; pixx: number; pixy: number }[];
  const module = size / (symbol.pixx + 4);
  const parts = ['q 0 g'];
  for (let r = 0; r < symbol.pixy; r++) {
    for (let c = 0; c < symbol.pixx; c++) {
      if (symbol.pixs[r * symbol.pixx + c]) parts.push(`${x + (c + 2) * module} ${y + (r + 2) * module} ${module} ${module} re`);
    }
  }
  parts.push('f Q');
  doc.addContent(parts.join('\n'));
};

/** The naive path: a bwip-js PNG of each label's QR code, embedded as an image (for roll templates). */
export function naivePdf(template: LabelTemplateSpec, labels: LabelData[]): Promise<Buffer> {
  return pdfWith(template, labels, naivePng, true);
}

/** bwip-js's QR matrix drawn as vector rectangles (roll templates). */
export function bwipMatrixPdf(template: LabelTemplateSpec, labels: LabelData[]): Promise<Buffer> {
  return pdfWith(template, labels, bwipMatrix);
}

async function time<T>(name: string, run: () => Promise<T>): Promise<{ name: string; seconds: number; result: T }> {
  const start = performance.now();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  return { name, seconds, result };
}

/** QR encoding alone, per code: the cost that decided the PDF path. */
function encodingCosts(labels: LabelData[]): { qrcode: number; bwip: number } {
  const urls = labels.slice(0, 300).map((l) => l.scanUrl);
  let start = performance.now();
  for (const url of urls) encodeQr(url);
  const qrcode = (performance.now() - start) / urls.length;
  start = performance.now();
  for (const url of urls) bwipjs.raw('qrcode', url, { eclevel: 'M' } as never);
  const bwip = (performance.now() - start) / urls.length;
  return { qrcode, bwip };
}

async function main() {
  const template = BENCH_TEMPLATE;
  const labels = sampleLabels();
  // Warm up once (font files read and parsed, code paths compiled), as a running API would be.
  await renderLabels(template, labels.slice(0, 5), LabelFormat.PDF);
  const chosen = await time('PDF (qrcode encoder, vector modules)', () => renderLabels(template, labels, LabelFormat.PDF));
  const zpl = await time('ZPL (^BQ drawn by the printer)', () => renderLabels(template, labels, LabelFormat.ZPL));
  const svg = await time('SVG preview of page 1', () => renderLabels(template, labels, LabelFormat.SVG));
  const matrix = await time('PDF (bwip-js QR matrix, vector modules)', () => bwipMatrixPdf(template, labels));
  const naive = await time('PDF naive (bwip-js PNG per label)', () => naivePdf(template, labels));

  encodingCosts(labels);
  const encoding = encodingCosts(labels);
  const rows = [chosen, zpl, svg, matrix, naive];
  console.log(`Rendering ${COUNT} labels of ${template.widthMm} × ${template.heightMm} mm (Node ${process.version}):`);
  for (const r of rows) {
    const bytes = Buffer.isBuffer(r.result) ? r.result.length : (r.result as { content: Buffer }).content.length;
    console.log(`  ${r.name.padEnd(42)} ${r.seconds.toFixed(2).padStart(6)} s  ${(bytes / 1024).toFixed(0).padStart(6)} KiB`);
  }
  console.log(`  speed-up of the chosen PDF path over the naive one: ${(naive.seconds / chosen.seconds).toFixed(1)}×`);
  console.log(`  speed-up over bwip-js's QR matrix drawn as vectors:  ${(matrix.seconds / chosen.seconds).toFixed(1)}×`);
  console.log(`  QR encoding alone: qrcode ${encoding.qrcode.toFixed(2)} ms a code, bwip-js ${encoding.bwip.toFixed(2)} ms a code`);
  console.log(`  target: a 1,000-label PDF in under 2 s — ${chosen.seconds < 2 * (COUNT / 1000) ? 'met' : 'NOT met'}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
