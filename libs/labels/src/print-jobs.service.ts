import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AuditService } from '@xp/audit';
import { DomainError, ErrorCode, FieldError, isUuid, Page, paginate, RequestContext, runInTransaction, SortOrder, today } from '@xp/core';
import { EffectivePrice, PricingService } from '@xp/pricing';
import { CreateLabelPrintJobInput, LabelPreview, LabelPrintJobListArgs, LabelSelectionInput, PreviewLabelsInput } from './dto/print-jobs.dto';
import { LabelJobSkip, LabelPrintJob, LabelPrintJobFile } from './entities/label-print-job.entity';
import { LabelRenderer } from './label-renderer';
import { LabelTemplatesService } from './label-templates.service';
import { assertLabelVenue, LABEL_PRINTERS, LABEL_READERS, labelReach } from './labels.access';
import { jobFileName, newScanCode, PREVIEW_SCAN_CODE, PrintJobStatus, priceVersionTag } from './print.rules';
import { MAX_LABELS_PER_RENDER } from './render/render';
import { LabelData, LabelFormat } from './render/types';
import { rowsOf } from './sql';
import { LabelStalenessService } from './staleness.service';

/** A selected slot as the print job sees it today. */
interface SlotRow {
  slot_id: string;
  slot_code: string;
  slot_status: string;
  assignment_id: string | null;
  sku_id: string | null;
  factory_org_id: string | null;
  sku_code: string | null;
  gtin: string | null;
  moq: number | null;
  unit: string | null;
  pack_size: number | null;
  title: string | null;
  factory_name: string | null;
}

/** A slot that will get a label, with the price version it prints. */
interface Printable {
  row: SlotRow & { assignment_id: string; sku_id: string; factory_org_id: string };
  price: EffectivePrice;
}

interface Plan {
  printable: Printable[];
  skipped: LabelJobSkip[];
}

/** The slots a selection names, with what stands on each today (one query). */
const SELECTED_SLOTS = `
  SELECT s.id AS slot_id, s.code AS slot_code, s.status AS slot_status,
         a.id AS assignment_id, a.sku_id, a.factory_org_id,
         k.code AS sku_code, k.gtin, k.moq, k.unit, k.pack_size, p.title_zh AS title, o.name AS factory_name
  FROM slots s
  LEFT JOIN slot_assignments a ON a.slot_id = s.id AND a.status = 'LIVE' AND a.period @> $6::date
  LEFT JOIN skus k ON k.id = a.sku_id
  LEFT JOIN products p ON p.id = k.product_id
  LEFT JOIN organizations o ON o.id = a.factory_org_id
  WHERE s.venue_id = $1 AND s.retired_on IS NULL
    AND (($2::uuid[] IS NULL AND $3::uuid[] IS NULL AND $4::uuid[] IS NULL)
         OR s.id = ANY($2) OR s.shelf_id = ANY($3) OR s.zone_id = ANY($4))
    AND (NOT $5 OR EXISTS (
      SELECT 1 FROM labels l CROSS JOIN LATERAL xp_label_staleness(l.assignment_id, l.slot_id, l.sku_id, l.price_version_id) st
      WHERE l.slot_id = s.id AND l.status <> 'RETIRED' AND st.stale_at <= $7))
  ORDER BY s.code`;

/**
 * Print jobs: which slots get a label, the labels (with their scan codes, assignments and price
 * versions), and the rendered file kept with the job.
 *
 * Crash safety: the job row is committed first as RUNNING; then one transaction inserts the
 * labels, retires the slots' previous labels, renders the file, stores it and marks the job
 * DONE — all or nothing, holding the job's row locked. A render error marks the job FAILED; a
 * process killed mid-way leaves only an unlocked RUNNING row, which the check at start-up and
 * every 15 seconds marks FAILED.
 */
@Injectable()
export class PrintJobsService {
  private readonly logger = new Logger(PrintJobsService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly templates: LabelTemplatesService,
    private readonly renderer: LabelRenderer,
    private readonly pricing: PricingService,
    private readonly staleness: LabelStalenessService,
  ) {}

