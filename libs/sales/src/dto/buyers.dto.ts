import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsEnum, IsOptional, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DateScalar, DateTimeScalar, IsName, ListArgs, MoneyScalar, Paginated } from '@xp/core';
import { Buyer, MemberLevelRun } from '../entities/buyer.entity';
import { MemberLevel } from '../sales.enums';

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const WECHAT_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{5,19}$/;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType()
export class RegisterBuyerInput {
  @Field({ description: 'The shop (店铺) name.' })
  @IsName(120)
  shopName!: string;

  @Field()
  @IsName(60)
  contactName!: string;

  @Field({ description: 'Mainland mobile number, 11 digits: identifies the buyer (one registration per phone).' })
  @Matches(PHONE_PATTERN, { message: 'must be a mainland mobile number of 11 digits, like 13812345678' })
  phone!: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string;

  @Field({ nullable: true, description: 'WeChat id (微信号): 6–20 letters, digits, _ or -, starting with a letter.' })
  @IsOptional()
  @Matches(WECHAT_PATTERN, { message: 'must be a WeChat id: 6–20 letters, digits, _ or -, starting with a letter' })
  wechatId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @Field()
  @IsName(60)
  city!: string;

  @Field(() => ID, { nullable: true, description: 'The venue the buyer registers at (e.g. from its scan page).' })
  @IsOptional()
  @IsUUID()
  venueId?: string;
}

@InputType()
export class BuyerFilter {
  @Field(() => ID, { nullable: true, description: 'Buyers registered with or who ordered at this venue.' })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => MemberLevel, { nullable: true })
  @IsOptional()
  @IsEnum(MemberLevel)
  memberLevel?: MemberLevel;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @Field({ nullable: true, description: 'Part of the shop name, among the buyers of your venues.' })
  @IsOptional()
  @IsName(60)
  search?: string;

  @Field({
    nullable: true,
    description: 'A full mobile number: finds the buyer wherever it registered (to serve a buyer new to your venue).',
  })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'must be a full mobile number of 11 digits' })
  phone?: string;
}

@ArgsType()
export class BuyerListArgs extends ListArgs {
  @Field(() => BuyerFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BuyerFilter)
  filter?: BuyerFilter;
}

@ObjectType()
export class BuyerPage extends Paginated(Buyer) {}

/** What a buyer's level rests on: the month, the amount, the thresholds then in force. */
@ObjectType()
export class MemberLevelBasis {
  @Field(() => DateScalar, { description: 'The calendar month (its first day) the level is computed from.' })
  month!: string;

  @Field(() => MoneyScalar, { description: 'Delivered orders less returns received in that month.' })
  amount!: number;

  @Field(() => [MoneyScalar], { description: 'Thresholds of L1…L6 used.' })
  thresholds!: number[];

  @Field(() => DateTimeScalar)
  computedAt!: Date;
}

@ObjectType()
export class MemberLevelThreshold {
  @Field(() => MemberLevel)
  level!: MemberLevel;

  @Field(() => MoneyScalar, { description: 'Purchases in a calendar month from which the level applies.' })
  minimum!: number;
}

@ObjectType()
export class MemberLevelPolicy {
  @Field(() => [MemberLevelThreshold], { description: 'L0 from 0.00, then L1 (2000.00) to L6.' })
  levels!: MemberLevelThreshold[];

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@InputType()
export class UpdateMemberLevelPolicyInput {
  @Field(() => [MoneyScalar], { description: 'Six thresholds, for L1 to L6: L1 is 2000.00; each above the one before.' })
  @ArrayMinSize(6, { message: 'must list six thresholds, for L1 to L6' })
  @ArrayMaxSize(6, { message: 'must list six thresholds, for L1 to L6' })
  thresholds!: number[];
}

@InputType()
export class RecomputeMemberLevelsInput {
  @Field({ nullable: true, description: "YYYY-MM; default the last calendar month. Earlier months don't change current levels." })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'must be a month, YYYY-MM' })
  month?: string;
}

@ObjectType()
export class MemberLevelRunPage extends Paginated(MemberLevelRun) {}
