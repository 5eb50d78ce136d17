import { Measure, PendingMeasure } from '../lib/measure';
import { importsMeasure } from './imports';
import { labelsMeasure } from './labels';
import { ordersMeasure } from './orders';
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
  startupMeasure,
  slotListGrowthMeasure,
  scanPageGrowthMeasure,
];

/**
 * Measures whose code is not on this branch yet: listed as pending in the table. When an area
 * lands, its measure becomes a file in bench/measures exporting a Measure (`requires` names its
 * tables, so a branch without them lists it as pending again) and joins MEASURES; its data
 * becomes a generation step in bench/generate (`requires` likewise).
 *
 * REPORTS HOOK: the reports area adds `reportsMeasure` in bench/measures/reports.ts: a year's
 * venueReport and a regionReport through the API, cold (after DISCARD ALL / a fresh server) and
 * warm, in ms, with the hand-written aggregate as ceiling and the target below; and its growth
 * from 1/100 to 1/10 like slotListGrowthMeasure.
 */
export const PENDING_MEASURES: PendingMeasure[] = [
  { name: "reports: a year's venue report and a region report, cold and warm", waitsFor: 'the reports area', target: 'year venue report < 100 ms' },
  { name: 'growth: reports at 1/100 and 1/10', waitsFor: 'the reports area', target: 'flat or near-linear' },
];
