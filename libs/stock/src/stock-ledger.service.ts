import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import { DomainError, domainEvent, FieldError, isUuid, RequestContext } from '@xp/core';
import { StockMovement, StockOperation } from './entities/stock-movement.entity';
import { LocationKind, MovementType } from './stock.enums';
import { insufficientStock, ShortLine } from './stock.errors';
import { alwaysApplicable, movementShapeProblem, netDeltas, normalizeEnds, requestHash } from './stock.rules';

/** One movement asked of the ledger. */
export interface StockMovementInput {
  type: MovementType;
  skuId: string;
  /** Units, a whole number above zero. */
  quantity: number;
  /** Null or absent: from outside the venue. RESERVE/RELEASE: the location (from or to). */
  from?: LocationKind | null;
  /** Null or absent: out of the venue. */
  to?: LocationKind | null;
  note?: string | null;
  /** Where the line sits in the caller's input, for error paths (e.g. 'input.lines.2'). Default 'movements.<i>'. */
  path?: string;
}

export interface StockOperationOptions {
  venueId: string;
  /** The use case, e.g. 'transferStock', 'placeOrder', 'shipOrder'. A replay must name the same. */
  action: string;
  /** What caused the movements (type + id); stamped on every movement. */
  reference?: { type: string; id: string } | null;
  /** What a replay must match (default: the movements). Leave out ids the caller generates afresh. */
  request?: unknown;
  /** Internal callers only (demo data, imports): when it happened. Default: now. */
  occurredAt?: Date;
}

export interface BegunOperation {
  operation: StockOperation;
  /** True when the key was used before: nothing must be written, answer the first result. */
  replayed: boolean;
}

export interface StockApplyResult extends BegunOperation {
  movements: StockMovement[];
}

/** Per SKU of one factory at one venue over a period: the ledger's account of its units. */
export interface StockPeriodLine {
  skuId: string;
  opening: number;
  received: number;
  sold: number;
  customerReturned: number;
  returnedToFactory: number;
  writtenOff: number;
  adjustedIn: number;
  adjustedOut: number;
  closing: number;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

interface SkuRow {
  id: string;
  code: string;
  factory_org_id: string;
}

/**
 * The one way stock changes. Every stock-changing use case (receipts, transfers, counts,
 * returns, and orders in the sales area) goes through `apply` (or `begin` + `record`):
 * the movements are appended to the ledger and the balances change in the same
 * transaction, with conditional updates in a stable (SKU, location) order so that no
 * interleaving oversells or drives a balance negative, and with an idempotency key so
 * that a replay moves nothing and answers the first result. It checks the movements, not
 * the caller: use cases check who may act before calling it.
 */
@Injectable()
export class StockLedgerService {
  constructor(private readonly audit: AuditService) {}

  /**
   * begin + record in one call. Answers the operation, whether it was a replay, and its
   * movements (the first call's on a replay). Throws INSUFFICIENT_STOCK naming the lines
   * short, VALIDATION_FAILED naming bad lines, CONFLICT when the key was used for another request.
   */
  async apply(
    ctx: RequestContext,
    movements: StockMovementInput[],
    idempotencyKey: string,
    options: StockOperationOptions,
  ): Promise<StockApplyResult> {
    const begun = await this.begin(ctx, idempotencyKey, { ...options, request: options.request ?? movements });
    if (begun.replayed) return { ...begun, movements: await this.movementsOf(ctx, begun.operation.id) };
    return { ...begun, movements: await this.record(ctx, begun.operation, movements) };
  }

