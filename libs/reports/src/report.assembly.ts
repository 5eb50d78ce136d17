import { CountFigure, FactoryFigures, FloatFigure, MoneyFigure, ReportHeadline, StockAgeFigures } from './dto/report.types';
import { AgeValues, FactoryValues, HeadlineValues } from './report-figures.service';
import { figure, floatFigure, ratio, ReportView, roundHours, spread, supplyEarnings } from './reports.rules';

/** Turns a period's values and the previous period's into the API's figures. Pure. */

const count = (value: number, previous: number): CountFigure => figure(value, previous);
const money = (value: number, previous: number): MoneyFigure => figure(value, previous);
const float = (value: number | null, previous: number | null): FloatFigure => floatFigure(value, previous);

export function headlineOf(now: HeadlineValues, before: HeadlineValues, view: ReportView): ReportHeadline {
  return {
    occupiedSlotDays: count(now.occupiedSlotDays, before.occupiedSlotDays),
    availableSlotDays: count(now.availableSlotDays, before.availableSlotDays),
    occupancyRate: float(ratio(now.occupiedSlotDays, now.availableSlotDays), ratio(before.occupiedSlotDays, before.availableSlotDays)),
    admittedFactories: count(now.admittedFactories, before.admittedFactories),
    activeFactories: count(now.activeFactories, before.activeFactories),
    newFactories: count(now.newFactories, before.newFactories),
    skusOnDisplay: count(now.skusOnDisplay, before.skusOnDisplay),
    scans: count(now.scans, before.scans),
    uniqueDevices: count(now.uniqueDevices, before.uniqueDevices),
    listings: count(now.listings, before.listings),
    orders: count(now.orders, before.orders),
    gmv: money(now.gmv, before.gmv),
    unitsSold: count(now.unitsSold, before.unitsSold),
    unitsReturned: count(now.unitsReturned, before.unitsReturned),
    returnedAmount: money(now.returnedAmount, before.returnedAmount),
    returnRate: float(ratio(now.unitsReturned, now.unitsSold), ratio(before.unitsReturned, before.unitsSold)),
    spread: view === ReportView.FULL ? money(spread(now), spread(before)) : null,
    stockUnits: count(now.stockUnits, before.stockUnits),
    stockValue: money(now.stockValue, before.stockValue),
    unpricedStockUnits: count(now.unpricedStockUnits, before.unpricedStockUnits),
    staleLabels: count(now.staleLabels, before.staleLabels),
    priceSheetsPending: count(now.priceSheetsPending, before.priceSheetsPending),
    priceSheetsDecided: count(now.priceSheetsDecided, before.priceSheetsDecided),
    medianHoursToDecision: float(roundHours(now.medianHoursToDecision), roundHours(before.medianHoursToDecision)),
  };
}

export function stockAgeOf(now: AgeValues, before: AgeValues): StockAgeFigures {
  return {
    days0To30: count(now.days0To30, before.days0To30),
    days31To90: count(now.days31To90, before.days31To90),
    over90: count(now.over90, before.over90),
  };
}

export function factoryFiguresOf(now: FactoryValues, before: FactoryValues): FactoryFigures {
  return {
    scans: count(now.scans, before.scans),
    listings: count(now.listings, before.listings),
    orders: count(now.orders, before.orders),
    gmv: money(now.gmv, before.gmv),
    supplyEarnings: money(supplyEarnings(now), supplyEarnings(before)),
    unitsSold: count(now.unitsSold, before.unitsSold),
    unitsReturned: count(now.unitsReturned, before.unitsReturned),
    returnRate: float(ratio(now.unitsReturned, now.unitsSold), ratio(before.unitsReturned, before.unitsSold)),
    slots: count(now.slots, before.slots),
    occupiedSlotDays: count(now.occupiedSlotDays, before.occupiedSlotDays),
    skusOnDisplay: count(now.skusOnDisplay, before.skusOnDisplay),
    stockUnits: count(now.stockUnits, before.stockUnits),
    stockValue: money(now.stockValue, before.stockValue),
    stockAge: stockAgeOf(now.age, before.age),
    priceSheetsPending: count(now.priceSheetsPending, before.priceSheetsPending),
    priceSheetsApproved: count(now.priceSheetsApproved, before.priceSheetsApproved),
    priceSheetsPartiallyApproved: count(now.priceSheetsPartiallyApproved, before.priceSheetsPartiallyApproved),
    priceSheetsRejected: count(now.priceSheetsRejected, before.priceSheetsRejected),
    medianHoursToDecision: float(roundHours(now.medianHoursToDecision), roundHours(before.medianHoursToDecision)),
  };
}
