import { darkRuns, encodeQr, QR_QUIET_MODULES } from './codes';
import { CJK_FONT_FAMILY } from './fonts';
import { pageSize, placement } from './geometry';
import { BASELINE, LabelDrawing } from './layout';
import { LabelLayout, LabelTemplateSpec } from './types';

const n = (v: number) => (Math.round(v * 1000) / 1000).toString();

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * One page as SVG (millimetre user units), for the console's preview before printing: the same
 * layout as the PDF, each label's outline dashed. `drawings` are all the job's labels; `page` from 0.
 */
export function writeSvgPage(template: LabelTemplateSpec, drawings: readonly LabelDrawing[], page: number): Buffer {
  const size = pageSize(template);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(size.widthMm)}mm" height="${n(size.heightMm)}mm" viewBox="0 0 ${n(size.widthMm)} ${n(size.heightMm)}" font-family="'${CJK_FONT_FAMILY}', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif">`,
    `<rect x="0" y="0" width="${n(size.widthMm)}" height="${n(size.heightMm)}" fill="#fff"/>`,
  ];
  drawings.forEach((drawing, index) => {
    const at = placement(template, index);
    if (at.page !== page) return;
    out.push(`<g transform="translate(${n(at.xMm)} ${n(at.yMm)})">`);
    if (template.layout === LabelLayout.SHEET) {
      out.push(`<rect x="0" y="0" width="${n(template.widthMm)}" height="${n(template.heightMm)}" fill="none" stroke="#bbb" stroke-width="0.2" stroke-dasharray="1 1"/>`);
    }
    for (const op of drawing.ops) {
      switch (op.kind) {
        case 'text':
          out.push(
            `<text x="${n(op.x)}" y="${n(op.y + BASELINE * op.size)}" font-size="${n(op.size)}"${op.weight === 'bold' ? ' font-weight="bold"' : ''}>${escapeXml(op.text)}</text>`,
          );
          break;
        case 'qr': {
          const qr = encodeQr(op.content);
          const module = op.size / (qr.size + 2 * QR_QUIET_MODULES);
          const x0 = op.x + QR_QUIET_MODULES * module;
          const y0 = op.y + QR_QUIET_MODULES * module;
          const runs = darkRuns(qr);
          let d = '';
          for (let i = 0; i < runs.length; i += 3) {
            d += `M${n(x0 + runs[i + 1] * module)} ${n(y0 + runs[i] * module)}h${n(runs[i + 2] * module)}v${n(module)}h${n(-runs[i + 2] * module)}z`;
          }
          out.push(`<path d="${d}" fill="#000" shape-rendering="crispEdges"><title>${escapeXml(op.content)}</title></path>`);
          break;
        }
        case 'barcode': {
          let x = op.x;
          let d = '';
          op.code.widths.forEach((w, i) => {
            if (i % 2 === 0) d += `M${n(x)} ${n(op.y)}h${n(w * op.module)}v${n(op.height)}h${n(-w * op.module)}z`;
            x += w * op.module;
          });
          out.push(`<path d="${d}" fill="#000" shape-rendering="crispEdges"/>`);
          break;
        }
      }
    }
    out.push('</g>');
  });
  out.push('</svg>');
  return Buffer.from(out.join('\n'), 'utf8');
}
