import { createHash } from 'node:crypto';
import { AuditService } from '@xp/audit';
import { addDays, AppConfig, businessDateOf, DomainError, ErrorCode, EventBus, RequestContext, startOfBusinessDay } from '@xp/core';
import { AdmissionsService, DocumentsService } from '@xp/factories';
import {
  LabelFormat,
  LabelRenderer,
  LabelStalenessService,
  LabelTemplatesService,
  LabelWalksService,
  PrintedLabelsService,
  PrintJobsService,
} from '@xp/labels';
import { PriceReviewService, PriceSheetsService, PricingService } from '@xp/pricing';
import { ScanEventRow, ScanEventWriter } from '@xp/scans';
import { VenuesService } from '@xp/venues';
import { actingAs, handOver } from '../acting';
import { DemoPart, DemoRefs } from '../demo.types';

const DAY = 86_400_000;

interface DemoLabel {
  id: string;
  code: string;
  venue_id: string;
  slot_id: string;
  sku_id: string;
  factory_org_id: string;
  slot_code: string;
  shelf_id: string;
  printed_at: Date;
  retired_at: Date | null;
  stale_at: Date | null;
}

/** A number in [0, n) that is the same on every run (the demo is deterministic). */
function pick(seed: string, n: number): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) % n;
}

/**
 * Labels and scans at Zhengzhou, as the showroom staff lived them: zone A printed twenty days
 * ago and posted the next day; the end cap printed after a SKU moved there; the labels of two
 * emptied slots taken down; then factory A repriced one SKU of shelf A-01 (approved three days
 * ago, in force since two days ago), so that shelf's label for it is stale and in the reprint
 * queue; a verify walk along A-01 yesterday found it; and three weeks of scans and listings.
 */
