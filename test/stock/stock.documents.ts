/** The stock area's GraphQL documents, shared by its tests (and a model for the console's). */

export const MOVEMENT_FIELDS = 'id operationId lineNo type skuId ownerFactoryOrgId fromLocation toLocation quantity referenceType referenceId note';

export const BALANCES = `query($filter: StockBalanceFilter, $perPage: Int = 200, $sort: SortInput) {
  stockBalances(filter: $filter, perPage: $perPage, sort: $sort) {
    total items { venueId skuId location onHand reserved available ownerFactoryOrgId sku { code } ownerFactory { name } }
  }
}`;

export const MOVEMENTS = `query($filter: StockMovementFilter, $perPage: Int = 200) {
  stockMovements(filter: $filter, perPage: $perPage) { total items { ${MOVEMENT_FIELDS} sku { code } } }
}`;

export const LOCATIONS = 'query($venueId: ID!) { stockLocations(venueId: $venueId) { kind name } }';

export const OPERATION_RESULT = `operationId replayed movements { ${MOVEMENT_FIELDS} }`;

export const TRANSFER = `mutation($input: TransferStockInput!) { transferStock(input: $input) { ${OPERATION_RESULT} } }`;
export const RETURN_TO_FACTORY = `mutation($input: ReturnToFactoryInput!) { returnToFactory(input: $input) { ${OPERATION_RESULT} } }`;
export const WRITE_OFF = `mutation($input: WriteOffStockInput!) { writeOffStock(input: $input) { ${OPERATION_RESULT} } }`;

const RECEIPT_FIELDS = `id venueId factoryOrgId deliveryNoteNo status declaredTotal receivedTotal cancelReason
  lines { lineNo skuId declaredQuantity receivedQuantity difference sku { code } }`;

export const DECLARE = `mutation($input: DeclareConsignmentInput!) { declareConsignment(input: $input) { ${RECEIPT_FIELDS} } }`;
export const RECEIVE = `mutation($input: ReceiveConsignmentInput!) { receiveConsignment(input: $input) { ${RECEIPT_FIELDS} } }`;
export const CANCEL_RECEIPT = `mutation($input: CancelConsignmentReceiptInput!) { cancelConsignmentReceipt(input: $input) { ${RECEIPT_FIELDS} } }`;
export const RECEIPT = `query($id: ID!) { consignmentReceipt(id: $id) { ${RECEIPT_FIELDS} factory { name } venue { code } } }`;
export const RECEIPTS = `query($filter: ConsignmentReceiptFilter) {
  consignmentReceipts(filter: $filter, perPage: 200) { total items { id deliveryNoteNo status } }
}`;

const COUNT_FIELDS = `id venueId location status varianceThreshold requiresAdminApproval
  lines { skuId expectedQuantity countedQuantity variance aboveThreshold sku { code } }`;

export const START_COUNT = `mutation($input: StartStockCountInput!) { startStockCount(input: $input) { ${COUNT_FIELDS} } }`;
export const SUBMIT_COUNT = `mutation($input: SubmitStockCountInput!) { submitStockCount(input: $input) { ${COUNT_FIELDS} } }`;
export const APPROVE_COUNT = `mutation($input: ApproveStockCountInput!) { approveStockCount(input: $input) { ${COUNT_FIELDS} } }`;
export const CANCEL_COUNT = `mutation($input: CancelStockCountInput!) { cancelStockCount(input: $input) { ${COUNT_FIELDS} } }`;
export const COUNT = `query($id: ID!) { stockCount(id: $id) { ${COUNT_FIELDS} } }`;
export const COUNTS = `query($filter: StockCountFilter) { stockCounts(filter: $filter, perPage: 200) { total items { id status } } }`;

export const SETTINGS = 'query($venueId: ID!) { venueStockSettings(venueId: $venueId) { venueId countVarianceThreshold } }';
export const UPDATE_SETTINGS = `mutation($input: UpdateVenueStockSettingsInput!) {
  updateVenueStockSettings(input: $input) { venueId countVarianceThreshold }
}`;

export const STOCK_AGE = `query($venueId: ID!, $asOf: Date, $filter: StockAgeFilter, $sort: SortInput) {
  stockAge(venueId: $venueId, asOf: $asOf, filter: $filter, sort: $sort, perPage: 200) {
    total items { skuId ownerFactoryOrgId onHand days0To30 days31To90 over90 oldestReceivedOn oldestAgeDays sku { code } }
  }
}`;
