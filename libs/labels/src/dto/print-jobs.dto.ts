import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { ListArgs, Paginated } from '@xp/core';
import { Label } from '../entities/label.entity';
import { LabelJobSkip, LabelPrintJob } from '../entities/label-print-job.entity';
import { LabelStatus, PrintJobStatus } from '../print.rules';
import { LabelFormat } from '../render/types';

const MAX_IDS = 2000;

/** Which slots to print: by slots, shelves or zones (any mix), optionally only those whose label is stale. */
@InputType()
export class LabelSelectionInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  slotIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  shelfIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  zoneIds?: string[];

  @Field({
    nullable: true,
    description: "Only slots whose live label is stale (the reprint queue); alone: the whole venue's queue.",
  })
  @IsOptional()
  @IsBoolean()
  staleOnly?: boolean;
}

@InputType()
export class CreateLabelPrintJobInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID, { description: 'A global template or one of the venue\'s own.' })
  @IsUUID()
  templateId!: string;

  @Field(() => LabelFormat)
  @IsEnum(LabelFormat)
  format!: LabelFormat;

  @Field(() => LabelSelectionInput)
  @ValidateNested()
  @Type(() => LabelSelectionInput)
  selection!: LabelSelectionInput;

  @Field(() => Int, { nullable: true, description: "ZPL only: 203 or 300 dpi (default: the template's)." })
  @IsOptional()
  @IsIn([203, 300], { message: 'must be 203 or 300' })
  zplDpi?: 203 | 300;
}

/** What a print job would print, shown before printing: nothing is written. */
@InputType()
export class PreviewLabelsInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field(() => ID, { description: "A global template or one of the venue's own." })
  @IsUUID()
  templateId!: string;

  @Field(() => LabelSelectionInput)
  @ValidateNested()
  @Type(() => LabelSelectionInput)
  selection!: LabelSelectionInput;

  @Field(() => Int, { nullable: true, description: 'Which page to show, from 1 (default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;
}

/** One page of the labels a selection would print, as SVG (placeholder scan codes). */
@ObjectType()
export class LabelPreview {
  @Field({ description: 'The page as an SVG document (millimetre units); its QR codes carry a placeholder code, not a real one.' })
  svg!: string;

  @Field(() => Int)
  page!: number;

  @Field(() => Int, { description: 'Pages the print job would have.' })
  pageCount!: number;

  @Field(() => Int, { description: 'Labels the print job would print.' })
  labelCount!: number;

  @Field(() => [String], { description: 'Fields left off at least one label of the page for lack of room.' })
  omitted!: string[];

  @Field(() => [LabelJobSkip], { description: 'Selected slots that would not be printed, and why.' })
  skipped!: LabelJobSkip[];
}

@InputType()
export class LabelPrintJobFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => PrintJobStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PrintJobStatus)
  status?: PrintJobStatus;
}

@ArgsType()
export class LabelPrintJobListArgs extends ListArgs {
  @Field(() => LabelPrintJobFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LabelPrintJobFilter)
  filter?: LabelPrintJobFilter;
}

@ObjectType()
export class LabelPrintJobPage extends Paginated(LabelPrintJob) {}

@InputType()
export class LabelFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  slotId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  skuId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  jobId?: string;

  @Field({ nullable: true, description: 'Stale now (true) or not (false).' })
  @IsOptional()
  @IsBoolean()
  stale?: boolean;

  @Field({ nullable: true, description: 'Confirmed on the shelf (POSTED) or not yet (PRINTED).' })
  @IsOptional()
  @IsBoolean()
  posted?: boolean;

  @Field(() => LabelStatus, { nullable: true, description: 'Default: the live labels (PRINTED and POSTED).' })
  @IsOptional()
  @IsEnum(LabelStatus)
  status?: LabelStatus;
}

@ArgsType()
export class LabelListArgs extends ListArgs {
  @Field(() => LabelFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LabelFilter)
  filter?: LabelFilter;
}

@ObjectType()
export class LabelPage extends Paginated(Label) {}

@InputType()
export class MarkLabelsPostedInput {
  @Field(() => [ID], { description: 'Labels now on the shelf (already posted ones are left as they are).' })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  labelIds!: string[];
}

@InputType()
export class RetireLabelsInput {
  @Field(() => [ID], { description: 'Labels taken off the shelf without a replacement (e.g. the slot is empty now).' })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  labelIds!: string[];
}

/** A label in the reprint queue, with what it printed and what the slot shows now. */
@ObjectType()
export class QueuedLabel {
  @Field(() => Label)
  label!: Label;

  @Field()
  slotCode!: string;

  @Field({ description: 'The SKU the label printed.' })
  skuCode!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'The SKU the slot shows today (null: the slot is empty).' })
  nowOnSlotSkuCode!: string | null;

  @Field(() => String, { nullable: true })
  nowOnSlotTitle!: string | null;
}

@ObjectType()
export class StaleLabelShelf {
  @Field(() => ID)
  shelfId!: string;

  @Field()
  shelfCode!: string;

  @Field(() => [QueuedLabel], { description: 'Stale labels to reprint (or to take down when the slot is empty).' })
  stale!: QueuedLabel[];

  @Field(() => [QueuedLabel], { description: 'Printed labels not yet confirmed on the shelf.' })
  awaitingPosting!: QueuedLabel[];
}

@ObjectType()
export class StaleLabelZone {
  @Field(() => ID)
  zoneId!: string;

  @Field()
  zoneCode!: string;

  @Field()
  zoneName!: string;

  @Field(() => [StaleLabelShelf])
  shelves!: StaleLabelShelf[];
}

/** The reprint queue of a venue, by zone and shelf. Empty when every live label is current and posted. */
@ObjectType()
export class StaleLabelQueue {
  @Field(() => ID)
  venueId!: string;

  @Field(() => Int)
  staleCount!: number;

  @Field(() => Int)
  awaitingPostingCount!: number;

  @Field(() => [StaleLabelZone])
  zones!: StaleLabelZone[];
}
