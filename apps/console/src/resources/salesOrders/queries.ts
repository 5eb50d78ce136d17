import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

export const ORDER_STATUSES = ['PLACED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'EXPIRED'] as const;

const ORDER = `id orderNo status placedAt paidAt shippedAt deliveredAt cancelledAt expiredAt expiresAt cancelReason note paymentReference
  totalAmount returnWindowEndsOn updatedAt venueId venue { id code name } buyerId buyer { id shopName contactName phone memberLevel }`;
const LINES = `lines { id lineNo skuId sku { id code attributes moq packSize product { id titleZh } } factoryOrgId quantity unitPrice amount
  supplyUnitPrice retailPrice priceVersionId scanCode moq packSize returnedQuantity }`;
const RETURNS = `returns { id returnNo status amount reason requestedAt receivedAt }`;

/** The list carries only the line ids (as lineIds, so a show opened from the list never mistakes them for lines). */
export const salesOrderQueries: ResourceQueries = {
  list: `query SalesOrders($filter: SalesOrderFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: salesOrders(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${ORDER} lineIds: lines { id } } total }
  }`,
  one: `query SalesOrder($id: ID!) { result: salesOrder(id: $id) { ${ORDER} ${LINES} ${RETURNS} } }`,
  create: `mutation PlaceOrder($input: PlaceOrderInput!) { result: placeOrder(input: $input) { ${ORDER} ${LINES} } }`,
  actions: {
    pay: `mutation MarkOrderPaid($input: MarkOrderPaidInput!) { result: markOrderPaid(input: $input) { ${ORDER} } }`,
    ship: `mutation ShipOrder($input: ShipOrderInput!) { result: shipOrder(input: $input) { ${ORDER} } }`,
    deliver: `mutation MarkOrderDelivered($input: MarkOrderDeliveredInput!) { result: markOrderDelivered(input: $input) { ${ORDER} } }`,
    cancel: `mutation CancelOrder($input: CancelOrderInput!) { result: cancelOrder(input: $input) { ${ORDER} } }`,
  },
  sortable: ['placedAt', 'totalAmount', 'status', 'orderNo'],
  filterToApi: (filter) => compact({ ...filter, scanCode: typeof filter.scanCode === 'string' ? filter.scanCode.trim() : filter.scanCode }),
  toCreateInput: (data) => toPlaceOrderInput(data),
};

/** The create form's values → placeOrder's input (the form keeps one idempotency key per order). */
export function toPlaceOrderInput(data: Record<string, unknown>): Record<string, unknown> {
  const lines = ((data.lines as { skuId?: string; quantity?: unknown; scanCode?: string }[] | undefined) ?? []).map((l) =>
    compact({ skuId: l.skuId, quantity: Number(l.quantity), scanCode: typeof l.scanCode === 'string' ? l.scanCode.trim() : undefined }),
  );
  return compact({
    venueId: data.venueId,
    buyerId: data.buyerId,
    note: typeof data.note === 'string' ? data.note.trim() : undefined,
    idempotencyKey: data.idempotencyKey,
    lines,
  });
}

/** The price version of a SKU at a venue now, with its tiers (for the order form's preview). */
export const EFFECTIVE_PRICE = `query EffectivePrice($venueId: ID!, $skuId: ID!) {
  result: effectivePrice(venueId: $venueId, skuId: $skuId) { id sheetVersionNo effectiveFrom retailPrice tiers { minQuantity wholesalePrice } }
}`;

/**
 * The price versions of an order's SKUs, in one request: an aliased priceHistory per SKU,
 * so a line's priceVersionId can be shown as the sheet version and day it took effect.
 */
export function priceVersionsQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$s${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `p${i}: priceHistory(venueId: $venueId, skuId: $s${i}, perPage: 200) { items { id sheetVersionNo effectiveFrom supersededFrom } }`,
  ).join('\n');
  return `query OrderPriceVersions($venueId: ID!${count ? `, ${vars}` : ''}) { ${fields || '__typename'} }`;
}
