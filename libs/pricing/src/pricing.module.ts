import { Module } from '@nestjs/common';
import { ErrorCode, registerConstraintErrors } from '@xp/core';
import { FactoriesModule } from '@xp/factories';
import { PriceImportService } from './price-import.service';
import { PriceReviewService } from './price-review.service';
import { PricingController } from './pricing.controller';
import { PriceSheetsService } from './price-sheets.service';
import { PriceSheetLineResolver, PriceSheetResolver, PriceVersionResolver, PricingPolicyResolver } from './pricing.resolver';
import { PricingService } from './pricing.service';

registerConstraintErrors({
  price_sheets_version_key: {
    code: ErrorCode.CONFLICT,
    message: 'Another price sheet was created for this venue at the same moment. Please try again.',
  },
  price_sheets_effective_from_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.effectiveFrom',
    message: 'must be the day of submission or later',
  },
  price_sheets_transition: {
    code: ErrorCode.INVALID_TRANSITION,
    message: 'The price sheet is not in a state that allows this. Reload it to see where it stands.',
  },
  price_sheets_lines_check: { code: ErrorCode.VALIDATION_FAILED, field: 'lines', message: 'a price sheet needs at least one line' },
  price_sheet_lines_sku_key: { code: ErrorCode.VALIDATION_FAILED, field: 'input.lines', message: 'a sheet prices each SKU once' },
  price_sheet_lines_tiers_check: {
    code: ErrorCode.PRICE_RULE_VIOLATED,
    message: 'Tier quantities must rise and unit prices must never rise with the quantity (1 to 10 tiers).',
  },
  price_sheet_lines_retail_check: {
    code: ErrorCode.PRICE_RULE_VIOLATED,
    message: 'The retail price must be at least every supply price.',
  },
  price_sheet_lines_floor_check: { code: ErrorCode.PRICE_RULE_VIOLATED, message: 'A price floor is never above the retail price.' },
  price_sheet_lines_wholesale_check: {
    code: ErrorCode.PRICE_RULE_VIOLATED,
    message: 'Wholesale prices must be at least the supply price of the same tier and at most the retail price.',
  },
  price_sheet_lines_wholesale_floor_check: {
    code: ErrorCode.PRICE_BELOW_FLOOR,
    message: 'A wholesale price is below the approved price floor.',
  },
  price_sheet_lines_moq_check: { code: ErrorCode.PRICE_RULE_VIOLATED, message: "The first tier of every line starts at its SKU's MOQ." },
  price_sheet_lines_floor_brand_check: {
    code: ErrorCode.PRICE_RULE_VIOLATED,
    message: "A price floor is only for SKUs of the factory's own verified brand.",
  },
  price_sheet_lines_draft_check: {
    code: ErrorCode.INVALID_TRANSITION,
    message: 'Lines change only while the sheet is a draft, and are decided only while it is under review.',
  },
  price_versions_immutable: { code: ErrorCode.INVALID_TRANSITION, message: 'An approved price version never changes.' },
  price_floor_four_eyes_check: {
    code: ErrorCode.FORBIDDEN,
    message: 'A price floor is approved by someone who neither submitted nor first reviewed the sheet.',
  },
  price_sheets_reviewer_check: { code: ErrorCode.FORBIDDEN, message: 'You submitted this price sheet; someone else reviews it.' },
  price_markup_policies_venue_category_key: {
    code: ErrorCode.CONFLICT,
    message: 'The markup policy was set by someone else at the same moment. Please try again.',
  },
});

/** Price sheets, their review with four-eyes floors, effective prices and their history. */
@Module({
  imports: [FactoriesModule],
  controllers: [PricingController],
  providers: [
    PriceImportService,
    PricingService,
    PriceSheetsService,
    PriceReviewService,
    PriceSheetResolver,
    PriceSheetLineResolver,
    PriceVersionResolver,
    PricingPolicyResolver,
  ],
  exports: [PricingService],
})
export class PricingModule {}