  /** Prints the selected slots' labels (showroom staff or the operator admin of the venue). */
  async create(ctx: RequestContext, input: CreateLabelPrintJobInput): Promise<LabelPrintJob> {
    await assertLabelVenue(ctx, input.venueId, LABEL_PRINTERS);
    const template = await this.templates.findUsable(ctx, input.templateId, input.venueId);
    if (input.zplDpi && input.format !== LabelFormat.ZPL) throw DomainError.field('input.zplDpi', 'is only for ZPL');
    await this.plan(ctx, input.venueId, input.selection, false);

    const started = Date.now();
    const jobId = randomUUID();
    const selection = compactSelection(input.selection);
    await runInTransaction(ctx, {}, () =>
      ctx.manager.getRepository(LabelPrintJob).insert({
        id: jobId,
        venueId: input.venueId,
        templateId: template.id,
        format: input.format,
        zplDpi: input.format === LabelFormat.ZPL ? (input.zplDpi ?? template.zplDpi) : null,
        selection,
        status: PrintJobStatus.RUNNING,
        createdBy: ctx.userId,
        createdAt: ctx.startedAt,
      }),
    );

    try {
      await runInTransaction(ctx, {}, async () => {
        // Held until this transaction ends: a job whose row is unlocked is not being rendered.
        await ctx.manager.query('SELECT 1 FROM label_print_jobs WHERE id = $1 FOR UPDATE', [jobId]);
        const plan = await this.plan(ctx, input.venueId, input.selection, true);
        const labelIds = await this.insertLabels(ctx, jobId, input.venueId, template.id, plan.printable);
        const [venue] = await ctx.manager.query('SELECT code FROM venues WHERE id = $1', [input.venueId]);
        const codes: { id: string; code: string }[] = await ctx.manager.query('SELECT id, code FROM labels WHERE id = ANY($1)', [labelIds]);
        const codeOf = new Map(codes.map((c) => [c.id, c.code]));
        const day = today(ctx.startedAt);
        const data = plan.printable.map((p, i) => this.labelData(p, codeOf.get(labelIds[i])!, day));
        const rendered = await this.renderer.render(template, data, input.format, { zplDpi: input.zplDpi });
        const sha256 = createHash('sha256').update(rendered.content).digest('hex');
        await ctx.manager.getRepository(LabelPrintJobFile).insert({ jobId, content: rendered.content });
        await ctx.manager.getRepository(LabelPrintJob).update(jobId, {
          status: PrintJobStatus.DONE,
          labelCount: labelIds.length,
          pageCount: rendered.pageCount,
          skipped: plan.skipped,
          omitted: rendered.omitted,
          mimeType: rendered.mimeType,
          fileName: jobFileName(venue.code, day, labelIds.length, rendered.fileExtension),
          fileSize: rendered.content.length,
          fileSha256: sha256,
          finishedAt: elapsedSince(ctx.startedAt, started),
        });
        await this.audit.record(ctx, {
          action: 'labelPrintJob.printed',
          entityType: 'LabelPrintJob',
          entityId: jobId,
          venueId: input.venueId,
          after: { templateCode: template.code, format: input.format, selection, labelCount: labelIds.length, skipped: plan.skipped.length },
        });
      });
    } catch (error) {
      await this.fail(ctx, jobId, input.venueId, error);
      throw error;
    }
    return this.findOne(ctx, jobId);
  }

