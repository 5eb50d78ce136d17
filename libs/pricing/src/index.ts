export * from './dto/pricing.inputs';
export * from './dto/pricing.types';
export * from './entities/price-sheet.entity';
export * from './pricing.module';
export * from './pricing.rules';
export * from './pricing.service';
export * from './price-sheets.service';
export * from './price-review.service';
export * from './price-import.rules';

import { MarkupPolicy, PriceSheet, PriceSheetLine, VenuePricingSettingsRow } from './entities/price-sheet.entity';
export const PRICING_ENTITIES = [PriceSheet, PriceSheetLine, MarkupPolicy, VenuePricingSettingsRow];
