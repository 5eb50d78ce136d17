import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  daysBetween,
  DomainError,
  factoryOrgIds,
  isBusinessDate,
  isUuid,
  OPERATOR_ROLES,
  RequestContext,
  Role,
  startOfBusinessDay,
  venueRoles,
  businessDateOf,
} from '@xp/core';
import { ScanStats, ScanStatsArgs, ScanStatsRow } from './dto/scan-stats.dto';
import { groupingAllowedForGovernment, MAX_STATS_DAYS, rate, ScanGroupBy } from './scans.rules';

/**
 * Where the funnel's last step comes from. The sales area registers one once order lines
 * carry the scan code the buyer came from (`sales_order_lines.scan_code`, nullable, filled from
 * the listing's `source.scanCode`): `ScanStatsService.useOrderTrace(trace)` in its module's
 * onModuleInit. Until then `tracedOrders` is null and `ordersTraceable` false.
 */
export interface ScanOrderTrace {
  /** Order lines of the venue placed in [from, to) that carry a scan code. */
  tracedOrderLines(manager: EntityManager, venueId: string, from: Date, to: Date): Promise<{ scanCode: string; orderId: string; placedAt: Date }[]>;
}

/** Staff of the venue (and platform staff over it) see every SKU's figures. */
export const SCAN_STATS_STAFF: readonly Role[] = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER, ...OPERATOR_ROLES];

interface StatsRow {
  key: string | null;
  label: string | null;
  scans: number;
  unique_devices: number;
  listings: number;
  listing_devices: number;
}

const GROUPS: Record<ScanGroupBy, { key: string; label: string; join: string }> = {
  [ScanGroupBy.SLOT]: { key: 'e.slot_id::text', label: 'sl.code', join: 'JOIN slots sl ON sl.id = e.slot_id' },
  [ScanGroupBy.SKU]: {
    key: 'e.sku_id::text',
    label: "k.code || ' ' || p.title_zh",
    join: 'JOIN skus k ON k.id = e.sku_id JOIN products p ON p.id = k.product_id',
  },
  [ScanGroupBy.FACTORY]: { key: 'e.factory_org_id::text', label: 'o.name', join: 'JOIN organizations o ON o.id = e.factory_org_id' },
  [ScanGroupBy.DAY]: {
    key: "to_char(e.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')",
    label: "to_char(e.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')",
    join: '',
  },
};

/**
 * Scan statistics of a venue over business days [from, to): scans, unique devices, listings
 * and the funnel to traced orders, grouped by slot, SKU, factory or day (one statement with the
 * totals as a grouping set; the month partitions outside the period are pruned).
 */
@Injectable()
export class ScanStatsService {
  private trace: ScanOrderTrace | null = null;

  /** Called by the sales area when its order lines carry scan codes. */
  useOrderTrace(trace: ScanOrderTrace | null): void {
    this.trace = trace;
  }

  async stats(ctx: RequestContext, args: ScanStatsArgs): Promise<ScanStats> {
    const factories = await this.scope(ctx, args.venueId, args.groupBy);
    if (!isBusinessDate(args.from) || !isBusinessDate(args.to) || args.to <= args.from) throw DomainError.field('to', 'must be after from');
    if (daysBetween(args.from, args.to) > MAX_STATS_DAYS) throw DomainError.field('to', `the period may span at most ${MAX_STATS_DAYS} days`);
    const from = startOfBusinessDay(args.from);
    const to = startOfBusinessDay(args.to);
    const group = GROUPS[args.groupBy];
    const rows: StatsRow[] = await ctx.manager.query(
      `SELECT ${group.key} AS key, ${group.label} AS label,
              count(*) FILTER (WHERE e.kind = 'VIEW')::int AS scans,
              count(DISTINCT e.device_hash) FILTER (WHERE e.kind = 'VIEW')::int AS unique_devices,
              count(*) FILTER (WHERE e.kind = 'LISTING')::int AS listings,
              count(DISTINCT e.device_hash) FILTER (WHERE e.kind = 'LISTING')::int AS listing_devices
       FROM scan_events e ${group.join}
       WHERE e.venue_id = $1 AND e.occurred_at >= $2 AND e.occurred_at < $3
         AND ($4::uuid[] IS NULL OR e.factory_org_id = ANY($4))
       GROUP BY GROUPING SETS ((1, 2), ())
       ORDER BY (${group.key}) IS NULL, ${args.groupBy === ScanGroupBy.DAY ? '1' : '3 DESC, 2'}`,
      [args.venueId, from, to, factories],
    );
    const orders = await this.tracedOrders(ctx, args, factories, from, to);
    const toRow = (r: StatsRow | undefined, key: string, label: string): ScanStatsRow => ({
      key,
      label,
      scans: r?.scans ?? 0,
      uniqueDevices: r?.unique_devices ?? 0,
      listings: r?.listings ?? 0,
      listingDevices: r?.listing_devices ?? 0,
      listingRate: rate(r?.listing_devices ?? 0, r?.unique_devices ?? 0),
      tracedOrders: orders ? (orders.get(key)?.size ?? 0) : null,
    });
    const totals = rows.find((r) => r.key === null);
    return {
      venueId: args.venueId,
      from: args.from,
      to: args.to,
      groupBy: args.groupBy,
      scope: factories ? 'FACTORY' : 'VENUE',
      totals: toRow(totals, 'TOTAL', '合计'),
      rows: rows.filter((r) => r.key !== null).map((r) => toRow(r, r.key!, r.label ?? r.key!)),
      ordersTraceable: this.trace !== null,
    };
  }

