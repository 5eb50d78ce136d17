import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, Fen, MoneyScalar } from '@xp/core';
import { ReportView } from '../reports.rules';

registerEnumType(ReportView, {
  name: 'ReportView',
  description: 'FULL: every figure. AGGREGATE_ONLY (government viewers): no factory or SKU lists, no per-factory figure, no spread.',
});

@ObjectType({ description: 'A period of business days [from, to).' })
export class ReportPeriod {
  @Field(() => DateScalar, { description: 'First day reported.' })
  from!: string;

  @Field(() => DateScalar, { description: 'The day after the last day reported (exclusive).' })
  to!: string;

  @Field(() => Int)
  days!: number;
}

@ObjectType({ description: 'A count for the period beside the same count for the previous period of equal length.' })
export class CountFigure {
  @Field(() => Int)
  value!: number;

  @Field(() => Int)
  previous!: number;

  @Field(() => Int, { description: 'value − previous' })
  change!: number;

  @Field(() => Float, { nullable: true, description: '(value − previous) / previous; null when previous is 0.' })
  changeRate!: number | null;
}

@ObjectType({ description: 'An amount for the period beside the same amount for the previous period of equal length.' })
export class MoneyFigure {
  @Field(() => MoneyScalar)
  value!: Fen;

  @Field(() => MoneyScalar)
  previous!: Fen;

  @Field(() => MoneyScalar, { description: 'value − previous' })
  change!: Fen;

  @Field(() => Float, { nullable: true, description: '(value − previous) / previous; null when previous is 0.' })
  changeRate!: number | null;
}

@ObjectType({ description: 'A ratio (0.25 = 25 %) or a measure such as hours, beside the previous period; null when undefined (nothing to divide by).' })
export class FloatFigure {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  previous!: number | null;

  @Field(() => Float, { nullable: true, description: 'value − previous; null when either is unknown.' })
  change!: number | null;
}

@ObjectType()
export class ReportVenue {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  city!: string;
}

@ObjectType()
export class ReportRegion {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;
}

@ObjectType()
export class ReportFactory {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'The figures of a venue (or of several together) that regional comparisons show side by side.' })
export class ReportHeadline {
  @Field(() => CountFigure, { description: 'Slot-days with a live assignment (a slot showing goods for a day).' })
  occupiedSlotDays!: CountFigure;

  @Field(() => CountFigure, { description: 'Slot-days the slots existed (from their first day to their retirement).' })
  availableSlotDays!: CountFigure;

  @Field(() => FloatFigure, { description: 'occupied / available slot-days.' })
  occupancyRate!: FloatFigure;

  @Field(() => CountFigure, { description: 'Factories whose admission was in force at the end of the period.' })
  admittedFactories!: CountFigure;

  @Field(() => CountFigure, { description: 'Factories that had goods on a slot on at least one day of the period or sold at least one unit in it.' })
  activeFactories!: CountFigure;

  @Field(() => CountFigure, { description: 'Factories first admitted during the period.' })
  newFactories!: CountFigure;

  @Field(() => CountFigure, { description: 'Distinct SKUs with a live slot assignment on at least one day of the period.' })
  skusOnDisplay!: CountFigure;

  @Field(() => CountFigure, { description: 'Views of the scan page (a buyer scanning a shelf label).' })
  scans!: CountFigure;

  @Field(() => CountFigure, { description: 'Distinct devices that scanned during the period (each counted once across days and venues).' })
  uniqueDevices!: CountFigure;

  @Field(() => CountFigure, { description: 'One-click listing exports (一键铺货) from the scan page.' })
  listings!: CountFigure;

  @Field(() => CountFigure, { description: 'Orders shipped during the period.' })
  orders!: CountFigure;

  @Field(() => MoneyFigure, { description: 'GMV: wholesale value of the units shipped during the period.' })
  gmv!: MoneyFigure;

  @Field(() => CountFigure, { description: 'Units shipped during the period.' })
  unitsSold!: CountFigure;

  @Field(() => CountFigure, { description: 'Units of customer returns received during the period.' })
  unitsReturned!: CountFigure;

  @Field(() => MoneyFigure, { description: 'Wholesale value refunded for the returns received during the period.' })
  returnedAmount!: MoneyFigure;

  @Field(() => FloatFigure, { description: 'Units returned / units sold in the period.' })
  returnRate!: FloatFigure;

  @Field(() => MoneyFigure, {
    nullable: true,
    description: "The operator's spread: (wholesale − supply) of the units sold less that of the units returned. Null for government viewers.",
  })
  spread!: MoneyFigure | null;

