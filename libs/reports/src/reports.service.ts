import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { DomainError, isUuid, OrganizationKind, RequestContext } from '@xp/core';
import { VenueFactory } from '@xp/factories';
import { Organization, Region, Venue } from '@xp/venues';
import {
  FactoryReport,
  RegionReport,
  ReportVenue,
  SlotPerformance,
  SlotPerformanceRow,
  TopFactory,
  TopSku,
  VenueReport,
} from './dto/report.types';
import { factoryFiguresOf, headlineOf, stockAgeOf } from './report.assembly';
import { HeadlineValues, ReportFiguresService } from './report-figures.service';
import { addSlotRows, addTodayToSlotRows, mergeFactoryTops, mergeSkuTops, slotColumnsOf, slotRowsOf, splitAtToday } from './activity';
import { PeriodCache } from './period-cache';
import { FactoryActivity, QueryScope, ReportQueries, SkuActivity, SlotRow, TOTAL } from './report.queries';
import { factoryVenuesFor, regionVenuesFor, venueReportView } from './reports.access';
import {
  fenPer,
  figure,
  floatFigure,
  Period,
  periodProblems,
  ratio,
  ReportPeriods,
  reportPeriods,
  ReportView,
  TOP_N,
  weakestSlots,
  withSlotActivity,
} from './reports.rules';

export interface ReportOptions {
  /** Compute every figure from the raw rows, bypassing the rollups (for tests and checks). */
  raw?: boolean;
}

function reportVenue(v: Venue): ReportVenue {
  return { id: v.id, code: v.code, name: v.name, city: v.city };
}

/** Venue, region and factory reports: who may see which, and the figures they get. */
@Injectable()
export class ReportsService {
  constructor(private readonly figures: ReportFiguresService) {}

  /** A venue's report; NOT_FOUND outside the caller's venues; government viewers get aggregates only. */
  async venueReport(ctx: RequestContext, venueId: string, from: string, to: string, options: ReportOptions = {}): Promise<VenueReport> {
    const view = venueReportView(ctx, venueId);
    const venue = await ctx.manager.getRepository(Venue).findOneBy({ id: venueId });
    if (!venue) throw DomainError.notFound('Venue');
    const periods = this.periods(from, to);
    const scope: QueryScope = { venueIds: [venue.id], raw: options.raw ?? false };
    const m = ctx.manager;
    const full = view === ReportView.FULL;
    // Every section at once (the top lists too: they read nothing the others write).
    const [now, before, slotsNow, slotsBefore, tops] = await Promise.all([
      this.figures.headlines(m, scope, periods.current),
      this.figures.headlines(m, scope, periods.previous),
      this.slotRows(m, scope, periods.current),
      this.slotRows(m, scope, periods.previous),
      full ? this.tops(ctx, venue.id, periods, scope.raw) : null,
    ]);
    const headNow = now.get(venue.id)!;
    const headBefore = before.get(venue.id)!;
    return {
      venue: reportVenue(venue),
      period: periods.current,
      previousPeriod: periods.previous,
      view,
      generatedAt: new Date(),
      headline: headlineOf(headNow, headBefore, view),
      stockAge: stockAgeOf(headNow.age, headBefore.age),
      slotPerformance: this.slotPerformance(headNow, headBefore, slotsNow, slotsBefore),
      topFactoriesByScans: tops?.factoriesByScans ?? null,
      topFactoriesByGmv: tops?.factoriesByGmv ?? null,
      topSkusByScans: tops?.skusByScans ?? null,
      topSkusByGmv: tops?.skusByGmv ?? null,
    };
  }

  /** A region's venues side by side with the region's totals; platform staff only. */
  async regionReport(ctx: RequestContext, regionId: string, from: string, to: string, options: ReportOptions = {}): Promise<RegionReport> {
    ctx.requirePrincipal();
    if (!isUuid(regionId)) throw DomainError.notFound('Region');
    const region = await ctx.manager.getRepository(Region).findOneBy({ id: regionId });
    if (!region) throw DomainError.notFound('Region');
    const all = await ctx.manager.getRepository(Venue).find({ where: { regionId }, order: { code: 'ASC' } });
    const visible = new Set(regionVenuesFor(ctx, regionId, all.map((v) => v.id)));
    const venues = all.filter((v) => visible.has(v.id));
    const periods = this.periods(from, to);
    const scope: QueryScope = { venueIds: venues.map((v) => v.id), raw: options.raw ?? false };
    const [now, before] = await Promise.all([
      this.figures.headlines(ctx.manager, scope, periods.current),
      this.figures.headlines(ctx.manager, scope, periods.previous),
    ]);
    return {
      region: { id: region.id, code: region.code, name: region.name },
      period: periods.current,
      previousPeriod: periods.previous,
      generatedAt: new Date(),
      venues: venues.map((v) => ({ venue: reportVenue(v), headline: headlineOf(now.get(v.id)!, before.get(v.id)!, ReportView.FULL) })),
      totals: headlineOf(now.get(TOTAL)!, before.get(TOTAL)!, ReportView.FULL),
    };
  }