  /**
   * One page of what `create` would print, as SVG, for the console's preview: the same plan and
   * layout, but nothing is written (no job, no label, nothing retired) and the QR codes carry a
   * placeholder code (the real codes are drawn when printing).
   */
  async preview(ctx: RequestContext, input: PreviewLabelsInput): Promise<LabelPreview> {
    await assertLabelVenue(ctx, input.venueId, LABEL_PRINTERS);
    const template = await this.templates.findUsable(ctx, input.templateId, input.venueId);
    const plan = await this.plan(ctx, input.venueId, input.selection, false);
    const day = today(ctx.startedAt);
    const data = plan.printable.map((p) => this.labelData(p, PREVIEW_SCAN_CODE, day));
    const page = input.page ?? 1;
    const rendered = await this.renderer.render(template, data, LabelFormat.SVG, { page });
    return {
      svg: rendered.content.toString('utf8'),
      page,
      pageCount: rendered.pageCount,
      labelCount: rendered.labelCount,
      omitted: rendered.omitted,
      skipped: plan.skipped,
    };
  }

  async findOne(ctx: RequestContext, id: string): Promise<LabelPrintJob> {
    const job = isUuid(id) ? await ctx.manager.getRepository(LabelPrintJob).findOneBy({ id }) : null;
    if (!job) throw DomainError.notFound('Label print job');
    await assertLabelVenue(ctx, job.venueId, LABEL_READERS, 'Label print job');
    return job;
  }

  /** The rendered file of a DONE job, to the venue's staff only (NOT_FOUND for everyone else). */
  async file(ctx: RequestContext, id: string): Promise<{ job: LabelPrintJob; content: Buffer }> {
    const job = await this.findOne(ctx, id);
    if (job.status !== PrintJobStatus.DONE) {
      throw DomainError.conflict(`This print job is ${job.status} and has no file.${job.error ? ` ${job.error}` : ''}`);
    }
    const file = await ctx.manager.getRepository(LabelPrintJobFile).findOneByOrFail({ jobId: job.id });
    return { job, content: file.content };
  }

  async list(ctx: RequestContext, args: LabelPrintJobListArgs): Promise<Page<LabelPrintJob>> {
    const reach = labelReach(ctx);
    const f = args.filter ?? {};
    const qb = ctx.manager.getRepository(LabelPrintJob).createQueryBuilder('j');
    if (reach !== 'ALL') qb.andWhere('j.venueId = ANY(:reach)', { reach });
    if (f.venueId) qb.andWhere('j.venueId = :venueId', { venueId: f.venueId });
    if (f.status) qb.andWhere('j.status = :status', { status: f.status });
    return paginate(qb, args, { createdAt: 'j.createdAt', labelCount: 'j.labelCount' }, { field: 'createdAt', order: SortOrder.DESC });
  }

