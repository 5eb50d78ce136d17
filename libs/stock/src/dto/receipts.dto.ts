import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DateScalar, IsFreeText, ListArgs, Paginated } from '@xp/core';
import { ConsignmentReceipt } from '../entities/consignment-receipt.entity';
import { ReceiptStatus } from '../stock.enums';
import { IDEMPOTENCY_KEY_DESCRIPTION, IsIdempotencyKey, MAX_LINES, StockLineInput } from './stock.dto';

@InputType()
export class DeclareConsignmentInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID, { description: 'The factory delivering (a factory declares only for itself).' })
  @IsUUID()
  factoryOrgId!: string;

  @Field({ description: "The factory's delivery note number (送货单号)." })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, { message: 'must be 1–40 letters, digits or . _ / -' })
  deliveryNoteNo!: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  expectedOn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(2000)
  note?: string;

  @Field(() => [StockLineInput], { description: 'Declared quantities, one line per SKU.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => StockLineInput)
  lines!: StockLineInput[];
}

@InputType()
export class ReceivedLineInput {
  @Field(() => ID)
  @IsUUID()
  skuId!: string;

  @Field(() => Int, { description: 'Units received in good order (0 if none arrived).' })
  @IsInt()
  @Min(0, { message: 'must be 0 or more' })
  @Max(10_000_000)
  receivedQuantity!: number;
}

@InputType()
export class ReceiveConsignmentInput {
  @Field(() => ID)
  @IsUUID()
  receiptId!: string;

  @Field(() => [ReceivedLineInput], {
    description: 'Every declared SKU with what arrived; SKUs of the same factory not on the note may be added.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => ReceivedLineInput)
  lines!: ReceivedLineInput[];

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(2000)
  note?: string;

  @Field({ description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsIdempotencyKey()
  idempotencyKey!: string;
}

@InputType()
export class CancelConsignmentReceiptInput {
  @Field(() => ID)
  @IsUUID()
  receiptId!: string;

  @Field()
  @IsFreeText(2000)
  reason!: string;
}

@InputType()
export class ConsignmentReceiptFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => ReceiptStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ReceiptStatus)
  status?: ReceiptStatus;
}

@ArgsType()
export class ConsignmentReceiptListArgs extends ListArgs {
  @Field(() => ConsignmentReceiptFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsignmentReceiptFilter)
  filter?: ConsignmentReceiptFilter;
}

@ObjectType()
export class ConsignmentReceiptPage extends Paginated(ConsignmentReceipt) {}
