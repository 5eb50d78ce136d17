import { randomUUID } from 'node:crypto';
import { loadPrincipal } from '@xp/access';
import { AuditService } from '@xp/audit';
import { AppConfig, RequestContext, startOfBusinessDay } from '@xp/core';
import { PricingService } from '@xp/pricing';
import {
  BuyersService,
  lastMonthBefore,
  MemberLevelsService,
  MemberLevelTrigger,
  monthBounds,
  OrdersService,
  ReturnDestination,
  ReturnReason,
  ReturnsService,
  SalesQueriesService,
  SalesSettingsService,
} from '@xp/sales';
import { SettlementService } from '@xp/settlement';
import { LocationKind, MovementType, StockLedgerService } from '@xp/stock';
import { DemoPart, DemoRefs } from '../demo.types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const BUYERS = [
  { key: 'big', shopName: '中原批发城·豫货优选', contactName: '张建国', phone: '13838100001', city: '郑州', wechatId: 'zhang_yuhuo' },
  { key: 'shop', shopName: '洛阳老城针织铺', contactName: '李秀梅', phone: '13938200002', city: '洛阳' },
  { key: 'online', shopName: '暖冬小铺（淘宝）', contactName: '王磊', phone: '15036300003', city: '开封', email: 'wanglei@example.com' },
  { key: 'new', shopName: '新乡百货', contactName: '赵敏', phone: '18637400004', city: '新乡' },
];

/**
 * When the demo's history of last month starts: an hour after the prices it uses came into force
 * (and not before the month's first morning), provided its 18 hours fit in last month; null
 * otherwise (the prices came in force only on last month's last day), and then the demo
 * tells the same story this month and issues no statement.
 */
export function lastMonthHistoryStart(pricedFrom: number, now: Date): Date | null {
  const { from, to } = monthBounds(lastMonthBefore(now));
  const t0 = new Date(Math.max(pricedFrom + HOUR, from.getTime() + 9 * HOUR));
  return t0.getTime() + 18 * HOUR < to.getTime() ? t0 : null;
}

/**
 * Buyers and orders at Zhengzhou for factory A, and last month's statement: last month (when
 * the demo's prices were already in force then) a delivery, a large order at the top tier and
 * a mid-tier one delivered, one cancelled and one partly returned, the member levels computed
 * and factory A's statement issued; this month an order delivered, one paid and one holding
 * stock. Runs only when factory A has priced SKUs with stock there (the earlier parts).
 */