  /**
   * What a selection prints: every selected slot of the venue that shows a SKU today with a
   * price in force now; the others are reported as skipped. Refuses ids of other venues and a
   * selection with nothing to print (VALIDATION_FAILED, nothing written). With `lock`, the
   * slots are locked first, so two jobs on one slot follow each other.
   */
  private async plan(ctx: RequestContext, venueId: string, selection: LabelSelectionInput, lock: boolean): Promise<Plan> {
    const { slotIds, shelfIds, zoneIds } = selection;
    const staleOnly = selection.staleOnly ?? false;
    if (!slotIds && !shelfIds && !zoneIds && !staleOnly) {
      throw DomainError.field('input.selection', 'choose slots, shelves or zones to print, or staleOnly for the reprint queue');
    }
    if (!lock) await this.assertInVenue(ctx, venueId, selection);
    const day = today(ctx.startedAt);
    const params = [venueId, slotIds ?? null, shelfIds ?? null, zoneIds ?? null, staleOnly, day, ctx.startedAt];
    if (lock) {
      await ctx.manager.query(
        `SELECT s.id FROM slots s WHERE s.venue_id = $1
           AND (($2::uuid[] IS NULL AND $3::uuid[] IS NULL AND $4::uuid[] IS NULL)
                OR s.id = ANY($2) OR s.shelf_id = ANY($3) OR s.zone_id = ANY($4))
         ORDER BY s.id FOR UPDATE`,
        params.slice(0, 4),
      );
    }
    const rows: SlotRow[] = await ctx.manager.query(SELECTED_SLOTS, params);
    const priced = rows.filter((r) => r.slot_status === 'ACTIVE' && r.sku_id);
    const prices = await this.pricing.effectivePrices(ctx, venueId, priced.map((r) => r.sku_id!), ctx.startedAt);
    const priceOf = new Map(priced.map((r, i) => [r.slot_id, prices[i]]));
    const printable: Printable[] = [];
    const skipped: LabelJobSkip[] = [];
    for (const row of rows) {
      const skip = (reason: string, message: string) => skipped.push({ slotId: row.slot_id, slotCode: row.slot_code, reason, message });
      if (row.slot_status !== 'ACTIVE') skip('SLOT_NOT_ACTIVE', `Slot ${row.slot_code} is ${row.slot_status}.`);
      else if (!row.assignment_id) skip('NO_ASSIGNMENT', `Slot ${row.slot_code} shows no SKU today.`);
      else if (!priceOf.get(row.slot_id)) skip('NOT_PRICED', `SKU ${row.sku_code} on ${row.slot_code} has no price in force at this venue.`);
      else printable.push({ row: row as Printable['row'], price: priceOf.get(row.slot_id)! });
    }
    if (printable.length === 0) {
      const why = skipped.length ? ` ${skipped.slice(0, 5).map((s) => s.message).join(' ')}` : ' No slot matches the selection.';
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `Nothing to print.${why}`, {
        fields: [{ path: 'input.selection', message: 'selects no slot that shows a priced SKU today' }],
        skipped,
      });
    }
    if (printable.length > MAX_LABELS_PER_RENDER) {
      throw DomainError.field('input.selection', `selects ${printable.length} labels; print at most ${MAX_LABELS_PER_RENDER} at once`);
    }
    return { printable, skipped };
  }

  /** Every id of the selection must be a slot, shelf or zone of the venue (never saying whose it is otherwise). */
  private async assertInVenue(ctx: RequestContext, venueId: string, selection: LabelSelectionInput): Promise<void> {
    const problems: FieldError[] = [];
    for (const [key, table, what] of [
      ['slotIds', 'slots', 'slot'],
      ['shelfIds', 'shelves', 'shelf'],
      ['zoneIds', 'zones', 'zone'],
    ] as const) {
      const ids = selection[key];
      if (!ids) continue;
      const found: { id: string }[] = await ctx.manager.query(`SELECT id FROM ${table} WHERE venue_id = $1 AND id = ANY($2)`, [venueId, ids]);
      const known = new Set(found.map((r) => r.id));
      ids.forEach((id, i) => {
        if (!known.has(id)) problems.push({ path: `input.selection.${key}.${i}`, message: `is not a ${what} of this venue` });
      });
    }
    if (problems.length) throw DomainError.validation(problems);
  }

  /**
   * Inserts one label per printable slot (bulk), retiring the slots' previous labels first
   * (they name their replacement). Scan codes are random; the rare collision is drawn again.
   * Answers the new label ids in the order of `printable`.
   */
  private async insertLabels(ctx: RequestContext, jobId: string, venueId: string, templateId: string, printable: Printable[]): Promise<string[]> {
    const ids = printable.map(() => randomUUID());
    await ctx.manager.query(
      `UPDATE labels l SET status = 'RETIRED', retired_at = $3, replaced_by = n.id
       FROM unnest($1::uuid[], $2::uuid[]) AS n(slot_id, id)
       WHERE l.slot_id = n.slot_id AND l.status <> 'RETIRED'`,
      [printable.map((p) => p.row.slot_id), ids, ctx.startedAt],
    );
    let pending = printable.map((_, i) => i);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === 5) throw new Error('Could not draw unique scan codes');
      const inserted: { id: string }[] = await ctx.manager.query(
        `INSERT INTO labels (id, code, venue_id, job_id, template_id, slot_id, assignment_id, sku_id, factory_org_id, price_version_id, printed_at)
         SELECT n.id, n.code, $3, $4, $5, n.slot_id, n.assignment_id, n.sku_id, n.factory_org_id, n.version_id, $6
         FROM unnest($1::uuid[], $2::text[], $7::uuid[], $8::uuid[], $9::uuid[], $10::uuid[], $11::uuid[])
           AS n(id, code, slot_id, assignment_id, sku_id, factory_org_id, version_id)
         ON CONFLICT ON CONSTRAINT labels_code_key DO NOTHING
         RETURNING id`,
        [
          pending.map((i) => ids[i]),
          pending.map(() => newScanCode()),
          venueId,
          jobId,
          templateId,
          ctx.startedAt,
          pending.map((i) => printable[i].row.slot_id),
          pending.map((i) => printable[i].row.assignment_id),
          pending.map((i) => printable[i].row.sku_id),
          pending.map((i) => printable[i].row.factory_org_id),
          pending.map((i) => printable[i].price.versionId),
        ],
      );
      const done = new Set(inserted.map((r) => r.id));
      pending = pending.filter((i) => !done.has(ids[i]));
    }
    // A newer price already approved for a later day makes a fresh label stale from that day.
    await this.staleness.refresh(ctx.manager, { labelIds: ids });
    return ids;
  }

  /** What one label prints. Wholesale tiers and the retail price only: never the supply price. */
  private labelData({ row, price }: Printable, code: string, day: string): LabelData {
    return {
      scanUrl: this.renderer.scanUrl(code),
      title: row.title ?? row.sku_code ?? '',
      skuCode: row.sku_code ?? '',
      gtin: row.gtin,
      factoryName: row.factory_name ?? '',
      moq: row.moq ?? 1,
      unit: row.unit ?? '件',
      packSize: row.pack_size ?? 1,
      tiers: price.wholesaleTiers.map((t) => ({ minQuantity: t.minQuantity, unitPriceFen: t.unitPrice })),
      retailPriceFen: price.retailPrice,
      slotCode: row.slot_code,
      priceVersion: priceVersionTag(price.sheetVersionNo),
      printedAt: day,
    };
  }

  /** Marks the job FAILED (its labels were rolled back with the transaction that failed). */
  private async fail(ctx: RequestContext, jobId: string, venueId: string, error: unknown): Promise<void> {
    const message =
      error instanceof DomainError ? error.message : 'The labels could not be rendered. Try again; if it fails again, tell your administrator.';
    if (!(error instanceof DomainError)) this.logger.error(`Label print job ${jobId} failed: ${(error as Error)?.stack ?? String(error)}`);
    try {
      await runInTransaction(ctx, {}, async () => {
        const result = rowsOf<{ id: string }>(
          await ctx.manager.query(
            `UPDATE label_print_jobs SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1 AND status = 'RUNNING' RETURNING id`,
            [jobId, message.slice(0, 2000)],
          ),
        );
        if (result.length) {
          await this.audit.record(ctx, {
            action: 'labelPrintJob.failed',
            entityType: 'LabelPrintJob',
            entityId: jobId,
            venueId,
            after: { error: message },
          });
        }
      });
    } catch (markError) {
      this.logger.error(`Could not mark label print job ${jobId} FAILED: ${(markError as Error).message}`);
    }
  }
}

/** The request's instant plus the time spent (the demo acts in the past). */
function elapsedSince(startedAt: Date, startedMs: number): Date {
  return new Date(startedAt.getTime() + (Date.now() - startedMs));
}

/** The selection as asked, without empty keys (kept with the job and shown back). */
function compactSelection(selection: LabelSelectionInput): LabelSelectionInput {
  const out: LabelSelectionInput = {};
  if (selection.slotIds) out.slotIds = [...selection.slotIds];
  if (selection.shelfIds) out.shelfIds = [...selection.shelfIds];
  if (selection.zoneIds) out.zoneIds = [...selection.zoneIds];
  if (selection.staleOnly) out.staleOnly = true;
  return out;
}