  /**
   * Claims an idempotency key for this transaction, first thing (before locking or writing
   * anything): a concurrent request with the same key waits here until this one commits,
   * then finds it and replays. On a replay the caller must write nothing and answer the
   * first result (operation.referenceId points to it).
   */
  async begin(ctx: RequestContext, idempotencyKey: string, options: StockOperationOptions): Promise<BegunOperation> {
    if (!ctx.inTransaction) throw new Error(`Stock operation ${options.action} outside a transaction`);
    if (!KEY_PATTERN.test(idempotencyKey)) {
      throw DomainError.field('input.idempotencyKey', 'must be 8–128 letters, digits or . _ : - (a UUID is best)');
    }
    const hash = requestHash(options.action, {
      venueId: options.venueId,
      referenceType: options.reference?.type ?? null,
      request: options.request ?? null,
    });
    const inserted: { id: string }[] = await ctx.manager.query(
      `INSERT INTO stock_operations (idempotency_key, venue_id, action, request_hash, reference_type, reference_id, actor_user_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, clock_timestamp()))
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        idempotencyKey,
        options.venueId,
        options.action,
        hash,
        options.reference?.type ?? null,
        options.reference?.id ?? null,
        ctx.userId,
        options.occurredAt ?? null,
      ],
    );
    const repo = ctx.manager.getRepository(StockOperation);
    if (inserted.length > 0) return { operation: await repo.findOneByOrFail({ id: inserted[0].id }), replayed: false };
    const first = await repo.findOneByOrFail({ idempotencyKey });
    if (first.action !== options.action || first.venueId !== options.venueId || first.requestHash !== hash) {
      throw DomainError.conflict(
        'This idempotency key was already used for a different request. Use a new key for a new request.',
      );
    }
    return { operation: first, replayed: true };
  }

  /**
   * Appends the movements of a begun operation and changes the balances with them. All or
   * nothing: any line short of stock fails the whole batch (INSUFFICIENT_STOCK lists them
   * all); the transaction must then be rolled back, as the interceptor does.
   */
  async record(ctx: RequestContext, operation: StockOperation, inputs: StockMovementInput[]): Promise<StockMovement[]> {
    if (!ctx.inTransaction) throw new Error('Stock movements outside a transaction');
    const venueId = operation.venueId;
    const lines = inputs.map((m, i) => ({ ...m, ...normalizeEnds(m.type, m.from, m.to), path: m.path ?? `movements.${i}` }));
    const skus = await this.checkLines(ctx, venueId, lines);

    const deltas = netDeltas(lines);
    const short: ShortLine[] = [];
    for (const delta of deltas) {
      const sku = skus.get(delta.skuId)!;
      const applied = alwaysApplicable(delta)
        ? await ctx.manager.query(
            `INSERT INTO stock_balances AS b (venue_id, sku_id, location, owner_factory_org_id, on_hand, reserved)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (venue_id, sku_id, location) DO UPDATE
               SET on_hand = b.on_hand + EXCLUDED.on_hand, reserved = b.reserved + EXCLUDED.reserved, updated_at = now()
             RETURNING on_hand`,
            [venueId, delta.skuId, delta.location, sku.factory_org_id, delta.onHand, delta.reserved],
          )
        : await ctx.manager.query(
            // (in a CTE so that the driver answers the rows of a SELECT)
            `WITH changed AS (
               UPDATE stock_balances SET on_hand = on_hand + $4, reserved = reserved + $5, updated_at = now()
               WHERE venue_id = $1 AND sku_id = $2 AND location = $3
                 AND on_hand + $4 >= reserved + $5 AND reserved + $5 >= 0
               RETURNING on_hand)
             SELECT on_hand FROM changed`,
            [venueId, delta.skuId, delta.location, delta.onHand, delta.reserved],
          );
      if (applied.length === 0) {
        const [row] = await ctx.manager.query(
          'SELECT on_hand, reserved FROM stock_balances WHERE venue_id = $1 AND sku_id = $2 AND location = $3',
          [venueId, delta.skuId, delta.location],
        );
        const onHand = row?.on_hand ?? 0;
        const reserved = row?.reserved ?? 0;
        short.push({
          paths: lines.filter((l) => l.skuId === delta.skuId && (l.from === delta.location || l.to === delta.location)).map((l) => l.path),
          skuId: delta.skuId,
          skuCode: sku.code,
          location: delta.location,
          onHand,
          reserved,
          available: onHand - reserved,
          onHandChange: delta.onHand,
          reservedChange: delta.reserved,
        });
      }
    }
    if (short.length > 0) throw insufficientStock(short);

    await ctx.manager.getRepository(StockMovement).insert(
      lines.map((l, i) => ({
        operationId: operation.id,
        lineNo: i + 1,
        venueId,
        skuId: l.skuId,
        ownerFactoryOrgId: skus.get(l.skuId)!.factory_org_id,
        type: l.type,
        fromLocation: l.from,
        toLocation: l.to,
        quantity: l.quantity,
        referenceType: operation.referenceType,
        referenceId: operation.referenceId,
        actorUserId: ctx.userId,
        note: l.note ?? null,
        occurredAt: operation.occurredAt,
      })),
    );
    const movements = await this.movementsOf(ctx, operation.id);
    const summary = movements.map((m) => ({
      type: m.type,
      skuId: m.skuId,
      ownerFactoryOrgId: m.ownerFactoryOrgId,
      quantity: m.quantity,
      from: m.fromLocation,
      to: m.toLocation,
    }));
    await this.audit.record(ctx, {
      action: `stock.${operation.action}`,
      entityType: 'StockOperation',
      entityId: operation.id,
      venueId,
      after: {
        idempotencyKey: operation.idempotencyKey,
        reference: operation.referenceType ? { type: operation.referenceType, id: operation.referenceId } : null,
        movements: summary,
      },
    });
    ctx.emit(
      domainEvent('StockMoved', {
        venueId,
        operationId: operation.id,
        action: operation.action,
        referenceType: operation.referenceType,
        referenceId: operation.referenceId,
        movements: summary,
      }),
    );
    return movements;
  }

  /** The movements of one operation, in line order. */
  movementsOf(ctx: RequestContext, operationId: string): Promise<StockMovement[]> {
    return ctx.manager.getRepository(StockMovement).find({ where: { operationId }, order: { lineNo: 'ASC' } });
  }

  /** The operation that used an idempotency key, if any (for callers that check before locking). */
  findOperation(ctx: RequestContext, idempotencyKey: string): Promise<StockOperation | null> {
    return ctx.manager.getRepository(StockOperation).findOneBy({ idempotencyKey });
  }

  /**
   * A factory's units at a venue over [from, to): opening and closing on hand (all locations)
   * and what moved in between, by kind, from the ledger alone. For settlements and reports.
   */
  async periodSummary(
    ctx: RequestContext,
    query: { venueId: string; factoryOrgId: string; from: Date; to: Date },
  ): Promise<StockPeriodLine[]> {
    const rows: Record<string, string | number>[] = await ctx.manager.query(
      `WITH m AS (
         SELECT sku_id, type, quantity, occurred_at >= $3 AS in_period,
                CASE WHEN type IN ('CONSIGN_IN', 'CUSTOMER_RETURN') OR (type = 'ADJUSTMENT' AND to_location IS NOT NULL) THEN quantity
                     WHEN type IN ('SALE', 'RETURN_TO_FACTORY', 'WRITE_OFF') OR (type = 'ADJUSTMENT' AND from_location IS NOT NULL) THEN -quantity
                     ELSE 0 END AS signed,
                to_location
         FROM stock_movements
         WHERE owner_factory_org_id = $2 AND venue_id = $1 AND occurred_at < $4)
       SELECT sku_id,
              sum(signed) FILTER (WHERE NOT in_period) AS opening,
              sum(quantity) FILTER (WHERE in_period AND type = 'CONSIGN_IN') AS received,
              sum(quantity) FILTER (WHERE in_period AND type = 'SALE') AS sold,
              sum(quantity) FILTER (WHERE in_period AND type = 'CUSTOMER_RETURN') AS customer_returned,
              sum(quantity) FILTER (WHERE in_period AND type = 'RETURN_TO_FACTORY') AS returned_to_factory,
              sum(quantity) FILTER (WHERE in_period AND type = 'WRITE_OFF') AS written_off,
              sum(quantity) FILTER (WHERE in_period AND type = 'ADJUSTMENT' AND to_location IS NOT NULL) AS adjusted_in,
              sum(quantity) FILTER (WHERE in_period AND type = 'ADJUSTMENT' AND to_location IS NULL) AS adjusted_out,
              sum(signed) AS closing
       FROM m GROUP BY sku_id ORDER BY sku_id`,
      [query.venueId, query.factoryOrgId, query.from, query.to],
    );
    const n = (v: string | number | null | undefined) => Number(v ?? 0);
    return rows.map((r) => ({
      skuId: String(r.sku_id),
      opening: n(r.opening),
      received: n(r.received),
      sold: n(r.sold),
      customerReturned: n(r.customer_returned),
      returnedToFactory: n(r.returned_to_factory),
      writtenOff: n(r.written_off),
      adjustedIn: n(r.adjusted_in),
      adjustedOut: n(r.adjusted_out),
      closing: n(r.closing),
    }));
  }

  /** Checks every line (all problems at once): quantity, ends, SKU, and the owner's admission. */
  private async checkLines(
    ctx: RequestContext,
    venueId: string,
    lines: (StockMovementInput & { from: LocationKind | null; to: LocationKind | null; path: string })[],
  ): Promise<Map<string, SkuRow>> {
    const problems: FieldError[] = [];
    if (lines.length === 0) problems.push({ path: 'input.lines', message: 'must list at least one line' });
    const ids = [...new Set(lines.map((l) => l.skuId).filter(isUuid))];
    const skuRows: SkuRow[] = ids.length
      ? await ctx.manager.query('SELECT id, code, factory_org_id FROM skus WHERE id = ANY($1)', [ids])
      : [];
    const skus = new Map(skuRows.map((s) => [s.id, s]));
    const owners = [...new Set(skuRows.map((s) => s.factory_org_id))];
    const admissions: { factory_org_id: string; status: string }[] = owners.length
      ? await ctx.manager.query('SELECT factory_org_id, status FROM venue_factories WHERE venue_id = $1 AND factory_org_id = ANY($2)', [
          venueId,
          owners,
        ])
      : [];
    const admission = new Map(admissions.map((a) => [a.factory_org_id, a.status]));
    for (const l of lines) {
      if (!Object.values(MovementType).includes(l.type)) problems.push({ path: `${l.path}.type`, message: 'is not a movement type' });
      if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0) {
        problems.push({ path: `${l.path}.quantity`, message: 'must be a whole number above zero' });
      }
      const shape = movementShapeProblem(l.type, l.from, l.to);
      if (shape) problems.push({ path: l.path, message: `a ${l.type} movement ${shape}` });
      const sku = skus.get(l.skuId);
      if (!sku) {
        problems.push({ path: `${l.path}.skuId`, message: 'no such SKU' });
        continue;
      }
      const status = admission.get(sku.factory_org_id);
      if (status === undefined || (l.type === MovementType.CONSIGN_IN && status !== 'APPROVED')) {
        problems.push({ path: `${l.path}.skuId`, message: `belongs to a factory that is not admitted to this venue` });
      }
    }
    if (problems.length > 0) throw DomainError.validation(problems);
    return skus;
  }
}
