import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { AuditService } from '@xp/audit';
import { Category, Sku } from '@xp/catalog';
import {
  assertVenueRole,
  businessDateOf,
  DomainError,
  isUuid,
  Page,
  RequestContext,
  Role,
  SortOrder,
} from '@xp/core';
import { EffectivePrice, PriceVersion, PricingSettings } from './dto/pricing.types';
import { PriceHistoryArgs, RemoveMarkupPolicyInput, SetMarkupPolicyInput, SetPricingSettingsInput } from './dto/pricing.inputs';
import { MarkupPolicy, toFen, VenuePricingSettingsRow } from './entities/price-sheet.entity';
import { canSeePrices, POLICY_ROLES, PRICE_READER_ROLES } from './pricing.access';
import { hasAdmission, requireVenue } from './pricing.lookups';
import { DEFAULT_LARGE_CHANGE_BP, Tier } from './pricing.rules';

export const PRICE_VERSION_CHANGED = 'PriceVersionChanged';

/** Payload of the PriceVersionChanged event, raised after a sheet's approval commits. */
export interface PriceVersionChangedPayload {
  venueId: string;
  skuIds: string[];
  sheetId: string;
  effectiveFrom: string;
  [key: string]: unknown;
}

interface VersionRow {
  requested_sku_id?: string;
  id: string;
  venue_id: string;
  sku_id: string;
  factory_org_id: string;
  sheet_id: string;
  version_no: number;
  effective_from: string;
  approved_at: Date;
  tier_quantities: number[];
  supply_prices: (string | number)[];
  wholesale_prices: (string | number)[];
  retail_price: string | number;
  requested_floor: string | number | null;
  floor_status: string | null;
  superseded_from?: string | null;
  total?: number;
}

const VERSION_COLUMNS = `l.id, l.venue_id, l.sku_id, l.factory_org_id, l.sheet_id, sh.version_no, l.effective_from,
  l.approved_at, l.tier_quantities, l.supply_prices, l.wholesale_prices, l.retail_price, l.requested_floor, l.floor_status`;

/**
 * The one SQL definition of the price version in force: the price_sheet_lines row of a SKU at a
 * venue at an instant (the latest approval already effective then), as a subquery body for a
 * LATERAL join. The arguments are SQL expressions; `excludeSheet` leaves one sheet out.
 */
export function effectiveLineSql(venue: string, sku: string, at: string, excludeSheet = 'NULL::uuid'): string {
  return `SELECT * FROM price_sheet_lines v
         WHERE v.venue_id = ${venue} AND v.sku_id = ${sku} AND v.approval_seq IS NOT NULL
           AND v.effective_from <= (${at} AT TIME ZONE 'Asia/Shanghai')::date
           AND v.approved_at <= ${at} AND (${excludeSheet} IS NULL OR v.sheet_id <> ${excludeSheet})
         ORDER BY v.approval_seq DESC
         LIMIT 1`;
}

/**
 * The price in force as one json value (NULL when there is none), for readers that want it in
 * their own statement (the public scan page); `effectivePriceFromJson` reads it.
 */
export function effectivePriceJsonSql(venue: string, sku: string, at: string): string {
  return `(SELECT row_to_json(x) FROM (SELECT ${VERSION_COLUMNS} FROM (${effectiveLineSql(venue, sku, at)}) l
            JOIN price_sheets sh ON sh.id = l.sheet_id) x)`;
}

export function effectivePriceFromJson(json: unknown): EffectivePrice | null {
  if (json === null || json === undefined) return null;
  const row = (typeof json === 'string' ? JSON.parse(json) : json) as VersionRow & { approved_at: string | Date };
  return toEffectivePrice({ ...row, approved_at: new Date(row.approved_at) });
}

/**
 * The price in force as a compact JSON array (NULL when there is none), for pages of many
 * items that know the venue and SKU already; `effectivePriceFromArray` reads it. The same
 * line as effectivePriceJsonSql, without the keys and the ids the caller has.
 */
