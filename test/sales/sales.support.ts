import { randomUUID } from 'node:crypto';
import { TestApp } from '../support/test-app';

export const key = () => randomUUID();

export const ORDER_FIELDS = `id orderNo status totalAmount venueId buyerId placedAt expiresAt paidAt shippedAt deliveredAt cancelledAt cancelReason
  lines { lineNo skuId factoryOrgId quantity moq packSize priceVersionId unitPrice supplyUnitPrice retailPrice amount scanCode returnedQuantity }`;

export const PLACE_ORDER = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER_FIELDS} } }`;
export const MARK_PAID = `mutation($input: MarkOrderPaidInput!) { markOrderPaid(input: $input) { id status paidAt paymentReference } }`;
export const SHIP = `mutation($input: ShipOrderInput!) { shipOrder(input: $input) { id status shippedAt } }`;
export const DELIVER = `mutation($input: MarkOrderDeliveredInput!) { markOrderDelivered(input: $input) { id status deliveredAt returnWindowEndsOn } }`;
export const CANCEL = `mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { id status cancelReason } }`;
export const SALES_ORDER = `query($id: ID!) { salesOrder(id: $id) { ${ORDER_FIELDS} buyer { id shopName } returns { id status } } }`;
export const SALES_ORDERS = `query($filter: SalesOrderFilter, $perPage: Int = 50) { salesOrders(filter: $filter, perPage: $perPage) { total items { id status totalAmount } } }`;
export const REQUEST_RETURN = `mutation($input: RequestReturnInput!) { requestReturn(input: $input) {
  id returnNo status reason amount policyWindowDays policy { id version windowDays text } lines { skuId quantity location } } }`;
export const RECEIVE_RETURN = `mutation($input: ReceiveReturnInput!) { receiveReturn(input: $input) { id status receivedAt lines { skuId quantity location } } }`;

/** Places, pays, ships and delivers an order through the API; answers the order id. */
export async function deliveredOrder(t: TestApp, venueId: string, buyerId: string, lines: { skuId: string; quantity: number }[]): Promise<string> {
  const { placeOrder } = await t.ok(PLACE_ORDER, { input: { venueId, buyerId, lines, idempotencyKey: key() } }, 'operatorAdmin');
  await t.ok(MARK_PAID, { input: { orderId: placeOrder.id } }, 'operatorAdmin');
  await t.ok(SHIP, { input: { orderId: placeOrder.id, idempotencyKey: key() } }, 'warehouseStaff');
  await t.ok(DELIVER, { input: { orderId: placeOrder.id } }, 'warehouseStaff');
  return placeOrder.id;
}

export async function balance(t: TestApp, venueId: string, skuId: string, location = 'WAREHOUSE') {
  const [row] = await t.dataSource.query('SELECT on_hand, reserved FROM stock_balances WHERE venue_id = $1 AND sku_id = $2 AND location = $3', [
    venueId,
    skuId,
    location,
  ]);
  return { onHand: row?.on_hand ?? 0, reserved: row?.reserved ?? 0 };
}
