import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, byIdLoader, Ctx, RequestContext } from '@xp/core';
import { CreateLabelPrintJobInput, LabelPreview, LabelPrintJobListArgs, LabelPrintJobPage, PreviewLabelsInput } from './dto/print-jobs.dto';
import { LabelPrintJob } from './entities/label-print-job.entity';
import { LabelTemplate } from './entities/label-template.entity';
import { LABEL_PRINTERS, LABEL_READERS } from './labels.access';
import { PrintJobsService } from './print-jobs.service';
import { userDisplayName } from './user-names';

@Resolver(() => LabelPrintJob)
export class PrintJobsResolver {
  constructor(private readonly jobs: PrintJobsService) {}

  /** Not @Transactional: the service commits the RUNNING job first, then prints in one transaction. */
  @Mutation(() => LabelPrintJob, {
    description: "Prints the labels of the selected slots (one per slot showing a priced SKU today) and keeps the file with the job; the slots' previous labels are retired.",
  })
  @Allow(...LABEL_PRINTERS)
  createLabelPrintJob(@Ctx() ctx: RequestContext, @Args('input') input: CreateLabelPrintJobInput) {
    return this.jobs.create(ctx, input);
  }

  @Query(() => LabelPreview, {
    description: 'One page of the labels a print job with this selection would print, as SVG, before printing; writes nothing (placeholder scan codes).',
  })
  @Allow(...LABEL_PRINTERS)
  previewLabels(@Ctx() ctx: RequestContext, @Args('input') input: PreviewLabelsInput) {
    return this.jobs.preview(ctx, input);
  }

  @Query(() => LabelPrintJobPage)
  @Allow(...LABEL_READERS)
  labelPrintJobs(@Ctx() ctx: RequestContext, @Args() args: LabelPrintJobListArgs) {
    return this.jobs.list(ctx, args);
  }

  @Query(() => LabelPrintJob)
  @Allow(...LABEL_READERS)
  labelPrintJob(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.jobs.findOne(ctx, id);
  }

  @ResolveField(() => LabelTemplate)
  template(@Ctx() ctx: RequestContext, @Parent() job: LabelPrintJob) {
    return byIdLoader(ctx, LabelTemplate).load(job.templateId);
  }

  @ResolveField(() => String, { nullable: true, description: 'The display name of who printed it (null for a job printed by the system).' })
  createdByName(@Ctx() ctx: RequestContext, @Parent() job: LabelPrintJob): Promise<string | null> {
    return userDisplayName(ctx, job.createdBy);
  }

  @ResolveField(() => String, { nullable: true, description: 'Where to download the file (signed in): GET /api/label-jobs/:id/file.' })
  fileUrl(@Parent() job: LabelPrintJob): string | null {
    return job.status === 'DONE' ? `/api/label-jobs/${job.id}/file` : null;
  }
}
