import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '@xp/core';
import { addFlowMaps, countIds, mergeHeadlines, PeriodHeadlines, splitAtToday, unitedIds } from './activity';
import { PeriodCache } from './period-cache';
import { Flows, NO_FLOWS, PriceSheetTotals, QueryScope, ReportQueries, TOTAL } from './report.queries';
import { Period } from './reports.rules';

/** The numbers behind a headline, for one venue or a set of venues, for one period. */
export interface HeadlineValues extends Flows {
  occupiedSlotDays: number;
  availableSlotDays: number;
  admittedFactories: number;
  activeFactories: number;
  newFactories: number;
  skusOnDisplay: number;
  uniqueDevices: number;
  stockUnits: number;
  stockValue: number;
  unpricedStockUnits: number;
  staleLabels: number;
  priceSheetsPending: number;
  priceSheetsDecided: number;
  medianHoursToDecision: number | null;
  /** Units held at the end of the period by age. */
  age: AgeValues;
}

/** The numbers behind a factory's figures at a venue (or at all its venues) for one period. */
export interface FactoryValues extends Flows {
  slots: number;
  occupiedSlotDays: number;
  skusOnDisplay: number;
  stockUnits: number;
  stockValue: number;
  age: AgeValues;
  priceSheetsPending: number;
  priceSheetsApproved: number;
  priceSheetsPartiallyApproved: number;
  priceSheetsRejected: number;
  medianHoursToDecision: number | null;
}

export interface AgeValues {
  days0To30: number;
  days31To90: number;
  over90: number;
}

export const NO_AGE: AgeValues = { days0To30: 0, days31To90: 0, over90: 0 };

/**
 * Computes report values from the queries: the headline of each venue of a set and of the set
 * as a whole, and a factory's figures per venue and in all, with the stock held at the end of
 * the period valued at the supply prices then in force and aged first in first out (one
 * statement, see ReportQueries.stockAtEnd).
 */
@Injectable()
export class ReportFiguresService {
  /**
   * Headline values per venue id and under TOTAL for the whole set: kept whole for a closed
   * period; for one running into today, its closed days kept and today read live, put together
   * (mergeHeadlines); else computed.
   */
  async headlines(m: EntityManager, scope: QueryScope, p: Period): Promise<Map<string, HeadlineValues>> {
    const cache = new PeriodCache(m);
    const split = scope.raw ? null : splitAtToday(p, new Date());
    if (!split) return new Map((await cache.get('headlines', scope, p, () => this.computeHeadlines(m, scope, p))).values);
    const q = new ReportQueries(m);
    const [closed, open, admissions, sheets, devices, skus] = await Promise.all([
      cache.get('headlines', scope, split.closed, () => this.computeHeadlines(m, scope, split.closed)),
      this.computeHeadlines(m, scope, split.open, { today: true }),
      q.admissions(scope, p),
      q.priceSheets(scope, p),
      q.unseenDevices(scope, split.closed, split.open.to),
      q.unseenSkus(scope, split.closed, split.open.to),
    ]);
    return mergeHeadlines(scope.venueIds, closed, open, { admissions, sheets, devices, skus });
  }