  /**
   * Who may see what: venue staff everything (null: no factory filter); a government viewer
   * the venue's totals by day (FORBIDDEN for slot, SKU or factory groupings: those show single
   * factories); a factory admitted there its own SKUs only; anyone else NOT_FOUND.
   */
  private async scope(ctx: RequestContext, venueId: string, groupBy: ScanGroupBy): Promise<string[] | null> {
    ctx.requirePrincipal();
    if (!isUuid(venueId)) throw DomainError.notFound('Venue');
    const held = venueRoles(ctx, venueId);
    if (SCAN_STATS_STAFF.some((r) => held.has(r))) {
      if (held.has(Role.PLATFORM_ADMIN)) {
        const [venue] = await ctx.manager.query('SELECT 1 FROM venues WHERE id = $1', [venueId]);
        if (!venue) throw DomainError.notFound('Venue');
      }
      return null;
    }
    if (held.has(Role.GOVERNMENT_VIEWER)) {
      if (!groupingAllowedForGovernment(groupBy)) {
        throw DomainError.forbidden('Government viewers see venue totals by day; figures by slot, SKU or factory are for the venue and its factories.');
      }
      return null;
    }
    const mine = factoryOrgIds(ctx);
    if (mine.length) {
      const admitted: { factory_org_id: string }[] = await ctx.manager.query(
        `SELECT factory_org_id FROM venue_factories WHERE venue_id = $1 AND factory_org_id = ANY($2) AND status IN ('APPROVED', 'SUSPENDED')`,
        [venueId, mine],
      );
      if (admitted.length) return admitted.map((a) => a.factory_org_id);
    }
    throw DomainError.notFound('Venue');
  }

  /** Distinct traced orders per group key (null when no trace is registered). */
  private async tracedOrders(
    ctx: RequestContext,
    args: ScanStatsArgs,
    factories: string[] | null,
    from: Date,
    to: Date,
  ): Promise<Map<string, Set<string>> | null> {
    if (!this.trace) return null;
    const lines = await this.trace.tracedOrderLines(ctx.manager, args.venueId, from, to);
    const codes = [...new Set(lines.map((l) => l.scanCode))];
    const labels: { code: string; slot_id: string; sku_id: string; factory_org_id: string }[] = codes.length
      ? await ctx.manager.query('SELECT code, slot_id, sku_id, factory_org_id FROM labels WHERE venue_id = $1 AND code = ANY($2)', [args.venueId, codes])
      : [];
    const byCode = new Map(labels.map((l) => [l.code, l]));
    const groups = new Map<string, Set<string>>();
    const add = (key: string, orderId: string) => groups.set(key, (groups.get(key) ?? new Set()).add(orderId));
    for (const line of lines) {
      const label = byCode.get(line.scanCode);
      if (!label || (factories && !factories.includes(label.factory_org_id))) continue;
      const key = {
        [ScanGroupBy.SLOT]: label.slot_id,
        [ScanGroupBy.SKU]: label.sku_id,
        [ScanGroupBy.FACTORY]: label.factory_org_id,
        [ScanGroupBy.DAY]: businessDateOf(line.placedAt),
      }[args.groupBy];
      add(key, line.orderId);
      add('TOTAL', line.orderId);
    }
    return groups;
  }
}
