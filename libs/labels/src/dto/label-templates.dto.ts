import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsName, ListArgs, Paginated } from '@xp/core';
import { LabelTemplate } from '../entities/label-template.entity';
import { LabelField, LabelLayout, SkuBarcode } from '../render/types';

@InputType()
export class LabelTemplateFilter {
  @Field(() => ID, { nullable: true, description: "The global templates plus this venue's own." })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => LabelLayout, { nullable: true })
  @IsOptional()
  @IsEnum(LabelLayout)
  layout?: LabelLayout;

  @Field({ nullable: true, description: 'Also list retired templates (default: active ones only).' })
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean;
}

@ArgsType()
export class LabelTemplateListArgs extends ListArgs {
  @Field(() => LabelTemplateFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LabelTemplateFilter)
  filter?: LabelTemplateFilter;
}

@ObjectType()
export class LabelTemplatePage extends Paginated(LabelTemplate) {}

@InputType()
export class LabelSheetInput {
  @Field(() => Float, { description: 'Page width in mm (A4: 210).' })
  @IsNumber()
  @Min(50)
  @Max(1000)
  pageWidthMm!: number;

  @Field(() => Float, { description: 'Page height in mm (A4: 297).' })
  @IsNumber()
  @Min(50)
  @Max(1000)
  pageHeightMm!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(20)
  columns!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(40)
  rows!: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(100)
  marginTopMm!: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(100)
  marginLeftMm!: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(50)
  gapXMm!: number;

  @Field(() => Float)
  @IsNumber()
  @Min(0)
  @Max(50)
  gapYMm!: number;
}

@InputType()
export class CreateLabelTemplateInput {
  @Field(() => ID, { description: 'The venue whose own template this is.' })
  @IsUUID()
  venueId!: string;

  @Field({ description: 'Unique within the venue: capital letters, digits and dashes.' })
  @Matches(/^[A-Z0-9-]{2,32}$/, { message: 'must be 2–32 capital letters, digits or dashes' })
  code!: string;

  @Field()
  @IsName(120)
  name!: string;

  @Field(() => Float)
  @IsNumber()
  @Min(15, { message: 'must be at least 15 mm (room for a readable QR code)' })
  @Max(300)
  widthMm!: number;

  @Field(() => Float)
  @IsNumber()
  @Min(10, { message: 'must be at least 10 mm (room for a readable QR code)' })
  @Max(300)
  heightMm!: number;

  @Field(() => LabelLayout)
  @IsEnum(LabelLayout)
  layout!: LabelLayout;

  @Field(() => LabelSheetInput, { nullable: true, description: 'Required for SHEET, absent for ROLL.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LabelSheetInput)
  sheet?: LabelSheetInput;

  @Field(() => [LabelField])
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsEnum(LabelField, { each: true })
  fields!: LabelField[];

  @Field(() => SkuBarcode, { defaultValue: SkuBarcode.NONE })
  @IsEnum(SkuBarcode)
  barcode: SkuBarcode = SkuBarcode.NONE;

  @Field(() => Int, { defaultValue: 203 })
  @IsIn([203, 300], { message: 'must be 203 or 300' })
  zplDpi: 203 | 300 = 203;
}
