import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import { assertVenueRole, DomainError, domainEvent, ErrorCode, FieldError, RequestContext, Role } from '@xp/core';
import { DecidePriceFloorsInput, LineReviewInput, ReviewPriceSheetInput } from './dto/pricing.inputs';
import { LineDecisionValue, PriceSheet, PriceSheetLine } from './entities/price-sheet.entity';
import { lockFactoryVenue, PriceSheetsService } from './price-sheets.service';
import { loadOwnSkuFacts } from './pricing.lookups';
import {
  FloorStatus,
  fourEyesProblem,
  LineDecision,
  LineViolation,
  markupTiers,
  PriceSheetStatus,
  reviewOutcome,
  StoredSheetStatus,
  Tier,
  violationError,
  wholesaleProblems,
} from './pricing.rules';
import { PRICE_VERSION_CHANGED, PriceVersionChangedPayload, PricingService } from './pricing.service';

interface LineUpdate {
  id: string;
  decision: LineDecision;
  reason: string | null;
  wholesale_prices: number[] | null;
  floor_status: FloorStatus | null;
  floor_reason: string | null;
}

const supplyTiersOf = (line: PriceSheetLine): Tier[] =>
  line.tierQuantities.map((minQuantity, i) => ({ minQuantity, unitPrice: line.supplyPrices[i] }));

/**
 * The review of a submitted sheet by a PRICING_REVIEWER of its venue, and the second reviewer's
 * decision on requested floors (four eyes). Each sends the sheet version it saw: of two
 * reviewers acting at once, the first wins and the other gets CONFLICT.
 */
@Injectable()
export class PriceReviewService {
  constructor(
    private readonly audit: AuditService,
    private readonly sheets: PriceSheetsService,
    private readonly pricing: PricingService,
  ) {}

  private async lockForReview(ctx: RequestContext, id: string, version: number): Promise<PriceSheet> {
    const sheet = await this.sheets.findForUpdate(ctx, id);
    assertVenueRole(ctx, sheet.venueId, [Role.PRICING_REVIEWER], 'Price sheet');
    if (sheet.version !== version) {
      throw DomainError.conflict(
        `This price sheet changed while you were looking at it (it is now version ${sheet.version}, ${sheet.storedStatus}). Reload it and review again.`,
        { currentVersion: sheet.version, status: sheet.storedStatus },
      );
    }
    return sheet;
  }

  private async saveDecisions(ctx: RequestContext, updates: LineUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await ctx.manager.query(
      `UPDATE price_sheet_lines l
       SET decision = r.decision, decision_reason = r.reason, wholesale_prices = r.wholesale_prices,
           floor_status = coalesce(r.floor_status, l.floor_status),
           floor_reason = coalesce(r.floor_reason, l.floor_reason),
           floor_decided_by = CASE WHEN r.floor_status IN ('APPROVED', 'REJECTED') THEN $2::uuid ELSE l.floor_decided_by END,
           floor_decided_at = CASE WHEN r.floor_status IN ('APPROVED', 'REJECTED') THEN $3::timestamptz ELSE l.floor_decided_at END
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, decision text, reason text, wholesale_prices bigint[],
                                               floor_status text, floor_reason text)
       WHERE l.id = r.id`,
      [JSON.stringify(updates), ctx.userId, ctx.startedAt],
    );
  }

