import { barcodeFor, encodeLinear, LINEAR_QUIET_MODULES, LinearBarcode } from './codes';
import { FontWeight, TextMeasure } from './fonts';
import { moqLine, printedDay, tierLines, yuan } from './format';
import { ellipsize, wrap } from './text';
import { LabelData, LabelField, LabelTemplateSpec } from './types';

/**
 * One label as drawing operations in millimetres from the label's top-left corner. The PDF, SVG
 * and ZPL writers all draw the same layout, so a preview shows what the printer prints.
 */
export type DrawOp =
  | {
      kind: 'text';
      /** Left edge. */
      x: number;
      /** Top of the em box; the baseline is at `y + BASELINE * size`. */
      y: number;
      /** Font size (em height) in mm. */
      size: number;
      weight: FontWeight;
      text: string;
    }
  | {
      kind: 'qr';
      /** The square box the code (with its quiet zone) is centred in. */
      x: number;
      y: number;
      size: number;
      /** What the code encodes. */
      content: string;
    }
  | {
      kind: 'barcode';
      x: number;
      y: number;
      /** Width of one module in mm. */
      module: number;
      height: number;
      code: LinearBarcode;
    };

export interface LabelDrawing {
  ops: DrawOp[];
  /** Fields (or 'BARCODE') that did not fit this label and were left off. */
  omitted: string[];
}

/** Baseline of the CJK em box (Noto Sans CJK: ideographs span −120…880 of 1000 units). */
export const BASELINE = 0.88;
const LINE = 1.22;
/** A 1D module narrower than this (1 dot at 203 dpi) does not print reliably; such a barcode is left off. */
export const MIN_BARCODE_MODULE_MM = 0.125;
const MAX_BARCODE_MODULE_MM = 0.33;
/** Smallest body text: about 5.7 pt, still legible from a thermal head at 203 dpi. */
export const MIN_BODY_MM = 2;

/** Body fields by priority when space is short: prices first, the print-run details last. */
export const PRIORITY: readonly LabelField[] = [
  LabelField.TIER_PRICES,
  LabelField.RETAIL_PRICE,
  LabelField.MOQ,
  LabelField.SLOT_CODE,
  LabelField.SKU_CODE,
  LabelField.FACTORY,
  LabelField.PRICE_VERSION,
];
/** Body fields in reading order. */
const ORDER: readonly LabelField[] = [
  LabelField.TIER_PRICES,
  LabelField.RETAIL_PRICE,
  LabelField.MOQ,
  LabelField.SKU_CODE,
  LabelField.FACTORY,
  LabelField.SLOT_CODE,
  LabelField.PRICE_VERSION,
];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

interface Line {
  text: string;
  weight: FontWeight;
  /** Relative to the body size. */
  scale: number;
}

function fieldLines(field: LabelField, d: LabelData): Line[] {
  switch (field) {
    case LabelField.TIER_PRICES:
      return tierLines(d.tiers, d.unit).map((text) => ({ text, weight: 'bold', scale: 1 }));
    case LabelField.RETAIL_PRICE:
      return d.retailPriceFen == null ? [] : [{ text: `零售 ${yuan(d.retailPriceFen)}`, weight: 'regular', scale: 1 }];
    case LabelField.MOQ:
      return [{ text: moqLine(d.moq, d.unit, d.packSize), weight: 'regular', scale: 1 }];
    case LabelField.SKU_CODE:
      return [{ text: `货号 ${d.skuCode}`, weight: 'regular', scale: 1 }];
    case LabelField.FACTORY:
      return [{ text: d.factoryName, weight: 'regular', scale: 0.9 }];
    case LabelField.SLOT_CODE:
      return d.slotCode ? [{ text: `货位 ${d.slotCode}`, weight: 'bold', scale: 1 }] : [];
    case LabelField.PRICE_VERSION: {
      const parts = [d.priceVersion ? `价 ${d.priceVersion}` : null, printedDay(d.printedAt)].filter(Boolean);
      return parts.length ? [{ text: parts.join(' · '), weight: 'regular', scale: 0.8 }] : [];
    }
    case LabelField.TITLE:
      return [];
  }
}

/**
 * Lays out one label: the title across the top (up to two lines), the QR code at the left,
 * the chosen fields to its right, and the optional 1D barcode along the bottom. Text shrinks
 * (down to a legible minimum) until every field fits; past that, fields are left off by priority
 * and reported. Text is wrapped or ellipsized, never runs past the label's edge.
 */
