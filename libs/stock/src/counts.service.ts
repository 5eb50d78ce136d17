import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import {
  assertVenueRole,
  DomainError,
  FieldError,
  isPlatformAdmin,
  isUuid,
  Page,
  paginate,
  reachableVenueIds,
  RequestContext,
  Role,
  SortOrder,
} from '@xp/core';
import {
  ApproveStockCountInput,
  CancelStockCountInput,
  StartStockCountInput,
  StockCountListArgs,
  SubmitStockCountInput,
} from './dto/counts.dto';
import { VenueStockSettings } from './entities/stock-location.entity';
import { StockCount, StockCountLine } from './entities/stock-count.entity';
import { StockLedgerService, StockMovementInput } from './stock-ledger.service';
import { MovementType, StockCountStatus } from './stock.enums';
import { assertTransition, COUNT_TRANSITIONS, countNeedsAdmin } from './stock.rules';
import { STOCK_VENUE_READ_ROLES, WAREHOUSE_ROLES } from './stock.scope';

/**
 * Stock counts (盘点): start snapshots the expected quantities of a location, submit records
 * what was counted, approve turns the variances into ADJUSTMENT movements. A count with a
 * variance above the venue's threshold needs an OPERATOR_ADMIN; smaller ones the warehouse
 * may approve itself.
 */
@Injectable()
export class CountsService {
  constructor(
    private readonly ledger: StockLedgerService,
    private readonly audit: AuditService,
  ) {}

  private scoped(ctx: RequestContext) {
    const qb = ctx.manager.getRepository(StockCount).createQueryBuilder('c');
    if (!isPlatformAdmin(ctx.requirePrincipal())) {
      qb.andWhere('c.venueId = ANY(:countVenueIds)', { countVenueIds: reachableVenueIds(ctx, STOCK_VENUE_READ_ROLES) as string[] });
    }
    return qb;
  }

  async list(ctx: RequestContext, args: StockCountListArgs): Promise<Page<StockCount>> {
    const qb = this.scoped(ctx);
    const f = args.filter ?? {};
    if (f.venueId) qb.andWhere('c.venueId = :venueId', { venueId: f.venueId });
    if (f.location) qb.andWhere('c.location = :location', { location: f.location });
    if (f.status) qb.andWhere('c.status = :status', { status: f.status });
    return paginate(qb, args, { startedAt: 'c.startedAt', status: 'c.status' }, { field: 'startedAt', order: SortOrder.DESC });
  }

  async findOne(ctx: RequestContext, id: string): Promise<StockCount> {
    if (!isUuid(id)) throw DomainError.notFound('Stock count');
    const count = await this.scoped(ctx).andWhere('c.id = :id', { id }).getOne();
    if (!count) throw DomainError.notFound('Stock count');
    return count;
  }

