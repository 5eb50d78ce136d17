import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '@xp/audit';
import { DomainError, isUuid, Page, paginate, RequestContext, SortOrder, today } from '@xp/core';
import { PricingService } from '@xp/pricing';
import { FinishLabelWalkInput, LabelCheck, LabelWalkListArgs, StartLabelWalkInput, VerifyLabelInput, VerifyLabelPayload } from './dto/walks.dto';
import { Label } from './entities/label.entity';
import { LabelWalk, LabelWalkCheck } from './entities/label-walk.entity';
import { assertLabelVenue, LABEL_PRINTERS, LABEL_READERS, labelReach } from './labels.access';
import { assertTransition, checkResult, LabelCheckResult, normalizeScanCode, StaleReason, WALK_TRANSITIONS, WalkStatus } from './print.rules';
import { LabelStalenessService } from './staleness.service';

interface FoundRow {
  id: string;
  shelf_id: string;
  slot_code: string;
  sku_code: string;
  title: string;
  now_sku_code: string | null;
  live_stale_at: Date | null;
  live_stale_reason: StaleReason | null;
  replacement_id: string | null;
}

/**
 * Verify walks: showroom staff scan the labels along a shelf with a phone and learn for each
 * whether it is current, stale (and what replaces it) or retired. The walk is recorded: who,
 * when, which shelf, how many labels, how many stale.
 */
@Injectable()
export class LabelWalksService {
  constructor(
    private readonly audit: AuditService,
    private readonly pricing: PricingService,
    private readonly staleness: LabelStalenessService,
  ) {}

  async start(ctx: RequestContext, input: StartLabelWalkInput): Promise<LabelWalk> {
    await assertLabelVenue(ctx, input.venueId, LABEL_PRINTERS);
    if (input.shelfId) {
      const [shelf] = await ctx.manager.query('SELECT 1 FROM shelves WHERE id = $1 AND venue_id = $2', [input.shelfId, input.venueId]);
      if (!shelf) throw DomainError.field('input.shelfId', 'is not a shelf of this venue');
    }
    const repo = ctx.manager.getRepository(LabelWalk);
    const walk = await repo.save(
      repo.create({ venueId: input.venueId, shelfId: input.shelfId ?? null, startedBy: ctx.userId!, startedAt: ctx.startedAt }),
    );
    await this.audit.record(ctx, {
      action: 'labelWalk.started',
      entityType: 'LabelWalk',
      entityId: walk.id,
      venueId: walk.venueId,
      after: { shelfId: walk.shelfId },
    });
    return walk;
  }

  /** Checks one scanned code on a walk (starting one when no walkId is given) and records it. */
  async verify(ctx: RequestContext, input: VerifyLabelInput): Promise<VerifyLabelPayload> {
    let walk: LabelWalk;
    if (input.walkId) {
      walk = await this.lockOpen(ctx, input.walkId);
    } else {
      if (!input.venueId) throw DomainError.field('input.venueId', 'is required when no walkId is given');
      walk = await this.start(ctx, { venueId: input.venueId });
    }
    const code = normalizeScanCode(input.code);
    const check = await this.check(ctx, walk.venueId, code ?? input.code.trim().slice(0, 64));
    await ctx.manager.query(
      `INSERT INTO label_walk_checks (walk_id, code, label_id, result, checked_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (walk_id, code) DO UPDATE SET label_id = EXCLUDED.label_id, result = EXCLUDED.result, checked_at = EXCLUDED.checked_at`,
      [walk.id, check.code, check.label?.id ?? null, check.result, ctx.startedAt],
    );
    await ctx.manager.query(
      `UPDATE label_walks w SET
         shelf_id = COALESCE(w.shelf_id, (SELECT s.shelf_id FROM labels l JOIN slots s ON s.id = l.slot_id WHERE l.id = $2)),
         labels_checked = c.total, current_found = c.current, stale_found = c.stale, retired_found = c.retired, unknown_found = c.unknown
       FROM (SELECT count(*)::int AS total,
                    count(*) FILTER (WHERE result = 'CURRENT')::int AS current,
                    count(*) FILTER (WHERE result = 'STALE')::int AS stale,
                    count(*) FILTER (WHERE result = 'RETIRED')::int AS retired,
                    count(*) FILTER (WHERE result = 'UNKNOWN')::int AS unknown
             FROM label_walk_checks WHERE walk_id = $1) c
       WHERE w.id = $1`,
      [walk.id, check.label?.id ?? null],
    );
    return { walk: await ctx.manager.getRepository(LabelWalk).findOneByOrFail({ id: walk.id }), check };
  }