  /**
   * Makes the approved lines price versions (in approval order, under the factory × venue lock),
   * moves the sheet to its final status and raises PriceVersionChanged for after the commit.
   */
  private async finalize(ctx: RequestContext, sheet: PriceSheet, status: StoredSheetStatus, reviewedNow: boolean): Promise<void> {
    await lockFactoryVenue(ctx, sheet.venueId, sheet.factoryOrgId);
    // An UPDATE … RETURNING answers [rows, rowCount] through TypeORM.
    const [approved]: [{ sku_id: string }[], number] = await ctx.manager.query(
      `UPDATE price_sheet_lines SET approved_at = $2, approval_seq = nextval('price_version_seq')
       WHERE sheet_id = $1 AND decision = 'APPROVED' RETURNING sku_id`,
      [sheet.id, ctx.startedAt],
    );
    await ctx.manager.query(
      `UPDATE price_sheets SET status = $2, finalized_at = $3, version = version + 1, updated_at = now(),
              reviewed_by = CASE WHEN $4 THEN $5::uuid ELSE reviewed_by END,
              reviewed_at = CASE WHEN $4 THEN $3::timestamptz ELSE reviewed_at END
       WHERE id = $1`,
      [sheet.id, status, ctx.startedAt, reviewedNow, ctx.userId],
    );
    if (approved.length > 0) {
      const payload: PriceVersionChangedPayload = {
        venueId: sheet.venueId,
        skuIds: approved.map((r) => r.sku_id),
        sheetId: sheet.id,
        effectiveFrom: sheet.effectiveFrom,
      };
      ctx.emit(domainEvent(PRICE_VERSION_CHANGED, payload));
    }
  }

  async review(ctx: RequestContext, input: ReviewPriceSheetInput): Promise<PriceSheet> {
    const sheet = await this.lockForReview(ctx, input.id, input.version);
    if (sheet.storedStatus !== PriceSheetStatus.SUBMITTED) {
      const next = sheet.storedStatus === PriceSheetStatus.FLOOR_REVIEW ? ' Its lines are reviewed; a second reviewer decides the floors (decidePriceFloors).' : '';
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `Only a SUBMITTED price sheet can be reviewed; this one is ${sheet.storedStatus}.${next}`, {
        from: sheet.storedStatus,
      });
    }
    if (ctx.userId && ctx.userId === sheet.submittedBy) throw DomainError.forbidden('You submitted this price sheet; someone else reviews it.');

    const lines = await ctx.manager.getRepository(PriceSheetLine).find({ where: { sheetId: sheet.id }, order: { lineNo: 'ASC' } });
    const byId = new Map(lines.map((l) => [l.id, l]));
    const given = new Map<string, { review: LineReviewInput; index: number }>();
    const fields: FieldError[] = [];
    input.lines.forEach((review, index) => {
      const at = `input.lines.${index}`;
      if (!byId.has(review.lineId)) fields.push({ path: `${at}.lineId`, message: 'is not a line of this price sheet' });
      else if (given.has(review.lineId)) fields.push({ path: `${at}.lineId`, message: 'is decided twice' });
      else given.set(review.lineId, { review, index });
    });
    const unlisted = lines.filter((l) => !given.has(l.id));
    if (unlisted.length > 0 && !input.approveUnlisted) {
      fields.push({
        path: 'input.lines',
        message: `${unlisted.length} line(s) have no decision (first: line ${unlisted[0].lineNo}); decide every line or set approveUnlisted`,
      });
    }
    if (fields.length > 0) throw DomainError.validation(fields);

    const facts = await loadOwnSkuFacts(ctx, sheet.factoryOrgId, lines.map((l) => l.skuId));
    const needMarkup = lines.filter((l) => {
      const r = given.get(l.id)?.review;
      return (!r || r.decision === LineDecisionValue.APPROVED) && !r?.wholesaleTiers;
    });
    const markups = await this.pricing.markupFor(ctx, sheet.venueId, needMarkup.map((l) => l.skuId));

