import { Measure, PendingMeasure } from '../lib/measure';
import { importsMeasure } from './imports';
import { labelsMeasure } from './labels';
import { ordersMeasure } from './orders';
import { reportsGrowthMeasure, reportsMeasure } from './reports';
import { scanPageGrowthMeasure, scanPageMeasure } from './scan-page';
import { slotListGrowthMeasure, slotListMeasure } from './slot-list';
import { startupMeasure } from './startup';

/** Every measure, in the order they run (the table keeps it). */
export const MEASURES: Measure[] = [
  scanPageMeasure,
  slotListMeasure,
  ordersMeasure,
  labelsMeasure,
  importsMeasure,
  reportsMeasure,
  startupMeasure,
  slotListGrowthMeasure,
  scanPageGrowthMeasure,
  reportsGrowthMeasure,
];

/**
 * Measures whose code is not on this branch yet: listed as pending in the table. When an area
 * lands, its measure becomes a file in bench/measures exporting a Measure (`requires` names its
 * tables, so a branch without them lists it as pending again) and joins MEASURES; its data
 * becomes a generation step in bench/generate (`requires` likewise).
 */
export const PENDING_MEASURES: PendingMeasure[] = [];
