import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import {
  addDays,
  assertVenueRole,
  DomainError,
  factoryOrgIds,
  isPlatformAdmin,
  Page,
  paginate,
  RequestContext,
  Role,
  SortOrder,
  startOfBusinessDay,
  venueRoles,
} from '@xp/core';
import {
  ReturnToFactoryInput,
  StockBalanceListArgs,
  StockMovementListArgs,
  StockOperationResult,
  TransferStockInput,
  UpdateVenueStockSettingsInput,
  VenueStockLinesInput,
  WriteOffStockInput,
} from './dto/stock.dto';
import { StockLocation, VenueStockSettings } from './entities/stock-location.entity';
import { StockBalance, StockMovement } from './entities/stock-movement.entity';
import { StockLedgerService, StockMovementInput } from './stock-ledger.service';
import { MovementType } from './stock.enums';
import { showroomStaffMayTransfer } from './stock.rules';
import { STOCK_VENUE_READ_ROLES, stockScope, WAREHOUSE_ROLES } from './stock.scope';

/** Stock queries and the simple stock-changing use cases (transfers, returns to factory, write-offs). */
@Injectable()
export class StockService {
  constructor(
    private readonly ledger: StockLedgerService,
    private readonly audit: AuditService,
  ) {}

  /** Balances the caller may see (venue staff: their venues; a factory: its own goods). */
  async balances(ctx: RequestContext, args: StockBalanceListArgs): Promise<Page<StockBalance>> {
    const qb = ctx.manager.getRepository(StockBalance).createQueryBuilder('b');
    const scope = stockScope(ctx, 'b.venueId', 'b.ownerFactoryOrgId');
    if (scope) qb.andWhere(scope.sql, scope.params);
    const f = args.filter ?? {};
    if (f.venueId) qb.andWhere('b.venueId = :venueId', { venueId: f.venueId });
    if (f.skuId) qb.andWhere('b.skuId = :skuId', { skuId: f.skuId });
    if (f.factoryOrgId) qb.andWhere('b.ownerFactoryOrgId = :factoryOrgId', { factoryOrgId: f.factoryOrgId });
    if (f.location) qb.andWhere('b.location = :location', { location: f.location });
    if (f.nonZero) qb.andWhere('b.onHand > 0');
    return paginate(
      qb,
      args,
      { updatedAt: 'b.updatedAt', onHand: 'b.onHand', reserved: 'b.reserved', location: 'b.location' },
      { field: 'updatedAt', order: SortOrder.DESC },
    );
  }

  /** The ledger lines the caller may see, newest first by default. */
  async movements(ctx: RequestContext, args: StockMovementListArgs): Promise<Page<StockMovement>> {
    const qb = ctx.manager.getRepository(StockMovement).createQueryBuilder('m');
    const scope = stockScope(ctx, 'm.venueId', 'm.ownerFactoryOrgId');
    if (scope) qb.andWhere(scope.sql, scope.params);
    const f = args.filter ?? {};
    if (f.venueId) qb.andWhere('m.venueId = :venueId', { venueId: f.venueId });
    if (f.skuId) qb.andWhere('m.skuId = :skuId', { skuId: f.skuId });
    if (f.factoryOrgId) qb.andWhere('m.ownerFactoryOrgId = :factoryOrgId', { factoryOrgId: f.factoryOrgId });
    if (f.type) qb.andWhere('m.type = :type', { type: f.type });
    if (f.referenceType) qb.andWhere('m.referenceType = :referenceType', { referenceType: f.referenceType });
    if (f.referenceId) qb.andWhere('m.referenceId = :referenceId', { referenceId: f.referenceId });
    if (f.from && f.to && f.to < f.from) throw DomainError.field('filter.to', 'must not be before filter.from');
    if (f.from) qb.andWhere('m.occurredAt >= :fromInstant', { fromInstant: startOfBusinessDay(f.from) });
    if (f.to) qb.andWhere('m.occurredAt < :toInstant', { toInstant: startOfBusinessDay(addDays(f.to, 1)) });
    return paginate(
      qb,
      args,
      { occurredAt: 'm.occurredAt', quantity: 'm.quantity', type: 'm.type' },
      { field: 'occurredAt', order: SortOrder.DESC },
    );
  }

  /** A venue's locations, for its staff and the factories admitted there. */
  async locations(ctx: RequestContext, venueId: string): Promise<StockLocation[]> {
    await this.assertVenueReader(ctx, venueId);
    return ctx.manager.getRepository(StockLocation).find({ where: { venueId }, order: { kind: 'ASC' } });
  }

  async settings(ctx: RequestContext, venueId: string): Promise<VenueStockSettings> {
    assertVenueRole(ctx, venueId, [Role.PLATFORM_ADMIN, ...STOCK_VENUE_READ_ROLES]);
    return ctx.manager.getRepository(VenueStockSettings).findOneByOrFail({ venueId });
  }

