/** The reports' GraphQL documents, shared by the tests (and a model for the console). */

const COUNT = '{ value previous change changeRate }';
const MONEY = '{ value previous change changeRate }';
const FLOAT = '{ value previous change }';

export const HEADLINE = `{
  occupiedSlotDays ${COUNT} availableSlotDays ${COUNT} occupancyRate ${FLOAT}
  admittedFactories ${COUNT} activeFactories ${COUNT} newFactories ${COUNT} skusOnDisplay ${COUNT}
  scans ${COUNT} uniqueDevices ${COUNT} listings ${COUNT}
  orders ${COUNT} gmv ${MONEY} unitsSold ${COUNT} unitsReturned ${COUNT} returnedAmount ${MONEY} returnRate ${FLOAT} spread ${MONEY}
  stockUnits ${COUNT} stockValue ${MONEY} unpricedStockUnits ${COUNT}
  staleLabels ${COUNT} priceSheetsPending ${COUNT} priceSheetsDecided ${COUNT} medianHoursToDecision ${FLOAT}
}`;

const TOP_FACTORY = `{ rank factory { id name } scans ${COUNT} gmv ${MONEY} unitsSold ${COUNT} }`;
const TOP_SKU = `{ rank skuId skuCode title factory { id name } scans ${COUNT} gmv ${MONEY} unitsSold ${COUNT} }`;

export const VENUE_REPORT = `query VenueReport($venueId: ID!, $from: Date!, $to: Date!) {
  venueReport(venueId: $venueId, from: $from, to: $to) {
    venue { id code name city }
    period { from to days } previousPeriod { from to days }
    view generatedAt
    headline ${HEADLINE}
    stockAge { days0To30 ${COUNT} days31To90 ${COUNT} over90 ${COUNT} }
    slotPerformance {
      scansPerOccupiedSlotDay ${FLOAT} unitsPerOccupiedSlotDay ${FLOAT} gmvPerOccupiedSlotDay ${MONEY}
      weakestSlots { slotId slotCode zoneCode occupiedDays scans unitsSold gmv scansPerOccupiedDay ${FLOAT} unitsPerOccupiedDay ${FLOAT} }
    }
    topFactoriesByScans ${TOP_FACTORY} topFactoriesByGmv ${TOP_FACTORY}
    topSkusByScans ${TOP_SKU} topSkusByGmv ${TOP_SKU}
  }
}`;

export const REGION_REPORT = `query RegionReport($regionId: ID!, $from: Date!, $to: Date!) {
  regionReport(regionId: $regionId, from: $from, to: $to) {
    region { id code name }
    period { from to days } previousPeriod { from to days }
    venues { venue { id code name city } headline ${HEADLINE} }
    totals ${HEADLINE}
  }
}`;

const FACTORY_FIGURES = `{
  scans ${COUNT} listings ${COUNT} orders ${COUNT} gmv ${MONEY} supplyEarnings ${MONEY} unitsSold ${COUNT} unitsReturned ${COUNT}
  returnRate ${FLOAT} slots ${COUNT} occupiedSlotDays ${COUNT} skusOnDisplay ${COUNT} stockUnits ${COUNT} stockValue ${MONEY}
  stockAge { days0To30 ${COUNT} days31To90 ${COUNT} over90 ${COUNT} }
  priceSheetsPending ${COUNT} priceSheetsApproved ${COUNT} priceSheetsPartiallyApproved ${COUNT} priceSheetsRejected ${COUNT}
  medianHoursToDecision ${FLOAT}
}`;

export const FACTORY_REPORT = `query FactoryReport($factoryId: ID!, $from: Date!, $to: Date!) {
  factoryReport(factoryId: $factoryId, from: $from, to: $to) {
    factory { id name }
    period { from to days } previousPeriod { from to days }
    venues { venue { id code name city } figures ${FACTORY_FIGURES} }
    totals ${FACTORY_FIGURES}
  }
}`;
