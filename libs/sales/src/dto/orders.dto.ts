import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DateScalar, IsCode, IsFreeText, ListArgs, Paginated } from '@xp/core';
import { IDEMPOTENCY_KEY_DESCRIPTION, IsIdempotencyKey } from '@xp/stock';
import { SalesOrder } from '../entities/sales-order.entity';
import { SalesReturn } from '../entities/sales-return.entity';
import { ReturnDestination, ReturnReason, SalesOrderStatus, SalesReturnStatus } from '../sales.enums';

export const MAX_ORDER_LINES = 200;
export const SCAN_CODE_PATTERN = /^[A-Za-z0-9_-]{4,64}$/;

@InputType()
export class OrderLineInput {
  @Field(() => ID)
  @IsUUID()
  skuId!: string;

  @Field(() => Int, { description: "At least the SKU's MOQ and a whole number of packs." })
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(10_000_000)
  quantity!: number;

  @Field({ nullable: true, description: 'The shelf label scan code the buyer came from, if any.' })
  @IsOptional()
  @Matches(SCAN_CODE_PATTERN, { message: 'must be a label scan code (4–64 letters, digits, _ or -)' })
  scanCode?: string;
}

@InputType()
export class PlaceOrderInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID)
  @IsUUID()
  buyerId!: string;

  @Field(() => [OrderLineInput], { description: 'One line per SKU.' })
  @ArrayMinSize(1, { message: 'must list at least one line' })
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => OrderLineInput)
  lines!: OrderLineInput[];

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(2000)
  note?: string;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsIdempotencyKey()
  idempotencyKey!: string;
}

@InputType()
export class MarkOrderPaidInput {
  @Field(() => ID)
  @IsUUID()
  orderId!: string;

  @Field({ nullable: true, description: 'The payment reference (bank transfer, Alipay trade number…).' })
  @IsOptional()
  @IsCode(120)
  paymentReference?: string;
}

@InputType()
export class ShipOrderInput {
  @Field(() => ID)
  @IsUUID()
  orderId!: string;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsIdempotencyKey()
  idempotencyKey!: string;
}

@InputType()
export class MarkOrderDeliveredInput {
  @Field(() => ID)
  @IsUUID()
  orderId!: string;
}

@InputType()
export class CancelOrderInput {
  @Field(() => ID)
  @IsUUID()
  orderId!: string;

  @Field()
  @IsFreeText(2000)
  reason!: string;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsIdempotencyKey()
  idempotencyKey!: string;
}

@InputType()
export class SalesOrderFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  buyerId?: string;

  @Field(() => SalesOrderStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SalesOrderStatus)
  status?: SalesOrderStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Placed on or after this day (Asia/Shanghai).' })
  @IsOptional()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Placed on or before this day.' })
  @IsOptional()
  to?: string;

  @Field(() => ID, { nullable: true, description: 'Orders with a line of this factory.' })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => ID, { nullable: true, description: 'Orders with a line of this SKU.' })
  @IsOptional()
  @IsUUID()
  skuId?: string;

  @Field({ nullable: true, description: 'Orders with a line that came from this label scan code.' })
  @IsOptional()
  @Matches(SCAN_CODE_PATTERN, { message: 'must be a label scan code' })
  scanCode?: string;
}

@ArgsType()
export class SalesOrderListArgs extends ListArgs {
  @Field(() => SalesOrderFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SalesOrderFilter)
  filter?: SalesOrderFilter;
}

@ObjectType()
export class SalesOrderPage extends Paginated(SalesOrder) {}

@InputType()
export class ReturnLineInput {
  @Field(() => ID)
  @IsUUID()
  skuId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(10_000_000)
  quantity!: number;
}

@InputType()
export class RequestReturnInput {
  @Field(() => ID)
  @IsUUID()
  orderId!: string;

  @Field(() => ReturnReason)
  @IsEnum(ReturnReason)
  reason!: ReturnReason;

  @Field({ nullable: true, description: 'Required when the reason is OTHER.' })
  @IsOptional()
  @IsFreeText(2000)
  note?: string;

  @Field(() => [ReturnLineInput])
  @ArrayMinSize(1, { message: 'must list at least one line' })
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => ReturnLineInput)
  lines!: ReturnLineInput[];
}

@InputType()
export class ReceivedReturnLineInput {
  @Field(() => ID)
  @IsUUID()
  skuId!: string;

  @Field(() => ReturnDestination, { description: 'WAREHOUSE (back to stock) or DAMAGED.' })
  @IsEnum(ReturnDestination)
  location!: ReturnDestination;
}

@InputType()
export class ReceiveReturnInput {
  @Field(() => ID)
  @IsUUID()
  returnId!: string;

  @Field(() => [ReceivedReturnLineInput], { description: 'Every line of the return with where its goods go.' })
  @ArrayMinSize(1, { message: 'must list at least one line' })
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => ReceivedReturnLineInput)
  lines!: ReceivedReturnLineInput[];

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsIdempotencyKey()
  idempotencyKey!: string;
}

@InputType()
export class CancelReturnInput {
  @Field(() => ID)
  @IsUUID()
  returnId!: string;

  @Field()
  @IsFreeText(2000)
  reason!: string;
}

@InputType()
export class SalesReturnFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @Field(() => SalesReturnStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SalesReturnStatus)
  status?: SalesReturnStatus;
}

@ArgsType()
export class SalesReturnListArgs extends ListArgs {
  @Field(() => SalesReturnFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SalesReturnFilter)
  filter?: SalesReturnFilter;
}

@ObjectType()
export class SalesReturnPage extends Paginated(SalesReturn) {}

@InputType()
export class UpdateVenueSalesSettingsInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => Int, { description: 'Minutes an unpaid order holds its stock: 5 to 43,200 (30 days).' })
  @IsInt()
  @Min(5, { message: 'must be at least 5 minutes' })
  @Max(43_200, { message: 'must be at most 43200 minutes (30 days)' })
  reservationHoldMinutes!: number;
}

@InputType()
export class SetReturnPolicyInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => Int, { description: 'Days after delivery in which a return may be requested (0–30; 7 is 七天无理由).' })
  @IsInt()
  @Min(0)
  @Max(30, { message: 'must be at most 30 days' })
  windowDays!: number;

  @Field({ description: 'The policy as buyers read it.' })
  @IsFreeText(4000)
  text!: string;
}
