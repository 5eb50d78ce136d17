import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import {
  assertFactoryMember,
  assertVenueRole,
  DomainError,
  domainEvent,
  ErrorCode,
  factoryOrgIds,
  isPlatformAdmin,
  isUuid,
  Page,
  paginate,
  reachableVenueIds,
  RequestContext,
  Role,
  SortOrder,
  venueRoles,
} from '@xp/core';
import { monthBounds, nowOf, parseMonth, SalesQueriesService, SettlementFigure } from '@xp/sales';
import { StockLedgerService } from '@xp/stock';
import {
  ConfirmSettlementInput,
  DisputeSettlementInput,
  GenerateSettlementInput,
  IssueSettlementInput,
  MarkSettlementPaidInput,
  SettlementListArgs,
} from './dto/settlement.dto';
import { Settlement, SettlementSalesLine, SettlementStockLine } from './entities/settlement.entity';
import { StatementData } from './settlement.documents';
import {
  assertSettlementTransition,
  ledgerMismatches,
  mayRegenerate,
  monthEnded,
  reconciliationGap,
  SettlementStatus,
  StockAccount,
} from './settlement.rules';

/** Operator-side roles that see a venue's statements, with the spread. */
export const SETTLEMENT_VENUE_ROLES: Role[] = [Role.REGIONAL_MANAGER, Role.OPERATOR_ADMIN];
/** Who may read statements at all: platform staff, the operator admin, the factory's own people. */
export const SETTLEMENT_READ_ROLES: Role[] = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER, Role.OPERATOR_ADMIN, Role.FACTORY_ADMIN, Role.FACTORY_STAFF];

export const SETTLEMENT_ISSUED = 'SettlementIssued';

/** A statement computed from the ledger and the orders, before it is stored. */
interface Computed {
  stock: StockAccount[];
  sales: SettlementFigure[];
}

/**
 * Monthly settlements: generated from the ledger (opening, in, out, closing per SKU, checked to
 * reconcile) and the orders (units sold less returned at the supply prices their lines
 * recorded), issued by the operator admin (the month closes), confirmed or disputed by the
 * factory, paid. The spread (wholesale − supply) is the operator's: never in a factory's view.
 */
@Injectable()
export class SettlementService {
  constructor(
    private readonly ledger: StockLedgerService,
    private readonly sales: SalesQueriesService,
    private readonly audit: AuditService,
  ) {}

  private scoped(ctx: RequestContext) {
    const qb = ctx.manager.getRepository(Settlement).createQueryBuilder('s');
    if (!isPlatformAdmin(ctx.requirePrincipal())) {
      qb.andWhere('(s.venueId = ANY(:scopeVenueIds) OR s.factoryOrgId = ANY(:scopeFactoryIds))', {
        scopeVenueIds: reachableVenueIds(ctx, SETTLEMENT_VENUE_ROLES) as string[],
        scopeFactoryIds: factoryOrgIds(ctx),
      });
    }
    return qb;
  }

  /** Whether the caller sees the operator's side (wholesale amounts and the spread) of a venue's statements. */
  canSeeSpread(ctx: RequestContext, venueId: string): boolean {
    const held = venueRoles(ctx, venueId);
    return held.has(Role.PLATFORM_ADMIN) || SETTLEMENT_VENUE_ROLES.some((r) => held.has(r));
  }

  async list(ctx: RequestContext, args: SettlementListArgs): Promise<Page<Settlement>> {
    const qb = this.scoped(ctx);
    const f = args.filter ?? {};
    if (f.venueId) qb.andWhere('s.venueId = :venueId', { venueId: f.venueId });
    if (f.factoryOrgId) qb.andWhere('s.factoryOrgId = :factoryOrgId', { factoryOrgId: f.factoryOrgId });
    if (f.month) qb.andWhere('s.month = :month', { month: parseMonth(f.month) });
    if (f.status) qb.andWhere('s.status = :status', { status: f.status });
    return paginate(qb, args, { month: 's.month', status: 's.status', payableAmount: 's.payableAmount' }, { field: 'month', order: SortOrder.DESC });
  }

