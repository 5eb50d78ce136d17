import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { monthComparisonQuery } from '../../home/reportFigures';
import { FACTORY_FIGURES, FACTORY_REPORT, HEADLINE_FIGURES, HEADLINE_SECTIONS, REGION_REPORT, VENUE_REPORT, venueWorkbookUrl } from './queries';

const schema = buildSchema(readFileSync(join(__dirname, '../../../../api/schema.gql'), 'utf8'));
const errorsOf = (document: string) => validate(schema, parse(document)).map((e) => e.message);

describe('report documents', () => {
  it('ask the API only for what its committed schema has', () => {
    expect(errorsOf(VENUE_REPORT)).toEqual([]);
    expect(errorsOf(REGION_REPORT)).toEqual([]);
    expect(errorsOf(FACTORY_REPORT)).toEqual([]);
  });

  it('ask the home figures for two periods at once, for a region, a venue or a factory', () => {
    const region = monthComparisonQuery('region', ['gmv', 'spread', 'medianHoursToDecision']);
    expect(errorsOf(region)).toEqual([]);
    expect(region).toMatch(/now: regionReport\(regionId: \$id, from: \$from, to: \$to\)/);
    expect(region).toMatch(/before: regionReport\(regionId: \$id, from: \$beforeFrom, to: \$beforeTo\)/);
    expect(errorsOf(monthComparisonQuery('venue', HEADLINE_FIGURES.map((f) => f.key)))).toEqual([]);
    expect(errorsOf(monthComparisonQuery('factory', FACTORY_FIGURES.map((f) => f.key)))).toEqual([]);
  });

  it('show every headline figure in exactly one section of the venue report', () => {
    const placed = HEADLINE_SECTIONS.flatMap((s) => s.figures).sort();
    expect(placed).toEqual(HEADLINE_FIGURES.map((f) => f.key).sort());
  });

  it('address the spreadsheet of a venue and period', () => {
    expect(venueWorkbookUrl('0b7e6c1e-0000-4000-8000-000000000001', { from: '2026-10-01', to: '2026-11-01' })).toBe(
      '/api/reports/venue/0b7e6c1e-0000-4000-8000-000000000001.xlsx?from=2026-10-01&to=2026-11-01',
    );
  });
});