    const updates: LineUpdate[] = [];
    const violations: LineViolation[] = [];
    for (const line of lines) {
      const entry = given.get(line.id);
      const review = entry?.review;
      const at = entry ? `input.lines.${entry.index}` : `line ${line.lineNo}`;
      const skuCode = facts.get(line.skuId)?.code ?? null;
      const decision: LineDecision = review ? (review.decision as LineDecision) : 'APPROVED';
      let floorStatus: FloorStatus | null = null;
      let floorReason: string | null = null;
      if (review?.floorDecision && line.requestedFloor === null) {
        fields.push({ path: `${at}.floorDecision`, message: 'this line asks for no price floor' });
      }
      if (review?.floorDecision === LineDecisionValue.APPROVED) {
        throw DomainError.forbidden(
          'A price floor is approved by a second pricing reviewer (four eyes): review the lines here, leave the floor pending, and another reviewer decides it with decidePriceFloors.',
        );
      }
      if (decision === 'REJECTED') {
        if (!review?.reason) fields.push({ path: `${at}.reason`, message: 'say why the line is rejected; the factory reads it' });
        if (review?.wholesaleTiers) fields.push({ path: `${at}.wholesaleTiers`, message: 'a rejected line has no wholesale tiers' });
        if (line.requestedFloor !== null) {
          floorStatus = 'REJECTED';
          floorReason = review?.floorReason ?? 'The line was rejected.';
        }
        updates.push({ id: line.id, decision, reason: review?.reason ?? null, wholesale_prices: null, floor_status: floorStatus, floor_reason: floorReason });
        continue;
      }
      if (review?.floorDecision === LineDecisionValue.REJECTED) {
        if (!review.floorReason) fields.push({ path: `${at}.floorReason`, message: 'say why the price floor is refused' });
        floorStatus = 'REJECTED';
        floorReason = review.floorReason ?? null;
      }
      const supply = supplyTiersOf(line);
      let wholesale: Tier[];
      if (review?.wholesaleTiers) {
        wholesale = review.wholesaleTiers.map((t) => ({ minQuantity: t.minQuantity, unitPrice: t.unitPrice }));
      } else {
        const markup = markups.get(line.skuId);
        if (markup === undefined) {
          fields.push({
            path: `${at}.wholesaleTiers`,
            message: `the venue has no markup policy for SKU ${skuCode}'s category; give the wholesale tiers`,
          });
          continue;
        }
        wholesale = markupTiers(supply, markup);
      }
      const floor = line.requestedFloor !== null && floorStatus !== 'REJECTED' ? line.requestedFloor : null;
      const path = review?.wholesaleTiers ? 'wholesaleTiers' : 'wholesaleTiers (from the markup policy)';
      for (const problem of wholesaleProblems(supply, wholesale, line.retailPrice, floor, path)) {
        violations.push({ line: line.lineNo, skuCode, ...problem });
      }
      updates.push({
        id: line.id,
        decision,
        reason: review?.reason ?? null,
        wholesale_prices: wholesale.map((t) => t.unitPrice),
        floor_status: floorStatus,
        floor_reason: floorReason,
      });
    }
    if (fields.length > 0) throw DomainError.validation(fields);
    if (violations.length > 0) throw violationError(violations, 'The review');

