import { Foundation1764000000000 } from './1764000000000-Foundation';
import { FactoriesCatalog1764100000000 } from './1764100000000-FactoriesCatalog';
import { OnboardingCatalogRules1764150000000 } from './1764150000000-OnboardingCatalogRules';
import { Pricing1764200000000 } from './1764200000000-Pricing';
import { Showroom1764300000000 } from './1764300000000-Showroom';
import { Stock1764500000000 } from './1764500000000-Stock';
import { LabelTemplates1764600000000 } from './1764600000000-LabelTemplates';
import { LabelsScans1764800000000 } from './1764800000000-LabelsScans';
import { Sales1764700000000 } from './1764700000000-Sales';
import { Settlement1764750000000 } from './1764750000000-Settlement';
import { OrderTrace1764760000000 } from './1764760000000-OrderTrace';
import { Reports1764900000000 } from './1764900000000-Reports';
import { ReportSkuMonthsDevices1765100000000 } from './1765100000000-ReportSkuMonthsDevices';
import { ReportStockEnds1765100000001 } from './1765100000001-ReportStockEnds';
import { ReportDevicesHashed1765100000002 } from './1765100000002-ReportDevicesHashed';
import { ReportSomeSkuTotals1765100000003 } from './1765100000003-ReportSomeSkuTotals';
import { ReportMonthsByRange1765100000004 } from './1765100000004-ReportMonthsByRange';
import { ReportSkuSalesDays1765100000005 } from './1765100000005-ReportSkuSalesDays';
import { ReportSellingFactories1765100000006 } from './1765100000006-ReportSellingFactories';
import { ReportDevicesOneVenue1765100000007 } from './1765100000007-ReportDevicesOneVenue';
import { ScanPageNotify1765200000000 } from './1765200000000-ScanPageNotify';
import { ReportPeriodCache1765300000000 } from './1765300000000-ReportPeriodCache';
import { ReportTodaySplit1765300000001 } from './1765300000001-ReportTodaySplit';
import { ReportClosedWhole1765300000002 } from './1765300000002-ReportClosedWhole';
import { ReportClosedChanges1765300000003 } from './1765300000003-ReportClosedChanges';
import { ReportStockEndToday1765300000004 } from './1765300000004-ReportStockEndToday';

/** Every migration, in timestamp order (one per line). The schema changes only through these. */
export const MIGRATIONS = [
  Foundation1764000000000,
  FactoriesCatalog1764100000000,
  OnboardingCatalogRules1764150000000,
  Pricing1764200000000,
  Showroom1764300000000,
  Stock1764500000000,
  LabelTemplates1764600000000,
  Sales1764700000000,
  Settlement1764750000000,
  OrderTrace1764760000000,
  LabelsScans1764800000000,
  Reports1764900000000,
  ReportSkuMonthsDevices1765100000000,
  ReportStockEnds1765100000001,
  ReportDevicesHashed1765100000002,
  ReportSomeSkuTotals1765100000003,
  ReportMonthsByRange1765100000004,
  ReportSkuSalesDays1765100000005,
  ReportSellingFactories1765100000006,
  ReportDevicesOneVenue1765100000007,
  ScanPageNotify1765200000000,
  ReportPeriodCache1765300000000,
  ReportTodaySplit1765300000001,
  ReportClosedWhole1765300000002,
  ReportClosedChanges1765300000003,
  ReportStockEndToday1765300000004,
];