  @Field(() => CountFigure, { description: 'Consignment units on hand (all locations) at the end of the period.' })
  stockUnits!: CountFigure;

  @Field(() => MoneyFigure, { description: 'Those units at the supply price in force at the end of the period (first tier).' })
  stockValue!: MoneyFigure;

  @Field(() => CountFigure, { description: 'Of those units, the ones of SKUs with no price in force (valued at nothing).' })
  unpricedStockUnits!: CountFigure;

  @Field(() => CountFigure, { description: 'Labels on the shelves at the end of the period that no longer tell the truth (slot or price changed).' })
  staleLabels!: CountFigure;

  @Field(() => CountFigure, { description: 'Price sheets submitted and not yet decided at the end of the period.' })
  priceSheetsPending!: CountFigure;

  @Field(() => CountFigure, { description: 'Price sheets decided (approved, partially approved or rejected) during the period.' })
  priceSheetsDecided!: CountFigure;

  @Field(() => FloatFigure, { description: 'Median hours from submission to decision of the sheets decided during the period.' })
  medianHoursToDecision!: FloatFigure;
}

@ObjectType({ description: 'Units on hand by how long ago they came in (first in, first out), at the end of the period.' })
export class StockAgeFigures {
  @Field(() => CountFigure)
  days0To30!: CountFigure;

  @Field(() => CountFigure)
  days31To90!: CountFigure;

  @Field(() => CountFigure)
  over90!: CountFigure;
}

@ObjectType()
export class TopFactory {
  @Field(() => Int)
  rank!: number;

  @Field(() => ReportFactory)
  factory!: ReportFactory;

  @Field(() => CountFigure)
  scans!: CountFigure;

  @Field(() => MoneyFigure)
  gmv!: MoneyFigure;

  @Field(() => CountFigure)
  unitsSold!: CountFigure;
}

@ObjectType()
export class TopSku {
  @Field(() => Int)
  rank!: number;

  @Field(() => ID)
  skuId!: string;

  @Field()
  skuCode!: string;

  @Field()
  title!: string;

  @Field(() => ReportFactory)
  factory!: ReportFactory;

  @Field(() => CountFigure)
  scans!: CountFigure;

  @Field(() => MoneyFigure)
  gmv!: MoneyFigure;

  @Field(() => CountFigure)
  unitsSold!: CountFigure;
}

@ObjectType({ description: "One slot's figures: its scans, and the sales of the SKUs it showed on the days it showed them." })
export class SlotPerformanceRow {
  @Field(() => ID)
  slotId!: string;

  @Field()
  slotCode!: string;

  @Field()
  zoneCode!: string;

  @Field(() => Int)
  occupiedDays!: number;

  @Field(() => Int)
  scans!: number;

  @Field(() => Int)
  unitsSold!: number;

  @Field(() => MoneyScalar)
  gmv!: Fen;

  @Field(() => FloatFigure, { description: 'Scans per occupied day, beside the previous period.' })
  scansPerOccupiedDay!: FloatFigure;

  @Field(() => FloatFigure, { description: 'Units sold per occupied day, beside the previous period.' })
  unitsPerOccupiedDay!: FloatFigure;
}

@ObjectType()
export class SlotPerformance {
  @Field(() => FloatFigure, { description: 'Scans of the venue per occupied slot-day.' })
  scansPerOccupiedSlotDay!: FloatFigure;

  @Field(() => FloatFigure, { description: 'Units sold at the venue per occupied slot-day.' })
  unitsPerOccupiedSlotDay!: FloatFigure;

  @Field(() => MoneyFigure, { nullable: true, description: 'GMV per occupied slot-day (rounded to the fen); null when no slot-day was occupied.' })
  gmvPerOccupiedSlotDay!: MoneyFigure | null;

  @Field(() => [SlotPerformanceRow], { description: 'The 10 occupied slots with the fewest scans per occupied day (then fewest units sold per day).' })
  weakestSlots!: SlotPerformanceRow[];
}

@ObjectType()
export class VenueReport {
  @Field(() => ReportVenue)
  venue!: ReportVenue;

  @Field(() => ReportPeriod)
  period!: ReportPeriod;

  @Field(() => ReportPeriod)
  previousPeriod!: ReportPeriod;

  @Field(() => ReportView)
  view!: ReportView;

  @Field(() => DateTimeScalar)
  generatedAt!: Date;

  @Field(() => ReportHeadline)
  headline!: ReportHeadline;

  @Field(() => StockAgeFigures)
  stockAge!: StockAgeFigures;

  @Field(() => SlotPerformance)
  slotPerformance!: SlotPerformance;