  /** Snapshots what the location should hold: the SKUs given, or every SKU with a balance there. */
  async start(ctx: RequestContext, input: StartStockCountInput): Promise<StockCount> {
    assertVenueRole(ctx, input.venueId, WAREHOUSE_ROLES);
    const params: unknown[] = [input.venueId, input.location];
    let where = '';
    if (input.factoryOrgId) {
      params.push(input.factoryOrgId);
      where += ` AND s.factory_org_id = $${params.length}`;
    }
    let rows: { sku_id: string; owner: string; expected: number }[];
    if (input.skuIds) {
      if (new Set(input.skuIds).size !== input.skuIds.length) throw DomainError.field('input.skuIds', 'lists a SKU twice');
      params.push(input.skuIds);
      rows = await ctx.manager.query(
        `SELECT s.id AS sku_id, s.factory_org_id AS owner, COALESCE(b.on_hand, 0) AS expected
         FROM skus s
         JOIN venue_factories vf ON vf.venue_id = $1 AND vf.factory_org_id = s.factory_org_id
         LEFT JOIN stock_balances b ON b.venue_id = $1 AND b.location = $2 AND b.sku_id = s.id
         WHERE s.id = ANY($${params.length})${where}`,
        params,
      );
      const found = new Set(rows.map((r) => r.sku_id));
      const problems: FieldError[] = input.skuIds
        .map((id, i) => (found.has(id) ? null : { path: `input.skuIds.${i}`, message: 'is not a SKU of a factory at this venue' }))
        .filter((p): p is FieldError => p !== null);
      if (problems.length > 0) throw DomainError.validation(problems);
    } else {
      rows = await ctx.manager.query(
        `SELECT b.sku_id, b.owner_factory_org_id AS owner, b.on_hand AS expected
         FROM stock_balances b JOIN skus s ON s.id = b.sku_id
         WHERE b.venue_id = $1 AND b.location = $2${where}`,
        params,
      );
      if (rows.length === 0) throw DomainError.field('input.location', 'holds nothing to count; name the SKUs to count instead');
    }
    const settings = await ctx.manager.getRepository(VenueStockSettings).findOneByOrFail({ venueId: input.venueId });
    const id = randomUUID();
    await ctx.manager.getRepository(StockCount).insert({
      id,
      venueId: input.venueId,
      location: input.location,
      status: StockCountStatus.COUNTING,
      varianceThreshold: settings.countVarianceThreshold,
      note: input.note ?? null,
      startedBy: ctx.userId,
    });
    await ctx.manager.getRepository(StockCountLine).insert(
      rows.map((r) => ({ countId: id, skuId: r.sku_id, ownerFactoryOrgId: r.owner, expectedQuantity: r.expected })),
    );
    await this.audit.record(ctx, {
      action: 'stockCount.started',
      entityType: 'StockCount',
      entityId: id,
      venueId: input.venueId,
      after: { location: input.location, lines: rows.length, varianceThreshold: settings.countVarianceThreshold },
    });
    return this.findOne(ctx, id);
  }

  /** Records the counted quantity of every SKU of the count and classifies its variances. */
  async submit(ctx: RequestContext, input: SubmitStockCountInput): Promise<StockCount> {
    const found = await this.findOne(ctx, input.countId);
    assertVenueRole(ctx, found.venueId, WAREHOUSE_ROLES);
    const count = await this.lock(ctx, found.id);
    assertTransition(COUNT_TRANSITIONS, 'The stock count', count.status, StockCountStatus.SUBMITTED);
    const lines = await ctx.manager.getRepository(StockCountLine).findBy({ countId: count.id });
    const expected = new Map(lines.map((l) => [l.skuId, l.expectedQuantity]));
    const counted = new Map<string, number>();
    const problems: FieldError[] = [];
    input.lines.forEach((l, i) => {
      if (!expected.has(l.skuId)) problems.push({ path: `input.lines.${i}.skuId`, message: 'is not part of this count' });
      else if (counted.has(l.skuId)) problems.push({ path: `input.lines.${i}.skuId`, message: 'is listed twice' });
      counted.set(l.skuId, l.countedQuantity);
    });
    const missing = lines.filter((l) => !counted.has(l.skuId)).length;
    if (missing > 0) problems.push({ path: 'input.lines', message: `must give a counted quantity for every SKU of the count; ${missing} missing` });
    if (problems.length > 0) throw DomainError.validation(problems);

    await ctx.manager.query(
      `UPDATE stock_count_lines l SET counted_quantity = v.q
       FROM unnest($2::uuid[], $3::int[]) AS v(sku, q) WHERE l.count_id = $1 AND l.sku_id = v.sku`,
      [count.id, lines.map((l) => l.skuId), lines.map((l) => counted.get(l.skuId)!)],
    );
    const variances = lines.map((l) => counted.get(l.skuId)! - l.expectedQuantity);
    const requiresAdminApproval = countNeedsAdmin(variances, count.varianceThreshold);
    const now = new Date();
    await ctx.manager.getRepository(StockCount).update(
      { id: count.id },
      { status: StockCountStatus.SUBMITTED, submittedBy: ctx.userId, submittedAt: now, requiresAdminApproval, updatedAt: now },
    );
    await this.audit.record(ctx, {
      action: 'stockCount.submitted',
      entityType: 'StockCount',
      entityId: count.id,
      venueId: count.venueId,
      before: { status: count.status },
      after: {
        status: StockCountStatus.SUBMITTED,
        requiresAdminApproval,
        variances: lines.filter((_, i) => variances[i] !== 0).map((l) => ({ skuId: l.skuId, variance: counted.get(l.skuId)! - l.expectedQuantity })),
      },
    });
    return this.findOne(ctx, count.id);
  }

