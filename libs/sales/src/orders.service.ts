import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import { assertVenueRole, DomainError, domainEvent, ErrorCode, FieldError, RequestContext, Role } from '@xp/core';
import { PricingService, unitPriceForQuantity } from '@xp/pricing';
import { LocationKind, MovementType, StockLedgerService, StockMovementInput } from '@xp/stock';
import { Venue, VenueStatus } from '@xp/venues';
import { BuyersService } from './buyers.service';
import { CancelOrderInput, MarkOrderDeliveredInput, MarkOrderPaidInput, PlaceOrderInput, ShipOrderInput } from './dto/orders.dto';
import { SalesOrder, SalesOrderLine } from './entities/sales-order.entity';
import { SalesQueriesService } from './sales-queries.service';
import { SalesSettingsService } from './sales-settings.service';
import { SalesOrderStatus } from './sales.enums';
import { assertSalesTransition, belowMoq, moqProblem, MoqViolation, ORDER_TRANSITIONS } from './sales.rules';
import { FINANCE_ROLES, FULFIL_ROLES, nowOf, SELL_ROLES } from './sales.scope';

interface SkuFacts {
  id: string;
  code: string;
  moq: number;
  pack_size: number;
  status: string;
  factory_org_id: string;
  admission: string | null;
}

export const SALES_ORDER_PLACED = 'SalesOrderPlaced';
export const SALES_ORDER_CHANGED = 'SalesOrderChanged';

