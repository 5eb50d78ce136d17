import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { addDays, fenTimes, RequestContext } from '@xp/core';
import { PricingService } from '@xp/pricing';
import { StockAgeService } from '@xp/stock';
import { endOf, Flows, NO_FLOWS, QueryScope, ReportQueries, StockLine, TOTAL } from './report.queries';
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

export interface StockValue {
  units: number;
  value: number;
  unpriced: number;
}

/**
 * Computes report values from the queries: the headline of each venue of a set and of the set
 * as a whole, a factory's figures per venue and in all, stock valued at the supply prices in
 * force (through the pricing area) and stock age (through the stock area).
 */
@Injectable()
export class ReportFiguresService {
  constructor(
    private readonly pricing: PricingService,
    private readonly stockAge: StockAgeService,
  ) {}

  /** Headline values per venue id and under TOTAL for the whole set. */
  async headlines(m: EntityManager, scope: QueryScope, p: Period): Promise<Map<string, HeadlineValues>> {
    const q = new ReportQueries(m);
    const [slots, flows, devices, factories, stock, sheets, stale] = await Promise.all([
      q.slots(scope, p),
      q.flows(scope, p),
      q.devices(scope, p),
      q.factories(scope, p),
      q.stockAt(scope, p),
      q.priceSheets(scope, p),
      q.staleLabels(scope, p),
    ]);
    const values = await this.stockValues(m, stock, p);
    const result = new Map<string, HeadlineValues>();
    for (const k of [...scope.venueIds, TOTAL]) {
      const s = slots.get(k);
      const f = factories.get(k);
      const v = values.get(k);
      const ps = sheets.get(k);
      result.set(k, {
        ...(flows.get(k) ?? NO_FLOWS),
        occupiedSlotDays: s?.occupiedSlotDays ?? 0,
        availableSlotDays: s?.availableSlotDays ?? 0,
        skusOnDisplay: s?.skusOnDisplay ?? 0,
        admittedFactories: f?.admitted ?? 0,
        activeFactories: f?.active ?? 0,
        newFactories: f?.new ?? 0,
        uniqueDevices: devices.get(k) ?? 0,
        stockUnits: v?.units ?? 0,
        stockValue: v?.value ?? 0,
        unpricedStockUnits: v?.unpriced ?? 0,
        staleLabels: stale.get(k) ?? 0,
        priceSheetsPending: ps?.pending ?? 0,
        priceSheetsDecided: ps?.decided ?? 0,
        medianHoursToDecision: ps?.medianHours ?? null,
      });
    }
    return result;
  }

  /** One factory's values per venue id and under TOTAL. */
  async factoryValues(ctx: RequestContext, scope: QueryScope, p: Period, factoryOrgId: string): Promise<Map<string, FactoryValues>> {
    const q = new ReportQueries(ctx.manager);
    const [flows, slots, stock, sheets, ages] = await Promise.all([
      q.factoryFlows(scope, p, factoryOrgId),
      q.slots(scope, p, factoryOrgId),
      q.stockAt(scope, p, factoryOrgId),
      q.priceSheets(scope, p, factoryOrgId),
      Promise.all(scope.venueIds.map((venueId) => this.age(ctx, venueId, p, factoryOrgId))),
    ]);
    const values = await this.stockValues(ctx.manager, stock, p);
    const ageBy = new Map<string, AgeValues>(scope.venueIds.map((id, i) => [id, ages[i]]));
    ageBy.set(TOTAL, {
      days0To30: ages.reduce((a, x) => a + x.days0To30, 0),
      days31To90: ages.reduce((a, x) => a + x.days31To90, 0),
      over90: ages.reduce((a, x) => a + x.over90, 0),
    });
    const result = new Map<string, FactoryValues>();
    for (const k of [...scope.venueIds, TOTAL]) {
      const s = slots.get(k);
      const ps = sheets.get(k);
      result.set(k, {
        ...(flows.get(k) ?? NO_FLOWS),
        slots: s?.slots ?? 0,
        occupiedSlotDays: s?.occupiedSlotDays ?? 0,
        skusOnDisplay: s?.skusOnDisplay ?? 0,
        stockUnits: values.get(k)?.units ?? 0,
        stockValue: values.get(k)?.value ?? 0,
        age: ageBy.get(k)!,
        priceSheetsPending: ps?.pending ?? 0,
        priceSheetsApproved: ps?.approved ?? 0,
        priceSheetsPartiallyApproved: ps?.partiallyApproved ?? 0,
        priceSheetsRejected: ps?.rejected ?? 0,
        medianHoursToDecision: ps?.medianHours ?? null,
      });
    }
    return result;
  }

  /** Units on hand at the end of the period by age (first in, first out), from the stock area. */
  async age(ctx: RequestContext, venueId: string, p: Period, factoryOrgId?: string): Promise<AgeValues> {
    const totals = await this.stockAge.totals(ctx, { venueId, factoryOrgId, asOf: addDays(p.to, -1) });
    return { days0To30: totals.days0To30, days31To90: totals.days31To90, over90: totals.over90 };
  }

  /**
   * Stock lines valued at the unit supply price (first tier, the MOQ's) of the version in force
   * at the end of the period; units of SKUs with no price then are counted as unpriced, value 0.
   * One price query per venue.
   */
  private async stockValues(m: EntityManager, lines: StockLine[], p: Period): Promise<Map<string, StockValue>> {
    const byVenue = new Map<string, StockLine[]>();
    for (const line of lines) byVenue.set(line.venueId, [...(byVenue.get(line.venueId) ?? []), line]);
    const at = new Date(endOf(p).getTime() - 1);
    const result = new Map<string, StockValue>();
    const total: StockValue = { units: 0, value: 0, unpriced: 0 };
    await Promise.all(
      [...byVenue.entries()].map(async ([venueId, venueLines]) => {
        const prices = await this.pricing.effectivePrices(m, venueId, venueLines.map((l) => l.skuId), at);
        const v: StockValue = { units: 0, value: 0, unpriced: 0 };
        venueLines.forEach((line, i) => {
          const unit = prices[i]?.supplyTiers[0]?.unitPrice;
          v.units += line.units;
          if (unit === undefined) v.unpriced += line.units;
          else v.value += fenTimes(unit, line.units);
        });
        result.set(venueId, v);
      }),
    );
    for (const v of result.values()) {
      total.units += v.units;
      total.value += v.value;
      total.unpriced += v.unpriced;
    }
    result.set(TOTAL, total);
    return result;
  }
}