    await this.saveDecisions(ctx, updates);
    const outcome = reviewOutcome(
      updates.map((u) => ({ decision: u.decision, floorStatus: u.floor_status ?? byId.get(u.id)!.floorStatus })),
    );
    const approvedCount = updates.filter((u) => u.decision === 'APPROVED').length;
    if (outcome === PriceSheetStatus.FLOOR_REVIEW) {
      await ctx.manager.query(
        `UPDATE price_sheets SET status = 'FLOOR_REVIEW', reviewed_by = $2, reviewed_at = $3, version = version + 1, updated_at = now()
         WHERE id = $1`,
        [sheet.id, ctx.userId, ctx.startedAt],
      );
    } else {
      await this.finalize(ctx, sheet, outcome, true);
    }
    await this.audit.record(ctx, {
      action: 'priceSheet.reviewed',
      entityType: 'PriceSheet',
      entityId: sheet.id,
      venueId: sheet.venueId,
      before: { status: sheet.storedStatus },
      after: { status: outcome, approvedLines: approvedCount, rejectedLines: updates.length - approvedCount },
    });
    return ctx.manager.getRepository(PriceSheet).findOneByOrFail({ id: sheet.id });
  }

  /**
   * The second reviewer's decision on every pending floor (four eyes: not the submitter, not the
   * first reviewer). Approving checks the reviewed wholesale tiers against the floor
   * (PRICE_BELOW_FLOOR). Completes the sheet.
   */
  async decideFloors(ctx: RequestContext, input: DecidePriceFloorsInput): Promise<PriceSheet> {
    const sheet = await this.lockForReview(ctx, input.id, input.version);
    if (sheet.storedStatus !== PriceSheetStatus.FLOOR_REVIEW) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `Price floors are decided once the lines are reviewed (FLOOR_REVIEW); this sheet is ${sheet.storedStatus}.`,
        { from: sheet.storedStatus },
      );
    }
    const problem = fourEyesProblem(ctx.userId ?? '', sheet.submittedBy, sheet.reviewedBy);
    if (problem) throw DomainError.forbidden(problem);

    const lines = await ctx.manager.getRepository(PriceSheetLine).find({ where: { sheetId: sheet.id }, order: { lineNo: 'ASC' } });
    const pending = new Map(lines.filter((l) => l.decision === 'APPROVED' && l.floorStatus === 'PENDING').map((l) => [l.id, l]));
    const facts = await loadOwnSkuFacts(ctx, sheet.factoryOrgId, [...pending.values()].map((l) => l.skuId));
    const fields: FieldError[] = [];
    const violations: LineViolation[] = [];
    const updates: LineUpdate[] = [];
    const decided = new Set<string>();
    input.lines.forEach((d, index) => {
      const at = `input.lines.${index}`;
      const line = pending.get(d.lineId);
      if (!line) return void fields.push({ path: `${at}.lineId`, message: 'is not a line of this sheet with a floor waiting for a decision' });
      if (decided.has(d.lineId)) return void fields.push({ path: `${at}.lineId`, message: 'is decided twice' });
      decided.add(d.lineId);
      if (d.decision === LineDecisionValue.REJECTED && !d.reason) {
        fields.push({ path: `${at}.reason`, message: 'say why the price floor is refused; the factory reads it' });
      }
      if (d.decision === LineDecisionValue.APPROVED) {
        const lowest = line.wholesalePrices![line.wholesalePrices!.length - 1];
        if (lowest < line.requestedFloor!) {
          violations.push({
            line: line.lineNo,
            skuCode: facts.get(line.skuId)?.code ?? null,
            path: `wholesaleTiers.${line.wholesalePrices!.length - 1}.unitPrice`,
            message: 'the reviewed wholesale price is below this floor; reject the floor or have the sheet resubmitted',
            code: ErrorCode.PRICE_BELOW_FLOOR,
          });
        }
      }
      updates.push({
        id: line.id,
        decision: 'APPROVED',
        reason: line.decisionReason,
        wholesale_prices: line.wholesalePrices,
        floor_status: d.decision as FloorStatus,
        floor_reason: d.reason ?? null,
      });
    });
    const missing = [...pending.values()].filter((l) => !decided.has(l.id));
    if (missing.length > 0) {
      fields.push({ path: 'input.lines', message: `every pending floor needs a decision; line ${missing.map((l) => l.lineNo).join(', ')} has none` });
    }
    if (fields.length > 0) throw DomainError.validation(fields);
    if (violations.length > 0) throw violationError(violations, 'The floor decision');

    await this.saveDecisions(ctx, updates);
    const after = new Map(updates.map((u) => [u.id, u.floor_status]));
    const outcome = reviewOutcome(
      lines.map((l) => ({ decision: l.decision as LineDecision, floorStatus: after.get(l.id) ?? l.floorStatus })),
    );
    await this.finalize(ctx, sheet, outcome, false);
    await this.audit.record(ctx, {
      action: 'priceSheet.floorsDecided',
      entityType: 'PriceSheet',
      entityId: sheet.id,
      venueId: sheet.venueId,
      before: { status: sheet.storedStatus },
      after: {
        status: outcome,
        floors: updates.map((u) => ({ lineId: u.id, decision: u.floor_status })),
      },
    });
    return ctx.manager.getRepository(PriceSheet).findOneByOrFail({ id: sheet.id });
  }
}
