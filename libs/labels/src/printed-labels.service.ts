import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '@xp/audit';
import { DomainError, isUuid, Page, paginate, RequestContext, SortOrder, today, venueRoles } from '@xp/core';
import { LabelListArgs, MarkLabelsPostedInput, QueuedLabel, RetireLabelsInput, StaleLabelQueue, StaleLabelShelf } from './dto/print-jobs.dto';
import { Label } from './entities/label.entity';
import { assertLabelVenue, LABEL_PRINTERS, LABEL_READERS, labelReach } from './labels.access';
import { assertTransition, isStaleAt, LABEL_TRANSITIONS, LabelStatus, StaleReason } from './print.rules';

interface QueueRow {
  id: string;
  zone_id: string;
  zone_code: string;
  zone_name: string;
  shelf_id: string;
  shelf_code: string;
  slot_code: string;
  sku_code: string;
  title: string;
  now_sku_code: string | null;
  now_title: string | null;
  live_stale_at: Date | null;
  live_stale_reason: StaleReason | null;
}

/** Printed labels: the list, posting and retiring them, and the reprint queue. */
@Injectable()
export class PrintedLabelsService {
  constructor(private readonly audit: AuditService) {}

  /** Live labels by default; `stale` reads the stored instant (kept by events and the recheck). */
  async list(ctx: RequestContext, args: LabelListArgs): Promise<Page<Label>> {
    const reach = labelReach(ctx);
    const f = args.filter ?? {};
    const qb = ctx.manager.getRepository(Label).createQueryBuilder('l');
    if (reach !== 'ALL') qb.andWhere('l.venueId = ANY(:reach)', { reach });
    if (f.venueId) qb.andWhere('l.venueId = :venueId', { venueId: f.venueId });
    if (f.slotId) qb.andWhere('l.slotId = :slotId', { slotId: f.slotId });
    if (f.skuId) qb.andWhere('l.skuId = :skuId', { skuId: f.skuId });
    if (f.jobId) qb.andWhere('l.jobId = :jobId', { jobId: f.jobId });
    if (f.status) qb.andWhere('l.status = :status', { status: f.status });
    else if (f.posted !== undefined) qb.andWhere('l.status = :status', { status: f.posted ? LabelStatus.POSTED : LabelStatus.PRINTED });
    else qb.andWhere('l.status <> :retired', { retired: LabelStatus.RETIRED });
    if (f.stale === true) qb.andWhere('l.staleAt <= :now', { now: ctx.startedAt });
    if (f.stale === false) qb.andWhere('(l.staleAt IS NULL OR l.staleAt > :now)', { now: ctx.startedAt });
    return paginate(
      qb,
      args,
      { printedAt: 'l.printedAt', staleAt: 'l.staleAt', code: 'l.code', staleScans: 'l.staleScans' },
      { field: 'printedAt', order: SortOrder.DESC },
    );
  }

  async findOne(ctx: RequestContext, id: string): Promise<Label> {
    const label = isUuid(id) ? await ctx.manager.getRepository(Label).findOneBy({ id }) : null;
    if (!label) throw DomainError.notFound('Label');
    await assertLabelVenue(ctx, label.venueId, LABEL_READERS, 'Label');
    return label;
  }

  /** Showroom staff confirm these labels are on the shelf: PRINTED → POSTED (already posted: unchanged). */
  async markPosted(ctx: RequestContext, input: MarkLabelsPostedInput): Promise<Label[]> {
    const labels = await this.lockForChange(ctx, input.labelIds);
    const toPost = labels.filter((l) => l.status !== LabelStatus.POSTED);
    toPost.forEach((l) => assertTransition('Label', LABEL_TRANSITIONS, l.status, LabelStatus.POSTED));
    if (toPost.length) {
      await ctx.manager.query(`UPDATE labels SET status = 'POSTED', posted_at = $3, posted_by = $2 WHERE id = ANY($1)`, [
        toPost.map((l) => l.id),
        ctx.userId,
        ctx.startedAt,
      ]);
      await this.recordByVenue(ctx, 'label.posted', toPost);
    }
    return this.reload(ctx, input.labelIds);
  }

  /** Labels taken off the shelf without a replacement (the slot is empty now): → RETIRED. */
  async retire(ctx: RequestContext, input: RetireLabelsInput): Promise<Label[]> {
    const labels = await this.lockForChange(ctx, input.labelIds);
    labels.forEach((l) => assertTransition('Label', LABEL_TRANSITIONS, l.status, LabelStatus.RETIRED));
    await ctx.manager.query(`UPDATE labels SET status = 'RETIRED', retired_at = $2 WHERE id = ANY($1)`, [labels.map((l) => l.id), ctx.startedAt]);
    await this.recordByVenue(ctx, 'label.retired', labels);
    return this.reload(ctx, input.labelIds);
  }