export function effectivePriceArraySql(venue: string, sku: string, at: string): string {
  return `(SELECT json_build_array(l.id, l.factory_org_id, l.sheet_id, sh.version_no, l.effective_from, l.approved_at,
                  l.tier_quantities, l.supply_prices, l.wholesale_prices, l.retail_price, l.requested_floor, l.floor_status)
           FROM (${effectiveLineSql(venue, sku, at)}) l JOIN price_sheets sh ON sh.id = l.sheet_id)`;
}

export function effectivePriceFromArray(values: unknown, venueId: string, skuId: string): EffectivePrice | null {
  if (!Array.isArray(values)) return null;
  const [id, factoryOrgId, sheetId, versionNo, effectiveFrom, approvedAt, quantities, supply, wholesale, retail, floor, floorStatus] = values;
  return toEffectivePrice({
    id,
    venue_id: venueId,
    sku_id: skuId,
    factory_org_id: factoryOrgId,
    sheet_id: sheetId,
    version_no: versionNo,
    effective_from: effectiveFrom,
    approved_at: new Date(approvedAt),
    tier_quantities: quantities,
    supply_prices: supply,
    wholesale_prices: wholesale,
    retail_price: retail,
    requested_floor: floor,
    floor_status: floorStatus,
  });
}

/** The day a later approval takes over a version: the earliest start of any version approved after it. */
const SUPERSEDED_FROM = `(SELECT min(greatest(w.effective_from, (w.approved_at AT TIME ZONE 'Asia/Shanghai')::date))
   FROM price_sheet_lines w
   WHERE w.venue_id = l.venue_id AND w.sku_id = l.sku_id AND w.approval_seq > l.approval_seq)`;

function tiersOf(quantities: number[], prices: (string | number)[]): Tier[] {
  return quantities.map((minQuantity, i) => ({ minQuantity, unitPrice: toFen(prices[i]) }));
}

function toEffectivePrice(r: VersionRow): EffectivePrice {
  return {
    versionId: r.id,
    venueId: r.venue_id,
    skuId: r.sku_id,
    factoryOrgId: r.factory_org_id,
    sheetId: r.sheet_id,
    sheetVersionNo: r.version_no,
    effectiveFrom: r.effective_from,
    approvedAt: r.approved_at,
    supplyTiers: tiersOf(r.tier_quantities, r.supply_prices),
    wholesaleTiers: tiersOf(r.tier_quantities, r.wholesale_prices),
    retailPrice: toFen(r.retail_price),
    floorPrice: r.floor_status === 'APPROVED' && r.requested_floor !== null ? toFen(r.requested_floor) : null,
  };
}

function managerOf(ctxOrManager: RequestContext | EntityManager): EntityManager {
  return ctxOrManager instanceof RequestContext ? ctxOrManager.manager : ctxOrManager;
}

/**
 * Effective prices, price history, markup policies and pricing settings. `effectivePrices` is
 * what orders, labels, slot assignment and reports call.
 */
@Injectable()
export class PricingService {
  constructor(private readonly audit: AuditService) {}

  /**
   * The price version in force at `at` for each SKU at a venue, in one query: the latest
   * approval whose effective day has come (and which was approved by then). Answers in the
   * order of `skuIds`, null where a SKU has no approved price. Not tenant-scoped: callers have
   * already checked that their caller may see the venue. Pass `excludeSheetId` to compare a
   * sheet with what is in force without it.
   */
  async effectivePrices(
    ctxOrManager: RequestContext | EntityManager,
    venueId: string,
    skuIds: readonly string[],
    at: Date = new Date(),
    options: { excludeSheetId?: string } = {},
  ): Promise<(EffectivePrice | null)[]> {
    const ids = skuIds.filter(isUuid);
    if (!isUuid(venueId) || ids.length === 0) return skuIds.map(() => null);
    const rows: VersionRow[] = await managerOf(ctxOrManager).query(
      `SELECT s.sku_id AS requested_sku_id, ${VERSION_COLUMNS}
       FROM unnest($2::uuid[]) AS s(sku_id)
       CROSS JOIN LATERAL (${effectiveLineSql('$1::uuid', 's.sku_id', '$3::timestamptz', '$4::uuid')}) l
       JOIN price_sheets sh ON sh.id = l.sheet_id`,
      [venueId, [...new Set(ids)], at, options.excludeSheetId ?? null],
    );
    const bySku = new Map(rows.map((r) => [r.requested_sku_id!, toEffectivePrice(r)]));
    return skuIds.map((id) => bySku.get(id) ?? null);
  }