export const labelsPart: DemoPart = {
  name: 'labels and scans',
  async run(ctx: RequestContext, refs: DemoRefs) {
    const venueId = refs['venues.zz'];
    const staffId = refs['users.showroom.staff'];
    const zoneA = refs['zones.A'];
    if (!venueId || !staffId || !zoneA) return;
    const audit = new AuditService();
    const pricing = new PricingService(audit);
    const staleness = new LabelStalenessService();
    const renderer = new LabelRenderer({ publicBaseUrl: refs['config.publicBaseUrl'] ?? 'http://localhost:3000' } as AppConfig);
    const jobs = new PrintJobsService(audit, new LabelTemplatesService(audit), renderer, pricing, staleness);
    const printed = new PrintedLabelsService(audit);
    const walks = new LabelWalksService(audit, pricing, staleness);
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
    const contexts: RequestContext[] = [];
    const staff = async (daysAgo: number) => {
      const acting = await actingAs(ctx, staffId, at(daysAgo));
      contexts.push(acting);
      return acting;
    };
    const [template] = await ctx.manager.query(`SELECT id FROM label_templates WHERE code = 'ROLL-50X30' AND venue_id IS NULL`);
    const slotId = async (code: string): Promise<string | undefined> =>
      (await ctx.manager.query('SELECT id FROM slots WHERE venue_id = $1 AND code = $2', [venueId, code]))[0]?.id;
    /** Prints, or answers null when nothing there shows a priced SKU. */
    const print = async (daysAgo: number, selection: { zoneIds?: string[]; slotIds?: string[] }) => {
      try {
        return await jobs.create(await staff(daysAgo), { venueId, templateId: template.id, format: LabelFormat.PDF, selection });
      } catch (error) {
        if (error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED) return null;
        throw error;
      }
    };
    const labelsOf = async (where: string, params: unknown[]): Promise<DemoLabel[]> =>
      ctx.manager.query(
        `SELECT l.id, l.code, l.venue_id, l.slot_id, l.sku_id, l.factory_org_id, s.code AS slot_code, s.shelf_id,
                l.printed_at, l.retired_at, l.stale_at
         FROM labels l JOIN slots s ON s.id = l.slot_id WHERE ${where} ORDER BY s.code`,
        params,
      );

    // 1. Twenty days ago: zone A printed, posted the next day.
    const zoneJob = await print(20, { zoneIds: [zoneA] });
    if (!zoneJob) return;
    refs['labelPrintJobs.zoneA'] = zoneJob.id;
    const zoneLabels = await labelsOf('l.job_id = $1', [zoneJob.id]);
    for (const label of zoneLabels) refs[`labels.${label.slot_code}`] = label.id;
    await printed.markPosted(await staff(19), { labelIds: zoneLabels.map((l) => l.id) });

    // 2. Nine days ago: the SKU moved to the end cap E-01-1 gets its label there.
    const endCap = await slotId('E-01-1');
    const endCapJob = endCap ? await print(9, { slotIds: [endCap] }) : null;
    if (endCapJob) {
      refs['labelPrintJobs.endCap'] = endCapJob.id;
      const [label] = await labelsOf('l.job_id = $1', [endCapJob.id]);
      refs['labels.E-01-1'] = label.id;
      await printed.markPosted(await staff(9), { labelIds: [label.id] });
    }

    // 3. Six days ago: the labels of slots emptied since are taken down.
    await staleness.refresh(ctx.manager, { venueId });
    const emptied: { id: string }[] = await ctx.manager.query(
      `SELECT l.id FROM labels l WHERE l.venue_id = $1 AND l.status <> 'RETIRED' AND l.stale_reason = 'SLOT_CHANGED' AND l.stale_at <= $2
         AND NOT EXISTS (SELECT 1 FROM slot_assignments a WHERE a.slot_id = l.slot_id AND a.status = 'LIVE' AND a.period @> $3::date)`,
      [venueId, at(6), businessDateOf(at(6))],
    );
    if (emptied.length) await printed.retire(await staff(6), { labelIds: emptied.map((l) => l.id) });

    // 4. Three days ago: factory A reprices one SKU of shelf A-01, in force since two days ago.
    const repriced = await repriceOneSku(ctx, refs, venueId, pricing, audit, contexts, at);
    if (repriced) refs['skus.repricedForLabels'] = repriced;
    await staleness.refresh(ctx.manager, { venueId });

    // 5. Three weeks of scans and listings of the labels on the shelves.
    const everything = await labelsOf('l.venue_id = $1', [venueId]);
    const rows = demoScans(everything);
    await new ScanEventWriter(ctx.dataSource, staleness, new EventBus()).insert(rows, ctx.manager);
    await ctx.manager.query(
      `UPDATE labels l SET stale_scans = x.n, last_stale_scan_at = x.last
       FROM (SELECT label_id, count(*)::int AS n, max(occurred_at) AS last FROM scan_events
             WHERE venue_id = $1 AND kind = 'VIEW' AND label_state = 'STALE' GROUP BY label_id) x
       WHERE l.id = x.label_id`,
      [venueId],
    );

    // 6. Yesterday: a verify walk along shelf A-01.
    const shelfA01 = everything.find((l) => l.slot_code.startsWith('A-01-'))?.shelf_id;
    if (shelfA01) {
      const walker = await staff(1);
      const walk = await walks.start(walker, { venueId, shelfId: shelfA01 });
      for (const label of everything.filter((l) => l.shelf_id === shelfA01 && !l.retired_at)) {
        await walks.verify(walker, { walkId: walk.id, code: label.code });
      }
      await walks.finish(walker, { walkId: walk.id });
      refs['labelWalks.A-01'] = walk.id;
    }
    for (const acting of contexts) handOver(acting, ctx);
  },
};

/**
 * One SKU on shelf A-01 that the pending sheet does not touch and that has no price floor:
 * factory A raises its supply price 5 % (sheet submitted and approved three days ago, effective
 * two days ago). Answers the SKU id, or null when the demo has no such SKU.
 */
