import { breathe } from './breathe';
import { LabelRenderError } from './errors';
import { fontMeasure, printerFontMeasure, TextMeasure } from './fonts';
import { assertTemplateDrawable, labelsPerPage, pageCount } from './geometry';
import { LabelDrawing, layoutLabel } from './layout';
import { writePdf } from './pdf';
import { writeSvgPage } from './svg';
import { LabelData, LabelFormat, LabelTemplateSpec, RenderedLabels, RenderOptions, WholesaleTier } from './types';
import { DEFAULT_ZPL_FONT, writeZpl } from './zpl';

/** The most labels one render takes (a 10,000-label PDF is about 2 MB and 15 s of work). */
export const MAX_LABELS_PER_RENDER = 10_000;

const MIME: Record<LabelFormat, { mimeType: string; fileExtension: RenderedLabels['fileExtension'] }> = {
  [LabelFormat.PDF]: { mimeType: 'application/pdf', fileExtension: 'pdf' },
  [LabelFormat.ZPL]: { mimeType: 'application/vnd.zebra.zpl', fileExtension: 'zpl' },
  [LabelFormat.SVG]: { mimeType: 'image/svg+xml', fileExtension: 'svg' },
};

/**
 * Renders labels with a template into a PDF (roll or sheet), ZPL (one format per label) or an SVG
 * preview of one page. Pure: no database, no Nest; safe to call from a worker thread (inputs are
 * plain data). Throws `LabelRenderError` naming the offending input.
 */
export async function renderLabels(
  template: LabelTemplateSpec,
  labels: readonly LabelData[],
  format: LabelFormat,
  options: RenderOptions = {},
): Promise<RenderedLabels> {
  assertTemplateDrawable(template);
  assertLabels(labels);
  const pages = pageCount(template, labels.length);
  const base = { format, ...MIME[format], labelCount: labels.length, pageCount: pages };
  switch (format) {
    case LabelFormat.PDF: {
      const drawings = await layoutAll(template, labels, fontMeasure('regular'));
      return { ...base, content: await writePdf(template, drawings), omitted: omittedOf(drawings) };
    }
    case LabelFormat.ZPL: {
      const drawings = await layoutAll(template, labels, printerFontMeasure);
      const dpi = options.zplDpi ?? template.zplDpi;
      return { ...base, content: writeZpl(template, drawings, dpi, options.zplFontName ?? DEFAULT_ZPL_FONT), omitted: omittedOf(drawings) };
    }
    case LabelFormat.SVG: {
      const page = options.page ?? 1;
      if (!Number.isInteger(page) || page < 1 || page > pages) {
        throw new LabelRenderError(`Page ${page} does not exist: this job has ${pages} page(s).`, 'page');
      }
      const perPage = labelsPerPage(template);
      const first = (page - 1) * perPage;
      const onPage = labels.slice(first, first + perPage);
      const measure = fontMeasure('regular');
      // Placement is by index in the job, so the page's labels keep their indexes.
      const drawings: LabelDrawing[] = new Array(first);
      onPage.forEach((label, i) => (drawings[first + i] = layoutOne(template, label, first + i, measure)));
      return { ...base, content: writeSvgPage(template, drawings, page - 1), omitted: omittedOf(drawings.filter(Boolean)) };
    }
    default:
      throw new LabelRenderError(`Unknown label format ${String(format)}.`, 'format');
  }
}

async function layoutAll(template: LabelTemplateSpec, labels: readonly LabelData[], measure: TextMeasure): Promise<LabelDrawing[]> {
  const drawings: LabelDrawing[] = [];
  for (let i = 0; i < labels.length; i++) {
    await breathe(i);
    drawings.push(layoutOne(template, labels[i], i, measure));
  }
  return drawings;
}

function layoutOne(template: LabelTemplateSpec, label: LabelData, index: number, measure: TextMeasure): LabelDrawing {
  try {
    return layoutLabel(template, label, measure);
  } catch (error) {
    if (error instanceof LabelRenderError) throw new LabelRenderError(`Label ${index + 1}: ${error.message}`, error.field ?? `labels.${index}`);
    throw error;
  }
}

function omittedOf(drawings: readonly LabelDrawing[]): string[] {
  const all = new Set<string>();
  for (const d of drawings) if (d) d.omitted.forEach((f) => all.add(f));
  return [...all];
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
const isFen = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Refuses an empty job, an oversized one, and labels whose data cannot be printed truthfully. */
export function assertLabels(labels: readonly LabelData[]): void {
  if (!Array.isArray(labels) || labels.length === 0) {
    throw new LabelRenderError('Nothing to print: a label job needs at least one label.', 'labels');
  }
  if (labels.length > MAX_LABELS_PER_RENDER) {
    throw new LabelRenderError(`At most ${MAX_LABELS_PER_RENDER} labels can be rendered at once; split the job.`, 'labels');
  }
  labels.forEach((l, i) => {
    const fail = (field: string, message: string) => {
      throw new LabelRenderError(`Label ${i + 1}: ${field} ${message}.`, `labels.${i}.${field}`);
    };
    if (typeof l.scanUrl !== 'string' || !/^https?:\/\/\S+$/.test(l.scanUrl) || l.scanUrl.length > 500) fail('scanUrl', 'must be an http(s) address');
    if (typeof l.title !== 'string' || l.title.trim() === '') fail('title', 'must not be empty');
    if (typeof l.skuCode !== 'string' || l.skuCode.trim() === '') fail('skuCode', 'must not be empty');
    if (!isCount(l.moq)) fail('moq', 'must be a whole number of at least 1');
    if (!isCount(l.packSize)) fail('packSize', 'must be a whole number of at least 1');
    if (!Array.isArray(l.tiers)) fail('tiers', 'must be a list');
    l.tiers.forEach((t: WholesaleTier, j: number) => {
      if (!isCount(t.minQuantity)) fail(`tiers.${j}.minQuantity`, 'must be a whole number of at least 1');
      if (!isFen(t.unitPriceFen)) fail(`tiers.${j}.unitPriceFen`, 'must be a whole, non-negative number of fen');
    });
    if (l.retailPriceFen != null && !isFen(l.retailPriceFen)) fail('retailPriceFen', 'must be a whole, non-negative number of fen');
  });
}
