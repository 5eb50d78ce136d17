import { Module, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, EventBus, registerConstraintErrors } from '@xp/core';
import { PRICE_VERSION_CHANGED, PricingModule } from '@xp/pricing';
import { SLOT_ASSIGNMENT_CHANGED } from '@xp/showroom';
import { LabelRenderer } from './label-renderer';
import { LabelTemplatesResolver } from './label-templates.resolver';
import { LabelTemplatesService } from './label-templates.service';
import { LabelWalksResolver } from './label-walks.resolver';
import { LabelWalksService } from './label-walks.service';
import { PrintJobsController } from './print-jobs.controller';
import { PrintJobsResolver } from './print-jobs.resolver';
import { PrintJobsService } from './print-jobs.service';
import { PrintedLabelsResolver } from './printed-labels.resolver';
import { PrintedLabelsService } from './printed-labels.service';
import { LabelStalenessService } from './staleness.service';

registerConstraintErrors({
  label_templates_venue_code_key: { code: ErrorCode.DUPLICATE, message: 'This venue already has a label template with this code.' },
  label_templates_sheet_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.sheet',
    message: 'a SHEET layout needs a grid that fits its page; a ROLL layout has none',
  },
  label_templates_fields_check: { code: ErrorCode.VALIDATION_FAILED, field: 'input.fields', message: 'must list known fields, each once' },
  labels_slot_live_key: {
    code: ErrorCode.CONFLICT,
    message: 'Someone printed a label for one of these slots at the same moment. Reload the reprint queue and try again.',
  },
  labels_transition: { code: ErrorCode.INVALID_TRANSITION, message: 'The label is not in a state that allows this. Reload it to see where it stands.' },
  label_print_jobs_transition: { code: ErrorCode.INVALID_TRANSITION, message: 'A finished print job never changes.' },
  label_walks_transition: { code: ErrorCode.INVALID_TRANSITION, message: 'This walk is finished; start a new one.' },
});

/** How often every live label's staleness is re-derived (a safety net for missed events). */
export const STALENESS_RECHECK_MS = 5 * 60_000;

/**
 * Shelf labels: templates, the rendering engine (PDF, ZPL, SVG), print jobs with their files,
 * printed labels and their staleness, the reprint queue and verify walks.
 */
@Module({
  imports: [PricingModule],
  controllers: [PrintJobsController],
  providers: [
    LabelTemplatesService,
    LabelTemplatesResolver,
    LabelRenderer,
    LabelStalenessService,
    PrintJobsService,
    PrintJobsResolver,
    PrintedLabelsService,
    PrintedLabelsResolver,
    LabelWalksService,
    LabelWalksResolver,
  ],
  exports: [LabelTemplatesService, LabelRenderer, LabelStalenessService],
})
export class LabelsModule implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private jobsTimer?: NodeJS.Timeout;
  private rechecking?: Promise<unknown>;

  constructor(
    private readonly events: EventBus,
    private readonly dataSource: DataSource,
    private readonly staleness: LabelStalenessService,
  ) {}

  onModuleInit(): void {
    // After commit: what stands on a slot changed, or a SKU got a newer price version.
    this.events.on(SLOT_ASSIGNMENT_CHANGED, async (event) => {
      const { venueId, slotIds } = event.payload as { venueId: string; slotIds: string[] };
      await this.staleness.refresh(this.dataSource.manager, { venueId, slotIds });
    });
    this.events.on(PRICE_VERSION_CHANGED, async (event) => {
      const { venueId, skuIds } = event.payload as { venueId: string; skuIds: string[] };
      await this.staleness.refresh(this.dataSource.manager, { venueId, skuIds });
    });
  }

  /** At start-up: jobs a killed process left RUNNING become FAILED; every label's staleness is re-derived. */
  async onApplicationBootstrap(): Promise<void> {
    await this.recheck();
    this.timer = setInterval(() => void this.recheck(), STALENESS_RECHECK_MS);
    this.timer.unref();
    // Interrupted jobs are found quickly: a restarted API marks its predecessor's within seconds.
    this.jobsTimer = setInterval(() => {
      if (this.dataSource.isInitialized) void this.staleness.failInterruptedJobs(this.dataSource.manager).catch(() => undefined);
    }, 15_000);
    this.jobsTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.jobsTimer) clearInterval(this.jobsTimer);
    await this.rechecking;
  }

  private async recheck(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    const run = (async () => {
      await this.staleness.failInterruptedJobs(this.dataSource.manager);
      await this.staleness.recheckAll(this.dataSource.manager);
    })().catch(() => undefined);
    this.rechecking = run;
    await run;
  }
}
