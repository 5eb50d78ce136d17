import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@xp/audit';
import { AdmissionsService } from '@xp/factories';
import {
  assertFactoryMember,
  businessDateOf,
  DomainError,
  ErrorCode,
  FieldError,
  isUuid,
  Page,
  paginate,
  RequestContext,
  SortOrder,
} from '@xp/core';
import {
  CreatePriceSheetInput,
  DeletePriceSheetInput,
  PriceSheetLineInput,
  PriceSheetLineListArgs,
  PriceSheetListArgs,
  SubmitPriceSheetInput,
  UpdatePriceSheetInput,
} from './dto/pricing.inputs';
import { PriceSheet, PriceSheetLine } from './entities/price-sheet.entity';
import { callerFactory, FACTORY_PRICING_ROLES, scopePriced, SHEET_READER_ROLES } from './pricing.access';
import { loadOwnSkuFacts, requireVenue, SkuFacts } from './pricing.lookups';
import {
  assertTransition,
  effectiveFromProblem,
  LineViolation,
  lineProblems,
  PriceSheetStatus,
  StoredSheetStatus,
  Tier,
  violationError,
} from './pricing.rules';

/** A line as the factory proposes it, before it is stored. */
export interface LineDraft {
  lineNo: number;
  skuId: string;
  tiers: Tier[];
  retailPrice: number;
  requestedFloor: number | null;
}

/** True when every approved line of the sheet has been replaced by a newer version in force now. */
export function supersededSheetSql(alias: string): string {
  return `(${alias}.status IN ('APPROVED', 'PARTIALLY_APPROVED') AND NOT EXISTS (
    SELECT 1 FROM price_sheet_lines sl WHERE sl.sheet_id = ${alias}.id AND sl.approval_seq IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM price_sheet_lines sw
                      WHERE sw.venue_id = sl.venue_id AND sw.sku_id = sl.sku_id AND sw.approval_seq > sl.approval_seq
                        AND sw.effective_from <= :supersededToday AND sw.approved_at <= :supersededNow)))`;
}

