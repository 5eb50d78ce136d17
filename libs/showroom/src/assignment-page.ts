import { Product, Sku } from '@xp/catalog';
import { ListArgs, pageSql, RawEntityReader, SortOrder } from '@xp/core';
import { EffectivePrice, effectivePriceFromJson, effectivePriceJsonSql } from '@xp/pricing';
import { Organization } from '@xp/venues';
import { SlotAssignmentFilter } from './dto/showroom.dto';
import { Slot } from './entities/layout.entities';
import { SlotAssignment } from './entities/slot-assignment.entity';

/**
 * The slotAssignments list as one statement: the page (with the total over all pages as a
 * window count), each assignment's slot, SKU, product and factory, and the price version its
 * priceVersion field answers (in force now, or on the first day of an assignment yet to start),
 * one row per item. The field resolvers then read them from the primed loaders.
 */

export const ASSIGNMENT_SORTABLE: Record<string, string> = { from: 'lower(a.period)', createdAt: 'a.created_at' };
export const ASSIGNMENT_DEFAULT_SORT = { field: 'from', order: SortOrder.DESC };

export interface AssignmentPageReaders {
  assignment: RawEntityReader<SlotAssignment>;
  slot: RawEntityReader<Slot>;
  sku: RawEntityReader<Sku>;
  product: RawEntityReader<Product>;
  factory: RawEntityReader<Organization>;
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
  readers: AssignmentPageReaders,
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
  const sql = `
    WITH page AS (
      SELECT a.*, count(*) OVER () AS page_total
      FROM slot_assignments a
      ${where}
      ORDER BY ${orderBy}
      LIMIT $${n + 1} OFFSET $${n + 2})
    SELECT a.page_total, ${readers.assignment.select('a')}, ${readers.slot.select('sl')}, ${readers.sku.select('sku')},
           ${readers.product.select('p')}, ${readers.factory.select('o')},
           ${effectivePriceJsonSql('a.venue_id', 'a.sku_id', at)} AS page_price
    FROM page a
    LEFT JOIN slots sl ON sl.id = a.slot_id
    LEFT JOIN skus sku ON sku.id = a.sku_id
    LEFT JOIN products p ON p.id = sku.product_id
    LEFT JOIN organizations o ON o.id = a.factory_org_id
    ORDER BY ${orderBy}`;
  return {
    sql,
    params: [...params, limit, offset, now, businessToday],
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

/** One raw row of the page statement → the entities it carries (as a repository would load them). */
export function readAssignmentRow(readers: AssignmentPageReaders, row: Record<string, unknown>): AssignmentPageItem {
  return {
    assignment: readers.assignment.read(row, 'a')!,
    slot: readers.slot.read(row, 'sl'),
    sku: readers.sku.read(row, 'sku'),
    product: readers.product.read(row, 'p'),
    factory: readers.factory.read(row, 'o'),
    price: effectivePriceFromJson(row.page_price),
  };
}

/** The total of a page's rows (the window count), 0 for no rows. */
export function pageTotal(rows: Record<string, unknown>[]): number {
  return rows.length ? Number(rows[0].page_total) : 0;
}