  @Field(() => [TopFactory], { nullable: true, description: 'Top 10 factories by scans. Null for government viewers.' })
  topFactoriesByScans!: TopFactory[] | null;

  @Field(() => [TopFactory], { nullable: true, description: 'Top 10 factories by GMV. Null for government viewers.' })
  topFactoriesByGmv!: TopFactory[] | null;

  @Field(() => [TopSku], { nullable: true, description: 'Top 10 SKUs by scans. Null for government viewers.' })
  topSkusByScans!: TopSku[] | null;

  @Field(() => [TopSku], { nullable: true, description: 'Top 10 SKUs by GMV. Null for government viewers.' })
  topSkusByGmv!: TopSku[] | null;
}

@ObjectType()
export class RegionVenueRow {
  @Field(() => ReportVenue)
  venue!: ReportVenue;

  @Field(() => ReportHeadline)
  headline!: ReportHeadline;
}

@ObjectType()
export class RegionReport {
  @Field(() => ReportRegion)
  region!: ReportRegion;

  @Field(() => ReportPeriod)
  period!: ReportPeriod;

  @Field(() => ReportPeriod)
  previousPeriod!: ReportPeriod;

  @Field(() => DateTimeScalar)
  generatedAt!: Date;

  @Field(() => [RegionVenueRow], { description: "The region's venues side by side, by venue code." })
  venues!: RegionVenueRow[];

  @Field(() => ReportHeadline, {
    description: 'The region as a whole: sums, rates of the sums; factories, SKUs and devices counted once; the median over all decisions.',
  })
  totals!: ReportHeadline;
}

@ObjectType({ description: "A factory's own figures at one venue (or at all of them together)." })
export class FactoryFigures {
  @Field(() => CountFigure)
  scans!: CountFigure;

  @Field(() => CountFigure)
  listings!: CountFigure;

  @Field(() => CountFigure, { description: 'Orders shipped during the period with at least one line of the factory.' })
  orders!: CountFigure;

  @Field(() => MoneyFigure, { description: "Wholesale value of the factory's units shipped during the period." })
  gmv!: MoneyFigure;

  @Field(() => MoneyFigure, { description: 'What the factory earns at its supply price: units shipped less units returned, at the supply price of their order lines.' })
  supplyEarnings!: MoneyFigure;

  @Field(() => CountFigure)
  unitsSold!: CountFigure;

  @Field(() => CountFigure)
  unitsReturned!: CountFigure;

  @Field(() => FloatFigure)
  returnRate!: FloatFigure;

  @Field(() => CountFigure, { description: 'Distinct slots that showed its goods on at least one day of the period.' })
  slots!: CountFigure;

  @Field(() => CountFigure, { description: 'Slot-days its goods stood on.' })
  occupiedSlotDays!: CountFigure;

  @Field(() => CountFigure)
  skusOnDisplay!: CountFigure;

  @Field(() => CountFigure, { description: 'Its units on consignment at the end of the period.' })
  stockUnits!: CountFigure;

  @Field(() => MoneyFigure, { description: 'Those units at its supply price in force then.' })
  stockValue!: MoneyFigure;

  @Field(() => StockAgeFigures)
  stockAge!: StockAgeFigures;

  @Field(() => CountFigure, { description: 'Its price sheets waiting for a decision at the end of the period.' })
  priceSheetsPending!: CountFigure;

  @Field(() => CountFigure, { description: 'Its price sheets approved in full during the period.' })
  priceSheetsApproved!: CountFigure;

  @Field(() => CountFigure, { description: 'Its price sheets approved in part during the period.' })
  priceSheetsPartiallyApproved!: CountFigure;

  @Field(() => CountFigure, { description: 'Its price sheets rejected during the period.' })
  priceSheetsRejected!: CountFigure;

  @Field(() => FloatFigure)
  medianHoursToDecision!: FloatFigure;
}

@ObjectType()
export class FactoryVenueRow {
  @Field(() => ReportVenue)
  venue!: ReportVenue;

  @Field(() => FactoryFigures)
  figures!: FactoryFigures;
}

@ObjectType()
export class FactoryReport {
  @Field(() => ReportFactory)
  factory!: ReportFactory;

  @Field(() => ReportPeriod)
  period!: ReportPeriod;

  @Field(() => ReportPeriod)
  previousPeriod!: ReportPeriod;

  @Field(() => DateTimeScalar)
  generatedAt!: Date;

  @Field(() => [FactoryVenueRow], { description: 'Every venue the factory has been admitted to (that the caller may see), by venue code.' })
  venues!: FactoryVenueRow[];

  @Field(() => FactoryFigures)
  totals!: FactoryFigures;
}