  /** A statement the caller may see (its venue's operator admin, its factory, platform staff), or NOT_FOUND. */
  async findOne(ctx: RequestContext, id: string): Promise<Settlement> {
    if (!isUuid(id)) throw DomainError.notFound('Settlement');
    const found = await this.scoped(ctx).andWhere('s.id = :id', { id }).getOne();
    if (!found) throw DomainError.notFound('Settlement');
    return found;
  }

  /**
   * Generates (or regenerates, while DRAFT or after a dispute) a factory's statement for an
   * ended month. PERIOD_CLOSED when the month's statement is issued already.
   */
  async generate(ctx: RequestContext, input: GenerateSettlementInput): Promise<Settlement> {
    assertVenueRole(ctx, input.venueId, [Role.OPERATOR_ADMIN]);
    const month = parseMonth(input.month);
    if (!month) throw DomainError.field('input.month', 'must be a month, YYYY-MM');
    const [admission] = await ctx.manager.query('SELECT 1 FROM venue_factories WHERE venue_id = $1 AND factory_org_id = $2', [
      input.venueId,
      input.factoryOrgId,
    ]);
    if (!admission) throw DomainError.field('input.factoryOrgId', 'has never been admitted to this venue');
    const { from, to } = monthBounds(month);
    const now = nowOf(ctx);
    if (!monthEnded(to, now)) throw DomainError.field('input.month', 'has not ended yet; a month is settled from its next day on');

    await this.lockExclusive(ctx, input.venueId, input.factoryOrgId);
    const repo = ctx.manager.getRepository(Settlement);
    const existing = await repo
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.venueId = :venueId AND s.factoryOrgId = :factoryOrgId AND s.month = :month', { ...input, month })
      .getOne();
    if (existing && !mayRegenerate(existing.status)) {
      throw new DomainError(
        ErrorCode.PERIOD_CLOSED,
        `The statement for ${input.month} is ${existing.status}: the month is closed. Later changes land in the next month.`,
        { settlementId: existing.id, status: existing.status },
      );
    }
    const computed = await this.compute(ctx, input.venueId, input.factoryOrgId, from, to);
    let id: string;
    if (existing) {
      if (existing.status === SettlementStatus.DISPUTED) {
        await repo.update({ id: existing.id }, { status: SettlementStatus.DRAFT, updatedAt: now });
      }
      await ctx.manager.delete(SettlementStockLine, { settlementId: existing.id });
      await ctx.manager.delete(SettlementSalesLine, { settlementId: existing.id });
      await repo.update(
        { id: existing.id },
        { generation: existing.generation + 1, generatedAt: now, generatedBy: ctx.userId, updatedAt: now },
      );
      id = existing.id;
    } else {
      const [row] = await ctx.manager.query(
        `INSERT INTO settlements (venue_id, factory_org_id, month, period_start, period_end, status, units_sold, units_returned,
                                  payable_amount, wholesale_amount, spread_amount, generated_at, generated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'DRAFT', 0, 0, 0, 0, 0, $6, $7, $6) RETURNING id`,
        [input.venueId, input.factoryOrgId, month, from, to, now, ctx.userId],
      );
      id = row.id;
    }
    await this.storeLines(ctx, id, computed);
    const settlement = await repo.findOneByOrFail({ id });
    await this.audit.record(ctx, {
      action: existing ? 'settlement.regenerated' : 'settlement.generated',
      entityType: 'Settlement',
      entityId: id,
      venueId: input.venueId,
      before: existing ? { status: existing.status, payableAmount: existing.payableAmount, generation: existing.generation } : null,
      after: { month, payableAmount: settlement.payableAmount, unitsSold: settlement.unitsSold, unitsReturned: settlement.unitsReturned, generation: settlement.generation },
    });
    return settlement;
  }