async function repriceOneSku(
  ctx: RequestContext,
  refs: DemoRefs,
  venueId: string,
  pricing: PricingService,
  audit: AuditService,
  contexts: RequestContext[],
  at: (daysAgo: number) => Date,
): Promise<string | null> {
  const factoryAdmin = refs['users.factory.admin'];
  const [reviewer] = await ctx.manager.query(`SELECT id FROM users WHERE email = 'pricing.reviewer@demo.xuanpin.test'`);
  if (!factoryAdmin || !reviewer) return null;
  const [candidate] = await ctx.manager.query(
    `SELECT l.sku_id FROM labels l JOIN slots s ON s.id = l.slot_id JOIN price_sheet_lines v ON v.id = l.price_version_id
     WHERE l.venue_id = $1 AND l.status <> 'RETIRED' AND s.code LIKE 'A-01-%' AND v.requested_floor IS NULL
       AND NOT EXISTS (SELECT 1 FROM price_sheet_lines p WHERE p.sheet_id = $2 AND p.sku_id = l.sku_id)
     ORDER BY s.code LIMIT 1`,
    [venueId, refs['priceSheets.pending'] ?? null],
  );
  if (!candidate) return null;
  const [current] = await pricing.effectivePrices(ctx.manager, venueId, [candidate.sku_id], at(3));
  if (!current) return null;
  const admissions = new AdmissionsService(new VenuesService(audit), new DocumentsService(audit), audit);
  const sheets = new PriceSheetsService(audit, admissions);
  const review = new PriceReviewService(audit, sheets, pricing);
  const factory = await actingAs(ctx, factoryAdmin, at(3));
  contexts.push(factory);
  const sheet = await sheets.create(factory, {
    venueId,
    effectiveFrom: businessDateOf(at(2)),
    note: '毛线原料上涨，单品调价',
    lines: [
      {
        skuId: candidate.sku_id,
        tiers: current.supplyTiers.map((t) => ({ minQuantity: t.minQuantity, unitPrice: t.unitPrice + Math.round(t.unitPrice / 20) })),
        retailPrice: current.retailPrice,
        requestedFloor: null,
      },
    ],
  });
  const submitted = await sheets.submit(factory, { id: sheet.id });
  const reviewing = await actingAs(ctx, reviewer.id, new Date(at(3).getTime() + 2 * 3_600_000));
  contexts.push(reviewing);
  await review.review(reviewing, { id: sheet.id, version: submitted.version, lines: [], approveUnlisted: true });
  refs['priceSheets.labelsRepriced'] = sheet.id;
  return candidate.sku_id;
}

/** Deterministic scans: a few views a day per label on the shelf (more at weekends), a listing in five. */
function demoScans(labels: DemoLabel[]): ScanEventRow[] {
  const devices = Array.from({ length: 60 }, (_, i) => createHash('sha256').update(`demo-device-${i}`).digest('hex').slice(0, 32));
  const rows: ScanEventRow[] = [];
  const now = Date.now();
  const today = businessDateOf(new Date());
  for (let back = 20; back >= 0; back--) {
    const day = addDays(today, -back);
    const weekend = [0, 6].includes(new Date(`${day}T12:00:00+08:00`).getUTCDay());
    for (const label of labels) {
      const views = 1 + pick(`${label.code}:${day}`, weekend ? 8 : 4); // at least one a day
      for (let k = 0; k < views; k++) {
        const occurredAt = new Date(startOfBusinessDay(day).getTime() + (9 * 60 + 25 * k + pick(`${label.code}:${day}:${k}`, 20)) * 60_000);
        if (occurredAt.getTime() > now || occurredAt < label.printed_at || (label.retired_at && occurredAt >= label.retired_at)) continue;
        const state = label.stale_at && label.stale_at <= occurredAt ? 'STALE' : 'CURRENT';
        const base = {
          labelId: label.id,
          code: label.code,
          venueId: label.venue_id,
          slotId: label.slot_id,
          skuId: label.sku_id,
          factoryOrgId: label.factory_org_id,
          deviceHash: devices[pick(`${label.code}:${day}:${k}:d`, devices.length)],
          labelState: state,
        } as const;
        rows.push({ ...base, occurredAt, kind: 'VIEW', exportFormat: null });
        if (pick(`${label.code}:${day}:${k}:l`, 5) === 0) {
          rows.push({ ...base, occurredAt: new Date(occurredAt.getTime() + 40_000), kind: 'LISTING', exportFormat: k % 2 ? 'CSV' : 'JSON' });
        }
      }
    }
  }
  return rows;
}