/** Serializes version numbers and approvals per factory × venue. */
export async function lockFactoryVenue(ctx: RequestContext, venueId: string, factoryOrgId: string): Promise<void> {
  await ctx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('price-sheets:' || $1 || ':' || $2, 0))`, [
    venueId,
    factoryOrgId,
  ]);
}

/** Inserts a sheet's lines in one statement (10,000 lines in one round trip). */
export async function insertLines(ctx: RequestContext, sheet: PriceSheet, lines: readonly LineDraft[]): Promise<void> {
  if (lines.length === 0) return;
  const payload = lines.map((l) => ({
    line_no: l.lineNo,
    sku_id: l.skuId,
    tier_quantities: l.tiers.map((t) => t.minQuantity),
    supply_prices: l.tiers.map((t) => t.unitPrice),
    retail_price: l.retailPrice,
    requested_floor: l.requestedFloor,
  }));
  await ctx.manager.query(
    `INSERT INTO price_sheet_lines (sheet_id, venue_id, factory_org_id, effective_from, line_no, sku_id,
                                    tier_quantities, supply_prices, retail_price, requested_floor, floor_status)
     SELECT $1, $2, $3, $4, r.line_no, r.sku_id, r.tier_quantities, r.supply_prices, r.retail_price, r.requested_floor,
            CASE WHEN r.requested_floor IS NULL THEN NULL ELSE 'PENDING' END
     FROM jsonb_to_recordset($5::jsonb) AS r(line_no int, sku_id uuid, tier_quantities int[], supply_prices bigint[],
                                             retail_price bigint, requested_floor bigint)`,
    [sheet.id, sheet.venueId, sheet.factoryOrgId, sheet.effectiveFrom, JSON.stringify(payload)],
  );
}

/** Every rule of every line, with the line number and SKU code, for PRICE_RULE_VIOLATED. */
export function lineViolations(lines: readonly LineDraft[], facts: Map<string, SkuFacts>): LineViolation[] {
  const violations: LineViolation[] = [];
  for (const line of lines) {
    const sku = facts.get(line.skuId);
    if (!sku) continue;
    for (const problem of lineProblems(line, { moq: sku.moq, floorEligibility: sku.floorEligibility })) {
      violations.push({ line: line.lineNo, skuCode: sku.code, ...problem });
    }
  }
  return violations;
}

function draftsOf(lines: readonly PriceSheetLineInput[]): LineDraft[] {
  return lines.map((l, i) => ({
    lineNo: i + 1,
    skuId: l.skuId,
    tiers: l.tiers.map((t) => ({ minQuantity: t.minQuantity, unitPrice: t.unitPrice })),
    retailPrice: l.retailPrice,
    requestedFloor: l.requestedFloor ?? null,
  }));
}

/** A factory's price sheets: drafting, submitting, and the lists everyone reads. */
@Injectable()
export class PriceSheetsService {
  constructor(
    private readonly audit: AuditService,
    private readonly admissions: AdmissionsService,
  ) {}

  /** The factory must be admitted (APPROVED) at the venue to price anything there: FORBIDDEN otherwise. */
  async assertAdmitted(ctx: RequestContext, venueId: string, factoryOrgId: string): Promise<void> {
    await requireVenue(ctx, venueId);
    if (!(await this.admissions.isAdmitted(ctx, venueId, factoryOrgId))) {
      throw DomainError.forbidden(
        'Your factory is not admitted to this venue (its admission is missing, under review or suspended); price sheets are accepted only from admitted factories.',
      );
    }
  }

  private scoped(ctx: RequestContext): SelectQueryBuilder<PriceSheet> {
    return scopePriced(ctx, ctx.manager.getRepository(PriceSheet).createQueryBuilder('s'), SHEET_READER_ROLES);
  }

  async list(ctx: RequestContext, args: PriceSheetListArgs): Promise<Page<PriceSheet>> {
    const qb = this.scoped(ctx);
    const f = args.filter ?? {};
    if (f.venueId) qb.andWhere('s.venueId = :venueId', { venueId: f.venueId });
    if (f.factoryOrgId) qb.andWhere('s.factoryOrgId = :factoryOrgId', { factoryOrgId: f.factoryOrgId });
    if (f.effectiveFromMin) qb.andWhere('s.effectiveFrom >= :effMin', { effMin: f.effectiveFromMin });
    if (f.effectiveFromMax) qb.andWhere('s.effectiveFrom <= :effMax', { effMax: f.effectiveFromMax });
    if (f.status) {
      const now = { supersededToday: businessDateOf(ctx.startedAt), supersededNow: ctx.startedAt };
      if (f.status === PriceSheetStatus.SUPERSEDED) {
        qb.andWhere(supersededSheetSql('s'), now);
      } else {
        qb.andWhere('s.storedStatus = :status', { status: f.status });
        if (f.status === PriceSheetStatus.APPROVED || f.status === PriceSheetStatus.PARTIALLY_APPROVED) {
          qb.andWhere(`NOT ${supersededSheetSql('s')}`, now);
        }
      }
    }
    return paginate(
      qb,
      args,
      {
        createdAt: 's.createdAt',
        effectiveFrom: 's.effectiveFrom',
        versionNo: 's.versionNo',
        submittedAt: 's.submittedAt',
        status: 's.storedStatus',
      },
      { field: 'createdAt', order: SortOrder.DESC },
    );
  }

  /** A sheet the caller may see, or NOT_FOUND (also for another tenant's or a malformed id). */
  async findOne(ctx: RequestContext, id: string): Promise<PriceSheet> {
    if (!isUuid(id)) throw DomainError.notFound('Price sheet');
    const sheet = await this.scoped(ctx).andWhere('s.id = :id', { id }).getOne();
    if (!sheet) throw DomainError.notFound('Price sheet');
    return sheet;
  }

  /** The sheet, locked for this transaction (waits for a concurrent writer, then sees its result). */
  async findForUpdate(ctx: RequestContext, id: string): Promise<PriceSheet> {
    if (!isUuid(id)) throw DomainError.notFound('Price sheet');
    const sheet = await this.scoped(ctx).andWhere('s.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!sheet) throw DomainError.notFound('Price sheet');
    return sheet;
  }

  /** The sheet as its factory's staff edit it: theirs, and still a DRAFT. */
  private async draftForFactory(ctx: RequestContext, id: string, action: string): Promise<PriceSheet> {
    const sheet = await this.findForUpdate(ctx, id);
    assertFactoryMember(ctx, sheet.factoryOrgId, FACTORY_PRICING_ROLES, 'Price sheet');
    if (sheet.storedStatus !== PriceSheetStatus.DRAFT) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `Only a DRAFT price sheet can be ${action}; this one is ${sheet.storedStatus}. Create a new sheet to change prices.`,
        { from: sheet.storedStatus },
      );
    }
    return sheet;
  }

  /**
   * Checks proposed lines: every SKU one of the factory's own active SKUs, each once
   * (VALIDATION_FAILED naming the field); then every pricing rule of every line
   * (PRICE_RULE_VIOLATED listing them all).
   */
  async checkLines(ctx: RequestContext, factoryOrgId: string, lines: readonly LineDraft[], path = 'input.lines'): Promise<Map<string, SkuFacts>> {
    const facts = await loadOwnSkuFacts(ctx, factoryOrgId, lines.map((l) => l.skuId));
    const fields: FieldError[] = [];
    const seen = new Map<string, number>();
    lines.forEach((line, i) => {
      const sku = facts.get(line.skuId);
      const at = `${path}.${i}.skuId`;
      if (!sku) fields.push({ path: at, message: "is not one of your factory's SKUs" });
      else if (!sku.active) fields.push({ path: at, message: `SKU ${sku.code} is archived; only active SKUs are priced` });
      const first = seen.get(line.skuId);
      if (first !== undefined) fields.push({ path: at, message: `appears twice (also line ${first}); a sheet prices each SKU once` });
      else seen.set(line.skuId, line.lineNo);
    });
    if (fields.length > 0) throw DomainError.validation(fields);
    const violations = lineViolations(lines, facts);
    if (violations.length > 0) throw violationError(violations);
    return facts;
  }

  /** A new DRAFT sheet with the next version number for this factory at this venue. */
  async createSheet(
    ctx: RequestContext,
    fields: { venueId: string; factoryOrgId: string; effectiveFrom: string; note?: string | null; sourceDocumentId?: string | null },
  ): Promise<PriceSheet> {
    await lockFactoryVenue(ctx, fields.venueId, fields.factoryOrgId);
    const [{ next }] = await ctx.manager.query(
      'SELECT coalesce(max(version_no), 0) + 1 AS next FROM price_sheets WHERE venue_id = $1 AND factory_org_id = $2',
      [fields.venueId, fields.factoryOrgId],
    );
    const repo = ctx.manager.getRepository(PriceSheet);
    return repo.save(
      repo.create({
        venueId: fields.venueId,
        factoryOrgId: fields.factoryOrgId,
        versionNo: next,
        effectiveFrom: fields.effectiveFrom,
        storedStatus: PriceSheetStatus.DRAFT,
        note: fields.note ?? null,
        sourceDocumentId: fields.sourceDocumentId ?? null,
        createdBy: ctx.userId,
      }),
    );
  }

  /** Checks what every new sheet needs: the caller's factory, its admission, a date not in the past. */
  async prepareNew(ctx: RequestContext, input: { venueId: string; factoryOrgId?: string; effectiveFrom: string }): Promise<string> {
    ctx.requirePrincipal();
    const factoryOrgId = callerFactory(ctx, input.factoryOrgId);
    assertFactoryMember(ctx, factoryOrgId, FACTORY_PRICING_ROLES);
    await this.assertAdmitted(ctx, input.venueId, factoryOrgId);
    const problem = effectiveFromProblem(input.effectiveFrom, businessDateOf(ctx.startedAt));
    if (problem) throw DomainError.field('input.effectiveFrom', problem);
    return factoryOrgId;
  }

  async create(ctx: RequestContext, input: CreatePriceSheetInput): Promise<PriceSheet> {
    const factoryOrgId = await this.prepareNew(ctx, input);
    const drafts = draftsOf(input.lines);
    await this.checkLines(ctx, factoryOrgId, drafts);
    const sheet = await this.createSheet(ctx, { ...input, factoryOrgId });
    await insertLines(ctx, sheet, drafts);
    await this.audit.record(ctx, {
      action: 'priceSheet.created',
      entityType: 'PriceSheet',
      entityId: sheet.id,
      venueId: sheet.venueId,
      actorOrgId: factoryOrgId,
      after: { versionNo: sheet.versionNo, effectiveFrom: sheet.effectiveFrom, lines: drafts.length },
    });
    return sheet;
  }

  async update(ctx: RequestContext, input: UpdatePriceSheetInput): Promise<PriceSheet> {
    const sheet = await this.draftForFactory(ctx, input.id, 'changed');
    const before = { effectiveFrom: sheet.effectiveFrom, note: sheet.note };
    if (input.effectiveFrom !== undefined) {
      const problem = effectiveFromProblem(input.effectiveFrom, businessDateOf(ctx.startedAt));
      if (problem) throw DomainError.field('input.effectiveFrom', problem);
    }
    let drafts: LineDraft[] | null = null;
    if (input.lines) {
      drafts = draftsOf(input.lines);
      await this.checkLines(ctx, sheet.factoryOrgId, drafts);
    }
    await ctx.manager.query(
      `UPDATE price_sheets SET effective_from = coalesce($2, effective_from), note = CASE WHEN $3::boolean THEN $4 ELSE note END,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [sheet.id, input.effectiveFrom ?? null, input.note !== undefined, input.note ?? null],
    );
    const updated = await ctx.manager.getRepository(PriceSheet).findOneByOrFail({ id: sheet.id });
    if (drafts) {
      await ctx.manager.delete(PriceSheetLine, { sheetId: sheet.id });
      await insertLines(ctx, updated, drafts);
    }
    await this.audit.record(ctx, {
      action: 'priceSheet.updated',
      entityType: 'PriceSheet',
      entityId: sheet.id,
      venueId: sheet.venueId,
      before,
      after: { effectiveFrom: updated.effectiveFrom, note: updated.note, lines: drafts?.length },
    });
    return updated;
  }

  async remove(ctx: RequestContext, input: DeletePriceSheetInput): Promise<boolean> {
    const sheet = await this.draftForFactory(ctx, input.id, 'deleted');
    await ctx.manager.delete(PriceSheet, { id: sheet.id });
    await this.audit.record(ctx, {
      action: 'priceSheet.deleted',
      entityType: 'PriceSheet',
      entityId: sheet.id,
      venueId: sheet.venueId,
      before: { versionNo: sheet.versionNo, effectiveFrom: sheet.effectiveFrom },
    });
    return true;
  }

  /**
   * DRAFT → SUBMITTED: the admission must still be APPROVED and the date today or later; every
   * rule of every line is checked again (a SKU's MOQ or brand may have changed) and every
   * violation listed at once.
   */
  async submit(ctx: RequestContext, input: SubmitPriceSheetInput): Promise<PriceSheet> {
    const sheet = await this.findForUpdate(ctx, input.id);
    assertFactoryMember(ctx, sheet.factoryOrgId, FACTORY_PRICING_ROLES, 'Price sheet');
    assertTransition(sheet.storedStatus, PriceSheetStatus.SUBMITTED);
    await this.assertAdmitted(ctx, sheet.venueId, sheet.factoryOrgId);
    const problem = effectiveFromProblem(sheet.effectiveFrom, businessDateOf(ctx.startedAt));
    if (problem) throw DomainError.field('effectiveFrom', `${problem}; change the date of the draft (updatePriceSheet) and submit again`);
    const lines = await ctx.manager.getRepository(PriceSheetLine).find({ where: { sheetId: sheet.id }, order: { lineNo: 'ASC' } });
    if (lines.length === 0) throw DomainError.field('lines', 'a price sheet needs at least one line');
    const drafts: LineDraft[] = lines.map((l) => ({
      lineNo: l.lineNo,
      skuId: l.skuId,
      tiers: l.tierQuantities.map((q, i) => ({ minQuantity: q, unitPrice: l.supplyPrices[i] })),
      retailPrice: l.retailPrice,
      requestedFloor: l.requestedFloor,
    }));
    const facts = await loadOwnSkuFacts(ctx, sheet.factoryOrgId, drafts.map((d) => d.skuId));
    const violations = lineViolations(drafts, facts);
    for (const d of drafts) {
      const sku = facts.get(d.skuId);
      if (sku && !sku.active) {
        violations.push({
          line: d.lineNo,
          skuCode: sku.code,
          path: 'skuId',
          message: 'the SKU has been archived; remove the line',
          code: ErrorCode.PRICE_RULE_VIOLATED,
        });
      }
    }
    if (violations.length > 0) throw violationError(violations);
    await ctx.manager.query(
      `UPDATE price_sheets SET status = 'SUBMITTED', submitted_by = $2, submitted_at = $3, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [sheet.id, ctx.userId, ctx.startedAt],
    );
    await this.audit.record(ctx, {
      action: 'priceSheet.submitted',
      entityType: 'PriceSheet',
      entityId: sheet.id,
      venueId: sheet.venueId,
      before: { status: sheet.storedStatus },
      after: { status: PriceSheetStatus.SUBMITTED, lines: lines.length },
    });
    return ctx.manager.getRepository(PriceSheet).findOneByOrFail({ id: sheet.id });
  }

  /** A sheet's lines, a page at a time (a sheet may have 10,000). */
  async lines(ctx: RequestContext, sheet: PriceSheet, args: PriceSheetLineListArgs): Promise<Page<PriceSheetLine>> {
    const qb = ctx.manager.getRepository(PriceSheetLine).createQueryBuilder('l').where('l.sheetId = :sheetId', { sheetId: sheet.id });
    const f = args.filter ?? {};
    if (f.decision) qb.andWhere('l.decision = :decision', { decision: f.decision });
    if (f.undecided) qb.andWhere('l.decision IS NULL');
    if (f.floorStatus) qb.andWhere('l.floorStatus = :floorStatus', { floorStatus: f.floorStatus });
    return paginate(qb, args, { lineNo: 'l.lineNo' }, { field: 'lineNo', order: SortOrder.ASC });
  }

  /** The shown status of sheets (SUPERSEDED derived from their lines), batched. */
  statusLoader(ctx: RequestContext): DataLoader<string, PriceSheetStatus> {
    return ctx.loader<string, PriceSheetStatus>('pricing.sheetStatus', async (ids) => {
      const rows: { id: string; status: StoredSheetStatus; superseded: boolean }[] = await ctx.manager
        .getRepository(PriceSheet)
        .createQueryBuilder('s')
        .select(['s.id AS id', 's.status AS status', `${supersededSheetSql('s')} AS superseded`])
        .where('s.id = ANY(:ids)', { ids: [...ids] })
        .setParameters({ supersededToday: businessDateOf(ctx.startedAt), supersededNow: ctx.startedAt })
        .getRawMany();
      const map = new Map(rows.map((r) => [r.id, r.superseded ? PriceSheetStatus.SUPERSEDED : (r.status as PriceSheetStatus)]));
      return ids.map((id) => map.get(id) ?? new Error(`No price sheet ${id}`));
    });
  }

  lineCountLoader(ctx: RequestContext): DataLoader<string, number> {
    return ctx.loader<string, number>('pricing.lineCount', async (ids) => {
      const rows: { sheet_id: string; n: number }[] = await ctx.manager.query(
        'SELECT sheet_id, count(*)::int AS n FROM price_sheet_lines WHERE sheet_id = ANY($1) GROUP BY sheet_id',
        [[...ids]],
      );
      const map = new Map(rows.map((r) => [r.sheet_id, r.n]));
      return ids.map((id) => map.get(id) ?? 0);
    });
  }
}
