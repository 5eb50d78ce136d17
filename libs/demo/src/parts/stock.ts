import { loadPrincipal } from '@xp/access';
import { AuditService } from '@xp/audit';
import { RequestContext } from '@xp/core';
import { CountsService, LocationKind, ReceiptsService, StockLedgerService, StockService } from '@xp/stock';
import { DemoPart, DemoRefs } from '../demo.types';

/** Splits 500 units over the SKUs (at most three), the first ones taking the rounding. */
function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/**
 * Factory A's consignment at Zhengzhou: a delivery note of 500 units with one short line,
 * received by the warehouse; samples moved to the showroom; a stock count whose variance
 * waits for the operator admin. Runs only when factory A has SKUs admitted there (the
 * factories and catalog parts make them), as the demo users, through the stock services.
 */
export const stockPart: DemoPart = {
  name: 'stock',
  async run(ctx: RequestContext, refs: DemoRefs) {
    const venueId = refs['venues.zz'];
    const factoryOrgId = refs['orgs.factoryA'];
    const skus: { id: string; code: string }[] = await ctx.manager.query(
      `SELECT s.id, s.code FROM skus s
       JOIN venue_factories vf ON vf.factory_org_id = s.factory_org_id AND vf.venue_id = $1 AND vf.status = 'APPROVED'
       WHERE s.factory_org_id = $2 AND s.status = 'ACTIVE' ORDER BY s.code LIMIT 3`,
      [venueId, factoryOrgId],
    );
    if (skus.length === 0) return;

    const as = async (userKey: string) => {
      const loaded = await loadPrincipal(ctx.manager, refs[userKey]);
      if (!loaded) throw new Error(`Demo user ${userKey} is missing`);
      const userCtx = new RequestContext(ctx.dataSource, { principal: loaded.principal });
      userCtx.manager = ctx.manager;
      return userCtx;
    };
    const audit = new AuditService();
    const ledger = new StockLedgerService(audit);
    const receipts = new ReceiptsService(ledger, audit);
    const stock = new StockService(ledger, audit);
    const counts = new CountsService(ledger, audit);
    const factory = await as('users.factory.admin');
    const warehouse = await as('users.warehouse.staff');
    const showroom = await as('users.showroom.staff');

    const declared = split(500, skus.length);
    const received = declared.map((q, i) => (i === declared.length - 1 ? q - 8 : q));
    const receipt = await receipts.declare(factory, {
      venueId,
      factoryOrgId,
      deliveryNoteNo: 'YN-2026-0001',
      note: '首批寄售入库',
      lines: skus.map((s, i) => ({ skuId: s.id, quantity: declared[i] })),
    });
    await receipts.receive(warehouse, {
      receiptId: receipt.id,
      idempotencyKey: 'demo-stock-receive-yn-2026-0001',
      note: `${skus[skus.length - 1].code} 短少 8 件，已拍照留证`,
      lines: skus.map((s, i) => ({ skuId: s.id, receivedQuantity: received[i] })),
    });
    await stock.transfer(showroom, {
      venueId,
      from: LocationKind.WAREHOUSE,
      to: LocationKind.SHOWROOM,
      lines: skus.map((s) => ({ skuId: s.id, quantity: 2 })),
      note: '展厅陈列样品',
      idempotencyKey: 'demo-stock-samples-to-showroom',
    });
    const count = await counts.start(warehouse, {
      venueId,
      location: LocationKind.WAREHOUSE,
      skuIds: [skus[0].id],
      note: '月末抽盘',
    });
    const [{ expected_quantity: expected }] = await ctx.manager.query(
      'SELECT expected_quantity FROM stock_count_lines WHERE count_id = $1',
      [count.id],
    );
    await counts.submit(warehouse, { countId: count.id, lines: [{ skuId: skus[0].id, countedQuantity: expected - 10 }] });
    for (const userCtx of [factory, warehouse, showroom]) for (const event of userCtx.takeEvents()) ctx.emit(event);
  },
};