export const salesPart: DemoPart = {
  name: 'sales and settlement',
  async run(ctx: RequestContext, refs: DemoRefs) {
    const venueId = refs['venues.zz'];
    const factoryA = refs['orgs.factoryA'];
    const codes = ['YN-SW-003-GRY-M', 'YN-SC-001-RED', 'YN-SW-003-RED-M', 'YN-HT-002-BLK', 'YN-SC-001-GRY'];
    const skuIds = codes.map((c) => refs[`skus.${c}`]);
    if (!venueId || !factoryA || skuIds.some((id) => !id) || !refs['users.operator.admin']) return;

    const audit = new AuditService();
    const ledger = new StockLedgerService(audit);
    const pricing = new PricingService(audit);
    const buyers = new BuyersService(audit, { loginRateLimit: 1000 } as AppConfig);
    const settings = new SalesSettingsService(audit);
    const queries = new SalesQueriesService();
    const orders = new OrdersService(ledger, pricing, buyers, settings, queries, audit);
    const returns = new ReturnsService(ledger, settings, queries, audit);
    const levels = new MemberLevelsService(audit);
    const settlements = new SettlementService(ledger, queries, audit);

    const now = new Date();
    if ((await pricing.effectivePrices(ctx, venueId, skuIds, now)).some((p) => !p)) return;
    const contexts: RequestContext[] = [];
    const as = async (userKey: string | null, at: Date) => {
      const loaded = userKey ? await loadPrincipal(ctx.manager, refs[userKey]) : null;
      if (userKey && !loaded) throw new Error(`Demo user ${userKey} is missing`);
      const acting = new RequestContext(ctx.dataSource, { principal: loaded?.principal, ip: 'demo' });
      acting.manager = ctx.manager;
      Object.defineProperty(acting, 'startedAt', { value: at });
      contexts.push(acting);
      return acting;
    };
    const [gryM, scRed, redM, htBlk, scGry] = skuIds;

    // When last month can hold history: after the prices in force came into force, inside last month.
    const lastMonth = lastMonthBefore(now);
    const { to: monthEnd } = monthBounds(lastMonth);
    const prices = await pricing.effectivePrices(ctx, venueId, [gryM, scRed, redM], now);
    const pricedFrom = Math.max(...prices.map((p) => Math.max(p!.approvedAt.getTime(), startOfBusinessDay(p!.effectiveFrom).getTime())));
    const start = lastMonthHistoryStart(pricedFrom, now);
    const history = start !== null;
    const t0 = start ?? new Date(now.getTime() - 3 * DAY);
    const at = (offset: number) => new Date(t0.getTime() + offset);

    const admin = await as('users.operator.admin', at(-2 * DAY));
    await settings.setReturnPolicy(admin, {
      venueId,
      windowDays: 7,
      text: '郑州空港选品中心退货规则：签收次日起 7 天内可申请退货（七天无理由）；商品须保持原包装、吊牌完整，不影响二次销售；质量问题请附照片。退款按下单时的批发价计算，仓库收货验收后 3 个工作日内原路退回。',
    });
    const buyer: Record<string, string> = {};
    for (const b of BUYERS) {
      const registered = await buyers.register(await as(null, at(-2 * DAY + HOUR)), {
        shopName: b.shopName,
        contactName: b.contactName,
        phone: b.phone,
        city: b.city,
        wechatId: b.wechatId,
        email: b.email,
        regionId: refs['regions.centralEast'],
        venueId,
      });
      buyer[b.key] = registered.id;
      refs[`buyers.${b.key}`] = registered.id;
    }

    // Last month: factory A's earlier delivery note (recorded straight in the ledger, dated then).
    const warehouse = await as('users.warehouse.staff', at(-DAY));
    await ledger.apply(
      warehouse,
      [
        { type: MovementType.CONSIGN_IN, skuId: gryM, quantity: 500, to: LocationKind.WAREHOUSE, note: '送货单 YN-2026-0000（上月）' },
        { type: MovementType.CONSIGN_IN, skuId: scRed, quantity: 240, to: LocationKind.WAREHOUSE, note: '送货单 YN-2026-0000（上月）' },
        { type: MovementType.CONSIGN_IN, skuId: redM, quantity: 100, to: LocationKind.WAREHOUSE, note: '送货单 YN-2026-0000（上月）' },
      ],
      'demo-sales-history-consignment',
      { venueId, action: 'receiveConsignment', occurredAt: at(-DAY) },
    );

    const place = async (who: string, offset: number, buyerKey: string, lines: { skuId: string; quantity: number; scanCode?: string }[], note?: string) =>
      orders.place(await as(who, at(offset)), { venueId, buyerId: buyer[buyerKey], lines, note, idempotencyKey: `demo-sales-${randomUUID()}` });
    const deliver = async (orderId: string, offset: number) => {
      await orders.markPaid(await as('users.operator.admin', at(offset)), { orderId, paymentReference: `BANK-${orderId.slice(0, 8).toUpperCase()}` });
      await orders.ship(await as('users.warehouse.staff', at(offset + HOUR)), { orderId, idempotencyKey: `demo-sales-ship-${orderId}` });
      await orders.markDelivered(await as('users.warehouse.staff', at(offset + 6 * HOUR)), { orderId });
    };

    const big = await place('users.showroom.staff', HOUR, 'big', [{ skuId: gryM, quantity: 400 }], '年货备货，整箱发');
    const mid = await place('users.showroom.staff', 2 * HOUR, 'shop', [{ skuId: scRed, quantity: 120, scanCode: 'DEMO-SCAN-0001' }]);
    await deliver(big.id, 3 * HOUR);
    await deliver(mid.id, 4 * HOUR);
    const cancelled = await place('users.showroom.staff', 11 * HOUR, 'online', [{ skuId: redM, quantity: 10 }]);
    await orders.cancel(await as('users.showroom.staff', at(12 * HOUR)), {
      orderId: cancelled.id,
      reason: '买家临时改为下周再订',
      idempotencyKey: `demo-sales-cancel-${cancelled.id}`,
    });
    const returned = await returns.request(await as('users.showroom.staff', at(13 * HOUR)), {
      orderId: mid.id,
      reason: ReturnReason.NO_REASON_7_DAYS,
      note: '颜色与店铺主图不符，退回部分',
      lines: [{ skuId: scRed, quantity: 12 }],
    });
    await returns.receive(await as('users.warehouse.staff', at(16 * HOUR)), {
      returnId: returned.id,
      idempotencyKey: `demo-sales-return-${returned.id}`,
      lines: [{ skuId: scRed, location: ReturnDestination.WAREHOUSE }],
    });
    refs['salesOrders.big'] = big.id;
    refs['salesOrders.cancelled'] = cancelled.id;
    refs['salesReturns.demo'] = returned.id;

    if (history) {
      // Member levels of last month, and factory A's statement issued for it (the month is closed).
      await levels.compute(await as(null, now), lastMonth, MemberLevelTrigger.DEMO);
      const operator = await as('users.operator.admin', now);
      const statement = await settlements.generate(operator, { venueId, factoryOrgId: factoryA, month: lastMonth.slice(0, 7) });
      await settlements.issue(operator, { settlementId: statement.id });
      refs['settlements.factoryA.zz'] = statement.id;
    }

    // This month: one order delivered, one paid, one holding stock until paid.
    const base = Math.max(now.getTime() - 3 * HOUR, monthEnd.getTime() + 60_000);
    const today = (offset: number) => new Date(Math.min(base + offset, now.getTime()));
    const thisMonth = async (who: string, offset: number, buyerKey: string, lines: { skuId: string; quantity: number }[]) =>
      orders.place(await as(who, today(offset)), { venueId, buyerId: buyer[buyerKey], lines, idempotencyKey: `demo-sales-${randomUUID()}` });
    const delivered = await thisMonth('users.showroom.staff', 0, 'online', [{ skuId: htBlk, quantity: 120 }]);
    await orders.markPaid(await as('users.operator.admin', today(10 * 60_000)), { orderId: delivered.id });
    await orders.ship(await as('users.warehouse.staff', today(30 * 60_000)), { orderId: delivered.id, idempotencyKey: `demo-sales-ship-${delivered.id}` });
    await orders.markDelivered(await as('users.warehouse.staff', today(2 * HOUR)), { orderId: delivered.id });
    const paid = await thisMonth('users.showroom.staff', HOUR, 'big', [{ skuId: scGry, quantity: 60 }]);
    await orders.markPaid(await as('users.operator.admin', today(HOUR + 10 * 60_000)), { orderId: paid.id, paymentReference: 'ALIPAY-DEMO-0002' });
    const placed = await thisMonth('users.showroom.staff', 2 * HOUR, 'new', [{ skuId: htBlk, quantity: 24 }]);
    refs['salesOrders.placed'] = placed.id;
    if (!history) await levels.compute(await as(null, now), lastMonth, MemberLevelTrigger.DEMO);

    for (const acting of contexts) for (const event of acting.takeEvents()) ctx.emit(event);
  },
};
