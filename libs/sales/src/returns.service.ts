import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import { assertVenueRole, DomainError, domainEvent, ErrorCode, FieldError, RequestContext } from '@xp/core';
import { LocationKind, MovementType, StockLedgerService } from '@xp/stock';
import { CancelReturnInput, ReceiveReturnInput, RequestReturnInput } from './dto/orders.dto';
import { SalesOrder, SalesOrderLine } from './entities/sales-order.entity';
import { SalesReturn, SalesReturnLine } from './entities/sales-return.entity';
import { SalesQueriesService } from './sales-queries.service';
import { SalesSettingsService } from './sales-settings.service';
import { ReturnReason, SalesOrderStatus, SalesReturnStatus } from './sales.enums';
import { assertSalesTransition, lastReturnDay, RETURN_TRANSITIONS, returnableQuantity, returnWindowOpen } from './sales.rules';
import { FULFIL_ROLES, nowOf, SELL_ROLES } from './sales.scope';

export const SALES_RETURN_RECEIVED = 'SalesReturnReceived';

/**
 * Returns under the venue's return policy: requested within the policy's window after
 * delivery (the policy version is recorded on the return), for at most what was delivered
 * less what other returns took; received into the WAREHOUSE or DAMAGED (CUSTOMER_RETURN).
 * A return received after its month was settled lands in the next month's statement.
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly ledger: StockLedgerService,
    private readonly settings: SalesSettingsService,
    private readonly queries: SalesQueriesService,
    private readonly audit: AuditService,
  ) {}

  async request(ctx: RequestContext, input: RequestReturnInput): Promise<SalesReturn> {
    const found = await this.queries.findOne(ctx, input.orderId);
    assertVenueRole(ctx, found.venueId, SELL_ROLES);
    const order = await ctx.manager
      .getRepository(SalesOrder)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id: found.id })
      .getOneOrFail();
    if (order.status !== SalesOrderStatus.DELIVERED || !order.deliveredAt) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `Only delivered orders can be returned; this one is ${order.status}.`, {
        from: order.status,
      });
    }
    const now = nowOf(ctx);
    const policy = await this.settings.currentPolicy(ctx, order.venueId);
    if (!returnWindowOpen(order.deliveredAt, policy.windowDays, now)) {
      throw DomainError.field(
        'input.orderId',
        `is past its return window: the venue's return policy (version ${policy.version}) allows ${policy.windowDays} days after delivery, until ${lastReturnDay(order.deliveredAt, policy.windowDays)}`,
      );
    }
    if (input.reason === ReturnReason.OTHER && !input.note) throw DomainError.field('input.note', 'must say why when the reason is OTHER');

    const orderLines = await ctx.manager.getRepository(SalesOrderLine).findBy({ orderId: order.id });
    const taken: { order_line_id: string; n: number }[] = await ctx.manager.query(
      `SELECT rl.order_line_id, sum(rl.quantity)::int AS n FROM sales_return_lines rl JOIN sales_returns r ON r.id = rl.return_id
       WHERE r.order_id = $1 AND r.status <> 'CANCELLED' GROUP BY rl.order_line_id`,
      [order.id],
    );
    const already = new Map(taken.map((r) => [r.order_line_id, r.n]));
    const problems: FieldError[] = [];
    const seen = new Set<string>();
    const lines = input.lines.map((l, i) => {
      const line = orderLines.find((ol) => ol.skuId === l.skuId);
      if (seen.has(l.skuId)) problems.push({ path: `input.lines.${i}.skuId`, message: 'is listed twice' });
      seen.add(l.skuId);
      if (!line) {
        problems.push({ path: `input.lines.${i}.skuId`, message: 'is not on this order' });
        return null;
      }
      const left = returnableQuantity(line.quantity, already.get(line.id) ?? 0);
      if (l.quantity > left) {
        problems.push({
          path: `input.lines.${i}.quantity`,
          message: `can be at most ${left}: ${line.quantity} delivered, ${already.get(line.id) ?? 0} already returned or requested`,
        });
      }
      return { input: l, line };
    });
    if (problems.length > 0) throw DomainError.validation(problems);

    const [{ id }] = await ctx.manager.query(
      `INSERT INTO sales_returns (return_no, order_id, venue_id, buyer_id, status, reason, note, policy_id, policy_window_days,
                                  requested_at, requested_by, updated_at)
       VALUES ('RT' || to_char($8::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(nextval('sales_return_number_seq')::text, 6, '0'),
               $1, $2, $3, 'REQUESTED', $4, $5, $6, $7, $8, $9, $8)
       RETURNING id`,
      [order.id, order.venueId, order.buyerId, input.reason, input.note ?? null, policy.id, policy.windowDays, now, ctx.userId],
    );
    await ctx.manager.getRepository(SalesReturnLine).insert(
      lines.map((l, i) => ({
        returnId: id,
        orderLineId: l!.line.id,
        lineNo: i + 1,
        skuId: l!.line.skuId,
        factoryOrgId: l!.line.factoryOrgId,
        quantity: l!.input.quantity,
      })),
    );
    await ctx.manager.query(
      `UPDATE sales_returns SET amount = (
         SELECT sum(rl.quantity::bigint * ol.unit_price) FROM sales_return_lines rl JOIN sales_order_lines ol ON ol.id = rl.order_line_id
         WHERE rl.return_id = $1) WHERE id = $1`,
      [id],
    );
    const created = await ctx.manager.getRepository(SalesReturn).findOneByOrFail({ id });
    await this.audit.record(ctx, {
      action: 'salesReturn.requested',
      entityType: 'SalesReturn',
      entityId: id,
      venueId: order.venueId,
      after: {
        orderId: order.id,
        reason: input.reason,
        policy: { id: policy.id, version: policy.version, windowDays: policy.windowDays },
        amount: created.amount,
        lines: input.lines,
      },
    });
    return created;
  }

  /** The goods are back: CUSTOMER_RETURN movements into WAREHOUSE or DAMAGED, line by line. */
  async receive(ctx: RequestContext, input: ReceiveReturnInput): Promise<SalesReturn> {
    const found = await this.queries.findReturn(ctx, input.returnId);
    assertVenueRole(ctx, found.venueId, FULFIL_ROLES);
    const { idempotencyKey, ...request } = input;
    const now = nowOf(ctx);
    const begun = await this.ledger.begin(ctx, idempotencyKey, {
      venueId: found.venueId,
      action: 'receiveReturn',
      reference: { type: 'SalesReturn', id: found.id },
      request,
      occurredAt: now,
    });
    if (begun.replayed) return this.queries.findReturn(ctx, found.id);
    const locked = await this.lock(ctx, found.id);
    assertSalesTransition(RETURN_TRANSITIONS, 'The return', locked.status, SalesReturnStatus.RECEIVED);
    const lines = await ctx.manager.getRepository(SalesReturnLine).find({ where: { returnId: locked.id }, order: { lineNo: 'ASC' } });
    const given = new Map<string, LocationKind>();
    const problems: FieldError[] = [];
    input.lines.forEach((l, i) => {
      if (given.has(l.skuId)) problems.push({ path: `input.lines.${i}.skuId`, message: 'is listed twice' });
      else if (!lines.some((r) => r.skuId === l.skuId)) problems.push({ path: `input.lines.${i}.skuId`, message: 'is not on this return' });
      given.set(l.skuId, l.location as unknown as LocationKind);
    });
    const missing = lines.filter((l) => !given.has(l.skuId));
    if (missing.length > 0) problems.push({ path: 'input.lines', message: `must say where every returned SKU goes; ${missing.length} missing` });
    if (problems.length > 0) throw DomainError.validation(problems);

    await this.ledger.record(
      ctx,
      begun.operation,
      lines.map((l) => ({
        type: MovementType.CUSTOMER_RETURN,
        skuId: l.skuId,
        quantity: l.quantity,
        to: given.get(l.skuId)!,
        note: `退货 ${locked.returnNo}`,
        path: `input.lines.${input.lines.findIndex((x) => x.skuId === l.skuId)}`,
      })),
    );
    await ctx.manager.query(
      `UPDATE sales_return_lines l SET location = v.location FROM unnest($2::uuid[], $3::text[]) AS v(sku, location)
       WHERE l.return_id = $1 AND l.sku_id = v.sku`,
      [locked.id, lines.map((l) => l.skuId), lines.map((l) => given.get(l.skuId)!)],
    );
    await ctx.manager.update(SalesReturn, { id: locked.id }, { status: SalesReturnStatus.RECEIVED, receivedAt: now, receivedBy: ctx.userId, updatedAt: now });
    await this.audit.record(ctx, {
      action: 'salesReturn.received',
      entityType: 'SalesReturn',
      entityId: locked.id,
      venueId: locked.venueId,
      before: { status: locked.status },
      after: { status: SalesReturnStatus.RECEIVED, lines: lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity, location: given.get(l.skuId) })) },
    });
    ctx.emit(domainEvent(SALES_RETURN_RECEIVED, { returnId: locked.id, orderId: locked.orderId, venueId: locked.venueId }));
    return this.queries.findReturn(ctx, locked.id);
  }

  /** The goods never came back (or the buyer withdrew): the quantities become returnable again. */
  async cancel(ctx: RequestContext, input: CancelReturnInput): Promise<SalesReturn> {
    const found = await this.queries.findReturn(ctx, input.returnId);
    assertVenueRole(ctx, found.venueId, SELL_ROLES);
    const locked = await this.lock(ctx, found.id);
    assertSalesTransition(RETURN_TRANSITIONS, 'The return', locked.status, SalesReturnStatus.CANCELLED);
    const now = nowOf(ctx);
    await ctx.manager.update(SalesReturn, { id: locked.id }, {
      status: SalesReturnStatus.CANCELLED,
      cancelledAt: now,
      cancelledBy: ctx.userId,
      cancelReason: input.reason,
      updatedAt: now,
    });
    await this.audit.record(ctx, {
      action: 'salesReturn.cancelled',
      entityType: 'SalesReturn',
      entityId: locked.id,
      venueId: locked.venueId,
      before: { status: locked.status },
      after: { status: SalesReturnStatus.CANCELLED, reason: input.reason },
    });
    return this.queries.findReturn(ctx, locked.id);
  }

  private lock(ctx: RequestContext, id: string): Promise<SalesReturn> {
    return ctx.manager.getRepository(SalesReturn).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOneOrFail();
  }
}