  /**
   * Issues the statement to the factory: the month closes. The figures are checked against the
   * ledger once more (after movements in flight have committed); CONFLICT if they moved.
   */
  async issue(ctx: RequestContext, input: IssueSettlementInput): Promise<Settlement> {
    const found = await this.findOne(ctx, input.settlementId);
    assertVenueRole(ctx, found.venueId, [Role.OPERATOR_ADMIN]);
    await this.lockExclusive(ctx, found.venueId, found.factoryOrgId);
    const settlement = await this.lock(ctx, found.id);
    assertSettlementTransition(settlement.status, SettlementStatus.ISSUED);
    const computed = await this.compute(ctx, settlement.venueId, settlement.factoryOrgId, settlement.periodStart, settlement.periodEnd);
    if (!(await this.matches(ctx, settlement.id, computed))) {
      throw DomainError.conflict('The ledger changed since this statement was generated. Generate it again, check it, then issue it.');
    }
    const now = nowOf(ctx);
    await ctx.manager.update(Settlement, { id: settlement.id }, { status: SettlementStatus.ISSUED, issuedAt: now, issuedBy: ctx.userId, updatedAt: now });
    ctx.emit(domainEvent(SETTLEMENT_ISSUED, { settlementId: settlement.id, venueId: settlement.venueId, factoryOrgId: settlement.factoryOrgId, month: settlement.month }));
    return this.changed(ctx, settlement, SettlementStatus.ISSUED);
  }

  /** The factory agrees with the statement (its FACTORY_ADMIN). */
  async confirm(ctx: RequestContext, input: ConfirmSettlementInput): Promise<Settlement> {
    const found = await this.findOne(ctx, input.settlementId);
    assertFactoryMember(ctx, found.factoryOrgId, [Role.FACTORY_ADMIN], 'Settlement');
    const settlement = await this.lock(ctx, found.id);
    assertSettlementTransition(settlement.status, SettlementStatus.CONFIRMED);
    const now = nowOf(ctx);
    await ctx.manager.update(Settlement, { id: settlement.id }, { status: SettlementStatus.CONFIRMED, confirmedAt: now, confirmedBy: ctx.userId, updatedAt: now });
    return this.changed(ctx, settlement, SettlementStatus.CONFIRMED);
  }

  /** The factory disagrees, saying why: back to the operator, who regenerates or re-issues. */
  async dispute(ctx: RequestContext, input: DisputeSettlementInput): Promise<Settlement> {
    const found = await this.findOne(ctx, input.settlementId);
    assertFactoryMember(ctx, found.factoryOrgId, [Role.FACTORY_ADMIN], 'Settlement');
    const settlement = await this.lock(ctx, found.id);
    assertSettlementTransition(settlement.status, SettlementStatus.DISPUTED);
    const now = nowOf(ctx);
    await ctx.manager.update(Settlement, { id: settlement.id }, {
      status: SettlementStatus.DISPUTED,
      disputedAt: now,
      disputedBy: ctx.userId,
      disputeReason: input.reason,
      updatedAt: now,
    });
    return this.changed(ctx, settlement, SettlementStatus.DISPUTED, { reason: input.reason });
  }

  /** The operator paid the factory. */
  async markPaid(ctx: RequestContext, input: MarkSettlementPaidInput): Promise<Settlement> {
    const found = await this.findOne(ctx, input.settlementId);
    assertVenueRole(ctx, found.venueId, [Role.OPERATOR_ADMIN]);
    const settlement = await this.lock(ctx, found.id);
    assertSettlementTransition(settlement.status, SettlementStatus.PAID);
    const now = nowOf(ctx);
    await ctx.manager.update(Settlement, { id: settlement.id }, {
      status: SettlementStatus.PAID,
      paidAt: now,
      paidBy: ctx.userId,
      paymentReference: input.paymentReference ?? null,
      updatedAt: now,
    });
    return this.changed(ctx, settlement, SettlementStatus.PAID, { paymentReference: input.paymentReference ?? null });
  }

  /** The lines of a statement, in SKU order (batched per request). */
  stockLines(ctx: RequestContext, settlementId: string): Promise<SettlementStockLine[]> {
    return ctx
      .loader<string, SettlementStockLine[]>('settlement.stockLines', async (ids) => {
        const rows = await ctx.manager.getRepository(SettlementStockLine).createQueryBuilder('l').where('l.settlementId IN (:...ids)', { ids: [...ids] }).getMany();
        return ids.map((id) => rows.filter((r) => r.settlementId === id));
      })
      .load(settlementId);
  }

