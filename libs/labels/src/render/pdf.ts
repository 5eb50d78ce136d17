import PDFDocument from 'pdfkit';
import { darkRuns, encodeQr, QR_QUIET_MODULES } from './codes';
import { cjkFont, FontWeight } from './fonts';
import { pageSize, placement, PT_PER_MM } from './geometry';
import { BASELINE, LabelDrawing } from './layout';
import { breathe } from './breathe';
import { LabelTemplateSpec } from './types';

const n = (v: number) => (Math.round(v * 1000) / 1000).toString();

/**
 * Writes laid-out labels as one PDF: a page per label on rolls, a grid per page on sheets.
 * Text uses the embedded, subset Noto Sans SC; QR modules and 1D bars are vector rectangles
 * (one per horizontal run of dark modules), so the file stays small and prints sharp at any dpi.
 */
export async function writePdf(template: LabelTemplateSpec, drawings: readonly LabelDrawing[]): Promise<Buffer> {
  const page = pageSize(template);
  const size: [number, number] = [page.widthMm * PT_PER_MM, page.heightMm * PT_PER_MM];
  const doc = new PDFDocument({ size, margin: 0, autoFirstPage: false, compress: true, info: { Title: `Labels ${template.code}`, Producer: 'Xuanpin', Creator: 'Xuanpin' } });
  const fontName: Record<FontWeight, string> = { regular: 'cjk', bold: 'cjk-bold' };
  doc.registerFont(fontName.regular, cjkFont('regular').bytes);
  doc.registerFont(fontName.bold, cjkFont('bold').bytes);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let currentPage = -1;
  for (let index = 0; index < drawings.length; index++) {
    await breathe(index);
    const drawing = drawings[index];
    const at = placement(template, index);
    if (at.page !== currentPage) {
      doc.addPage({ size, margin: 0 });
      currentPage = at.page;
    }
    const ox = at.xMm;
    const oy = at.yMm;
    for (const op of drawing.ops) {
      switch (op.kind) {
        case 'text':
          doc
            .font(fontName[op.weight])
            .fontSize(op.size * PT_PER_MM)
            .text(op.text, (ox + op.x) * PT_PER_MM, (oy + op.y + BASELINE * op.size) * PT_PER_MM, { lineBreak: false, baseline: 'alphabetic' });
          break;
        case 'qr': {
          const qr = encodeQr(op.content);
          const module = (op.size / (qr.size + 2 * QR_QUIET_MODULES)) * PT_PER_MM;
          const x0 = (ox + op.x) * PT_PER_MM + QR_QUIET_MODULES * module;
          const y0 = (oy + op.y) * PT_PER_MM + QR_QUIET_MODULES * module;
          const runs = darkRuns(qr);
          const parts: string[] = ['q 0 g'];
          for (let i = 0; i < runs.length; i += 3) {
            parts.push(`${n(x0 + runs[i + 1] * module)} ${n(y0 + runs[i] * module)} ${n(runs[i + 2] * module)} ${n(module)} re`);
          }
          parts.push('f Q');
          doc.addContent(parts.join('\n'));
          break;
        }
        case 'barcode': {
          const module = op.module * PT_PER_MM;
          const y = (oy + op.y) * PT_PER_MM;
          const h = op.height * PT_PER_MM;
          let x = (ox + op.x) * PT_PER_MM;
          const parts: string[] = ['q 0 g'];
          op.code.widths.forEach((w, i) => {
            if (i % 2 === 0) parts.push(`${n(x)} ${n(y)} ${n(w * module)} ${n(h)} re`);
            x += w * module;
          });
          parts.push('f Q');
          doc.addContent(parts.join('\n'));
          break;
        }
      }
    }
  }
  doc.end();
  return done;
}
