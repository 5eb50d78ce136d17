import type { FieldError } from '@xp/core';
import { LabelLayout, SheetSpec } from './render/types';

export interface TemplateShape {
  widthMm: number;
  heightMm: number;
  layout: LabelLayout;
  sheet?: SheetSpec | null;
}

/** Room used by a sheet's grid: left margin + columns and gaps across, top margin + rows and gaps down. */
export function sheetExtent(shape: { widthMm: number; heightMm: number }, sheet: SheetSpec): { widthMm: number; heightMm: number } {
  return {
    widthMm: sheet.marginLeftMm + sheet.columns * shape.widthMm + (sheet.columns - 1) * sheet.gapXMm,
    heightMm: sheet.marginTopMm + sheet.rows * shape.heightMm + (sheet.rows - 1) * sheet.gapYMm,
  };
}

/**
 * What is wrong with a template's shape (the same rules as the label_templates_sheet_check
 * constraint): a sheet needs its grid, a roll has none, and the grid must fit the page.
 */
export function templateShapeProblems(shape: TemplateShape, path = 'input'): FieldError[] {
  if (shape.layout === LabelLayout.ROLL) {
    return shape.sheet ? [{ path: `${path}.sheet`, message: 'must be left out for a ROLL layout (one label per page)' }] : [];
  }
  if (!shape.sheet) return [{ path: `${path}.sheet`, message: 'is required for a SHEET layout' }];
  const used = sheetExtent(shape, shape.sheet);
  const problems: FieldError[] = [];
  if (used.widthMm > shape.sheet.pageWidthMm + 1e-9) {
    problems.push({
      path: `${path}.sheet.columns`,
      message: `${shape.sheet.columns} columns need ${round(used.widthMm)} mm but the page is ${shape.sheet.pageWidthMm} mm wide`,
    });
  }
  if (used.heightMm > shape.sheet.pageHeightMm + 1e-9) {
    problems.push({
      path: `${path}.sheet.rows`,
      message: `${shape.sheet.rows} rows need ${round(used.heightMm)} mm but the page is ${shape.sheet.pageHeightMm} mm high`,
    });
  }
  return problems;
}

const round = (mm: number) => Math.round(mm * 100) / 100;