  async updateSettings(ctx: RequestContext, input: UpdateVenueStockSettingsInput): Promise<VenueStockSettings> {
    assertVenueRole(ctx, input.venueId, [Role.OPERATOR_ADMIN]);
    const repo = ctx.manager.getRepository(VenueStockSettings);
    const before = await repo.findOneByOrFail({ venueId: input.venueId });
    await repo.update(
      { venueId: input.venueId },
      { countVarianceThreshold: input.countVarianceThreshold, updatedBy: ctx.userId, updatedAt: new Date() },
    );
    await this.audit.record(ctx, {
      action: 'venueStockSettings.updated',
      entityType: 'VenueStockSettings',
      entityId: input.venueId,
      venueId: input.venueId,
      before: { countVarianceThreshold: before.countVarianceThreshold },
      after: { countVarianceThreshold: input.countVarianceThreshold },
    });
    return repo.findOneByOrFail({ venueId: input.venueId });
  }

  /** Moves goods between two locations; showroom staff only samples between WAREHOUSE and SHOWROOM. */
  async transfer(ctx: RequestContext, input: TransferStockInput): Promise<StockOperationResult> {
    const held = assertVenueRole(ctx, input.venueId, [...WAREHOUSE_ROLES, Role.SHOWROOM_STAFF]);
    if (!WAREHOUSE_ROLES.some((r) => held.has(r)) && !showroomStaffMayTransfer(input.from, input.to)) {
      throw DomainError.forbidden('Showroom staff move samples between WAREHOUSE and SHOWROOM only; ask the warehouse for other moves.');
    }
    if (input.from === input.to) throw DomainError.field('input.to', 'must differ from input.from');
    return this.moveLines(ctx, 'transferStock', input, { type: MovementType.TRANSFER, from: input.from, to: input.to, note: input.note });
  }

  /** Sends a factory's goods back to it (RETURN_TO_FACTORY). */
  async returnToFactory(ctx: RequestContext, input: ReturnToFactoryInput): Promise<StockOperationResult> {
    assertVenueRole(ctx, input.venueId, WAREHOUSE_ROLES);
    await this.assertSkusOfFactory(ctx, input.factoryOrgId, input.lines.map((l) => l.skuId));
    return this.moveLines(ctx, 'returnToFactory', input, { type: MovementType.RETURN_TO_FACTORY, from: input.from, note: input.note });
  }

  /** Writes off goods (damaged, by default): an OPERATOR_ADMIN decision, with a reason. */
  async writeOff(ctx: RequestContext, input: WriteOffStockInput): Promise<StockOperationResult> {
    assertVenueRole(ctx, input.venueId, [Role.OPERATOR_ADMIN]);
    return this.moveLines(ctx, 'writeOffStock', input, { type: MovementType.WRITE_OFF, from: input.from, note: input.reason });
  }

  /** One movement of the same kind per input line, through the ledger under the input's key. */
  private async moveLines(
    ctx: RequestContext,
    action: string,
    input: VenueStockLinesInput,
    kind: Pick<StockMovementInput, 'type' | 'from' | 'to' | 'note'>,
  ): Promise<StockOperationResult> {
    const { idempotencyKey, ...request } = input;
    const applied = await this.ledger.apply(
      ctx,
      input.lines.map((l, i) => ({ ...kind, note: kind.note ?? null, skuId: l.skuId, quantity: l.quantity, path: `input.lines.${i}` })),
      idempotencyKey,
      { venueId: input.venueId, action, request },
    );
    return { operationId: applied.operation.id, replayed: applied.replayed, movements: applied.movements };
  }

  /** Venue staff, platform staff, or a factory admitted to the venue (in any state); NOT_FOUND otherwise. */
  async assertVenueReader(ctx: RequestContext, venueId: string): Promise<void> {
    const principal = ctx.requirePrincipal();
    if (isPlatformAdmin(principal)) return;
    const held = venueRoles(ctx, venueId);
    if (STOCK_VENUE_READ_ROLES.some((r) => held.has(r))) return;
    const factories = factoryOrgIds(ctx);
    if (factories.length > 0) {
      const [{ n }] = await ctx.manager.query(
        'SELECT count(*)::int AS n FROM venue_factories WHERE venue_id = $1 AND factory_org_id = ANY($2)',
        [venueId, factories],
      );
      if (n > 0) return;
    }
    throw DomainError.notFound('Venue');
  }

  /** VALIDATION_FAILED naming each line whose SKU is not the factory's. */
  async assertSkusOfFactory(ctx: RequestContext, factoryOrgId: string, skuIds: string[], path = 'input.lines'): Promise<void> {
    const rows: { id: string }[] = await ctx.manager.query('SELECT id FROM skus WHERE id = ANY($1) AND factory_org_id = $2', [
      skuIds,
      factoryOrgId,
    ]);
    const own = new Set(rows.map((r) => r.id));
    const problems = skuIds
      .map((id, i) => (own.has(id) ? null : { path: `${path}.${i}.skuId`, message: 'is not a SKU of this factory' }))
      .filter((p): p is { path: string; message: string } => p !== null);
    if (problems.length > 0) throw DomainError.validation(problems);
  }
}
