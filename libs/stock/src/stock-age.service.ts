import { Injectable } from '@nestjs/common';
import {
  addDays,
  BusinessDate,
  DomainError,
  factoryOrgIds,
  isPlatformAdmin,
  Page,
  RequestContext,
  SortOrder,
  startOfBusinessDay,
  today,
  venueRoles,
} from '@xp/core';
import { SkuStockAge, StockAgeArgs } from './dto/stock.dto';
import { LocationKind, MovementType } from './stock.enums';
import { ageBuckets, ageDirection, AgeBuckets, fifoRemaining, Lot } from './stock.rules';
import { STOCK_VENUE_READ_ROLES } from './stock.scope';

export interface StockAgeQuery {
  venueId: string;
  factoryOrgId?: string;
  skuId?: string;
  /** Ages as of the end of this business day (default today). */
  asOf?: BusinessDate;
}

export interface StockAgeTotals extends AgeBuckets {
  onHand: number;
}

const AGE_TYPES = [
  MovementType.CONSIGN_IN,
  MovementType.CUSTOMER_RETURN,
  MovementType.ADJUSTMENT,
  MovementType.SALE,
  MovementType.RETURN_TO_FACTORY,
  MovementType.WRITE_OFF,
];

const SORTABLE: Record<string, (a: SkuStockAge) => number> = {
  oldestAgeDays: (a) => a.oldestAgeDays ?? -1,
  onHand: (a) => a.onHand,
  over90: (a) => a.over90,
};

/**
 * Stock age per SKU, first in first out: units came in as lots (receipts, customer returns,
 * count gains) and left oldest first (sales, returns to factory, write-offs, count losses);
 * transfers inside the venue do not change age.
 */
@Injectable()
export class StockAgeService {
  /** Every SKU with units at the venue, with its age buckets (no access check: for reports and internal use). */
  async ages(ctx: RequestContext, query: StockAgeQuery): Promise<SkuStockAge[]> {
    const asOf = query.asOf ?? today();
    const params: unknown[] = [query.venueId, startOfBusinessDay(addDays(asOf, 1)), AGE_TYPES];
    let extra = '';
    if (query.factoryOrgId) {
      params.push(query.factoryOrgId);
      extra += ` AND owner_factory_org_id = $${params.length}`;
    }
    if (query.skuId) {
      params.push(query.skuId);
      extra += ` AND sku_id = $${params.length}`;
    }
    const rows: {
      sku_id: string;
      owner: string;
      type: MovementType;
      from_location: LocationKind | null;
      to_location: LocationKind | null;
      day: string;
      qty: number;
    }[] = await ctx.manager.query(
      `SELECT sku_id, owner_factory_org_id AS owner, type, from_location, to_location,
              to_char(occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, sum(quantity)::int AS qty
       FROM stock_movements
       WHERE venue_id = $1 AND occurred_at < $2 AND type = ANY($3)${extra}
       GROUP BY 1, 2, 3, 4, 5, 6`,
      params,
    );
    const bySku = new Map<string, { owner: string; lots: Lot[]; out: number }>();
    for (const r of rows) {
      const entry = bySku.get(r.sku_id) ?? { owner: r.owner, lots: [], out: 0 };
      const direction = ageDirection(r.type, r.from_location, r.to_location);
      if (direction === 'in') entry.lots.push({ receivedOn: r.day, quantity: r.qty });
      if (direction === 'out') entry.out += r.qty;
      bySku.set(r.sku_id, entry);
    }
    const result: SkuStockAge[] = [];
    for (const [skuId, { owner, lots, out }] of bySku) {
      const remaining = fifoRemaining(lots, out);
      const onHand = remaining.reduce((sum, lot) => sum + lot.quantity, 0);
      if (onHand === 0) continue;
      result.push({ venueId: query.venueId, skuId, ownerFactoryOrgId: owner, onHand, ...ageBuckets(remaining, asOf) });
    }
    return result;
  }

  /** The venue's (or one factory's) units in the 0–30, 31–90 and over-90-day buckets, for reports. */
  async totals(ctx: RequestContext, query: StockAgeQuery): Promise<StockAgeTotals> {
    const ages = await this.ages(ctx, query);
    const totals: StockAgeTotals = { onHand: 0, days0To30: 0, days31To90: 0, over90: 0, oldestReceivedOn: null, oldestAgeDays: null };
    for (const a of ages) {
      totals.onHand += a.onHand;
      totals.days0To30 += a.days0To30;
      totals.days31To90 += a.days31To90;
      totals.over90 += a.over90;
      if (a.oldestReceivedOn && (!totals.oldestReceivedOn || a.oldestReceivedOn < totals.oldestReceivedOn)) {
        totals.oldestReceivedOn = a.oldestReceivedOn;
        totals.oldestAgeDays = a.oldestAgeDays;
      }
    }
    return totals;
  }

  /** The API's list: venue staff see every factory's SKUs there, a factory its own; others NOT_FOUND. */
  async list(ctx: RequestContext, args: StockAgeArgs): Promise<Page<SkuStockAge>> {
    const principal = ctx.requirePrincipal();
    const query: StockAgeQuery = { venueId: args.venueId, asOf: args.asOf, ...args.filter };
    const seesVenue = isPlatformAdmin(principal) || STOCK_VENUE_READ_ROLES.some((r) => venueRoles(ctx, args.venueId).has(r));
    let rows: SkuStockAge[];
    if (seesVenue) {
      rows = await this.ages(ctx, query);
    } else {
      const own = factoryOrgIds(ctx);
      if (own.length === 0) throw DomainError.notFound('Venue');
      const wanted = query.factoryOrgId ? own.filter((id) => id === query.factoryOrgId) : own;
      rows = (await Promise.all(wanted.map((factoryOrgId) => this.ages(ctx, { ...query, factoryOrgId })))).flat();
    }
    const sort = args.sort ?? { field: 'oldestAgeDays', order: SortOrder.DESC };
    const key = SORTABLE[sort.field];
    if (!key) throw DomainError.field('sort.field', `cannot sort by "${sort.field}"; use one of: ${Object.keys(SORTABLE).join(', ')}`);
    const sign = sort.order === SortOrder.ASC ? 1 : -1;
    rows.sort((a, b) => sign * (key(a) - key(b)) || (a.skuId < b.skuId ? -1 : 1));
    const start = (args.page - 1) * args.perPage;
    return { items: rows.slice(start, start + args.perPage), total: rows.length };
  }
}
