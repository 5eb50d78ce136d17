import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { IsCode, IsFreeText, ListArgs, Paginated } from '@xp/core';
import { Settlement } from '../entities/settlement.entity';
import { SettlementStatus } from '../settlement.rules';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType()
export class GenerateSettlementInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID)
  @IsUUID()
  factoryOrgId!: string;

  @Field({ description: 'The month, YYYY-MM (Asia/Shanghai); it must have ended.' })
  @Matches(MONTH, { message: 'must be a month, YYYY-MM' })
  month!: string;
}

@InputType()
export class IssueSettlementInput {
  @Field(() => ID)
  @IsUUID()
  settlementId!: string;
}

@InputType()
export class ConfirmSettlementInput {
  @Field(() => ID)
  @IsUUID()
  settlementId!: string;
}

@InputType()
export class DisputeSettlementInput {
  @Field(() => ID)
  @IsUUID()
  settlementId!: string;

  @Field({ description: 'What the factory disagrees with.' })
  @IsFreeText(2000)
  reason!: string;
}

@InputType()
export class MarkSettlementPaidInput {
  @Field(() => ID)
  @IsUUID()
  settlementId!: string;

  @Field({ nullable: true, description: 'The bank transfer reference.' })
  @IsOptional()
  @IsCode(120)
  paymentReference?: string;
}

@InputType()
export class SettlementFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field({ nullable: true, description: 'YYYY-MM' })
  @IsOptional()
  @Matches(MONTH, { message: 'must be a month, YYYY-MM' })
  month?: string;

  @Field(() => SettlementStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SettlementStatus)
  status?: SettlementStatus;
}

@ArgsType()
export class SettlementListArgs extends ListArgs {
  @Field(() => SettlementFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SettlementFilter)
  filter?: SettlementFilter;
}

@ObjectType()
export class SettlementPage extends Paginated(Settlement) {}
