import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import {
  assertVenueRole,
  DomainError,
  factoryOrgIds,
  FieldError,
  isUuid,
  Page,
  paginate,
  RequestContext,
  SortOrder,
} from '@xp/core';
import {
  CancelConsignmentReceiptInput,
  ConsignmentReceiptListArgs,
  DeclareConsignmentInput,
  ReceiveConsignmentInput,
} from './dto/receipts.dto';
import { ConsignmentReceipt, ConsignmentReceiptLine } from './entities/consignment-receipt.entity';
import { StockLedgerService } from './stock-ledger.service';
import { LocationKind, MovementType, ReceiptStatus } from './stock.enums';
import { assertTransition, RECEIPT_TRANSITIONS } from './stock.rules';
import { OPERATOR_READ_ROLES, stockScope, WAREHOUSE_ROLES } from './stock.scope';

/**
 * Consignment receipts (入库): the factory (or the warehouse on its behalf) declares a
 * delivery note; the warehouse records what arrived, which puts CONSIGN_IN movements into
 * the WAREHOUSE; the differences stay on the receipt for both sides to see.
 */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly ledger: StockLedgerService,
    private readonly audit: AuditService,
  ) {}

  private scoped(ctx: RequestContext) {
    const qb = ctx.manager.getRepository(ConsignmentReceipt).createQueryBuilder('r');
    const scope = stockScope(ctx, 'r.venueId', 'r.factoryOrgId', OPERATOR_READ_ROLES);
    if (scope) qb.andWhere(scope.sql, scope.params);
    return qb;
  }

  async list(ctx: RequestContext, args: ConsignmentReceiptListArgs): Promise<Page<ConsignmentReceipt>> {
    const qb = this.scoped(ctx);
    const f = args.filter ?? {};
    if (f.venueId) qb.andWhere('r.venueId = :venueId', { venueId: f.venueId });
    if (f.factoryOrgId) qb.andWhere('r.factoryOrgId = :factoryOrgId', { factoryOrgId: f.factoryOrgId });
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    return paginate(
      qb,
      args,
      { declaredAt: 'r.declaredAt', receivedAt: 'r.receivedAt', deliveryNoteNo: 'r.deliveryNoteNo' },
      { field: 'declaredAt', order: SortOrder.DESC },
    );
  }

  /** A receipt the caller may see (its venue's operator staff, its factory), or NOT_FOUND. */
  async findOne(ctx: RequestContext, id: string): Promise<ConsignmentReceipt> {
    if (!isUuid(id)) throw DomainError.notFound('Consignment receipt');
    const receipt = await this.scoped(ctx).andWhere('r.id = :id', { id }).getOne();
    if (!receipt) throw DomainError.notFound('Consignment receipt');
    return receipt;
  }

  /** Declares a delivery note: by the factory itself, or by the venue's warehouse on its behalf. */
  async declare(ctx: RequestContext, input: DeclareConsignmentInput): Promise<ConsignmentReceipt> {
    if (!factoryOrgIds(ctx).includes(input.factoryOrgId)) assertVenueRole(ctx, input.venueId, WAREHOUSE_ROLES);
    const [admission] = await ctx.manager.query(
      'SELECT status FROM venue_factories WHERE venue_id = $1 AND factory_org_id = $2',
      [input.venueId, input.factoryOrgId],
    );
    if (admission?.status !== 'APPROVED') {
      throw DomainError.field('input.factoryOrgId', 'is not admitted to this venue (its admission must be approved first)');
    }
    await this.checkSkus(ctx, input.factoryOrgId, input.lines.map((l) => l.skuId));
    const repo = ctx.manager.getRepository(ConsignmentReceipt);
    if (await repo.existsBy({ venueId: input.venueId, factoryOrgId: input.factoryOrgId, deliveryNoteNo: input.deliveryNoteNo })) {
      throw DomainError.duplicate(`Delivery note ${input.deliveryNoteNo} was already declared at this venue.`);
    }
    const id = randomUUID();
    await repo.insert({
      id,
      venueId: input.venueId,
      factoryOrgId: input.factoryOrgId,
      deliveryNoteNo: input.deliveryNoteNo,
      status: ReceiptStatus.DECLARED,
      expectedOn: input.expectedOn ?? null,
      note: input.note ?? null,
      declaredBy: ctx.userId,
    });
    await ctx.manager.getRepository(ConsignmentReceiptLine).insert(
      input.lines.map((l, i) => ({
        receiptId: id,
        factoryOrgId: input.factoryOrgId,
        lineNo: i + 1,
        skuId: l.skuId,
        declaredQuantity: l.quantity,
      })),
    );
    await this.audit.record(ctx, {
      action: 'consignmentReceipt.declared',
      entityType: 'ConsignmentReceipt',
      entityId: id,
      venueId: input.venueId,
      after: { factoryOrgId: input.factoryOrgId, deliveryNoteNo: input.deliveryNoteNo, lines: input.lines },
    });
    return repo.findOneByOrFail({ id });
  }

  /**
   * Records what arrived: every declared SKU with its received quantity (extra SKUs of the
   * same factory may be added); CONSIGN_IN into the WAREHOUSE for what was received.
   */
  async receive(ctx: RequestContext, input: ReceiveConsignmentInput): Promise<ConsignmentReceipt> {
    const found = await this.findOne(ctx, input.receiptId);
    assertVenueRole(ctx, found.venueId, WAREHOUSE_ROLES);
    const { idempotencyKey, ...request } = input;
    const begun = await this.ledger.begin(ctx, idempotencyKey, {
      venueId: found.venueId,
      action: 'receiveConsignment',
      reference: { type: 'ConsignmentReceipt', id: found.id },
      request,
    });
    if (begun.replayed) return this.findOne(ctx, begun.operation.referenceId!);

    const receipt = await this.lock(ctx, found.id);
    assertTransition(RECEIPT_TRANSITIONS, 'The consignment receipt', receipt.status, ReceiptStatus.RECEIVED);
    const lineRepo = ctx.manager.getRepository(ConsignmentReceiptLine);
    const declared = await lineRepo.find({ where: { receiptId: receipt.id }, order: { lineNo: 'ASC' } });
    const given = new Map<string, number>();
    const problems: FieldError[] = [];
    input.lines.forEach((l, i) => {
      if (given.has(l.skuId)) problems.push({ path: `input.lines.${i}.skuId`, message: 'is listed twice' });
      given.set(l.skuId, l.receivedQuantity);
    });
    const missing = declared.filter((d) => !given.has(d.skuId));
    if (missing.length > 0) {
      problems.push({ path: 'input.lines', message: `must give a received quantity (0 if none arrived) for every declared SKU; missing ${missing.length}` });
    }
    if (problems.length > 0) throw DomainError.validation(problems);
    const extra = input.lines.map((l, i) => ({ ...l, i })).filter((l) => !declared.some((d) => d.skuId === l.skuId));
    if (extra.length > 0) {
      await this.checkSkus(ctx, receipt.factoryOrgId, extra.map((l) => l.skuId), extra.map((l) => `input.lines.${l.i}.skuId`));
    }

    await ctx.manager.query(
      `UPDATE consignment_receipt_lines l SET received_quantity = v.q
       FROM unnest($2::uuid[], $3::int[]) AS v(sku, q) WHERE l.receipt_id = $1 AND l.sku_id = v.sku`,
      [receipt.id, declared.map((d) => d.skuId), declared.map((d) => given.get(d.skuId)!)],
    );
    if (extra.length > 0) {
      await lineRepo.insert(
        extra.map((l, k) => ({
          receiptId: receipt.id,
          factoryOrgId: receipt.factoryOrgId,
          lineNo: declared.length + k + 1,
          skuId: l.skuId,
          declaredQuantity: 0,
          receivedQuantity: l.receivedQuantity,
        })),
      );
    }
    const movements = input.lines
      .map((l, i) => ({
        type: MovementType.CONSIGN_IN,
        skuId: l.skuId,
        quantity: l.receivedQuantity,
        to: LocationKind.WAREHOUSE,
        note: `送货单 ${receipt.deliveryNoteNo}`,
        path: `input.lines.${i}`,
      }))
      .filter((m) => m.quantity > 0);
    if (movements.length > 0) await this.ledger.record(ctx, begun.operation, movements);

    await ctx.manager.getRepository(ConsignmentReceipt).update(
      { id: receipt.id },
      { status: ReceiptStatus.RECEIVED, receivedBy: ctx.userId, receivedAt: new Date(), receiveNote: input.note ?? null, updatedAt: new Date() },
    );
    const lines = await lineRepo.find({ where: { receiptId: receipt.id }, order: { lineNo: 'ASC' } });
    await this.audit.record(ctx, {
      action: 'consignmentReceipt.received',
      entityType: 'ConsignmentReceipt',
      entityId: receipt.id,
      venueId: receipt.venueId,
      before: { status: receipt.status },
      after: {
        status: ReceiptStatus.RECEIVED,
        lines: lines.map((l) => ({ skuId: l.skuId, declared: l.declaredQuantity, received: l.receivedQuantity, difference: l.difference })),
      },
    });
    return this.findOne(ctx, receipt.id);
  }

  /** Cancels a delivery note that has not arrived: its factory or the venue's warehouse. */
  async cancel(ctx: RequestContext, input: CancelConsignmentReceiptInput): Promise<ConsignmentReceipt> {
    const found = await this.findOne(ctx, input.receiptId);
    if (!factoryOrgIds(ctx).includes(found.factoryOrgId)) assertVenueRole(ctx, found.venueId, WAREHOUSE_ROLES);
    const receipt = await this.lock(ctx, found.id);
    assertTransition(RECEIPT_TRANSITIONS, 'The consignment receipt', receipt.status, ReceiptStatus.CANCELLED);
    const now = new Date();
    await ctx.manager
      .getRepository(ConsignmentReceipt)
      .update({ id: receipt.id }, { status: ReceiptStatus.CANCELLED, cancelledBy: ctx.userId, cancelledAt: now, cancelReason: input.reason, updatedAt: now });
    await this.audit.record(ctx, {
      action: 'consignmentReceipt.cancelled',
      entityType: 'ConsignmentReceipt',
      entityId: receipt.id,
      venueId: receipt.venueId,
      before: { status: receipt.status },
      after: { status: ReceiptStatus.CANCELLED, reason: input.reason },
    });
    return this.findOne(ctx, receipt.id);
  }

  private async lock(ctx: RequestContext, id: string): Promise<ConsignmentReceipt> {
    return ctx.manager
      .getRepository(ConsignmentReceipt)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOneOrFail();
  }

  /** Each SKU exists, is the factory's, is active and listed once; VALIDATION_FAILED naming the lines otherwise. */
  private async checkSkus(ctx: RequestContext, factoryOrgId: string, skuIds: string[], paths?: string[]): Promise<void> {
    const rows: { id: string; factory_org_id: string; status: string }[] = await ctx.manager.query(
      'SELECT id, factory_org_id, status FROM skus WHERE id = ANY($1)',
      [skuIds],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const seen = new Set<string>();
    const problems: FieldError[] = [];
    skuIds.forEach((id, i) => {
      const path = paths?.[i] ?? `input.lines.${i}.skuId`;
      const sku = byId.get(id);
      if (seen.has(id)) problems.push({ path, message: 'is listed twice' });
      else if (!sku) problems.push({ path, message: 'no such SKU' });
      else if (sku.factory_org_id !== factoryOrgId) problems.push({ path, message: 'is not a SKU of this factory' });
      else if (sku.status !== 'ACTIVE') problems.push({ path, message: 'is archived' });
      seen.add(id);
    });
    if (problems.length > 0) throw DomainError.validation(problems);
  }
}
