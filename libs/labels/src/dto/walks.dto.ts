import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { DateTimeScalar, IsCode, ListArgs, Paginated } from '@xp/core';
import { Label } from '../entities/label.entity';
import { LabelWalk } from '../entities/label-walk.entity';
import { LabelCheckResult, StaleReason, WalkStatus } from '../print.rules';

@InputType()
export class StartLabelWalkInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID, { nullable: true, description: 'The shelf to walk; left out, the shelf of the first label scanned.' })
  @IsOptional()
  @IsUUID()
  shelfId?: string;
}

@InputType()
export class VerifyLabelInput {
  @Field(() => ID, { nullable: true, description: 'The walk this scan belongs to; left out, a new walk starts at venueId.' })
  @IsOptional()
  @IsUUID()
  walkId?: string;

  @Field(() => ID, { nullable: true, description: 'Required when no walkId is given.' })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field({ description: 'What the phone read: the scan URL or the code.' })
  @IsCode(500)
  code!: string;
}

@InputType()
export class FinishLabelWalkInput {
  @Field(() => ID)
  @IsUUID()
  walkId!: string;
}

@InputType()
export class LabelWalkFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  shelfId?: string;

  @Field(() => WalkStatus, { nullable: true })
  @IsOptional()
  @IsEnum(WalkStatus)
  status?: WalkStatus;
}

@ArgsType()
export class LabelWalkListArgs extends ListArgs {
  @Field(() => LabelWalkFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LabelWalkFilter)
  filter?: LabelWalkFilter;
}

@ObjectType()
export class LabelWalkPage extends Paginated(LabelWalk) {}

/** What a scan on a walk found, in words for the phone and in fields for the console. */
@ObjectType()
export class LabelCheck {
  @Field({ description: 'The normalized code (or what was scanned, when it is no code).' })
  code!: string;

  @Field(() => LabelCheckResult)
  result!: LabelCheckResult;

  @Field({ description: 'One sentence in Chinese for the phone screen.' })
  message!: string;

  @Field(() => Label, { nullable: true })
  label!: Label | null;

  @Field(() => String, { nullable: true })
  slotCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The SKU the label printed.' })
  skuCode!: string | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => StaleReason, { nullable: true })
  staleReason!: StaleReason | null;

  @Field(() => DateTimeScalar, { nullable: true })
  staleSince!: Date | null;

  @Field(() => String, { nullable: true, description: 'The SKU the slot shows today when it changed (null: empty or unchanged).' })
  nowOnSlotSkuCode!: string | null;

  @Field(() => ID, { nullable: true, description: 'The price version in force now, when the printed one is outdated.' })
  currentPriceVersionId!: string | null;

  @Field(() => Label, { nullable: true, description: 'The live label of the slot that replaces this one (a retired label).' })
  replacement!: Label | null;

  @Field({ description: 'True when a new label must be printed for the slot.' })
  reprintNeeded!: boolean;
}

@ObjectType()
export class VerifyLabelPayload {
  @Field(() => LabelWalk)
  walk!: LabelWalk;

  @Field(() => LabelCheck)
  check!: LabelCheck;
}
