import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsFreeText, ListArgs, Paginated } from '@xp/core';
import { StockCount } from '../entities/stock-count.entity';
import { LocationKind, StockCountStatus } from '../stock.enums';
import { IDEMPOTENCY_KEY_DESCRIPTION, IsIdempotencyKey, MAX_LINES } from './stock.dto';

@InputType()
export class StartStockCountInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => LocationKind)
  @IsEnum(LocationKind)
  location!: LocationKind;

  @Field(() => [ID], { nullable: true, description: 'The SKUs to count; default: every SKU with a balance there.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES * 4)
  @IsUUID(undefined, { each: true })
  skuIds?: string[];

  @Field(() => ID, { nullable: true, description: "Only this factory's SKUs." })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(2000)
  note?: string;
}

@InputType()
export class CountedLineInput {
  @Field(() => ID)
  @IsUUID()
  skuId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'must be 0 or more' })
  @Max(10_000_000)
  countedQuantity!: number;
}

@InputType()
export class SubmitStockCountInput {
  @Field(() => ID)
  @IsUUID()
  countId!: string;

  @Field(() => [CountedLineInput], { description: 'A counted quantity for every SKU of the count.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES * 4)
  @ValidateNested({ each: true })
  @Type(() => CountedLineInput)
  lines!: CountedLineInput[];
}

@InputType()
export class ApproveStockCountInput {
  @Field(() => ID)
  @IsUUID()
  countId!: string;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsIdempotencyKey()
  idempotencyKey!: string;
}

@InputType()
export class CancelStockCountInput {
  @Field(() => ID)
  @IsUUID()
  countId!: string;

  @Field()
  @IsFreeText(2000)
  reason!: string;
}

@InputType()
export class StockCountFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => LocationKind, { nullable: true })
  @IsOptional()
  @IsEnum(LocationKind)
  location?: LocationKind;

  @Field(() => StockCountStatus, { nullable: true })
  @IsOptional()
  @IsEnum(StockCountStatus)
  status?: StockCountStatus;
}

@ArgsType()
export class StockCountListArgs extends ListArgs {
  @Field(() => StockCountFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StockCountFilter)
  filter?: StockCountFilter;
}

@ObjectType()
export class StockCountPage extends Paginated(StockCount) {}