  /** A factory's own figures at every venue it was admitted to; never the venue's spread. */
  async factoryReport(ctx: RequestContext, factoryId: string, from: string, to: string, options: ReportOptions = {}): Promise<FactoryReport> {
    ctx.requirePrincipal();
    if (!isUuid(factoryId)) throw DomainError.notFound('Factory');
    const factory = await ctx.manager.getRepository(Organization).findOneBy({ id: factoryId, kind: OrganizationKind.FACTORY });
    if (!factory) throw DomainError.notFound('Factory');
    const admissions = await ctx.manager.getRepository(VenueFactory).find({ where: { factoryOrgId: factoryId, admittedAt: Not(IsNull()) } });
    const visible = new Set(factoryVenuesFor(ctx, factoryId, admissions.map((a) => a.venueId)));
    const venues = visible.size
      ? await ctx.manager.getRepository(Venue).find({ where: { id: In([...visible]) }, order: { code: 'ASC' } })
      : [];
    const periods = this.periods(from, to);
    const scope: QueryScope = { venueIds: venues.map((v) => v.id), raw: options.raw ?? false };
    const [now, before] = await Promise.all([
      this.figures.factoryValues(ctx, scope, periods.current, factoryId),
      this.figures.factoryValues(ctx, scope, periods.previous, factoryId),
    ]);
    return {
      factory: { id: factory.id, name: factory.name },
      period: periods.current,
      previousPeriod: periods.previous,
      generatedAt: new Date(),
      venues: venues.map((v) => ({ venue: reportVenue(v), figures: factoryFiguresOf(now.get(v.id)!, before.get(v.id)!) })),
      totals: factoryFiguresOf(now.get(TOTAL)!, before.get(TOTAL)!),
    };
  }

  /** VALIDATION_FAILED naming `from` or `to` for a bad period. */
  private periods(from: string, to: string): ReportPeriods {
    const problems = periodProblems(from, to);
    if (problems.length) throw DomainError.validation(problems);
    return reportPeriods(from, to);
  }

  private slotPerformance(now: HeadlineValues, before: HeadlineValues, rows: SlotRow[], previousRows: SlotRow[]): SlotPerformance {
    const previous = new Map(previousRows.map((r) => [r.slotId, r]));
    const perDay = (v: number, r: SlotRow | undefined) => (r && r.occupiedDays > 0 ? v / r.occupiedDays : null);
    const gmvNow = fenPer(now.gmv, now.occupiedSlotDays);
    const gmvBefore = fenPer(before.gmv, before.occupiedSlotDays);
    return {
      scansPerOccupiedSlotDay: floatFigure(ratio(now.scans, now.occupiedSlotDays), ratio(before.scans, before.occupiedSlotDays)),
      unitsPerOccupiedSlotDay: floatFigure(ratio(now.unitsSold, now.occupiedSlotDays), ratio(before.unitsSold, before.occupiedSlotDays)),
      gmvPerOccupiedSlotDay: gmvNow === null ? null : figure(gmvNow, gmvBefore ?? 0),
      weakestSlots: weakestSlots(rows).map(
        (r): SlotPerformanceRow => ({
          slotId: r.slotId,
          slotCode: r.slotCode,
          zoneCode: r.zoneCode,
          occupiedDays: r.occupiedDays,
          scans: r.scans,
          unitsSold: r.unitsSold,
          gmv: r.gmv,
          scansPerOccupiedDay: floatFigure(perDay(r.scans, r), perDay(previous.get(r.slotId)?.scans ?? 0, previous.get(r.slotId))),
          unitsPerOccupiedDay: floatFigure(perDay(r.unitsSold, r), perDay(previous.get(r.slotId)?.unitsSold ?? 0, previous.get(r.slotId))),
        }),
      ),
    };
  }

  /**
   * Every slot of the venue with its occupied days and its activity: kept whole for a closed
   * period; for one running into today, the closed days' kept rows and today's added up.
   */
  private async slotRows(m: EntityManager, scope: QueryScope, p: Period): Promise<SlotRow[]> {
    const q = new ReportQueries(m);
    const venueId = scope.venueIds[0];
    const rows = async (period: Period) => {
      const [life, activity] = await Promise.all([q.slotLife(venueId, period), q.slotActivity(venueId, period, scope.raw)]);
      return withSlotActivity(life, activity);
    };
    const kept = async (period: Period) =>
      slotRowsOf(await new PeriodCache(m).get('slot-rows', scope, period, async () => slotColumnsOf(await rows(period))));
    const split = scope.raw ? null : splitAtToday(p, new Date());
    if (!split) return kept(p);
    const [closed, days, activity] = await Promise.all([
      kept(split.closed),
      q.slotDays(venueId, split.open),
      q.slotActivity(venueId, split.open, false),
    ]);
    return addTodayToSlotRows(closed, days, activity) ?? addSlotRows(closed, await rows(split.open));
  }