  /** Headline values of a period from its rows, with the active factories' ids per venue. */
  private async computeHeadlines(m: EntityManager, scope: QueryScope, p: Period, options = { today: false }): Promise<PeriodHeadlines> {
    const q = new ReportQueries(m);
    // Today's part leaves out what mergeHeadlines takes from elsewhere: devices (those unseen on
    // the closed days), admissions and price sheets (read over the whole period).
    const none = async <T>() => new Map<string, T>();
    const [slots, flows, devices, selling, admissions, shown, stock, sheets, stale] = await Promise.all([
      q.slots(scope, p),
      q.flows(scope, p),
      options.today ? none<number>() : q.devices(scope, p),
      q.sellingFactories(scope, p),
      options.today ? none<{ admitted: number; new: number }>() : q.admissions(scope, p),
      q.shownFactories(scope, p),
      q.stockAtEnd(scope, p),
      options.today ? none<PriceSheetTotals>() : q.priceSheets(scope, p),
      q.staleLabels(scope, p),
    ]);
    // Active: shown on a slot or selling in the period.
    const activeIds = unitedIds(scope.venueIds, shown, selling);
    const active = countIds(scope.venueIds, activeIds);
    const values: [string, HeadlineValues][] = [];
    for (const k of [...scope.venueIds, TOTAL]) {
      const s = slots.get(k);
      const f = admissions.get(k);
      const v = stock.get(k);
      const ps = sheets.get(k);
      values.push([
        k,
        {
          ...(flows.get(k) ?? NO_FLOWS),
          occupiedSlotDays: s?.occupiedSlotDays ?? 0,
          availableSlotDays: s?.availableSlotDays ?? 0,
          skusOnDisplay: s?.skusOnDisplay ?? 0,
          admittedFactories: f?.admitted ?? 0,
          activeFactories: active.get(k) ?? 0,
          newFactories: f?.new ?? 0,
          uniqueDevices: devices.get(k) ?? 0,
          stockUnits: v?.units ?? 0,
          stockValue: v?.value ?? 0,
          unpricedStockUnits: v?.unpriced ?? 0,
          staleLabels: stale.get(k) ?? 0,
          priceSheetsPending: ps?.pending ?? 0,
          priceSheetsDecided: ps?.decided ?? 0,
          medianHoursToDecision: ps?.medianHours ?? null,
          age: v?.age ?? NO_AGE,
        },
      ]);
    }
    return { values, active: [...activeIds] };
  }

  /** A factory's flows per venue id and under TOTAL: kept for closed days, today's added. */
  private async factoryFlows(m: EntityManager, q: ReportQueries, scope: QueryScope, p: Period, factoryOrgId: string): Promise<Map<string, Flows>> {
    const kept = (period: Period) =>
      new PeriodCache(m)
        .get(`factory-flows:${factoryOrgId.toLowerCase()}`, scope, period, async () => [...(await q.factoryFlows(scope, period, factoryOrgId))])
        .then((entries) => new Map(entries));
    const split = scope.raw ? null : splitAtToday(p, new Date());
    if (!split) return kept(p);
    const [closed, open] = await Promise.all([kept(split.closed), q.factoryFlows(scope, split.open, factoryOrgId)]);
    return addFlowMaps(closed, open);
  }

  /** One factory's values per venue id and under TOTAL. */
  async factoryValues(ctx: RequestContext, scope: QueryScope, p: Period, factoryOrgId: string): Promise<Map<string, FactoryValues>> {
    const q = new ReportQueries(ctx.manager);
    const [flows, slots, stock, sheets] = await Promise.all([
      this.factoryFlows(ctx.manager, q, scope, p, factoryOrgId),
      q.slots(scope, p, factoryOrgId),
      q.stockAtEnd(scope, p, factoryOrgId),
      q.priceSheets(scope, p, factoryOrgId),
    ]);
    const result = new Map<string, FactoryValues>();
    for (const k of [...scope.venueIds, TOTAL]) {
      const s = slots.get(k);
      const ps = sheets.get(k);
      result.set(k, {
        ...(flows.get(k) ?? NO_FLOWS),
        slots: s?.slots ?? 0,
        occupiedSlotDays: s?.occupiedSlotDays ?? 0,
        skusOnDisplay: s?.skusOnDisplay ?? 0,
        stockUnits: stock.get(k)?.units ?? 0,
        stockValue: stock.get(k)?.value ?? 0,
        age: stock.get(k)?.age ?? NO_AGE,
        priceSheetsPending: ps?.pending ?? 0,
        priceSheetsApproved: ps?.approved ?? 0,
        priceSheetsPartiallyApproved: ps?.partiallyApproved ?? 0,
        priceSheetsRejected: ps?.rejected ?? 0,
        medianHoursToDecision: ps?.medianHours ?? null,
      });
    }
    return result;
  }
}
