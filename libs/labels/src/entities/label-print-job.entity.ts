import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';
import { PrintJobStatus } from '../print.rules';
import { LabelFormat } from '../render/types';

/** A slot the job did not print, and why. */
@ObjectType()
export class LabelJobSkip {
  @Field(() => ID)
  slotId!: string;

  @Field()
  slotCode!: string;

  @Field({ description: 'NO_ASSIGNMENT, NOT_PRICED or SLOT_NOT_ACTIVE.' })
  reason!: string;

  @Field()
  message!: string;
}

/** What a print job was asked for (echoed as asked). */
@ObjectType()
export class LabelSelectionEcho {
  @Field(() => [ID], { nullable: true })
  slotIds?: string[];

  @Field(() => [ID], { nullable: true })
  shelfIds?: string[];

  @Field(() => [ID], { nullable: true })
  zoneIds?: string[];

  @Field({ nullable: true })
  staleOnly?: boolean;
}

/** One print run: the labels it made and the rendered file (PDF, ZPL or SVG) kept with it. */
@ObjectType()
@Entity('label_print_jobs')
export class LabelPrintJob {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID)
  @Column('uuid')
  templateId!: string;

  @Field(() => LabelFormat)
  @Column({ type: 'text' })
  format!: LabelFormat;

  @Field(() => Int, { nullable: true, description: 'ZPL only: the printer resolution written for (the template\'s unless overridden).' })
  @Column({ type: 'int', nullable: true })
  zplDpi!: 203 | 300 | null;

  @Field(() => LabelSelectionEcho)
  @Column({ type: 'jsonb' })
  selection!: LabelSelectionEcho;

  @Field(() => PrintJobStatus)
  @Column({ type: 'text', default: PrintJobStatus.RUNNING })
  status!: PrintJobStatus;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  labelCount!: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  pageCount!: number | null;

  @Field(() => [LabelJobSkip], { description: 'Selected slots that were not printed, and why.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  skipped!: LabelJobSkip[];

  @Field(() => [String], { description: 'Fields left off at least one label for lack of room (the console warns).' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  omitted!: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  mimeType!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  fileName!: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  fileSize!: number | null;

  @Column({ type: 'text', nullable: true })
  fileSha256!: string | null;

  @Field(() => String, { nullable: true, description: 'Why a FAILED job failed.' })
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

/** The bytes of a job's file (kept apart so that listings never read them). */
@Entity('label_print_job_files')
export class LabelPrintJobFile {
  @PrimaryColumn('uuid')
  jobId!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