  /**
   * The current period's top SKUs and factories: kept for a closed period; for one that runs into
   * today, from the closed days' kept totals and today's (exact, see mergeSkuTops).
   */
  private async currentTops(m: EntityManager, venueId: string, p: Period, raw: boolean) {
    const q = new ReportQueries(m);
    const cache = new PeriodCache(m);
    const scope = { venueIds: [venueId], raw };
    const whole = () =>
      cache.get('tops', scope, p, () => Promise.all([q.topSkus(venueId, p, raw, TOP_N), q.topFactories(venueId, p, raw, TOP_N)]));
    const split = raw ? null : splitAtToday(p, new Date());
    if (!split) return whole();
    const [closedSkus, openSkus, closedFactories, openFactories] = await Promise.all([
      cache.skuTops(venueId, split.closed, TOP_N),
      q.skuTotals(venueId, split.open, false),
      cache.get('factory-totals', scope, split.closed, () => q.factoryTotals(venueId, split.closed, false)),
      q.factoryTotals(venueId, split.open, false),
    ]);
    if (!closedSkus) return whole();
    const closedOfActive = await q.keptSkuTotals(closedSkus.id, openSkus.map((s) => s.skuId));
    return [mergeSkuTops(closedSkus, closedOfActive, openSkus, TOP_N), mergeFactoryTops(closedFactories, openFactories, TOP_N)] as const;
  }

  /** The top-10 lists by scans and by GMV, each entry beside its previous-period figures. */
  private async tops(ctx: RequestContext, venueId: string, periods: ReportPeriods, raw: boolean) {
    const q = new ReportQueries(ctx.manager);
    const cache = new PeriodCache(ctx.manager);
    const scope = { venueIds: [venueId], raw };
    // The previous period is closed: its SKU and factory totals are kept (made once), so the
    // listed ones' previous figures are looked up by key.
    const [[skusNow, factoriesNow], skusKeptBefore, factoryTotalsBefore] = await Promise.all([
      this.currentTops(ctx.manager, venueId, periods.current, raw),
      raw ? null : cache.skuTops(venueId, periods.previous, TOP_N),
      raw ? null : cache.get('factory-totals', scope, periods.previous, () => q.factoryTotals(venueId, periods.previous, false)),
    ]);
    const skusByScans = skusNow.byScans;
    const skusByGmv = skusNow.byGmv;
    const factoriesByScans = factoriesNow.byScans;
    const factoriesByGmv = factoriesNow.byGmv;
    const skuIds = [...new Set([...skusByScans, ...skusByGmv].map((s) => s.skuId))];
    const listedFactoryIds = [...new Set([...factoriesByScans, ...factoriesByGmv].map((f) => f.factoryOrgId))];
    const factoryIds = [...new Set(listedFactoryIds.concat([...skusByScans, ...skusByGmv].map((s) => s.factoryOrgId)))];
    const listed = new Set(listedFactoryIds);
    const [skuNames, factoryNames, skusBefore, factoriesBefore] = await Promise.all([
      q.skuNames(skuIds),
      q.factoryNames(factoryIds),
      skusKeptBefore ? q.keptSkuTotals(skusKeptBefore.id, skuIds) : q.skusActivity(venueId, periods.previous, raw, skuIds),
      factoryTotalsBefore
        ? factoryTotalsBefore.filter((f) => listed.has(f.factoryOrgId))
        : q.factoriesActivity(venueId, periods.previous, raw, listedFactoryIds),
    ]);
    const skuBefore = new Map(skusBefore.map((s) => [s.skuId, s]));
    const factoryBefore = new Map(factoriesBefore.map((f) => [f.factoryOrgId, f]));
    const factoryRef = (id: string) => ({ id, name: factoryNames.get(id) ?? '' });
    const skuEntry = (s: SkuActivity, i: number): TopSku => {
      const b = skuBefore.get(s.skuId);
      return {
        rank: i + 1,
        skuId: s.skuId,
        skuCode: skuNames.get(s.skuId)?.code ?? '',
        title: skuNames.get(s.skuId)?.title ?? '',
        factory: factoryRef(s.factoryOrgId),
        scans: figure(s.scans, b?.scans ?? 0),
        gmv: figure(s.gmv, b?.gmv ?? 0),
        unitsSold: figure(s.unitsSold, b?.unitsSold ?? 0),
      };
    };
    const factoryEntry = (f: FactoryActivity, i: number): TopFactory => {
      const b = factoryBefore.get(f.factoryOrgId);
      return {
        rank: i + 1,
        factory: factoryRef(f.factoryOrgId),
        scans: figure(f.scans, b?.scans ?? 0),
        gmv: figure(f.gmv, b?.gmv ?? 0),
        unitsSold: figure(f.unitsSold, b?.unitsSold ?? 0),
      };
    };
    return {
      skusByScans: skusByScans.map(skuEntry),
      skusByGmv: skusByGmv.map(skuEntry),
      factoriesByScans: factoriesByScans.map(factoryEntry),
      factoriesByGmv: factoriesByGmv.map(factoryEntry),
    };
  }
}

