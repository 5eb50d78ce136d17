import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateScalar, Fen, IsFreeText, ListArgs, MoneyScalar } from '@xp/core';
import { FloorStatusValue, LineDecisionValue } from '../entities/price-sheet.entity';
import { MAX_TIERS, PriceSheetStatus } from '../pricing.rules';

/** Lines one API call may carry; larger sheets come as a spreadsheet (importPriceSheet). */
export const MAX_API_LINES = 2000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class PriceTierInput {
  @Field(() => Int, { description: 'From this quantity on; the first tier starts at the SKU MOQ.' })
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000_000, { message: 'is too large' })
  minQuantity!: number;

  @Field(() => MoneyScalar)
  @Min(1, { message: 'must be more than 0.00' })
  unitPrice!: Fen;
}

@InputType()
export class PriceSheetLineInput {
  @Field(() => ID, { description: "One of your factory's SKUs." })
  @IsUUID()
  skuId!: string;

  @Field(() => [PriceTierInput], { description: 'Supply price tiers (起批量 and 阶梯价).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TIERS)
  @ValidateNested({ each: true })
  @Type(() => PriceTierInput)
  tiers!: PriceTierInput[];

  @Field(() => MoneyScalar, { description: 'Retail (single piece) price (零售价).' })
  retailPrice!: Fen;

  @Field(() => MoneyScalar, { nullable: true, description: 'Price floor (控价): only for your verified brand.' })
  @IsOptional()
  requestedFloor?: Fen | null;
}

@InputType()
export class CreatePriceSheetInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID, { nullable: true, description: 'Needed only when you work for more than one factory.' })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => DateScalar, { description: 'Today or later.' })
  @Matches(DATE)
  effectiveFrom!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(2000)
  note?: string;

  @Field(() => [PriceSheetLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_API_LINES, { message: `must have at most ${MAX_API_LINES} lines; import a spreadsheet for more` })
  @ValidateNested({ each: true })
  @Type(() => PriceSheetLineInput)
  lines!: PriceSheetLineInput[];
}

@InputType()
export class UpdatePriceSheetInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @Matches(DATE)
  effectiveFrom?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(2000)
  note?: string;

  @Field(() => [PriceSheetLineInput], { nullable: true, description: 'When given, replaces every line of the draft.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_API_LINES, { message: `must have at most ${MAX_API_LINES} lines; import a spreadsheet for more` })
  @ValidateNested({ each: true })
  @Type(() => PriceSheetLineInput)
  lines?: PriceSheetLineInput[];
}

@InputType()
export class DeletePriceSheetInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@InputType()
export class SubmitPriceSheetInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@InputType()
export class LineReviewInput {
  @Field(() => ID)
  @IsUUID()
  lineId!: string;

  @Field(() => LineDecisionValue)
  @IsEnum(LineDecisionValue)
  decision!: LineDecisionValue;

  @Field({ nullable: true, description: 'Required when rejecting; the factory reads it.' })
  @IsOptional()
  @IsFreeText(500)
  reason?: string;

  @Field(() => [PriceTierInput], {
    nullable: true,
    description: "The venue's wholesale tiers (same quantity breaks as the supply tiers); pre-filled from the markup policy when omitted.",
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TIERS)
  @ValidateNested({ each: true })
  @Type(() => PriceTierInput)
  wholesaleTiers?: PriceTierInput[];

  @Field(() => LineDecisionValue, {
    nullable: true,
    description: 'Only REJECTED here: approving a floor takes a second reviewer (decidePriceFloors).',
  })
  @IsOptional()
  @IsEnum(LineDecisionValue)
  floorDecision?: LineDecisionValue;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(500)
  floorReason?: string;
}

@InputType()
export class ReviewPriceSheetInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The sheet version you reviewed; someone else acting first answers CONFLICT.' })
  @IsInt()
  version!: number;

  @Field(() => [LineReviewInput])
  @ArrayMaxSize(20_000)
  @ValidateNested({ each: true })
  @Type(() => LineReviewInput)
  lines!: LineReviewInput[];

  @Field(() => Boolean, { defaultValue: false, description: 'Approve every line not listed, with wholesale tiers from the markup policy.' })
  @IsBoolean()
  approveUnlisted = false;
}

@InputType()
export class FloorDecisionInput {
  @Field(() => ID)
  @IsUUID()
  lineId!: string;

  @Field(() => LineDecisionValue)
  @IsEnum(LineDecisionValue)
  decision!: LineDecisionValue;

  @Field({ nullable: true, description: 'Required when rejecting.' })
  @IsOptional()
  @IsFreeText(500)
  reason?: string;
}

@InputType()
export class DecidePriceFloorsInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int)
  @IsInt()
  version!: number;

  @Field(() => [FloorDecisionInput], { description: 'A decision for every floor still pending.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20_000)
  @ValidateNested({ each: true })
  @Type(() => FloorDecisionInput)
  lines!: FloorDecisionInput[];
}

@InputType()
export class ImportPriceSheetInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID, { description: 'An uploaded SPREADSHEET document (XLSX or CSV) made from the template.' })
  @IsUUID()
  documentId!: string;

  @Field(() => DateScalar)
  @Matches(DATE)
  effectiveFrom!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(2000)
  note?: string;
}

@InputType()
export class SetMarkupPolicyInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID, { nullable: true, description: "Null sets the venue's default." })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @Field(() => Int, { description: 'Basis points over the supply price: 2500 = 25 %.' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  markupBasisPoints!: number;
}

@InputType()
export class RemoveMarkupPolicyInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;
}

@InputType()
export class SetPricingSettingsInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => Int, { description: 'Flag changes beyond this many basis points either way (2000 = ±20 %).' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  largeChangeThresholdBasisPoints!: number;
}

@InputType()
export class PriceSheetFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => PriceSheetStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PriceSheetStatus)
  status?: PriceSheetStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Sheets taking effect on or after this day.' })
  @IsOptional()
  @Matches(DATE)
  effectiveFromMin?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Sheets taking effect on or before this day.' })
  @IsOptional()
  @Matches(DATE)
  effectiveFromMax?: string;
}

@ArgsType()
export class PriceSheetListArgs extends ListArgs {
  @Field(() => PriceSheetFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PriceSheetFilter)
  filter?: PriceSheetFilter;
}

@InputType()
export class PriceSheetLineFilter {
  @Field(() => LineDecisionValue, { nullable: true })
  @IsOptional()
  @IsEnum(LineDecisionValue)
  decision?: LineDecisionValue;

  @Field(() => Boolean, { nullable: true, description: 'Only lines without a decision yet.' })
  @IsOptional()
  @IsBoolean()
  undecided?: boolean;

  @Field(() => FloorStatusValue, { nullable: true })
  @IsOptional()
  @IsEnum(FloorStatusValue)
  floorStatus?: FloorStatusValue;
}

@ArgsType()
export class PriceSheetLineListArgs extends ListArgs {
  @Field(() => PriceSheetLineFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PriceSheetLineFilter)
  filter?: PriceSheetLineFilter;
}

@InputType()
export class PriceHistoryFilter {
  @Field(() => DateScalar, { nullable: true, description: 'Versions taking effect on or after this day.' })
  @IsOptional()
  @Matches(DATE)
  effectiveFromMin?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Versions taking effect on or before this day.' })
  @IsOptional()
  @Matches(DATE)
  effectiveFromMax?: string;
}

@ArgsType()
export class PriceHistoryArgs extends ListArgs {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID)
  @IsUUID()
  skuId!: string;

  @Field(() => PriceHistoryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PriceHistoryFilter)
  filter?: PriceHistoryFilter;
}
