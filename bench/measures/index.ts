import { Measure, PendingMeasure } from '../lib/measure';
import { importsMeasure } from './imports';
import { labelsMeasure } from './labels';
import { slotListGrowthMeasure, slotListMeasure } from './slot-list';
import { startupMeasure } from './startup';

/** Every measure, in the order they run (the table keeps it). */
export const MEASURES: Measure[] = [slotListMeasure, labelsMeasure, importsMeasure, startupMeasure, slotListGrowthMeasure];

/**
 * Measures whose code is not on this branch yet. When an area lands, its measure moves into
 * MEASURES (a file in bench/measures exporting a Measure; `requires` names its tables).
 */
export const PENDING_MEASURES: PendingMeasure[] = [];
