import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

export const RETURN_STATUSES = ['REQUESTED', 'RECEIVED', 'CANCELLED'] as const;
export const RETURN_REASONS = ['NO_REASON_7_DAYS', 'QUALITY_DEFECT', 'DAMAGED_IN_TRANSIT', 'WRONG_ITEM', 'OTHER'] as const;

const RETURN = `id returnNo status reason note amount requestedAt receivedAt cancelledAt cancelReason policyWindowDays venueId buyerId
  orderId order { id orderNo buyer { id shopName } venue { id code name } }
  lines { id lineNo orderLineId skuId sku { id code attributes product { id titleZh } } quantity location }`;

export const salesReturnQueries: ResourceQueries = {
  list: `query SalesReturns($filter: SalesReturnFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: salesReturns(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${RETURN} } total }
  }`,
  one: `query SalesReturn($id: ID!) { result: salesReturn(id: $id) { ${RETURN} policy { id version windowDays text } } }`,
  create: `mutation RequestReturn($input: RequestReturnInput!) { result: requestReturn(input: $input) { ${RETURN} } }`,
  actions: {
    receive: `mutation ReceiveReturn($input: ReceiveReturnInput!) { result: receiveReturn(input: $input) { ${RETURN} } }`,
    cancel: `mutation CancelReturn($input: CancelReturnInput!) { result: cancelReturn(input: $input) { ${RETURN} } }`,
  },
  sortable: ['requestedAt', 'amount'],
  filterToApi: (filter) => compact(filter),
  toCreateInput: (data) => toRequestReturnInput(data),
};

/** The return form's values → requestReturn's input: the lines with a quantity above zero. */
export function toRequestReturnInput(data: Record<string, unknown>): Record<string, unknown> {
  const quantities = (data.quantities as Record<string, unknown> | undefined) ?? {};
  const lines = Object.entries(quantities)
    .map(([skuId, q]) => ({ skuId, quantity: Number(q) }))
    .filter((l) => Number.isSafeInteger(l.quantity) && l.quantity > 0);
  return compact({ orderId: data.orderId, reason: data.reason, note: typeof data.note === 'string' ? data.note.trim() : undefined, lines });
}
