/** The pricing area's GraphQL documents, shared by its tests. */
export const SHEET_FIELDS = `id venueId factoryOrgId versionNo effectiveFrom status version lineCount submittedAt reviewedAt finalizedAt note`;
export const LINE_FIELDS = `id lineNo skuId retailPrice requestedFloor decision decisionReason floorStatus floorReason approvedAt supersededFrom
  tiers { minQuantity supplyPrice wholesalePrice }`;
export const VERSION_FIELDS = `id venueId skuId sheetId sheetVersionNo effectiveFrom approvedAt supersededFrom retailPrice floorPrice
  tiers { minQuantity supplyPrice wholesalePrice }`;

export const CREATE = `mutation($input: CreatePriceSheetInput!) { createPriceSheet(input: $input) { ${SHEET_FIELDS} } }`;
export const UPDATE = `mutation($input: UpdatePriceSheetInput!) { updatePriceSheet(input: $input) { ${SHEET_FIELDS} } }`;
export const DELETE = `mutation($input: DeletePriceSheetInput!) { deletePriceSheet(input: $input) }`;
export const SUBMIT = `mutation($input: SubmitPriceSheetInput!) { submitPriceSheet(input: $input) { ${SHEET_FIELDS} } }`;
export const REVIEW = `mutation($input: ReviewPriceSheetInput!) { reviewPriceSheet(input: $input) { ${SHEET_FIELDS} } }`;
export const DECIDE_FLOORS = `mutation($input: DecidePriceFloorsInput!) { decidePriceFloors(input: $input) { ${SHEET_FIELDS} } }`;
export const SHEETS = `query($filter: PriceSheetFilter, $perPage: Int = 200, $sort: SortInput) {
  priceSheets(filter: $filter, perPage: $perPage, sort: $sort) { total items { ${SHEET_FIELDS} } } }`;
export const SHEET = `query($id: ID!) { priceSheet(id: $id) { ${SHEET_FIELDS}
  lines(perPage: 200) { total items { ${LINE_FIELDS} sku { code }
    currentVersion { id retailPrice tiers { minQuantity supplyPrice wholesalePrice } }
    change { supplyPercent retailPercent wholesalePercent large thresholdBasisPoints }
    suggestedWholesaleTiers { minQuantity unitPrice } } } } }`;
export const EFFECTIVE = `query($venueId: ID!, $skuId: ID!, $at: DateTime) {
  effectivePrice(venueId: $venueId, skuId: $skuId, at: $at) { ${VERSION_FIELDS} } }`;
export const HISTORY = `query($venueId: ID!, $skuId: ID!) {
  priceHistory(venueId: $venueId, skuId: $skuId) { total items { ${VERSION_FIELDS} } } }`;
export const SET_MARKUP = `mutation($input: SetMarkupPolicyInput!) { setMarkupPolicy(input: $input) { id venueId categoryId markupBasisPoints } }`;
export const REMOVE_MARKUP = `mutation($input: RemoveMarkupPolicyInput!) { removeMarkupPolicy(input: $input) }`;
export const MARKUPS = `query($venueId: ID!) { markupPolicies(venueId: $venueId) { id categoryId markupBasisPoints } }`;
export const SETTINGS = `query($venueId: ID!) { pricingSettings(venueId: $venueId) { venueId largeChangeThresholdBasisPoints } }`;
export const SET_SETTINGS = `mutation($input: SetPricingSettingsInput!) {
  setPricingSettings(input: $input) { venueId largeChangeThresholdBasisPoints } }`;
export const IMPORT = `mutation($input: ImportPriceSheetInput!) {
  importPriceSheet(input: $input) { ok format rowCount skippedRows linesImported problemCount ignoredHeaders sheet { ${SHEET_FIELDS} } problems { row column skuCode message } } }`;

/** A line input with tiers as [minQuantity, "yuan"] pairs. */
export function line(skuId: string, tiers: [number, string][], retailPrice: string, requestedFloor?: string) {
  return {
    skuId,
    tiers: tiers.map(([minQuantity, unitPrice]) => ({ minQuantity, unitPrice })),
    retailPrice,
    ...(requestedFloor ? { requestedFloor } : {}),
  };
}

/** Today and other days in Asia/Shanghai, as the API sees them. */
export function shanghaiDay(offsetDays = 0, from = new Date()): string {
  return new Date(from.getTime() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