  /** A per-request DataLoader over effectivePrices for one venue and instant (field resolvers, labels). */
  effectivePriceLoader(ctx: RequestContext, venueId: string, at: Date, excludeSheetId?: string): DataLoader<string, EffectivePrice | null> {
    return ctx.loader<string, EffectivePrice | null>(
      `pricing.effective:${venueId}:${at.toISOString()}:${excludeSheetId ?? ''}`,
      (skuIds) => this.effectivePrices(ctx, venueId, skuIds, at, { excludeSheetId }),
    );
  }

  /**
   * The SKU must be visible to the caller at this venue: a factory's own SKU, or, for venue
   * staff, a SKU of a factory admitted there. NOT_FOUND otherwise, as for a missing one.
   */
  private async assertPriceVisible(ctx: RequestContext, venueId: string, skuId: string): Promise<void> {
    ctx.requirePrincipal();
    if (!isUuid(skuId)) throw DomainError.notFound('SKU');
    await requireVenue(ctx, venueId);
    const sku = await ctx.manager.getRepository(Sku).findOneBy({ id: skuId });
    if (!sku || !canSeePrices(ctx, venueId, sku.factoryOrgId, PRICE_READER_ROLES)) throw DomainError.notFound('SKU');
    if (!(await hasAdmission(ctx, venueId, sku.factoryOrgId))) throw DomainError.notFound('SKU');
  }

  /**
   * The version in force at `at` (default now), or null when the SKU has no approved price
   * then: "not priced yet" is an answer, not an error. NOT_FOUND for a SKU or venue the caller
   * may not see.
   */
  async effectivePrice(ctx: RequestContext, venueId: string, skuId: string, at?: Date): Promise<PriceVersion | null> {
    await this.assertPriceVisible(ctx, venueId, skuId);
    const [price] = await this.effectivePrices(ctx, venueId, [skuId], at ?? ctx.startedAt);
    if (!price) return null;
    const [row] = await ctx.manager.query(
      `SELECT ${SUPERSEDED_FROM} AS superseded_from FROM price_sheet_lines l WHERE l.id = $1`,
      [price.versionId],
    );
    return PriceVersion.of(price, row?.superseded_from ?? null);
  }

  /** Every approved version of a SKU at a venue, newest approval first, with when each was superseded. */
  async history(ctx: RequestContext, args: PriceHistoryArgs): Promise<Page<PriceVersion>> {
    await this.assertPriceVisible(ctx, args.venueId, args.skuId);
    const sortable: Record<string, string> = { approvedAt: 'l.approval_seq', effectiveFrom: 'l.effective_from' };
    const sort = args.sort ?? { field: 'approvedAt', order: SortOrder.DESC };
    const column = sortable[sort.field];
    if (!column) {
      throw DomainError.field('sort.field', `cannot sort by "${sort.field}"; use one of: ${Object.keys(sortable).join(', ')}`);
    }
    const order = sort.order === SortOrder.ASC ? 'ASC' : 'DESC';
    const rows: VersionRow[] = await ctx.manager.query(
      `SELECT ${VERSION_COLUMNS}, ${SUPERSEDED_FROM} AS superseded_from, count(*) OVER ()::int AS total
       FROM price_sheet_lines l JOIN price_sheets sh ON sh.id = l.sheet_id
       WHERE l.venue_id = $1 AND l.sku_id = $2 AND l.approval_seq IS NOT NULL
         AND ($3::date IS NULL OR l.effective_from >= $3) AND ($4::date IS NULL OR l.effective_from <= $4)
       ORDER BY ${column} ${order}, l.approval_seq DESC
       LIMIT $5 OFFSET $6`,
      [
        args.venueId,
        args.skuId,
        args.filter?.effectiveFromMin ?? null,
        args.filter?.effectiveFromMax ?? null,
        args.perPage,
        (args.page - 1) * args.perPage,
      ],
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && args.page > 1) {
      const [{ n }] = await ctx.manager.query(
        'SELECT count(*)::int AS n FROM price_sheet_lines WHERE venue_id = $1 AND sku_id = $2 AND approval_seq IS NOT NULL',
        [args.venueId, args.skuId],
      );
      total = n;
    }
    return { items: rows.map((r) => PriceVersion.of(toEffectivePrice(r), r.superseded_from ?? null)), total };
  }