  salesLines(ctx: RequestContext, settlementId: string): Promise<SettlementSalesLine[]> {
    return ctx
      .loader<string, SettlementSalesLine[]>('settlement.salesLines', async (ids) => {
        const rows = await ctx.manager
          .getRepository(SettlementSalesLine)
          .createQueryBuilder('l')
          .where('l.settlementId IN (:...ids)', { ids: [...ids] })
          .orderBy('l.skuId')
          .addOrderBy('l.supplyUnitPrice', 'DESC')
          .getMany();
        return ids.map((id) => rows.filter((r) => r.settlementId === id));
      })
      .load(settlementId);
  }

  /** What the statement files show, for a caller who may see the statement (spread only for the operator's side). */
  async document(ctx: RequestContext, id: string): Promise<StatementData> {
    const settlement = await this.findOne(ctx, id);
    const [venue] = await ctx.manager.query('SELECT code, name FROM venues WHERE id = $1', [settlement.venueId]);
    const [factory] = await ctx.manager.query('SELECT name, credit_code FROM organizations WHERE id = $1', [settlement.factoryOrgId]);
    const stockLines = await ctx.manager.getRepository(SettlementStockLine).find({ where: { settlementId: id } });
    const salesLines = await this.salesLines(ctx, id);
    const skuIds = [...new Set([...stockLines.map((l) => l.skuId), ...salesLines.map((l) => l.skuId)])];
    const skuRows: { id: string; code: string; title: string }[] = skuIds.length
      ? await ctx.manager.query('SELECT s.id, s.code, p.title_zh AS title FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = ANY($1::uuid[])', [skuIds])
      : [];
    const skus = new Map(skuRows.map((r) => [r.id, { code: r.code, title: r.title }]));
    const byCode = (a: { skuId: string }, b: { skuId: string }) => (skus.get(a.skuId)?.code ?? '').localeCompare(skus.get(b.skuId)?.code ?? '');
    return {
      settlement,
      venue: { code: venue.code, name: venue.name },
      factory: { name: factory.name, creditCode: factory.credit_code },
      skus,
      stockLines: [...stockLines].sort(byCode),
      salesLines: [...salesLines].sort(byCode),
      showSpread: this.canSeeSpread(ctx, settlement.venueId),
    };
  }

  /** From the ledger (per SKU) and the orders (per recorded price), checked against each other. */
  private async compute(ctx: RequestContext, venueId: string, factoryOrgId: string, from: Date, to: Date): Promise<Computed> {
    const ledger = await this.ledger.periodSummary(ctx, { venueId, factoryOrgId, from, to });
    const sales = await this.sales.settlementFigures(ctx, { venueId, factoryOrgId, from, to });
    const damaged = new Map<string, number>();
    const orderUnits = new Map<string, { skuId: string; sold: number; returned: number }>();
    for (const f of sales) {
      damaged.set(f.skuId, (damaged.get(f.skuId) ?? 0) + f.returnedDamaged);
      const u = orderUnits.get(f.skuId) ?? { skuId: f.skuId, sold: 0, returned: 0 };
      u.sold += f.sold;
      u.returned += f.returned;
      orderUnits.set(f.skuId, u);
    }
    const mismatches = ledgerMismatches(
      ledger.map((l) => ({ skuId: l.skuId, sold: l.sold, returned: l.customerReturned })),
      [...orderUnits.values()],
    );
    if (mismatches.length > 0) {
      throw DomainError.conflict(
        `The ledger and the orders disagree for ${mismatches.length} SKU(s): ${mismatches
          .map((m) => `ledger ${m.ledger.sold} sold / ${m.ledger.returned} returned, orders ${m.orders.sold} / ${m.orders.returned}`)
          .join('; ')}. Nothing was generated.`,
        { skuIds: mismatches.map((m) => m.skuId) },
      );
    }
    const stock: StockAccount[] = ledger.map((l) => ({
      skuId: l.skuId,
      opening: l.opening,
      received: l.received,
      sold: l.sold,
      returned: l.customerReturned - (damaged.get(l.skuId) ?? 0),
      returnedDamaged: damaged.get(l.skuId) ?? 0,
      returnedToFactory: l.returnedToFactory,
      writtenOff: l.writtenOff,
      adjustedIn: l.adjustedIn,
      adjustedOut: l.adjustedOut,
      closing: l.closing,
    }));
    const broken = stock.filter((a) => reconciliationGap(a) !== 0);
    if (broken.length > 0) throw new Error(`Ledger summary does not reconcile for SKUs ${broken.map((a) => a.skuId).join(', ')}`);
    return { stock, sales };
  }