  /**
   * The reprint queue by zone and shelf: live labels that are stale now (derived live from
   * `xp_label_staleness()`, so exact even before the recheck) and printed labels not yet
   * confirmed on the shelf. Printing a stale-only job and `markLabelsPosted` empty it.
   */
  async staleQueue(ctx: RequestContext, venueId: string): Promise<StaleLabelQueue> {
    await assertLabelVenue(ctx, venueId, LABEL_READERS);
    const rows: QueueRow[] = await ctx.manager.query(
      `SELECT l.id, z.id AS zone_id, z.code AS zone_code, z.name AS zone_name, sh.id AS shelf_id, sh.code AS shelf_code,
              s.code AS slot_code, k.code AS sku_code, p.title_zh AS title,
              nk.code AS now_sku_code, np.title_zh AS now_title,
              st.stale_at AS live_stale_at, st.stale_reason AS live_stale_reason
       FROM labels l
       CROSS JOIN LATERAL xp_label_staleness(l.assignment_id, l.slot_id, l.sku_id, l.price_version_id) st
       JOIN slots s ON s.id = l.slot_id
       JOIN shelves sh ON sh.id = s.shelf_id
       JOIN zones z ON z.id = s.zone_id
       JOIN skus k ON k.id = l.sku_id
       JOIN products p ON p.id = k.product_id
       LEFT JOIN slot_assignments na ON na.slot_id = l.slot_id AND na.status = 'LIVE' AND na.period @> $3::date
       LEFT JOIN skus nk ON nk.id = na.sku_id
       LEFT JOIN products np ON np.id = nk.product_id
       WHERE l.venue_id = $1 AND l.status <> 'RETIRED' AND (st.stale_at <= $2 OR l.status = 'PRINTED')
       ORDER BY z.code, sh.number, s.code`,
      [venueId, ctx.startedAt, today(ctx.startedAt)],
    );
    const labels = new Map((await ctx.manager.getRepository(Label).findBy({ id: In(rows.map((r) => r.id)) })).map((l) => [l.id, l]));
    const zones = new Map<string, { zoneId: string; zoneCode: string; zoneName: string; shelves: Map<string, StaleLabelShelf> }>();
    let staleCount = 0;
    let awaitingPostingCount = 0;
    for (const r of rows) {
      const label = labels.get(r.id)!;
      // The queue shows the live derivation, even where the stored value has not caught up yet.
      label.staleAt = r.live_stale_at;
      label.staleReason = r.live_stale_reason;
      const item: QueuedLabel = {
        label,
        slotCode: r.slot_code,
        skuCode: r.sku_code,
        title: r.title,
        nowOnSlotSkuCode: r.now_sku_code,
        nowOnSlotTitle: r.now_title,
      };
      const zone = zones.get(r.zone_id) ?? { zoneId: r.zone_id, zoneCode: r.zone_code, zoneName: r.zone_name, shelves: new Map() };
      zones.set(r.zone_id, zone);
      const shelf = zone.shelves.get(r.shelf_id) ?? { shelfId: r.shelf_id, shelfCode: r.shelf_code, stale: [], awaitingPosting: [] };
      zone.shelves.set(r.shelf_id, shelf);
      if (isStaleAt(r.live_stale_at, ctx.startedAt)) {
        shelf.stale.push(item);
        staleCount++;
      } else {
        shelf.awaitingPosting.push(item);
        awaitingPostingCount++;
      }
    }
    return {
      venueId,
      staleCount,
      awaitingPostingCount,
      zones: [...zones.values()].map((z) => ({ zoneId: z.zoneId, zoneCode: z.zoneCode, zoneName: z.zoneName, shelves: [...z.shelves.values()] })),
    };
  }

  /**
   * The labels, locked, when the caller may change every one of them (showroom staff or admin
   * of their venues). A label the caller cannot see answers NOT_FOUND, as a missing one.
   */
  private async lockForChange(ctx: RequestContext, ids: readonly string[]): Promise<Label[]> {
    ctx.requirePrincipal();
    const labels = await ctx.manager
      .getRepository(Label)
      .createQueryBuilder('l')
      .setLock('pessimistic_write')
      .where('l.id = ANY(:ids)', { ids: [...ids] })
      .orderBy('l.id')
      .getMany();
    const byId = new Map(labels.map((l) => [l.id, l]));
    for (const id of ids) {
      const label = byId.get(id);
      if (!label || venueRoles(ctx, label.venueId).size === 0) throw DomainError.notFound('Label');
    }
    for (const venueId of new Set(labels.map((l) => l.venueId))) await assertLabelVenue(ctx, venueId, LABEL_PRINTERS, 'Label');
    return ids.map((id) => byId.get(id)!);
  }

  private async reload(ctx: RequestContext, ids: readonly string[]): Promise<Label[]> {
    const labels = await ctx.manager.getRepository(Label).findBy({ id: In([...ids]) });
    const byId = new Map(labels.map((l) => [l.id, l]));
    return ids.map((id) => byId.get(id)!);
  }

  private async recordByVenue(ctx: RequestContext, action: string, labels: Label[]): Promise<void> {
    for (const venueId of new Set(labels.map((l) => l.venueId))) {
      const mine = labels.filter((l) => l.venueId === venueId);
      await this.audit.record(ctx, {
        action,
        entityType: 'Label',
        entityId: mine.length === 1 ? mine[0].id : undefined,
        venueId,
        after: { labels: mine.map((l) => ({ id: l.id, code: l.code, from: l.status })) },
      });
    }
  }
}