  /** For each approved line id: the day a newer version takes over, or null (one query per batch). */
  supersededFromLoader(ctx: RequestContext): DataLoader<string, string | null> {
    return ctx.loader<string, string | null>('pricing.supersededFrom', async (lineIds) => {
      const rows: { id: string; superseded_from: string | null }[] = await ctx.manager.query(
        `SELECT l.id, ${SUPERSEDED_FROM} AS superseded_from FROM price_sheet_lines l
         WHERE l.id = ANY($1) AND l.approval_seq IS NOT NULL`,
        [[...lineIds]],
      );
      const map = new Map(rows.map((r) => [r.id, r.superseded_from]));
      return lineIds.map((id) => map.get(id) ?? null);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Settings and markup policies

  /** The venue's large-change threshold (default ±20 %). Not scoped: for callers who checked. */
  async largeChangeThreshold(ctxOrManager: RequestContext | EntityManager, venueId: string): Promise<number> {
    const row = await managerOf(ctxOrManager).getRepository(VenuePricingSettingsRow).findOneBy({ venueId });
    return row?.largeChangeBasisPoints ?? DEFAULT_LARGE_CHANGE_BP;
  }

  async settings(ctx: RequestContext, venueId: string): Promise<PricingSettings> {
    await requireVenue(ctx, venueId);
    assertVenueRole(ctx, venueId, [Role.PLATFORM_ADMIN, ...PRICE_READER_ROLES]);
    const row = await ctx.manager.getRepository(VenuePricingSettingsRow).findOneBy({ venueId });
    return {
      venueId,
      largeChangeThresholdBasisPoints: row?.largeChangeBasisPoints ?? DEFAULT_LARGE_CHANGE_BP,
      updatedAt: row?.updatedAt ?? null,
    };
  }

  async setSettings(ctx: RequestContext, input: SetPricingSettingsInput): Promise<PricingSettings> {
    await requireVenue(ctx, input.venueId);
    assertVenueRole(ctx, input.venueId, [Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN]);
    const before = await this.largeChangeThreshold(ctx, input.venueId);
    await ctx.manager.query(
      `INSERT INTO venue_pricing_settings (venue_id, large_change_bp, updated_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (venue_id) DO UPDATE SET large_change_bp = EXCLUDED.large_change_bp,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [input.venueId, input.largeChangeThresholdBasisPoints, ctx.userId],
    );
    await this.audit.record(ctx, {
      action: 'pricingSettings.changed',
      entityType: 'Venue',
      entityId: input.venueId,
      venueId: input.venueId,
      before: { largeChangeThresholdBasisPoints: before },
      after: { largeChangeThresholdBasisPoints: input.largeChangeThresholdBasisPoints },
    });
    return this.settings(ctx, input.venueId);
  }

  async markupPolicies(ctx: RequestContext, venueId: string): Promise<MarkupPolicy[]> {
    await requireVenue(ctx, venueId);
    assertVenueRole(ctx, venueId, POLICY_ROLES);
    return ctx.manager
      .getRepository(MarkupPolicy)
      .createQueryBuilder('m')
      .where('m.venueId = :venueId', { venueId })
      .orderBy('m.categoryId', 'ASC', 'NULLS FIRST')
      .getMany();
  }

  async setMarkupPolicy(ctx: RequestContext, input: SetMarkupPolicyInput): Promise<MarkupPolicy> {
    await requireVenue(ctx, input.venueId);
    assertVenueRole(ctx, input.venueId, [Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN]);
    const categoryId = input.categoryId ?? null;
    if (categoryId && !(await ctx.manager.getRepository(Category).existsBy({ id: categoryId }))) {
      throw DomainError.field('input.categoryId', 'no such category');
    }
    const repo = ctx.manager.getRepository(MarkupPolicy);
    const current = await this.findPolicy(ctx, input.venueId, categoryId);
    const before = current ? { markupBasisPoints: current.markupBasisPoints } : null;
    const saved = await repo.save(
      current
        ? Object.assign(current, { markupBasisPoints: input.markupBasisPoints, updatedBy: ctx.userId })
        : repo.create({ venueId: input.venueId, categoryId, markupBasisPoints: input.markupBasisPoints, updatedBy: ctx.userId }),
    );
    await this.audit.record(ctx, {
      action: 'markupPolicy.set',
      entityType: 'MarkupPolicy',
      entityId: saved.id,
      venueId: input.venueId,
      before,
      after: { categoryId, markupBasisPoints: input.markupBasisPoints },
    });
    return saved;
  }

  async removeMarkupPolicy(ctx: RequestContext, input: RemoveMarkupPolicyInput): Promise<boolean> {
    await requireVenue(ctx, input.venueId);
    assertVenueRole(ctx, input.venueId, [Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN]);
    const policy = await this.findPolicy(ctx, input.venueId, input.categoryId ?? null);
    if (!policy) throw DomainError.notFound('Markup policy');
    await ctx.manager.getRepository(MarkupPolicy).delete({ id: policy.id });
    await this.audit.record(ctx, {
      action: 'markupPolicy.removed',
      entityType: 'MarkupPolicy',
      entityId: policy.id,
      venueId: input.venueId,
      before: { categoryId: policy.categoryId, markupBasisPoints: policy.markupBasisPoints },
    });
    return true;
  }

  private findPolicy(ctx: RequestContext, venueId: string, categoryId: string | null): Promise<MarkupPolicy | null> {
    const qb = ctx.manager.getRepository(MarkupPolicy).createQueryBuilder('m').where('m.venueId = :venueId', { venueId });
    if (categoryId) qb.andWhere('m.categoryId = :categoryId', { categoryId });
    else qb.andWhere('m.categoryId IS NULL');
    return qb.getOne();
  }

  /**
   * The markup (basis points) for each SKU at a venue: the policy of its product's category or
   * the nearest ancestor's, else the venue's default; absent when the venue has none.
   */
  async markupFor(ctx: RequestContext, venueId: string, skuIds: readonly string[]): Promise<Map<string, number>> {
    if (skuIds.length === 0) return new Map();
    const rows: { sku_id: string; markup_bp: number }[] = await ctx.manager.query(
      `WITH RECURSIVE chain AS (
         SELECT s.id AS sku_id, p.category_id, 0 AS depth
         FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = ANY($2)
         UNION ALL
         SELECT chain.sku_id, c.parent_id, chain.depth + 1
         FROM chain JOIN categories c ON c.id = chain.category_id
         WHERE c.parent_id IS NOT NULL AND chain.depth < 20
       ), candidates AS (
         SELECT chain.sku_id, m.markup_bp, chain.depth FROM chain
         JOIN price_markup_policies m ON m.venue_id = $1 AND m.category_id = chain.category_id
         UNION ALL
         SELECT s.id, m.markup_bp, 1000 FROM skus s
         JOIN price_markup_policies m ON m.venue_id = $1 AND m.category_id IS NULL
         WHERE s.id = ANY($2)
       )
       SELECT DISTINCT ON (sku_id) sku_id, markup_bp FROM candidates ORDER BY sku_id, depth`,
      [venueId, [...new Set(skuIds)]],
    );
    return new Map(rows.map((r) => [r.sku_id, r.markup_bp]));
  }

  /** Today in Shanghai for this request. */
  today(ctx: RequestContext): string {
    return businessDateOf(ctx.startedAt);
  }
}

