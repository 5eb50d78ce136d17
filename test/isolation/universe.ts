import { OrganizationKind, Role } from '@xp/core';
import { tinyPdf } from '@xp/factories';
import { Given, GivenPricing } from '../support/given';
import { TestApp } from '../support/test-app';

/**
 * A complete tenant that no demo user belongs to: its own region, government, operator, venue,
 * factory and one object of every kind. Every id here must be out of reach for every demo role
 * but platform staff. Each area adds its objects here when it lands.
 */
export type Universe = Record<string, string>;

export async function buildUniverse(t: TestApp): Promise<Universe> {
  const given = new Given(t);
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const region = await given.region({ code: 'ISOLATED', name: '隔离大区' });
  const government = await given.organization(OrganizationKind.GOVERNMENT);
  const operator = await given.organization(OrganizationKind.OPERATOR);
  const venue = await given.venue({ regionId: region.id, operatorOrgId: operator.id, governmentOrgId: government.id });
  const { org: factory } = await given.factory();
  const { user } = await given.user(Role.OPERATOR_ADMIN, operator.id);
  const [{ id: membership }] = await q('SELECT id FROM memberships WHERE user_id = $1', [user.id]);
  const admission = await given.admission(venue.id, factory.id);
  const brand = await given.brand(factory.id);
  const product = await given.product(factory.id, { brandId: brand.id });
  const sku = await given.sku(factory.id, { productId: product.id });
  const document = await given.document(factory.id);

  const [{ id: zone }] = await q(`INSERT INTO zones (venue_id, code, name) VALUES ($1, 'Q', '隔离区') RETURNING id`, [venue.id]);
  const [{ id: shelf }] = await q(`INSERT INTO shelves (venue_id, zone_id, number, code) VALUES ($1, $2, 1, 'Q-01') RETURNING id`, [
    venue.id,
    zone,
  ]);
  const [{ id: slot }] = await q(
    `INSERT INTO slots (venue_id, zone_id, shelf_id, level, code) VALUES ($1, $2, $3, 1, 'Q-01-1') RETURNING id`,
    [venue.id, zone, shelf],
  );
  const [{ id: slotAssignment }] = await q(
    `INSERT INTO slot_assignments (venue_id, slot_id, sku_id, factory_org_id, period)
     VALUES ($1, $2, $3, $4, daterange(current_date + 1, NULL, '[)')) RETURNING id`,
    [venue.id, slot, sku.id, factory.id],
  );
  const [{ id: slotRequest }] = await q(
    `INSERT INTO slot_requests (venue_id, slot_id, sku_id, factory_org_id, period)
     VALUES ($1, $2, $3, $4, daterange(current_date + 30, current_date + 40, '[)')) RETURNING id`,
    [venue.id, slot, sku.id, factory.id],
  );

  await given.stock(venue.id, sku.id, 20);
  const [{ id: consignmentReceipt }] = await q(
    `INSERT INTO consignment_receipts (venue_id, factory_org_id, delivery_note_no) VALUES ($1, $2, 'ISO-DN-1') RETURNING id`,
    [venue.id, factory.id],
  );
  await q(
    `INSERT INTO consignment_receipt_lines (receipt_id, factory_org_id, line_no, sku_id, declared_quantity) VALUES ($1, $2, 1, $3, 5)`,
    [consignmentReceipt, factory.id, sku.id],
  );
  const [{ id: stockCount }] = await q(
    `INSERT INTO stock_counts (venue_id, location, variance_threshold) VALUES ($1, 'WAREHOUSE', 5) RETURNING id`,
    [venue.id],
  );
  await q(
    `INSERT INTO stock_count_lines (count_id, sku_id, owner_factory_org_id, expected_quantity) VALUES ($1, $2, $3, 20)`,
    [stockCount, sku.id, factory.id],
  );

  const priceSheet = await new GivenPricing(t).priceSheet(
    venue.id,
    factory.id,
    [{ skuId: sku.id, tiers: [[1, 800]], retail: 1200 }],
    { status: 'SUBMITTED' },
  );

  // Labels: the venue's own template, a printed label (on a slot showing a priced SKU) with its
  // job and file, and a verify walk.
  const labelTemplate = await given.labelTemplate({ venueId: venue.id });
  const pricedSku = await given.sku(factory.id, { productId: product.id });
  const pricedSheet = await new GivenPricing(t).priceSheet(venue.id, factory.id, [{ skuId: pricedSku.id, tiers: [[1, 900]], retail: 1500 }], {
    at: new Date(Date.now() - 60_000),
  });
  const [{ id: labelSlot }] = await q(
    `INSERT INTO slots (venue_id, zone_id, shelf_id, level, code) VALUES ($1, $2, $3, 2, 'Q-01-2') RETURNING id`,
    [venue.id, zone, shelf],
  );
  const [{ id: labelAssignment }] = await q(
    `INSERT INTO slot_assignments (venue_id, slot_id, sku_id, factory_org_id, period)
     VALUES ($1, $2, $3, $4, daterange(current_date - 1, NULL, '[)')) RETURNING id`,
    [venue.id, labelSlot, pricedSku.id, factory.id],
  );
  const [{ id: labelPrintJob }] = await q(
    `INSERT INTO label_print_jobs (venue_id, template_id, format, selection) VALUES ($1, $2, 'PDF', '{}') RETURNING id`,
    [venue.id, labelTemplate.id],
  );
  const [{ id: label }] = await q(
    `INSERT INTO labels (code, venue_id, job_id, template_id, slot_id, assignment_id, sku_id, factory_org_id, price_version_id)
     VALUES ('QQQQ00000001', $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [venue.id, labelPrintJob, labelTemplate.id, labelSlot, labelAssignment, pricedSku.id, factory.id, pricedSheet.lineIds[0]],
  );
  const file = tinyPdf('isolated labels');
  await q('INSERT INTO label_print_job_files (job_id, content) VALUES ($1, $2)', [labelPrintJob, file]);
  await q(
    `UPDATE label_print_jobs SET status = 'DONE', label_count = 1, page_count = 1, mime_type = 'application/pdf',
            file_name = 'isolated.pdf', file_size = $2, file_sha256 = repeat('a', 64), finished_at = now() WHERE id = $1`,
    [labelPrintJob, file.length],
  );
  const [{ id: labelWalk }] = await q(`INSERT INTO label_walks (venue_id, shelf_id, started_by) VALUES ($1, $2, $3) RETURNING id`, [
    venue.id,
    shelf,
    user.id,
  ]);
  const [{ id: buyer }] = await q(
    `INSERT INTO buyers (shop_name, contact_name, phone, city, registered_venue_id) VALUES ('隔离买家', '隔离', '13000000999', '隔离市', $1) RETURNING id`,
    [venue.id],
  );
  await q('INSERT INTO buyer_venues (buyer_id, venue_id) VALUES ($1, $2)', [buyer, venue.id]);
  const now = new Date();
  const [{ id: salesOrder }] = await q(
    `INSERT INTO sales_orders (order_no, venue_id, buyer_id, status, total_amount, placed_at, expires_at, paid_at, shipped_at, delivered_at)
     VALUES ('ISO-SO-1', $1, $2, 'DELIVERED', 800, $3, $3::timestamptz + interval '1 day', $3, $3, $3) RETURNING id`,
    [venue.id, buyer, now],
  );
  const [{ id: salesOrderLine }] = await q(
    `INSERT INTO sales_order_lines (order_id, venue_id, line_no, sku_id, factory_org_id, quantity, moq, pack_size, price_version_id,
                                    unit_price, supply_unit_price, retail_price)
     VALUES ($1, $2, 1, $3, $4, 1, 1, 1, $5, 800, 800, 1200) RETURNING id`,
    [salesOrder, venue.id, sku.id, factory.id, priceSheet.lineIds[0]],
  );
  const [{ id: policy }] = await q('SELECT id FROM return_policies WHERE venue_id IS NULL ORDER BY version DESC LIMIT 1');
  const [{ id: salesReturn }] = await q(
    `INSERT INTO sales_returns (return_no, order_id, venue_id, buyer_id, status, reason, policy_id, policy_window_days, requested_at)
     VALUES ('ISO-RT-1', $1, $2, $3, 'REQUESTED', 'NO_REASON_7_DAYS', $4, 7, $5) RETURNING id`,
    [salesOrder, venue.id, buyer, policy, now],
  );
  await q(
    `INSERT INTO sales_return_lines (return_id, order_line_id, line_no, sku_id, factory_org_id, quantity) VALUES ($1, $2, 1, $3, $4, 1)`,
    [salesReturn, salesOrderLine, sku.id, factory.id],
  );
  const [{ id: settlement }] = await q(
    `INSERT INTO settlements (venue_id, factory_org_id, month, period_start, period_end, status, units_sold, units_returned,
                              payable_amount, wholesale_amount, spread_amount, generated_at, issued_at)
     VALUES ($1, $2, '2020-01-01', '2019-12-31T16:00:00Z', '2020-01-31T16:00:00Z', 'ISSUED', 0, 0, 0, 0, 0, now(), now()) RETURNING id`,
    [venue.id, factory.id],
  );

  return {
    region: region.id,
    government: government.id,
    operator: operator.id,
    venue: venue.id,
    factory: factory.id,
    user: user.id,
    membership,
    venueFactory: admission.id,
    brand: brand.id,
    document: document.id,
    product: product.id,
    sku: sku.id,
    zone,
    shelf,
    slot,
    slotAssignment,
    slotRequest,
    consignmentReceipt,
    stockCount,
    priceSheet: priceSheet.id,
    priceSheetLine: priceSheet.lineIds[0],
    labelTemplate: labelTemplate.id,
    labelPrintJob,
    label,
    labelWalk,
    buyer,
    salesOrder,
    salesReturn,
    settlement,
  };
}

/**
 * Which universe object an ID argument names: by the argument's name (`venueId` → venue), or for
 * a bare `id` by the operation (`slotAssignment(id)` → slotAssignment). An ID argument that
 * matches nothing fails the suite, so a new operation cannot slip by untested.
 */
const BY_ARGUMENT: Record<string, string> = {
  venueId: 'venue',
  regionId: 'region',
  organizationId: 'operator',
  operatorOrgId: 'operator',
  governmentOrgId: 'government',
  factoryOrgId: 'factory',
  userId: 'user',
  actorUserId: 'user',
  membershipId: 'membership',
  entityId: 'venue',
  zoneId: 'zone',
  shelfId: 'shelf',
  slotId: 'slot',
  toSlotId: 'slot',
  assignmentId: 'slotAssignment',
  requestId: 'slotRequest',
  skuId: 'sku',
  productId: 'product',
  brandId: 'brand',
  categoryId: 'category',
  venueFactoryId: 'venueFactory',
  documentId: 'document',
  imageDocumentId: 'document',
  certificateDocumentId: 'document',
  ownerOrgId: 'factory',
  parentId: 'category',
  receiptId: 'consignmentReceipt',
  referenceId: 'consignmentReceipt',
  countId: 'stockCount',
  lineId: 'priceSheetLine',
  templateId: 'labelTemplate',
  jobId: 'labelPrintJob',
  labelId: 'label',
  walkId: 'labelWalk',
  buyerId: 'buyer',
  orderId: 'salesOrder',
  returnId: 'salesReturn',
  settlementId: 'settlement',
};

const BY_OPERATION: Record<string, string> = {
  venue: 'venue',
  region: 'region',
  organization: 'operator',
  user: 'user',
  slotAssignment: 'slotAssignment',
  consignmentReceipt: 'consignmentReceipt',
  stockCount: 'stockCount',
  priceSheet: 'priceSheet',
  updatePriceSheet: 'priceSheet',
  deletePriceSheet: 'priceSheet',
  submitPriceSheet: 'priceSheet',
  reviewPriceSheet: 'priceSheet',
  decidePriceFloors: 'priceSheet',
  labelPrintJob: 'labelPrintJob',
  label: 'label',
  labelWalk: 'labelWalk',
  buyer: 'buyer',
  salesOrder: 'salesOrder',
  salesReturn: 'salesReturn',
  settlement: 'settlement',
};

/** For a bare `id`: the operation's object (`slotAssignment(id)`), or its name without the verb (`reviewBrand` → brand). */
function objectOf(operation: string): string | undefined {
  if (BY_OPERATION[operation]) return BY_OPERATION[operation];
  const withoutVerb = operation.replace(/^[a-z]+(?=[A-Z])/, '');
  const key = withoutVerb.charAt(0).toLowerCase() + withoutVerb.slice(1);
  return OBJECT_KEYS.has(key) ? key : OBJECT_KEYS.has(operation) ? operation : undefined;
}

const OBJECT_KEYS = new Set([
  'venue', 'region', 'user', 'brand', 'document', 'product', 'sku', 'category', 'venueFactory',
  'zone', 'shelf', 'slot', 'slotAssignment', 'slotRequest', 'consignmentReceipt', 'stockCount',
]);

export function universeKeyFor(operation: string, argument: string): string | undefined {
  if (argument === 'id') return objectOf(operation);
  if (argument === 'ids' || argument.endsWith('Ids')) return BY_ARGUMENT[argument.replace(/Ids$/, 'Id')];
  return BY_ARGUMENT[argument];
}
