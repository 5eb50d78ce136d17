import type { ComponentType } from 'react';
import { CatalogImportPage } from './catalogImport/CatalogImportPage';
import { LabelPrintingPage } from './labelPrinting/LabelPrintingPage';
import { OccupancyPage } from './occupancy/OccupancyPage';
import { PriceHistoryPage } from './priceHistory/PriceHistoryPage';
import { PriceImportPage } from './priceImport/PriceImportPage';
import { FactoryReportPage } from './reports/FactoryReportPage';
import { RegionReportPage } from './reports/RegionReportPage';
import { VenueReportPage } from './reports/VenueReportPage';
import { ScanStatsPage } from './scanStats/ScanStatsPage';
import { SlotMapPage } from './slotMap/SlotMapPage';
import { StockAgePage } from './stockAge/StockAgePage';
import { StockTransferPage } from './stockTransfer/StockTransferPage';

/**
 * Pages of their own (not a resource's list/show/edit): the slot map, occupancy, imports…
 * Each is reached from a menu link (layout/menuLinks.ts) or a button; the API decides what
 * each user may see on it.
 */
export interface PageDefinition {
  path: string;
  component: ComponentType;
}

export const PAGES: readonly PageDefinition[] = [
  { path: '/catalog-import', component: CatalogImportPage },
  { path: '/slot-map', component: SlotMapPage },
  { path: '/occupancy', component: OccupancyPage },
  { path: '/stock-transfer', component: StockTransferPage },
  { path: '/stock-age', component: StockAgePage },
  { path: '/label-printing', component: LabelPrintingPage },
  { path: '/scan-stats', component: ScanStatsPage },
  { path: '/price-import', component: PriceImportPage },
  { path: '/price-history', component: PriceHistoryPage },
  { path: '/reports/venue', component: VenueReportPage },
  { path: '/reports/region', component: RegionReportPage },
  { path: '/reports/factory', component: FactoryReportPage },
];
