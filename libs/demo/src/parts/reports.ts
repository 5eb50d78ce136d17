import { AuditService } from '@xp/audit';
import { businessDateOf, RequestContext } from '@xp/core';
import { AdmissionsService, DocumentsService } from '@xp/factories';
import { PriceSheetsService } from '@xp/pricing';
import { LayoutService, SlotKind } from '@xp/showroom';
import { LocationKind, MovementType, StockLedgerService } from '@xp/stock';
import { VenuesService } from '@xp/venues';
import { actingAs, handOver } from '../acting';
import { DemoPart, DemoRefs } from '../demo.types';

const DAY = 86_400_000;

/**
 * What the reports need to tell a story for last month and this month, appended last:
 *
 * - The demo's admissions are granted by the factories part at load time, while the parts after
 *   it tell a history reaching back weeks (prices reviewed a month ago, goods on shelves and orders
 *   shipped last month). The admissions of that history are dated to before it began, 50 days ago,
 *   so that "admitted" and "new" factories agree with the goods on the shelves. (The admission
 *   events keep their load time: they are append-only.)
 * - Yongkang, the second venue of the regional manager's region, otherwise empty: its hardware
 *   zone laid out 40 days ago, factory B's consignment received last month and this month (not
 *   yet priced there, so reported as unpriced stock and no goods on shelves), and factory B's
 *   first price sheet waiting for review — a young venue beside Zhengzhou in the region report.
 */
export const reportsPart: DemoPart = {
  name: 'reports',
  async run(ctx: RequestContext, refs: DemoRefs) {
    const zz = refs['venues.zz'];
    const yk = refs['venues.yk'];
    const factoryB = refs['orgs.factoryB'];
    if (!zz || !yk) return;
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);

    await ctx.manager.query(
      `UPDATE venue_factories SET submitted_at = $2::timestamptz - interval '2 days', decided_at = $2, admitted_at = $2
       WHERE venue_id = ANY($1::uuid[]) AND status = 'APPROVED' AND admitted_at > $2`,
      [[zz, yk], at(50)],
    );

    const operatorAdmin = refs['users.operator2.admin'];
    const factoryAdmin = refs['users.factory2.admin'];
    if (!operatorAdmin || !factoryB || !factoryAdmin) return;
    const audit = new AuditService();
    const layout = new LayoutService(audit);
    const [hardware] = await ctx.manager.query(`SELECT id FROM categories WHERE code = 'HARDWARE'`);
    const laidOut = await actingAs(ctx, operatorAdmin, at(40));
    const zone = await layout.createZone(laidOut, { venueId: yk, code: 'H', name: '五金工具区', floor: 1, categoryId: hardware?.id });
    await layout.createShelves(laidOut, { zoneId: zone.id, fromNumber: 1, toNumber: 4, levels: 3, kind: SlotKind.SHELF, widthCm: 90 });
    handOver(laidOut, ctx);

    const skus: { id: string; moq: number }[] = await ctx.manager.query(
      `SELECT s.id, s.moq FROM skus s JOIN products p ON p.id = s.product_id
       WHERE s.factory_org_id = $1 AND s.status = 'ACTIVE' AND p.status = 'ACTIVE' ORDER BY s.code LIMIT 3`,
      [factoryB],
    );
    if (skus.length === 0) return;
    const ledger = new StockLedgerService(audit);
    for (const [daysAgo, quantity, note] of [
      [35, 120, '送货单 XY-YK-0001'],
      [10, 60, '送货单 XY-YK-0002'],
    ] as const) {
      const warehouse = await actingAs(ctx, operatorAdmin, at(daysAgo));
      await ledger.apply(
        warehouse,
        skus.map((s) => ({ type: MovementType.CONSIGN_IN, skuId: s.id, quantity, to: LocationKind.WAREHOUSE, note })),
        `demo-reports-yk-consignment-${daysAgo}`,
        { venueId: yk, action: 'receiveConsignment', occurredAt: at(daysAgo) },
      );
      handOver(warehouse, ctx);
    }

    const sheets = new PriceSheetsService(audit, new AdmissionsService(new VenuesService(audit), new DocumentsService(audit), audit));
    const factory = await actingAs(ctx, factoryAdmin, at(1));
    const sheet = await sheets.create(factory, {
      venueId: yk,
      effectiveFrom: businessDateOf(at(-3)),
      note: '永康馆首批报价',
      lines: skus.map((s, i) => {
        const base = 2600 + i * 450;
        return {
          skuId: s.id,
          tiers: [
            { minQuantity: s.moq, unitPrice: base },
            { minQuantity: s.moq * 10, unitPrice: base - Math.round(base / 20) },
          ],
          retailPrice: base * 2,
          requestedFloor: null,
        };
      }),
    });
    await sheets.submit(factory, { id: sheet.id });
    handOver(factory, ctx);
    refs['priceSheets.ykPending'] = sheet.id;
  },
};
