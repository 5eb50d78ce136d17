import { sheetExtent, templateShapeProblems } from './labels.rules';
import { LabelLayout } from './render/types';

const a4 = { pageWidthMm: 210, pageHeightMm: 297, columns: 3, rows: 8, marginTopMm: 12.9, marginLeftMm: 7.25, gapXMm: 2.5, gapYMm: 0 };
const label = { widthMm: 63.5, heightMm: 33.9 };

describe('label template rules', () => {
  it('measures the room a sheet grid takes', () => {
    expect(sheetExtent(label, a4).widthMm).toBeCloseTo(202.75, 9);
    expect(sheetExtent(label, a4).heightMm).toBeCloseTo(284.1, 9);
  });

  it('accepts a roll without a sheet and a sheet whose grid fits', () => {
    expect(templateShapeProblems({ ...label, layout: LabelLayout.ROLL })).toEqual([]);
    expect(templateShapeProblems({ ...label, layout: LabelLayout.SHEET, sheet: a4 })).toEqual([]);
  });

  it('accepts a grid that fills the page exactly', () => {
    const exact = { ...a4, marginLeftMm: 0, gapXMm: 0, marginTopMm: 0, rows: 8 };
    expect(templateShapeProblems({ widthMm: 70, heightMm: 37.125, layout: LabelLayout.SHEET, sheet: exact })).toEqual([]);
  });

  it('refuses a sheet layout without its grid and a roll with one', () => {
    expect(templateShapeProblems({ ...label, layout: LabelLayout.SHEET })).toEqual([{ path: 'input.sheet', message: 'is required for a SHEET layout' }]);
    expect(templateShapeProblems({ ...label, layout: LabelLayout.ROLL, sheet: a4 })).toEqual([
      { path: 'input.sheet', message: 'must be left out for a ROLL layout (one label per page)' },
    ]);
  });

  it('names the columns or rows that do not fit the page', () => {
    expect(templateShapeProblems({ ...label, layout: LabelLayout.SHEET, sheet: { ...a4, columns: 4 } })).toEqual([
      { path: 'input.sheet.columns', message: '4 columns need 268.75 mm but the page is 210 mm wide' },
    ]);
    expect(templateShapeProblems({ ...label, layout: LabelLayout.SHEET, sheet: { ...a4, rows: 9 } })).toEqual([
      { path: 'input.sheet.rows', message: '9 rows need 318 mm but the page is 297 mm high' },
    ]);
  });
});
