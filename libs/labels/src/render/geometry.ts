import { sheetExtent } from '../labels.rules';
import { LabelRenderError } from './errors';
import { LabelLayout, LabelTemplateSpec } from './types';

export const PT_PER_MM = 72 / 25.4;

/** Where one label sits on its page, in millimetres from the page's top-left corner. */
export interface LabelPlacement {
  /** Index of the label in the job. */
  index: number;
  /** Page number from 0. */
  page: number;
  xMm: number;
  yMm: number;
}

export interface PageSize {
  widthMm: number;
  heightMm: number;
}

/** The page size of a template: the label itself on a roll, the sheet otherwise. */
export function pageSize(template: LabelTemplateSpec): PageSize {
  if (template.layout === LabelLayout.SHEET) {
    const sheet = requireSheet(template);
    return { widthMm: sheet.pageWidthMm, heightMm: sheet.pageHeightMm };
  }
  return { widthMm: template.widthMm, heightMm: template.heightMm };
}

export function labelsPerPage(template: LabelTemplateSpec): number {
  if (template.layout !== LabelLayout.SHEET) return 1;
  const sheet = requireSheet(template);
  return sheet.columns * sheet.rows;
}

export function pageCount(template: LabelTemplateSpec, labelCount: number): number {
  return Math.ceil(labelCount / labelsPerPage(template));
}

/** Placement of label `index`: sheets fill row by row, left to right, top to bottom. */
export function placement(template: LabelTemplateSpec, index: number): LabelPlacement {
  if (template.layout !== LabelLayout.SHEET) return { index, page: index, xMm: 0, yMm: 0 };
  const sheet = requireSheet(template);
  const perPage = sheet.columns * sheet.rows;
  const onPage = index % perPage;
  const column = onPage % sheet.columns;
  const row = Math.floor(onPage / sheet.columns);
  return {
    index,
    page: Math.floor(index / perPage),
    xMm: sheet.marginLeftMm + column * (template.widthMm + sheet.gapXMm),
    yMm: sheet.marginTopMm + row * (template.heightMm + sheet.gapYMm),
  };
}

/** Checks that a template can be drawn: positive sizes, a sheet whose grid fits its page. */
export function assertTemplateDrawable(template: LabelTemplateSpec): void {
  if (!(template.widthMm >= 15 && template.heightMm >= 10)) {
    throw new LabelRenderError(`Template ${template.code} is too small to print a readable QR code (at least 15 × 10 mm).`, 'template');
  }
  if (template.layout === LabelLayout.SHEET) {
    const s = requireSheet(template);
    const used = sheetExtent(template, s);
    if (s.columns < 1 || s.rows < 1 || used.widthMm > s.pageWidthMm + 1e-6 || used.heightMm > s.pageHeightMm + 1e-6) {
      throw new LabelRenderError(`Template ${template.code}: its ${s.columns} × ${s.rows} grid does not fit the page.`, 'template.sheet');
    }
  }
}

function requireSheet(template: LabelTemplateSpec) {
  if (!template.sheet) throw new LabelRenderError(`Template ${template.code} has a SHEET layout but no sheet dimensions.`, 'template.sheet');
  return template.sheet;
}