  async finish(ctx: RequestContext, input: FinishLabelWalkInput): Promise<LabelWalk> {
    const walk = await this.lockOpen(ctx, input.walkId);
    assertTransition('Label walk', WALK_TRANSITIONS, walk.status, WalkStatus.FINISHED);
    await ctx.manager.getRepository(LabelWalk).update(walk.id, { status: WalkStatus.FINISHED, finishedAt: ctx.startedAt });
    const finished = await ctx.manager.getRepository(LabelWalk).findOneByOrFail({ id: walk.id });
    await this.audit.record(ctx, {
      action: 'labelWalk.finished',
      entityType: 'LabelWalk',
      entityId: walk.id,
      venueId: walk.venueId,
      after: {
        shelfId: finished.shelfId,
        labelsChecked: finished.labelsChecked,
        staleFound: finished.staleFound,
        retiredFound: finished.retiredFound,
        unknownFound: finished.unknownFound,
      },
    });
    return finished;
  }

  async findOne(ctx: RequestContext, id: string): Promise<LabelWalk> {
    const walk = isUuid(id) ? await ctx.manager.getRepository(LabelWalk).findOneBy({ id }) : null;
    if (!walk) throw DomainError.notFound('Label walk');
    await assertLabelVenue(ctx, walk.venueId, LABEL_READERS, 'Label walk');
    return walk;
  }

  async list(ctx: RequestContext, args: LabelWalkListArgs): Promise<Page<LabelWalk>> {
    const reach = labelReach(ctx);
    const f = args.filter ?? {};
    const qb = ctx.manager.getRepository(LabelWalk).createQueryBuilder('w');
    if (reach !== 'ALL') qb.andWhere('w.venueId = ANY(:reach)', { reach });
    if (f.venueId) qb.andWhere('w.venueId = :venueId', { venueId: f.venueId });
    if (f.shelfId) qb.andWhere('w.shelfId = :shelfId', { shelfId: f.shelfId });
    if (f.status) qb.andWhere('w.status = :status', { status: f.status });
    return paginate(qb, args, { startedAt: 'w.startedAt', staleFound: 'w.staleFound' }, { field: 'startedAt', order: SortOrder.DESC });
  }

  /** The checks of walks, for the field resolver (one query per request). */
  checksLoader(ctx: RequestContext) {
    return ctx.loader<string, LabelWalkCheck[]>('labelWalk.checks', async (walkIds) => {
      const rows = await ctx.manager.getRepository(LabelWalkCheck).find({ where: { walkId: In([...walkIds]) }, order: { checkedAt: 'ASC' } });
      return walkIds.map((id) => rows.filter((r) => r.walkId === id));
    });
  }

