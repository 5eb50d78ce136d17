import { hashPassword, Membership, User } from '@xp/access';
import { AuditService } from '@xp/audit';
import { AdmissionsService, DocumentsService } from '@xp/factories';
import { VenuesService } from '@xp/venues';
import { applyBasisPoints, businessDateOf, RequestContext, Role, ROLE_ORGANIZATION_KIND } from '@xp/core';
import {
  LineDecisionValue,
  PriceReviewService,
  PriceSheetsService,
  PricingService,
  PriceSheetLine,
} from '@xp/pricing';
import { actingAs, handOver } from '../acting';
import { DEMO_PASSWORD, DemoPart, DemoRefs } from '../demo.types';

const DAY = 86_400_000;
export const SECOND_REVIEWER_EMAIL = 'pricing.reviewer2@demo.xuanpin.test';

interface DemoSku {
  id: string;
  code: string;
  moq: number;
  category_code: string;
  verified_brand: boolean;
}

async function userId(ctx: RequestContext, email: string): Promise<string | null> {
  const [row] = await ctx.manager.query('SELECT id FROM users WHERE lower(email) = lower($1)', [email]);
  return row?.id ?? null;
}

/** A second PRICING_REVIEWER at the Zhengzhou operator: a floor needs a second pair of eyes. */
async function secondReviewer(ctx: RequestContext, refs: DemoRefs): Promise<string | null> {
  const operatorA = refs['orgs.operatorA'];
  if (!operatorA) return null;
  const existing = await userId(ctx, SECOND_REVIEWER_EMAIL);
  if (existing) return existing;
  const user = await ctx.manager.getRepository(User).save({
    email: SECOND_REVIEWER_EMAIL,
    displayName: '价格复核 钱程',
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  await ctx.manager.getRepository(Membership).save({
    userId: user.id,
    organizationId: operatorA,
    organizationKind: ROLE_ORGANIZATION_KIND[Role.PRICING_REVIEWER],
    role: Role.PRICING_REVIEWER,
    regionId: null,
  });
  refs['users.pricing.reviewer2'] = user.id;
  return user.id;
}

/** Supply tiers from the MOQ: 100 %, 95 % from 5×MOQ, 90 % from 20×MOQ of a base price. */
function tiersFor(sku: DemoSku, base: number) {
  return [
    { minQuantity: sku.moq, unitPrice: base },
    { minQuantity: sku.moq * 5, unitPrice: base - Math.round(base / 20) },
    { minQuantity: sku.moq * 20, unitPrice: base - Math.round(base / 10) },
  ];
}

/**
 * Pricing at the Zhengzhou venue: a markup policy (20 % by default, 25 % for apparel), a second
 * pricing reviewer, and — when factory A is admitted there with SKUs (the factories part) —
 * an approved sheet in force for a month with a brand floor approved by the second reviewer,
 * and a newer sheet for a few SKUs waiting for review. Does nothing beyond the policy and the
 * reviewer when factory A has no SKUs at the venue yet.
 */
export const pricingPart: DemoPart = {
  name: 'pricing',
  async run(ctx: RequestContext, refs: DemoRefs) {
    const venueId = refs['venues.zz'];
    const factoryA = refs['orgs.factoryA'];
    if (!venueId) return;
    const audit = new AuditService();
    const pricing = new PricingService(audit);
    const admissions = new AdmissionsService(new VenuesService(audit), new DocumentsService(audit), audit);
    const sheets = new PriceSheetsService(audit, admissions);
    const review = new PriceReviewService(audit, sheets, pricing);

    const operatorAdmin = await userId(ctx, 'operator.admin@demo.xuanpin.test');
    if (operatorAdmin) {
      const admin = await actingAs(ctx, operatorAdmin, new Date(Date.now() - 40 * DAY));
      await pricing.setMarkupPolicy(admin, { venueId, markupBasisPoints: 2000 });
      const [apparel] = await ctx.manager.query(`SELECT id FROM categories WHERE code = 'APPAREL'`);
      if (apparel) await pricing.setMarkupPolicy(admin, { venueId, categoryId: apparel.id, markupBasisPoints: 2500 });
    }
    const reviewer2 = await secondReviewer(ctx, refs);

    const factoryAdmin = await userId(ctx, 'factory.admin@demo.xuanpin.test');
    const reviewer = await userId(ctx, 'pricing.reviewer@demo.xuanpin.test');
    if (!factoryA || !factoryAdmin || !reviewer || !reviewer2) return;
    const [admitted] = await ctx.manager.query(
      `SELECT 1 FROM venue_factories WHERE venue_id = $1 AND factory_org_id = $2 AND status = 'APPROVED'`,
      [venueId, factoryA],
    );
    const skus: DemoSku[] = await ctx.manager.query(
      `SELECT s.id, s.code, s.moq, c.code AS category_code, (b.status = 'VERIFIED') IS TRUE AS verified_brand
       FROM skus s JOIN products p ON p.id = s.product_id JOIN categories c ON c.id = p.category_id
       LEFT JOIN brands b ON b.id = p.brand_id AND b.factory_org_id = s.factory_org_id
       WHERE s.factory_org_id = $1 AND s.status = 'ACTIVE' AND p.status = 'ACTIVE'
       ORDER BY s.code LIMIT 40`,
      [factoryA],
    );
    if (!admitted || skus.length === 0) return;

    // 1. A month ago: factory A's first sheet, reviewed, its brand floor approved by the second reviewer.
    const submittedAt = new Date(Date.now() - 31 * DAY);
    const reviewedAt = new Date(Date.now() - 30 * DAY);
    const factory = await actingAs(ctx, factoryAdmin, submittedAt);
    const bases = new Map(skus.map((s, i) => [s.id, 1280 + ((i * 370) % 2400)]));
    const floorSku = skus.find((s) => s.verified_brand);
    const first = await sheets.create(factory, {
      venueId,
      effectiveFrom: businessDateOf(reviewedAt),
      note: '2026 秋冬首批报价',
      lines: skus.map((s) => {
        const base = bases.get(s.id)!;
        return {
          skuId: s.id,
          tiers: tiersFor(s, base),
          retailPrice: Math.round((base * 22) / 10 / 10) * 10,
          requestedFloor: s === floorSku ? base + Math.round(base / 20) : null,
        };
      }),
    });
    const submitted = await sheets.submit(factory, { id: first.id });
    handOver(factory, ctx);
    const firstReviewer = await actingAs(ctx, reviewer, reviewedAt);
    const reviewed = await review.review(firstReviewer, { id: first.id, version: submitted.version, lines: [], approveUnlisted: true });
    handOver(firstReviewer, ctx);
    if (floorSku) {
      const second = await actingAs(ctx, reviewer2, new Date(reviewedAt.getTime() + 3_600_000));
      const floorLine = await ctx.manager.getRepository(PriceSheetLine).findOneByOrFail({ sheetId: first.id, skuId: floorSku.id });
      await review.decideFloors(second, {
        id: first.id,
        version: reviewed.version,
        lines: [{ lineId: floorLine.id, decision: LineDecisionValue.APPROVED }],
      });
      handOver(second, ctx);
    }
    refs['priceSheets.approved'] = first.id;
    const versions = await ctx.manager.getRepository(PriceSheetLine).findBy({ sheetId: first.id });
    for (const line of versions) {
      const sku = skus.find((s) => s.id === line.skuId)!;
      refs[`priceVersions.${sku.code}`] = line.id;
    }

    // 2. Today: a newer sheet for a few SKUs, effective next week, waiting for review (one large change).
    const now = new Date();
    const factoryToday = await actingAs(ctx, factoryAdmin, now);
    const changed = skus.slice(0, 3);
    const pending = await sheets.create(factoryToday, {
      venueId,
      effectiveFrom: businessDateOf(new Date(now.getTime() + 7 * DAY)),
      note: '原料涨价，调整部分单品',
      lines: changed.map((s, i) => {
        const base = bases.get(s.id)!;
        const raised = i === 0 ? base + Math.round(base / 4) : base + Math.round((base * 8) / 100);
        return {
          skuId: s.id,
          tiers: tiersFor(s, raised),
          retailPrice: Math.max(Math.round((base * 22) / 10 / 10) * 10, applyBasisPoints(raised, 10_000)),
          requestedFloor: null,
        };
      }),
    });
    await sheets.submit(factoryToday, { id: pending.id });
    refs['priceSheets.pending'] = pending.id;
  },
};
