import { Product, Sku } from '@xp/catalog';
import { ListArgs, pageSql, RawEntityReader, SortOrder } from '@xp/core';
import { EffectivePrice, effectivePriceArraySql, effectivePriceFromArray } from '@xp/pricing';
import { Organization } from '@xp/venues';
import { SlotAssignmentFilter } from './dto/showroom.dto';
import { Slot } from './entities/layout.entities';
import { SlotAssignment } from './entities/slot-assignment.entity';

/**
 * The slotAssignments list as one statement: the page (with the total over all pages as a
 * window count), each assignment's slot, SKU, product and factory, and the price version its
 * priceVersion field answers (in force now, or on the first day of an assignment yet to start),
 * as one JSON document. The list primes them into the items' fields (primeFields) and, when
 * whole, into the per-request loaders.
 */

export const ASSIGNMENT_SORTABLE: Record<string, string> = { from: 'lower(a.period)', createdAt: 'a.created_at' };
export const ASSIGNMENT_DEFAULT_SORT = { field: 'from', order: SortOrder.DESC };

/**
 * What the page reads: the assignments, and of each relation a reader (whole or partial
 * entities) or null when the query does not select it; `price` when it selects priceVersion.
 */
export interface AssignmentPageReaders {
  assignment: RawEntityReader<SlotAssignment>;
  slot: RawEntityReader<Slot> | null;
  sku: RawEntityReader<Sku> | null;
  product: RawEntityReader<Product> | null;
  factory: RawEntityReader<Organization> | null;
  price: boolean;
}

/** Who may be listed: a platform admin everything; others their showroom venues' and their own factories' assignments. */
export type AssignmentScope = { all: true } | { all: false; staffVenues: string[]; ownFactories: string[] };

export interface AssignmentPageQuery {
  sql: string;
  params: unknown[];
  /** The same filter as a count, for a page past the end (the window count has no row to ride on). */
  countSql: string;
  countParams: unknown[];
}

/** The WHERE clause of the list: scope, then the filter (each an indexed column). Pure. */
export function assignmentWhere(scope: AssignmentScope, filter: SlotAssignmentFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions: string[] = [];
  if (!scope.all) {
    conditions.push(`(a.venue_id = ANY(${p(scope.staffVenues)}::uuid[]) OR a.factory_org_id = ANY(${p(scope.ownFactories)}::uuid[]))`);
  }
  if (filter.venueId) conditions.push(`a.venue_id = ${p(filter.venueId)}::uuid`);
  if (filter.slotId) conditions.push(`a.slot_id = ${p(filter.slotId)}::uuid`);
  if (filter.skuId) conditions.push(`a.sku_id = ${p(filter.skuId)}::uuid`);
  if (filter.factoryOrgId) conditions.push(`a.factory_org_id = ${p(filter.factoryOrgId)}::uuid`);
  if (filter.status) conditions.push(`a.status = ${p(filter.status)}`);
  if (filter.activeOn) conditions.push(`a.status = 'LIVE' AND a.period @> ${p(filter.activeOn)}::date`);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** The page statement and its fallback count. Pure: SQL text and parameters only. */
export function assignmentPageQuery(
  r: AssignmentPageReaders,
  scope: AssignmentScope,
  args: ListArgs & { filter?: SlotAssignmentFilter | null },
  now: Date,
  businessToday: string,
): AssignmentPageQuery {
  const { where, params } = assignmentWhere(scope, args.filter ?? {});
  const { orderBy, limit, offset } = pageSql(args, ASSIGNMENT_SORTABLE, ASSIGNMENT_DEFAULT_SORT, 'a.id');
  const n = params.length;
  // The instant priceVersion reads the price at (see priceOn): now, or the start of the first
  // business day of an assignment yet to start.
  const at = `(CASE WHEN lower(a.period) > $${n + 4}::date THEN (lower(a.period)::timestamp AT TIME ZONE 'Asia/Shanghai') ELSE $${n + 3}::timestamptz END)`;
  // One JSON document for the whole page (parsed natively in one go); per item
  // [total, assignment, slot, SKU, product, factory, price], each entity as its column array.
  const sql = `
    WITH page AS (
      SELECT a.*, count(*) OVER () AS page_total
      FROM slot_assignments a
      ${where}
      ORDER BY ${orderBy}
      LIMIT $${n + 1} OFFSET $${n + 2})
    SELECT json_agg(json_build_array(
             a.page_total, ${r.assignment.json('a')}, ${r.slot?.json('sl') ?? 'NULL'}, ${r.sku?.json('sku') ?? 'NULL'},
             ${r.product?.json('p') ?? 'NULL'}, ${r.factory?.json('o') ?? 'NULL'},
             ${r.price ? effectivePriceArraySql('a.venue_id', 'a.sku_id', at) : 'NULL'})
           ORDER BY ${orderBy}) AS page
    FROM page a${r.slot ? `
    LEFT JOIN slots sl ON sl.id = a.slot_id` : ''}${r.sku || r.product ? `
    LEFT JOIN skus sku ON sku.id = a.sku_id` : ''}${r.product ? `
    LEFT JOIN products p ON p.id = sku.product_id` : ''}${r.factory ? `
    LEFT JOIN organizations o ON o.id = a.factory_org_id` : ''}`;
  return {
    sql,
    params: r.price ? [...params, limit, offset, now, businessToday] : [...params, limit, offset],
    countSql: `SELECT count(*)::int AS total FROM slot_assignments a ${where}`,
    countParams: params,
  };
}

export interface AssignmentPageItem {
  assignment: SlotAssignment;
  slot: Slot | null;
  sku: Sku | null;
  product: Product | null;
  factory: Organization | null;
  price: EffectivePrice | null;
}

/** One item of the page document → the entities it carries (as a repository would load them). */
export function readAssignmentItem(readers: AssignmentPageReaders, item: unknown[]): AssignmentPageItem {
  const assignment = readers.assignment.read(item[1] as unknown[])!;
  return {
    assignment,
    slot: readers.slot?.read(item[2] as unknown[]) ?? null,
    sku: readers.sku?.read(item[3] as unknown[]) ?? null,
    product: readers.product?.read(item[4] as unknown[]) ?? null,
    factory: readers.factory?.read(item[5] as unknown[]) ?? null,
    price: effectivePriceFromArray(item[6], assignment.venueId, assignment.skuId),
  };
}

/** The page document's items (none for an empty page; json_agg answers NULL then). */
export function pageItems(rows: { page: unknown }[]): unknown[][] {
  const page = rows[0]?.page;
  if (page === null || page === undefined) return [];
  return (typeof page === 'string' ? JSON.parse(page) : page) as unknown[][];
}

/** The total over all pages (the window count carried by every item), 0 for no items. */
export function pageTotal(items: unknown[][]): number {
  return items.length ? Number(items[0][0]) : 0;
}