  /**
   * What a code is at this venue now: staleness derived live (the stored value is corrected on
   * the spot when it had not caught up), what the slot shows today, and the replacement label.
   */
  private async check(ctx: RequestContext, venueId: string, code: string): Promise<LabelCheck> {
    const [row]: FoundRow[] = await ctx.manager.query(
      `SELECT l.id, s.shelf_id, s.code AS slot_code, k.code AS sku_code, p.title_zh AS title,
              nk.code AS now_sku_code, st.stale_at AS live_stale_at, st.stale_reason AS live_stale_reason,
              r.id AS replacement_id
       FROM labels l
       CROSS JOIN LATERAL xp_label_staleness(l.assignment_id, l.slot_id, l.sku_id, l.price_version_id) st
       JOIN slots s ON s.id = l.slot_id
       JOIN skus k ON k.id = l.sku_id
       JOIN products p ON p.id = k.product_id
       LEFT JOIN slot_assignments na ON na.slot_id = l.slot_id AND na.status = 'LIVE' AND na.period @> $3::date
       LEFT JOIN skus nk ON nk.id = na.sku_id
       LEFT JOIN labels r ON r.slot_id = l.slot_id AND r.status <> 'RETIRED' AND r.id <> l.id
       WHERE l.code = $1 AND l.venue_id = $2`,
      [code, venueId, today(ctx.startedAt)],
    );
    const empty: LabelCheck = {
      code,
      result: LabelCheckResult.UNKNOWN,
      message: '不是本馆的货架标签，或二维码无法识别。',
      label: null,
      slotCode: null,
      skuCode: null,
      title: null,
      staleReason: null,
      staleSince: null,
      nowOnSlotSkuCode: null,
      currentPriceVersionId: null,
      replacement: null,
      reprintNeeded: false,
    };
    if (!row) return empty;
    const stored = await ctx.manager.getRepository(Label).findOneByOrFail({ id: row.id });
    if (stored.status !== 'RETIRED' && (stored.staleAt?.getTime() ?? null) !== (row.live_stale_at?.getTime() ?? null)) {
      await this.staleness.refresh(ctx.manager, { labelIds: [row.id] });
    }
    const label = Object.assign(stored, { staleAt: row.live_stale_at, staleReason: row.live_stale_reason });
    const result = checkResult(label, ctx.startedAt);
    const replacement = row.replacement_id ? await ctx.manager.getRepository(Label).findOneBy({ id: row.replacement_id }) : null;
    const base = { ...empty, code, result, label, slotCode: row.slot_code, skuCode: row.sku_code, title: row.title };
    if (result === LabelCheckResult.CURRENT) {
      return { ...base, message: `标签正确：${row.slot_code} ${row.title}。` };
    }
    if (result === LabelCheckResult.RETIRED) {
      const next = replacement
        ? replacement.status === 'POSTED'
          ? '新标签已上架，请撤下此旧标签。'
          : '新标签已打印，请贴上新标签并撤下此旧标签。'
        : '请撤下此标签。';
      return { ...base, message: `此标签已停用（${row.slot_code}）。${next}`, replacement };
    }
    const slotChanged = row.live_stale_reason === StaleReason.SLOT_CHANGED;
    let currentPriceVersionId: string | null = null;
    if (!slotChanged) {
      const [price] = await this.pricing.effectivePrices(ctx, venueId, [stored.skuId], ctx.startedAt);
      currentPriceVersionId = price?.versionId ?? null;
    }
    const message = slotChanged
      ? row.now_sku_code
        ? `标签已过期：${row.slot_code} 现陈列 ${row.now_sku_code}，请重新打印该货位标签。`
        : `标签已过期：${row.slot_code} 已清空，请撤下此标签。`
      : `标签已过期：${row.title} 价格已更新，请重新打印 ${row.slot_code} 的标签。`;
    return {
      ...base,
      message,
      staleReason: row.live_stale_reason,
      staleSince: row.live_stale_at,
      nowOnSlotSkuCode: slotChanged ? row.now_sku_code : null,
      currentPriceVersionId,
      replacement,
      reprintNeeded: !slotChanged || row.now_sku_code !== null,
    };
  }

  /** An open walk the caller may continue (locked); NOT_FOUND outside their venues. */
  private async lockOpen(ctx: RequestContext, id: string): Promise<LabelWalk> {
    const walk = isUuid(id)
      ? await ctx.manager.getRepository(LabelWalk).createQueryBuilder('w').setLock('pessimistic_write').where('w.id = :id', { id }).getOne()
      : null;
    if (!walk) throw DomainError.notFound('Label walk');
    await assertLabelVenue(ctx, walk.venueId, LABEL_PRINTERS, 'Label walk');
    if (walk.status !== WalkStatus.OPEN) assertTransition('Label walk', WALK_TRANSITIONS, walk.status, WalkStatus.FINISHED);
    return walk;
  }
}