  private async storeLines(ctx: RequestContext, settlementId: string, computed: Computed): Promise<void> {
    if (computed.stock.length > 0) {
      await ctx.manager.getRepository(SettlementStockLine).insert(computed.stock.map((a) => ({ settlementId, ...a })));
    }
    if (computed.sales.length > 0) {
      await ctx.manager.getRepository(SettlementSalesLine).insert(
        computed.sales.map((f) => ({
          settlementId,
          skuId: f.skuId,
          priceVersionId: f.priceVersionId,
          supplyUnitPrice: f.supplyUnitPrice,
          wholesaleUnitPrice: f.wholesaleUnitPrice,
          unitsSold: f.sold,
          unitsReturned: f.returned,
        })),
      );
    }
    // Totals in SQL, from the lines' generated (exact, bigint) amounts.
    await ctx.manager.query(
      `UPDATE settlements s SET units_sold = t.sold, units_returned = t.returned, payable_amount = t.payable,
              wholesale_amount = t.wholesale, spread_amount = t.spread
       FROM (SELECT COALESCE(sum(units_sold), 0) AS sold, COALESCE(sum(units_returned), 0) AS returned,
                    COALESCE(sum(payable_amount), 0) AS payable, COALESCE(sum(wholesale_amount), 0) AS wholesale,
                    COALESCE(sum(spread_amount), 0) AS spread
             FROM settlement_sales_lines WHERE settlement_id = $1) t
       WHERE s.id = $1`,
      [settlementId],
    );
  }

  /** Do the stored lines equal a fresh computation? */
  private async matches(ctx: RequestContext, settlementId: string, computed: Computed): Promise<boolean> {
    const stock = await ctx.manager.getRepository(SettlementStockLine).find({ where: { settlementId }, order: { skuId: 'ASC' } });
    const sales = await ctx.manager.getRepository(SettlementSalesLine).findBy({ settlementId });
    const stockKey = (a: Omit<StockAccount, never>) =>
      [a.skuId, a.opening, a.received, a.sold, a.returned, a.returnedDamaged, a.returnedToFactory, a.writtenOff, a.adjustedIn, a.adjustedOut, a.closing].join('|');
    const salesKey = (s: { skuId: string; priceVersionId: string; supplyUnitPrice: number; wholesaleUnitPrice: number; sold: number; returned: number }) =>
      [s.skuId, s.priceVersionId, s.supplyUnitPrice, s.wholesaleUnitPrice, s.sold, s.returned].join('|');
    const stored = {
      stock: stock.map(stockKey).sort(),
      sales: sales.map((l) => salesKey({ ...l, sold: l.unitsSold, returned: l.unitsReturned })).sort(),
    };
    const fresh = { stock: computed.stock.map(stockKey).sort(), sales: computed.sales.map(salesKey).sort() };
    return JSON.stringify(stored) === JSON.stringify(fresh);
  }

  /** Waits for the factory's movements in flight at the venue; keeps new ones out until commit. */
  private async lockExclusive(ctx: RequestContext, venueId: string, factoryOrgId: string): Promise<void> {
    await ctx.manager.query('SELECT pg_advisory_xact_lock(xp_settlement_lock_key($1, $2))', [venueId, factoryOrgId]);
  }

  private lock(ctx: RequestContext, id: string): Promise<Settlement> {
    return ctx.manager.getRepository(Settlement).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOneOrFail();
  }

  private async changed(ctx: RequestContext, before: Settlement, status: SettlementStatus, extra: object = {}): Promise<Settlement> {
    await this.audit.record(ctx, {
      action: `settlement.${status.toLowerCase()}`,
      entityType: 'Settlement',
      entityId: before.id,
      venueId: before.venueId,
      before: { status: before.status },
      after: { status, ...extra },
    });
    return ctx.manager.getRepository(Settlement).findOneByOrFail({ id: before.id });
  }
}