export function layoutLabel(template: LabelTemplateSpec, d: LabelData, measure: TextMeasure): LabelDrawing {
  let scale = 1;
  for (;;) {
    const attempt = layoutAt(template, d, measure, scale);
    if (attempt.omitted.length === 0 || attempt.atMinimum) return { ops: attempt.ops, omitted: attempt.omitted };
    scale *= 0.94;
  }
}

function layoutAt(template: LabelTemplateSpec, d: LabelData, measure: TextMeasure, scale: number): LabelDrawing & { atMinimum: boolean } {
  const W = template.widthMm;
  const H = template.heightMm;
  const pad = clamp(Math.min(W, H) * 0.05, 1.2, 3);
  const body = Math.max(MIN_BODY_MM, clamp(H * 0.075, 2.1, 3.2) * scale);
  const titleSize = Math.max(MIN_BODY_MM * 1.15, clamp(H * 0.095, 2.6, 4.2) * scale);
  const atMinimum = body === MIN_BODY_MM && titleSize === MIN_BODY_MM * 1.15;
  const ops: DrawOp[] = [];
  const omitted: string[] = [];
  const fields = new Set(template.fields);
  const innerW = W - 2 * pad;
  let top = pad;
  let bottom = H - pad;

  if (fields.has(LabelField.TITLE)) {
    const lines = wrap(d.title, innerW, titleSize, H >= 25 ? 2 : 1, measure);
    for (const text of lines) {
      ops.push({ kind: 'text', x: pad, y: top, size: titleSize, weight: 'bold', text });
      top += titleSize * LINE;
    }
    top += 0.4;
  }

  const barcode = barcodeFor(template.barcode, d);
  let barcodeShown: LinearBarcode | null = null;
  if (barcode) {
    const code = encodeLinear(barcode.symbology, barcode.value);
    const module = Math.min(MAX_BARCODE_MODULE_MM, innerW / (code.modules + 2 * LINEAR_QUIET_MODULES));
    const digits = Math.max(MIN_BODY_MM, body * 0.85);
    const barHeight = clamp(H * 0.14 * scale, 4, 9);
    const needed = barHeight + digits * LINE + 0.5;
    if (module >= MIN_BARCODE_MODULE_MM && bottom - top - needed >= 12) {
      const width = code.modules * module;
      const x = pad + (innerW - width) / 2;
      const y = bottom - needed;
      ops.push({ kind: 'barcode', x, y, module, height: barHeight, code });
      barcodeShown = code;
      const caption = ellipsize(code.value, innerW, digits, measure);
      ops.push({ kind: 'text', x: x + (width - measure(caption, digits)) / 2, y: y + barHeight + 0.3, size: digits, weight: 'regular', text: caption });
      bottom = y - 0.6;
    } else {
      omitted.push('BARCODE');
    }
  }

  const qrSize = Math.min(bottom - top, W * 0.5);
  ops.push({ kind: 'qr', x: pad, y: top, size: qrSize, content: d.scanUrl });

  const colX = pad + qrSize + 0.8;
  const colW = W - pad - colX;
  const available = bottom - top;
  const wanted = new Map<LabelField, Line[]>();
  for (const field of ORDER) {
    if (!fields.has(field)) continue;
    // The SKU code already stands under its Code 128 barcode.
    if (field === LabelField.SKU_CODE && barcodeShown?.value === d.skuCode) continue;
    wanted.set(field, fieldLines(field, d));
  }
  // By priority: once a field does not fit, it and every field below it are left off.
  const chosen = new Set<LabelField>();
  let used = 0;
  let full = colW < 6;
  for (const field of PRIORITY) {
    const lines = wanted.get(field);
    if (!lines || lines.length === 0) continue;
    const h = lines.reduce((sum, l) => sum + l.scale * body * LINE, 0);
    full = full || used + h > available + 1e-9;
    if (full) {
      omitted.push(field);
    } else {
      chosen.add(field);
      used += h;
    }
  }
  let y = top;
  for (const field of ORDER) {
    if (!chosen.has(field)) continue;
    for (const line of wanted.get(field)!) {
      const size = body * line.scale;
      ops.push({ kind: 'text', x: colX, y, size, weight: line.weight, text: ellipsize(line.text, colW, size, measure) });
      y += size * LINE;
    }
  }
  return { ops, omitted, atMinimum };
}
