import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
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
import { DateScalar, IsCode, IsFreeText, ListArgs, Paginated } from '@xp/core';
import { StockBalance, StockMovement } from '../entities/stock-movement.entity';
import { LocationKind, MovementType } from '../stock.enums';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
export const MAX_LINES = 500;

/** The idempotency key every stock-changing mutation takes: a replay answers the first result. */
export const IsIdempotencyKey = () =>
  Matches(IDEMPOTENCY_KEY_PATTERN, { message: 'must be 8–128 letters, digits or . _ : - (a UUID is best)' });

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Unique per request (a UUID). Sending the same key again answers the first result and moves nothing.';

@InputType()
export class StockLineInput {
  @Field(() => ID)
  @IsUUID()
  skuId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(10_000_000)
  quantity!: number;
}

/** A venue, lines of SKUs and quantities, and the idempotency key: what every stock-moving input has. */
@InputType({ isAbstract: true })
export abstract class VenueStockLinesInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => [StockLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => StockLineInput)
  lines!: StockLineInput[];

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsIdempotencyKey()
  idempotencyKey!: string;
}

@InputType()
export class TransferStockInput extends VenueStockLinesInput {
  @Field(() => LocationKind)
  @IsEnum(LocationKind)
  from!: LocationKind;

  @Field(() => LocationKind)
  @IsEnum(LocationKind)
  to!: LocationKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(500)
  note?: string;
}

@InputType()
export class ReturnToFactoryInput extends VenueStockLinesInput {
  @Field(() => ID)
  @IsUUID()
  factoryOrgId!: string;

  @Field(() => LocationKind, { defaultValue: LocationKind.WAREHOUSE })
  @IsEnum(LocationKind)
  from: LocationKind = LocationKind.WAREHOUSE;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(500)
  note?: string;
}

@InputType()
export class WriteOffStockInput extends VenueStockLinesInput {
  @Field(() => LocationKind, { defaultValue: LocationKind.DAMAGED })
  @IsEnum(LocationKind)
  from: LocationKind = LocationKind.DAMAGED;

  @Field()
  @IsFreeText(500)
  reason!: string;
}

@InputType()
export class UpdateVenueStockSettingsInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'must be 0 or more' })
  @Max(1_000_000)
  countVarianceThreshold!: number;
}

@ObjectType({ description: 'The movements one stock-changing request made (the first ones again on a replay).' })
export class StockOperationResult {
  @Field(() => ID)
  operationId!: string;

  @Field({ description: 'True when the idempotency key had been used: nothing moved this time.' })
  replayed!: boolean;

  @Field(() => [StockMovement])
  movements!: StockMovement[];
}

@InputType()
export class StockBalanceFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  skuId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => LocationKind, { nullable: true })
  @IsOptional()
  @IsEnum(LocationKind)
  location?: LocationKind;

  @Field({ nullable: true, description: 'Only balances with something on hand.' })
  @IsOptional()
  @IsBoolean()
  nonZero?: boolean;
}

@ArgsType()
export class StockBalanceListArgs extends ListArgs {
  @Field(() => StockBalanceFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StockBalanceFilter)
  filter?: StockBalanceFilter;
}

@ObjectType()
export class StockBalancePage extends Paginated(StockBalance) {}

@InputType()
export class StockMovementFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  skuId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => MovementType, { nullable: true })
  @IsOptional()
  @IsEnum(MovementType)
  type?: MovementType;

  @Field({ nullable: true, description: 'e.g. ConsignmentReceipt, StockCount, SalesOrder.' })
  @IsOptional()
  @IsCode(60)
  referenceType?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  referenceId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'From this business day (inclusive).' })
  @IsOptional()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'To this business day (inclusive).' })
  @IsOptional()
  to?: string;
}

@ArgsType()
export class StockMovementListArgs extends ListArgs {
  @Field(() => StockMovementFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StockMovementFilter)
  filter?: StockMovementFilter;
}

@ObjectType()
export class StockMovementPage extends Paginated(StockMovement) {}

@ObjectType({ description: "A SKU's units at a venue by age since receipt, first in first out." })
export class SkuStockAge {
  @Field(() => ID)
  venueId!: string;

  @Field(() => ID)
  skuId!: string;

  @Field(() => ID)
  ownerFactoryOrgId!: string;

  @Field(() => Int, { description: 'Units in the venue, all locations.' })
  onHand!: number;

  @Field(() => Int, { description: 'Units received 0–30 days ago.' })
  days0To30!: number;

  @Field(() => Int, { description: 'Units received 31–90 days ago.' })
  days31To90!: number;

  @Field(() => Int, { description: 'Units received more than 90 days ago.' })
  over90!: number;

  @Field(() => DateScalar, { nullable: true })
  oldestReceivedOn!: string | null;

  @Field(() => Int, { nullable: true })
  oldestAgeDays!: number | null;
}

@InputType()
export class StockAgeFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  skuId?: string;
}

@ArgsType()
export class StockAgeArgs extends ListArgs {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Ages as of this business day (default: today).' })
  @IsOptional()
  asOf?: string;

  @Field(() => StockAgeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => StockAgeFilter)
  filter?: StockAgeFilter;
}

@ObjectType()
export class StockAgePage extends Paginated(SkuStockAge) {}
