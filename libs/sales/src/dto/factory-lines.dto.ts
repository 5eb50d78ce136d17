import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { DateScalar, DateTimeScalar, ListArgs, MoneyScalar, Paginated } from '@xp/core';
import { SalesOrderStatus } from '../sales.enums';

/**
 * One order line of a factory's goods, as the factory sees it: which order, where, when and in
 * what state, the SKU, the quantity and its supply price. Not the buyer, not the wholesale
 * price: those are the venue's business.
 */
@ObjectType({ description: "A line of the factory's goods on a wholesale order: the factory's view (no buyer, no wholesale price)." })
export class FactoryOrderLine {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  orderId!: string;

  @Field({ description: 'The order number, e.g. SO20261125-000123.' })
  orderNo!: string;

  @Field(() => SalesOrderStatus, { description: "The order's status." })
  orderStatus!: SalesOrderStatus;

  @Field(() => DateTimeScalar)
  placedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  shippedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => ID)
  venueId!: string;

  @Field(() => Int)
  lineNo!: number;

  @Field(() => ID)
  skuId!: string;

  @Field(() => ID)
  factoryOrgId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => ID, { description: 'The price version (approved price line) the line was priced from.' })
  priceVersionId!: string;

  @Field(() => MoneyScalar, { description: 'The supply price per unit recorded on the line (what settlement pays).' })
  supplyUnitPrice!: number;

  @Field(() => MoneyScalar, { description: 'quantity × supplyUnitPrice, exact.' })
  supplyAmount!: number;
}

@InputType()
export class FactoryOrderLineFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  skuId?: string;

  @Field(() => SalesOrderStatus, { nullable: true, description: "The order's status." })
  @IsOptional()
  @IsEnum(SalesOrderStatus)
  orderStatus?: SalesOrderStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Placed on or after this day (Asia/Shanghai).' })
  @IsOptional()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Placed on or before this day.' })
  @IsOptional()
  to?: string;
}

@ArgsType()
export class FactoryOrderLineListArgs extends ListArgs {
  @Field(() => FactoryOrderLineFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FactoryOrderLineFilter)
  filter?: FactoryOrderLineFilter;
}

@ObjectType()
export class FactoryOrderLinePage extends Paginated(FactoryOrderLine) {}