  /** Approves a submitted count: each variance becomes an ADJUSTMENT (a gain into, or a loss out of, the location). */
  async approve(ctx: RequestContext, input: ApproveStockCountInput): Promise<StockCount> {
    const found = await this.findOne(ctx, input.countId);
    const held = assertVenueRole(ctx, found.venueId, WAREHOUSE_ROLES);
    const begun = await this.ledger.begin(ctx, input.idempotencyKey, {
      venueId: found.venueId,
      action: 'approveStockCount',
      reference: { type: 'StockCount', id: found.id },
      request: { countId: input.countId },
    });
    if (begun.replayed) return this.findOne(ctx, begun.operation.referenceId!);

    const count = await this.lock(ctx, found.id);
    assertTransition(COUNT_TRANSITIONS, 'The stock count', count.status, StockCountStatus.APPROVED);
    if (count.requiresAdminApproval && !held.has(Role.OPERATOR_ADMIN)) {
      throw DomainError.forbidden(
        `This count has a variance above the venue's threshold of ${count.varianceThreshold} units; an OPERATOR_ADMIN must approve it.`,
      );
    }
    const lines = await ctx.manager.getRepository(StockCountLine).find({ where: { countId: count.id }, order: { skuId: 'ASC' } });
    const movements: StockMovementInput[] = lines
      .filter((l) => l.variance !== 0)
      .map((l) => ({
        type: MovementType.ADJUSTMENT,
        skuId: l.skuId,
        quantity: Math.abs(l.variance!),
        from: l.variance! < 0 ? count.location : null,
        to: l.variance! > 0 ? count.location : null,
        note: `盘点 expected ${l.expectedQuantity}, counted ${l.countedQuantity}`,
        path: `count.lines.${l.skuId}`,
      }));
    if (movements.length > 0) await this.ledger.record(ctx, begun.operation, movements);
    const now = new Date();
    await ctx.manager
      .getRepository(StockCount)
      .update({ id: count.id }, { status: StockCountStatus.APPROVED, approvedBy: ctx.userId, approvedAt: now, updatedAt: now });
    await this.audit.record(ctx, {
      action: 'stockCount.approved',
      entityType: 'StockCount',
      entityId: count.id,
      venueId: count.venueId,
      before: { status: count.status },
      after: { status: StockCountStatus.APPROVED, adjustments: movements.length, operationId: begun.operation.id },
    });
    return this.findOne(ctx, count.id);
  }

  async cancel(ctx: RequestContext, input: CancelStockCountInput): Promise<StockCount> {
    const found = await this.findOne(ctx, input.countId);
    assertVenueRole(ctx, found.venueId, WAREHOUSE_ROLES);
    const count = await this.lock(ctx, found.id);
    assertTransition(COUNT_TRANSITIONS, 'The stock count', count.status, StockCountStatus.CANCELLED);
    const now = new Date();
    await ctx.manager.getRepository(StockCount).update(
      { id: count.id },
      { status: StockCountStatus.CANCELLED, cancelledBy: ctx.userId, cancelledAt: now, cancelReason: input.reason, updatedAt: now },
    );
    await this.audit.record(ctx, {
      action: 'stockCount.cancelled',
      entityType: 'StockCount',
      entityId: count.id,
      venueId: count.venueId,
      before: { status: count.status },
      after: { status: StockCountStatus.CANCELLED, reason: input.reason },
    });
    return this.findOne(ctx, count.id);
  }

  private lock(ctx: RequestContext, id: string): Promise<StockCount> {
    return ctx.manager.getRepository(StockCount).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOneOrFail();
  }
}
