import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const RECEIPT = `id deliveryNoteNo status expectedOn note receiveNote cancelReason declaredAt receivedAt cancelledAt updatedAt
  declaredTotal receivedTotal venueId venue { id code name } factoryOrgId factory { id name }`;
const LINES = `lines { id lineNo skuId sku { id code attributes product { id titleZh } } declaredQuantity receivedQuantity difference }`;

export const RECEIPT_STATUSES = ['DECLARED', 'RECEIVED', 'CANCELLED'] as const;

export const consignmentReceiptQueries: ResourceQueries = {
  list: `query ConsignmentReceipts($filter: ConsignmentReceiptFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: consignmentReceipts(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${RECEIPT} } total }
  }`,
  one: `query ConsignmentReceipt($id: ID!) { result: consignmentReceipt(id: $id) { ${RECEIPT} ${LINES} } }`,
  create: `mutation DeclareConsignment($input: DeclareConsignmentInput!) { result: declareConsignment(input: $input) { ${RECEIPT} ${LINES} } }`,
  actions: {
    receive: `mutation ReceiveConsignment($input: ReceiveConsignmentInput!) { result: receiveConsignment(input: $input) { ${RECEIPT} ${LINES} } }`,
    cancel: `mutation CancelConsignmentReceipt($input: CancelConsignmentReceiptInput!) { result: cancelConsignmentReceipt(input: $input) { ${RECEIPT} } }`,
  },
  sortable: ['declaredAt', 'receivedAt', 'deliveryNoteNo'],
  filterToApi: (filter) => compact(filter),
  toCreateInput: (data) =>
    compact({
      venueId: data.venueId,
      factoryOrgId: data.factoryOrgId,
      deliveryNoteNo: typeof data.deliveryNoteNo === 'string' ? data.deliveryNoteNo.trim() : data.deliveryNoteNo,
      expectedOn: data.expectedOn,
      note: data.note,
      lines: ((data.lines as { skuId?: string; quantity?: unknown }[] | undefined) ?? []).map((l) => ({ skuId: l.skuId, quantity: Number(l.quantity) })),
    }),
};