/**
 * The order workflow: placing (priced from the effective wholesale tier, stock reserved in the
 * WAREHOUSE), payment, shipping (SALE), delivery, cancellation (RELEASE) and expiry of unpaid
 * holds. Stock-changing steps take an idempotency key through the ledger: a replay answers the
 * order as it is and moves nothing.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly ledger: StockLedgerService,
    private readonly pricing: PricingService,
    private readonly buyers: BuyersService,
    private readonly settings: SalesSettingsService,
    private readonly queries: SalesQueriesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Places an order for a buyer at a venue: every line at least its SKU's MOQ in whole packs
   * (BELOW_MOQ naming the lines), priced at the wholesale tier in force now (the line records the
   * version, the tier's supply price and the retail price), reserved in the WAREHOUSE
   * (INSUFFICIENT_STOCK naming the lines short). The hold expires after the venue's hold time.
   */
  async place(ctx: RequestContext, input: PlaceOrderInput): Promise<SalesOrder> {
    assertVenueRole(ctx, input.venueId, SELL_ROLES);
    const venue = await ctx.manager.getRepository(Venue).findOneBy({ id: input.venueId });
    if (!venue) throw DomainError.notFound('Venue');
    if (venue.status !== VenueStatus.ACTIVE) throw DomainError.field('input.venueId', 'is closed and takes no orders');
    await this.buyers.requireExisting(ctx, input.buyerId);
    const seen = new Set<string>();
    const duplicates: FieldError[] = [];
    input.lines.forEach((l, i) => {
      if (seen.has(l.skuId)) duplicates.push({ path: `input.lines.${i}.skuId`, message: 'is listed twice; order each SKU on one line' });
      seen.add(l.skuId);
    });
    if (duplicates.length > 0) throw DomainError.validation(duplicates);

    const orderId = randomUUID();
    const { idempotencyKey, ...request } = input;
    const begun = await this.ledger.begin(ctx, idempotencyKey, {
      venueId: input.venueId,
      action: 'placeOrder',
      reference: { type: 'SalesOrder', id: orderId },
      request,
      occurredAt: nowOf(ctx),
    });
    if (begun.replayed) return this.queries.findOne(ctx, begun.operation.referenceId!);

    const now = nowOf(ctx);
    const skus = await this.skuFacts(ctx, input.venueId, input.lines.map((l) => l.skuId));
    const problems: FieldError[] = [];
    const moq: MoqViolation[] = [];
    input.lines.forEach((l, i) => {
      const path = `input.lines.${i}`;
      const sku = skus.get(l.skuId);
      if (!sku || sku.admission === null) problems.push({ path: `${path}.skuId`, message: 'no such SKU at this venue' });
      else if (sku.status !== 'ACTIVE') problems.push({ path: `${path}.skuId`, message: 'is archived and no longer sold' });
      else if (sku.admission !== 'APPROVED') problems.push({ path: `${path}.skuId`, message: "its factory's admission to this venue is not active" });
      else {
        const problem = moqProblem(l.quantity, sku.moq, sku.pack_size);
        if (problem) moq.push({ path, skuId: sku.id, skuCode: sku.code, quantity: l.quantity, moq: sku.moq, packSize: sku.pack_size, message: problem });
      }
    });
    if (problems.length > 0) throw DomainError.validation(problems);
    if (moq.length > 0) throw belowMoq(moq);

    const prices = await this.pricing.effectivePrices(ctx, input.venueId, input.lines.map((l) => l.skuId), now);
    const priced = input.lines.map((l, i) => {
      const sku = skus.get(l.skuId)!;
      const price = prices[i];
      if (!price) {
        problems.push({ path: `input.lines.${i}.skuId`, message: 'has no approved wholesale price at this venue now' });
        return null;
      }
      const unitPrice = unitPriceForQuantity(price.wholesaleTiers, l.quantity);
      const supplyUnitPrice = unitPriceForQuantity(price.supplyTiers, l.quantity);
      if (unitPrice === null || supplyUnitPrice === null) {
        const minimum = price.wholesaleTiers[0]?.minQuantity ?? sku.moq;
        moq.push({
          path: `input.lines.${i}`,
          skuId: sku.id,
          skuCode: sku.code,
          quantity: l.quantity,
          moq: minimum,
          packSize: sku.pack_size,
          message: `is below the first price tier of ${minimum}`,
        });
        return null;
      }
      return { line: l, sku, price, unitPrice, supplyUnitPrice };
    });
    if (problems.length > 0) throw DomainError.validation(problems);
    if (moq.length > 0) throw belowMoq(moq);

    // Reserve first: a losing race fails here, before any order row is written.
    await this.ledger.record(
      ctx,
      begun.operation,
      input.lines.map((l, i) => ({
        type: MovementType.RESERVE,
        skuId: l.skuId,
        quantity: l.quantity,
        from: LocationKind.WAREHOUSE,
        path: `input.lines.${i}`,
      })),
    );

    const holdMinutes = await this.settings.holdMinutes(ctx, input.venueId);
    const expiresAt = new Date(now.getTime() + holdMinutes * 60_000);
    await ctx.manager.query(
      `INSERT INTO sales_orders (id, order_no, venue_id, buyer_id, status, note, placed_at, placed_by, expires_at, updated_at)
       VALUES ($1, 'SO' || to_char($5::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(nextval('sales_order_number_seq')::text, 6, '0'),
               $2, $3, 'PLACED', $4, $5, $6, $7, $5)`,
      [orderId, input.venueId, input.buyerId, input.note ?? null, now, ctx.userId, expiresAt],
    );
    await ctx.manager.getRepository(SalesOrderLine).insert(
      priced.map((p, i) => ({
        orderId,
        venueId: input.venueId,
        lineNo: i + 1,
        skuId: p!.sku.id,
        factoryOrgId: p!.sku.factory_org_id,
        quantity: p!.line.quantity,
        moq: p!.sku.moq,
        packSize: p!.sku.pack_size,
        priceVersionId: p!.price.versionId,
        unitPrice: p!.unitPrice,
        supplyUnitPrice: p!.supplyUnitPrice,
        retailPrice: p!.price.retailPrice,
        scanCode: p!.line.scanCode ?? null,
      })),
    );
    await ctx.manager.query(
      'UPDATE sales_orders SET total_amount = (SELECT sum(amount) FROM sales_order_lines WHERE order_id = $1) WHERE id = $1',
      [orderId],
    );
    await this.buyers.linkToVenue(ctx, input.buyerId, input.venueId);
    const order = await ctx.manager.getRepository(SalesOrder).findOneByOrFail({ id: orderId });
    await this.audit.record(ctx, {
      action: 'salesOrder.placed',
      entityType: 'SalesOrder',
      entityId: orderId,
      venueId: input.venueId,
      after: {
        orderNo: order.orderNo,
        buyerId: input.buyerId,
        totalAmount: order.totalAmount,
        expiresAt,
        lines: priced.map((p) => ({ skuId: p!.sku.id, quantity: p!.line.quantity, unitPrice: p!.unitPrice, priceVersionId: p!.price.versionId })),
      },
    });
    ctx.emit(
      domainEvent(SALES_ORDER_PLACED, {
        orderId,
        venueId: input.venueId,
        buyerId: input.buyerId,
        lines: input.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity, scanCode: l.scanCode ?? null })),
      }),
    );
    return order;
  }

  /** Records the buyer's payment (operator admin). An unpaid order past its hold cannot be paid. */
  async markPaid(ctx: RequestContext, input: MarkOrderPaidInput): Promise<SalesOrder> {
    const found = await this.queries.findOne(ctx, input.orderId);
    assertVenueRole(ctx, found.venueId, FINANCE_ROLES);
    const order = await this.lock(ctx, found.id);
    assertSalesTransition(ORDER_TRANSITIONS, 'The order', order.status, SalesOrderStatus.PAID);
    const now = nowOf(ctx);
    if (order.expiresAt <= now) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `The order's stock hold expired at ${order.expiresAt.toISOString()}; it is being released. Place the order again.`,
        { from: order.status, to: SalesOrderStatus.PAID },
      );
    }
    await ctx.manager.update(SalesOrder, { id: order.id }, {
      status: SalesOrderStatus.PAID,
      paidAt: now,
      paidBy: ctx.userId,
      paymentReference: input.paymentReference ?? null,
      updatedAt: now,
    });
    return this.changed(ctx, order, SalesOrderStatus.PAID, { paymentReference: input.paymentReference ?? null });
  }

  /** Ships a paid order from the warehouse: SALE movements take the reserved goods out. */
  async ship(ctx: RequestContext, input: ShipOrderInput): Promise<SalesOrder> {
    const found = await this.queries.findOne(ctx, input.orderId);
    assertVenueRole(ctx, found.venueId, FULFIL_ROLES);
    const begun = await this.ledger.begin(ctx, input.idempotencyKey, {
      venueId: found.venueId,
      action: 'shipOrder',
      reference: { type: 'SalesOrder', id: found.id },
      request: { orderId: found.id },
      occurredAt: nowOf(ctx),
    });
    if (begun.replayed) return this.queries.findOne(ctx, found.id);
    const order = await this.lock(ctx, found.id);
    assertSalesTransition(ORDER_TRANSITIONS, 'The order', order.status, SalesOrderStatus.SHIPPED);
    await this.ledger.record(ctx, begun.operation, await this.movements(ctx, order.id, MovementType.SALE));
    const now = nowOf(ctx);
    await ctx.manager.update(SalesOrder, { id: order.id }, { status: SalesOrderStatus.SHIPPED, shippedAt: now, shippedBy: ctx.userId, updatedAt: now });
    return this.changed(ctx, order, SalesOrderStatus.SHIPPED);
  }

  /** The buyer signed for the goods: the return window starts. */
  async markDelivered(ctx: RequestContext, input: MarkOrderDeliveredInput): Promise<SalesOrder> {
    const found = await this.queries.findOne(ctx, input.orderId);
    assertVenueRole(ctx, found.venueId, FULFIL_ROLES);
    const order = await this.lock(ctx, found.id);
    assertSalesTransition(ORDER_TRANSITIONS, 'The order', order.status, SalesOrderStatus.DELIVERED);
    const now = nowOf(ctx);
    await ctx.manager.update(SalesOrder, { id: order.id }, { status: SalesOrderStatus.DELIVERED, deliveredAt: now, deliveredBy: ctx.userId, updatedAt: now });
    return this.changed(ctx, order, SalesOrderStatus.DELIVERED);
  }

  /**
   * Cancels an order not yet shipped and releases its reservation. Showroom staff cancel unpaid
   * orders; a paid one (a refund) needs the operator admin.
   */
  async cancel(ctx: RequestContext, input: CancelOrderInput): Promise<SalesOrder> {
    const found = await this.queries.findOne(ctx, input.orderId);
    const held = assertVenueRole(ctx, found.venueId, SELL_ROLES);
    const begun = await this.ledger.begin(ctx, input.idempotencyKey, {
      venueId: found.venueId,
      action: 'cancelOrder',
      reference: { type: 'SalesOrder', id: found.id },
      request: { orderId: found.id, reason: input.reason },
      occurredAt: nowOf(ctx),
    });
    if (begun.replayed) return this.queries.findOne(ctx, found.id);
    const order = await this.lock(ctx, found.id);
    assertSalesTransition(ORDER_TRANSITIONS, 'The order', order.status, SalesOrderStatus.CANCELLED);
    if (order.status === SalesOrderStatus.PAID && !held.has(Role.OPERATOR_ADMIN) && !held.has(Role.PLATFORM_ADMIN)) {
      throw DomainError.forbidden('The order is paid: cancelling it refunds the buyer, which the operator admin does.');
    }
    await this.ledger.record(ctx, begun.operation, await this.movements(ctx, order.id, MovementType.RELEASE));
    const now = nowOf(ctx);
    await ctx.manager.update(SalesOrder, { id: order.id }, {
      status: SalesOrderStatus.CANCELLED,
      cancelledAt: now,
      cancelledBy: ctx.userId,
      cancelReason: input.reason,
      updatedAt: now,
    });
    return this.changed(ctx, order, SalesOrderStatus.CANCELLED, { reason: input.reason });
  }

  /**
   * Expires one unpaid order whose hold has passed (the job calls it, one order per
   * transaction): RELEASE movements, status EXPIRED. Answers false when there was nothing to do
   * (paid, cancelled or expired meanwhile, or not yet due).
   */
  async expire(ctx: RequestContext, orderId: string): Promise<boolean> {
    const now = nowOf(ctx);
    const order = await this.lock(ctx, orderId);
    if (order.status !== SalesOrderStatus.PLACED || order.expiresAt > now) return false;
    const begun = await this.ledger.begin(ctx, `expire:${order.id}`, {
      venueId: order.venueId,
      action: 'expireOrder',
      reference: { type: 'SalesOrder', id: order.id },
      request: { orderId: order.id },
      occurredAt: now,
    });
    if (begun.replayed) return false;
    await this.ledger.record(ctx, begun.operation, await this.movements(ctx, order.id, MovementType.RELEASE));
    await ctx.manager.update(SalesOrder, { id: order.id }, { status: SalesOrderStatus.EXPIRED, expiredAt: now, updatedAt: now });
    await this.changed(ctx, order, SalesOrderStatus.EXPIRED, { expiresAt: order.expiresAt });
    return true;
  }

  /** Ids of unpaid orders past their hold, oldest first (for the expiry job). */
  async overdue(ctx: RequestContext, limit = 500): Promise<string[]> {
    const rows: { id: string }[] = await ctx.manager.query(
      `SELECT id FROM sales_orders WHERE status = 'PLACED' AND expires_at <= $1 ORDER BY expires_at LIMIT $2`,
      [nowOf(ctx), limit],
    );
    return rows.map((r) => r.id);
  }

  private async changed(ctx: RequestContext, before: SalesOrder, status: SalesOrderStatus, extra: object = {}): Promise<SalesOrder> {
    await this.audit.record(ctx, {
      action: `salesOrder.${status.toLowerCase()}`,
      entityType: 'SalesOrder',
      entityId: before.id,
      venueId: before.venueId,
      before: { status: before.status },
      after: { status, ...extra },
    });
    ctx.emit(domainEvent(SALES_ORDER_CHANGED, { orderId: before.id, venueId: before.venueId, from: before.status, to: status }));
    return ctx.manager.getRepository(SalesOrder).findOneByOrFail({ id: before.id });
  }

  private async movements(ctx: RequestContext, orderId: string, type: MovementType): Promise<StockMovementInput[]> {
    const lines = await ctx.manager.getRepository(SalesOrderLine).find({ where: { orderId }, order: { lineNo: 'ASC' } });
    return lines.map((l) => ({ type, skuId: l.skuId, quantity: l.quantity, from: LocationKind.WAREHOUSE, path: `lines.${l.lineNo - 1}` }));
  }

  private lock(ctx: RequestContext, id: string): Promise<SalesOrder> {
    return ctx.manager.getRepository(SalesOrder).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id }).getOneOrFail();
  }

  /** SKU facts for ordering (one read-only query): MOQ, pack, status, and the factory's admission here. */
  private async skuFacts(ctx: RequestContext, venueId: string, skuIds: string[]): Promise<Map<string, SkuFacts>> {
    const rows: SkuFacts[] = await ctx.manager.query(
      `SELECT s.id, s.code, s.moq, s.pack_size, s.status, s.factory_org_id, vf.status AS admission
       FROM skus s LEFT JOIN venue_factories vf ON vf.venue_id = $1 AND vf.factory_org_id = s.factory_org_id
       WHERE s.id = ANY($2::uuid[])`,
      [venueId, skuIds],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
