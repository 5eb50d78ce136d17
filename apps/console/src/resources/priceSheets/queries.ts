import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const SHEET = `id versionNo version status effectiveFrom note lineCount createdAt updatedAt submittedAt reviewedAt finalizedAt submittedBy reviewedBy
  venueId venue { id code name } factoryOrgId factory { id name }`;

const TIERS = `tiers { minQuantity supplyPrice wholesalePrice }`;
const LINES = `lines(page: 1, perPage: 200) { total items {
  id lineNo skuId sku { id code attributes moq packSize unit product { id titleZh brand { id name } } }
  ${TIERS} retailPrice requestedFloor effectiveFrom
  decision decisionReason floorStatus floorReason approvedAt
  currentVersion { id sheetVersionNo effectiveFrom retailPrice floorPrice ${TIERS} }
  change { supplyPercent retailPercent wholesalePercent large thresholdBasisPoints }
  suggestedWholesaleTiers { minQuantity unitPrice }
} }`;

export const PRICE_SHEET_STATUSES = ['DRAFT', 'SUBMITTED', 'FLOOR_REVIEW', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'SUPERSEDED'] as const;

/** Money typed in a form ("12.5", "12.50") as the API's decimal string; nothing else passes. */
export const MONEY = /^\d{1,9}(\.\d{1,2})?$/;

export const priceSheetQueries: ResourceQueries = {
  list: `query PriceSheets($filter: PriceSheetFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: priceSheets(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${SHEET} } total }
  }`,
  one: `query PriceSheet($id: ID!) { result: priceSheet(id: $id) { ${SHEET} ${LINES} } }`,
  create: `mutation CreatePriceSheet($input: CreatePriceSheetInput!) { result: createPriceSheet(input: $input) { ${SHEET} } }`,
  actions: {
    submit: `mutation SubmitPriceSheet($input: SubmitPriceSheetInput!) { result: submitPriceSheet(input: $input) { ${SHEET} } }`,
    review: `mutation ReviewPriceSheet($input: ReviewPriceSheetInput!) { result: reviewPriceSheet(input: $input) { ${SHEET} } }`,
    decideFloors: `mutation DecidePriceFloors($input: DecidePriceFloorsInput!) { result: decidePriceFloors(input: $input) { ${SHEET} } }`,
    remove: `mutation DeletePriceSheet($input: DeletePriceSheetInput!) { result: deletePriceSheet(input: $input) }`,
    importSheet: `mutation ImportPriceSheet($input: ImportPriceSheetInput!) {
      result: importPriceSheet(input: $input) {
        ok format rowCount linesImported skippedRows problemCount ignoredHeaders
        problems { row column header cell value message skuCode }
        sheet { id }
      }
    }`,
  },
  sortable: ['createdAt', 'submittedAt', 'effectiveFrom'],
  filterToApi: (filter) => compact(filter),
  toCreateInput: (data) =>
    compact({
      venueId: data.venueId,
      effectiveFrom: data.effectiveFrom,
      note: data.note,
      lines: ((data.lines as Record<string, any>[] | undefined) ?? []).map((l) =>
        compact({
          skuId: l.skuId,
          retailPrice: String(l.retailPrice ?? '').trim(),
          requestedFloor: l.requestedFloor ? String(l.requestedFloor).trim() : undefined,
          tiers: ((l.tiers as Record<string, any>[] | undefined) ?? []).map((t) => ({ minQuantity: Number(t.minQuantity), unitPrice: String(t.unitPrice ?? '').trim() })),
        }),
      ),
    }),
};

/** Fen from a decimal string, for comparisons only (never displayed or sent). */
export function toFen(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !MONEY.test(String(value).trim())) return null;
  const [yuan, fraction = ''] = String(value).trim().split('.');
  return Number(yuan) * 100 + Number(fraction.padEnd(2, '0'));
}
