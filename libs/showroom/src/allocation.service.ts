import { Injectable } from '@nestjs/common';
import type { GraphQLSchema } from 'graphql';
import { EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditService } from '@xp/audit';
import { Product, Sku } from '@xp/catalog';
import {
  byIdLoader,
  DomainError,
  domainEvent,
  ErrorCode,
  factoryOrgIds,
  isPlatformAdmin,
  isUuid,
  Page,
  paginate,
  primeFields,
  partialEntityReader,
  plainFieldsSelected,
  RawEntityReader,
  rawEntityReader,
  SelectionTree,
  RequestContext,
  Role,
  SortOrder,
  startOfBusinessDay,
  today,
} from '@xp/core';
import { VenueFactory, VenueFactoryStatus } from '@xp/factories';
import { PriceVersion, PricingService } from '@xp/pricing';
import { Organization } from '@xp/venues';
import {
  AssignSlotInput,
  DecideSlotRequestInput,
  EndSlotAssignmentInput,
  ExtendSlotAssignmentInput,
  MoveSlotAssignmentInput,
  MoveSlotAssignmentPayload,
  RequestSlotInput,
  SlotAssignmentListArgs,
  SlotRequestListArgs,
} from './dto/showroom.dto';
import { Slot, SlotStatus } from './entities/layout.entities';
import { SlotAssignment, SlotAssignmentStatus, SlotRequest, SlotRequestStatus } from './entities/slot-assignment.entity';
import { LayoutService } from './layout.service';
import { admittedFactoryIds, assertShowroomAccess, SHOWROOM_MANAGERS, SHOWROOM_VIEWERS } from './showroom.access';
import { Period, periodProblem } from './showroom.rules';
import { AssignmentPageReaders, AssignmentScope, assignmentPageQuery, pageItems, pageTotal, readAssignmentItem } from './assignment-page';

/** What a list query selects of its items (selectionTree of `items`), to read only that. */
export interface ListShape {
  items: SelectionTree;
  schema: GraphQLSchema;
}

/** Raised after commit whenever what stands on a slot changes (labels go stale). */
export const SLOT_ASSIGNMENT_CHANGED = 'SlotAssignmentChanged';

@Injectable()
export class AllocationService {
  constructor(
    private readonly audit: AuditService,
    private readonly layout: LayoutService,
    private readonly pricing: PricingService,
  ) {}

  /** Puts one SKU of an admitted factory on a slot for [from, to). */
  async assign(ctx: RequestContext, input: AssignSlotInput, createdByRequest?: SlotRequest): Promise<SlotAssignment> {
    const slot = await this.layout.findSlot(ctx, input.slotId, SHOWROOM_MANAGERS);
    const period = { from: input.from, to: input.to ?? null };
    this.checkPeriod(ctx, period, 'input');
    const sku = await this.admittedSku(ctx, slot.venueId, input.skuId);
    const assignment = await this.insertAssignment(ctx, slot, sku, period);
    await this.audit.record(ctx, {
      action: createdByRequest ? 'slotAssignment.createdFromRequest' : 'slotAssignment.created',
      entityType: 'SlotAssignment',
      entityId: assignment.id,
      venueId: slot.venueId,
      after: { slotCode: slot.code, skuId: sku.id, factoryOrgId: sku.factoryOrgId, ...period },
    });
    return assignment;
  }

  /** Ends an assignment on a day (the first day it is no longer there); before it started, cancels it. */
  async end(ctx: RequestContext, input: EndSlotAssignmentInput): Promise<SlotAssignment> {
    const assignment = await this.findLive(ctx, input.assignmentId);
    if (input.on < today(ctx.startedAt)) throw DomainError.field('input.on', 'cannot end an assignment in the past');
    if (assignment.to !== null && input.on >= assignment.to) {
      throw DomainError.field('input.on', `must be before the current end ${assignment.to}`);
    }
    const updated = await this.endAt(ctx, assignment, input.on);
    await this.audit.record(ctx, {
      action: updated.status === SlotAssignmentStatus.CANCELLED ? 'slotAssignment.cancelled' : 'slotAssignment.ended',
      entityType: 'SlotAssignment',
      entityId: assignment.id,
      venueId: assignment.venueId,
      before: { from: assignment.from, to: assignment.to },
      after: { from: updated.from, to: updated.to, status: updated.status },
    });
    return updated;
  }

  /** Moves the end of an assignment later (or makes it open-ended). */
  async extend(ctx: RequestContext, input: ExtendSlotAssignmentInput): Promise<SlotAssignment> {
    const assignment = await this.findLive(ctx, input.assignmentId);
    const to = input.to ?? null;
    if (to !== null && (to <= assignment.from || to < today(ctx.startedAt))) {
      throw DomainError.field('input.to', 'must be after the first day and not in the past');
    }
    await this.lockSlot(ctx, assignment.slotId);
    await this.assertFree(ctx, assignment.slotId, { from: assignment.from, to }, assignment.id);
    await ctx.manager.query(`UPDATE slot_assignments SET period = daterange($2::date, $3::date, '[)'), updated_at = now() WHERE id = $1`, [
      assignment.id,
      assignment.from,
      to,
    ]);
    const updated = await ctx.manager.getRepository(SlotAssignment).findOneByOrFail({ id: assignment.id });
    await this.audit.record(ctx, {
      action: 'slotAssignment.extended',
      entityType: 'SlotAssignment',
      entityId: assignment.id,
      venueId: assignment.venueId,
      before: { to: assignment.to },
      after: { to },
    });
    return updated;
  }

  /** Moves an assignment to another slot from a day: the old one ends, the new one starts; both or neither. */
  async move(ctx: RequestContext, input: MoveSlotAssignmentInput): Promise<MoveSlotAssignmentPayload> {
    const assignment = await this.findLive(ctx, input.assignmentId);
    if (input.on < today(ctx.startedAt)) throw DomainError.field('input.on', 'cannot move an assignment in the past');
    if (assignment.to !== null && input.on >= assignment.to) {
      throw DomainError.field('input.on', `must be before the assignment ends (${assignment.to})`);
    }
    const target = await this.layout.findSlot(ctx, input.toSlotId, SHOWROOM_MANAGERS);
    if (target.venueId !== assignment.venueId) throw DomainError.field('input.toSlotId', 'must be a slot of the same venue');
    if (target.id === assignment.slotId) throw DomainError.field('input.toSlotId', 'is the slot the SKU already stands on');
    const sku = await ctx.manager.getRepository(Sku).findOneByOrFail({ id: assignment.skuId });
    const startOnNewSlot = input.on > assignment.from ? input.on : assignment.from;
    const ended = await this.endAt(ctx, assignment, input.on);
    const started = await this.insertAssignment(ctx, target, sku, { from: startOnNewSlot, to: assignment.to });
    await this.audit.record(ctx, {
      action: 'slotAssignment.moved',
      entityType: 'SlotAssignment',
      entityId: started.id,
      venueId: assignment.venueId,
      before: { assignmentId: assignment.id, slotId: assignment.slotId, from: assignment.from, to: assignment.to },
      after: { assignmentId: started.id, slotId: target.id, from: started.from, to: started.to },
    });
    return { ended, started };
  }

  async findOne(ctx: RequestContext, id: string): Promise<SlotAssignment> {
    const assignment = isUuid(id) ? await ctx.manager.getRepository(SlotAssignment).findOneBy({ id }) : null;
    if (!assignment) throw DomainError.notFound('Slot assignment');
    if (factoryOrgIds(ctx).includes(assignment.factoryOrgId)) return assignment;
    await this.asStaff(ctx, assignment.venueId, SHOWROOM_VIEWERS, 'Slot assignment');
    return assignment;
  }

  /**
   * Staff see the assignments of their venues; a factory only its own. One statement for the
   * page, its total, the relations and price versions the query selects (assignmentPageQuery,
   * one JSON document read without the query builder's hydration); they answer the items'
   * fields directly (primeFields), whole entities also go into the per-request loaders. A page
   * past the end counts in a second statement.
   */
  async list(ctx: RequestContext, args: SlotAssignmentListArgs, shape?: ListShape): Promise<Page<SlotAssignment>> {
    const principal = ctx.requirePrincipal();
    const scope: AssignmentScope = isPlatformAdmin(principal)
      ? { all: true }
      : {
          all: false,
          staffVenues: [...new Set(principal.memberships.filter((m) => SHOWROOM_VIEWERS.includes(m.role)).flatMap((m) => m.venueIds))],
          ownFactories: factoryOrgIds(ctx),
        };
    const readers = this.pageReaders(ctx, shape);
    const businessToday = today(ctx.startedAt);
    const query = assignmentPageQuery(readers, scope, args, ctx.startedAt, businessToday);
    const page = pageItems(await ctx.manager.query(query.sql, query.params));
    let total = pageTotal(page);
    if (page.length === 0 && args.page > 1) {
      const [count] = await ctx.manager.query(query.countSql, query.countParams);
      total = Number(count.total);
    }
    // Whole entities also go into the per-request loaders; partial ones only into their field.
    const ds = ctx.manager.connection;
    const loaderFor = <T extends { id: string }>(entity: new () => T, reader: RawEntityReader<T> | null) =>
      reader && reader === rawEntityReader(ds, entity) ? byIdLoader(ctx, entity) : null;
    const slots = loaderFor(Slot, readers.slot);
    const skus = loaderFor(Sku, readers.sku);
    const products = loaderFor(Product, readers.product);
    const factories = loaderFor(Organization, readers.factory);
    const items = page.map((values) => {
      const item = readAssignmentItem(readers, values);
      if (item.slot) slots?.prime(item.slot.id, item.slot);
      if (item.sku) skus?.prime(item.sku.id, item.sku);
      if (item.product) products?.prime(item.product.id, item.product);
      if (item.factory) factories?.prime(item.factory.id, item.factory);
      // The fields answer these without their resolvers (a null price stands: none in force).
      return primeFields(item.assignment, {
        slot: item.slot ?? undefined,
        sku: item.sku ?? undefined,
        product: item.product ?? undefined,
        factory: item.factory ?? undefined,
        priceVersion: !readers.price ? undefined : item.price ? PriceVersion.of(item.price) : null,
      });
    });
    return { items, total };
  }

  /**
   * The readers of the page: without a shape, every relation whole; with the query's selection
   * of the items, only the relations it selects, each partial when it selects plain columns only.
   */
  private pageReaders(ctx: RequestContext, shape?: ListShape): AssignmentPageReaders {
    const ds = ctx.manager.connection;
    const relation = <T extends ObjectLiteral>(field: string, typeName: string, entity: EntityTarget<T>): RawEntityReader<T> | null => {
      if (!shape) return rawEntityReader(ds, entity);
      const selected = shape.items[field];
      if (!selected) return null;
      const plain = plainFieldsSelected(shape.schema, typeName, selected);
      return (plain && partialEntityReader(ds, entity, plain)) || rawEntityReader(ds, entity);
    };
    return {
      assignment: rawEntityReader(ds, SlotAssignment),
      slot: relation('slot', 'Slot', Slot),
      sku: relation('sku', 'Sku', Sku),
      product: relation('product', 'Product', Product),
      factory: relation('factory', 'Organization', Organization),
      price: !shape || 'priceVersion' in shape.items,
    };
  }

  /** A factory admitted to the venue asks for a free slot for one of its SKUs. */
  async request(ctx: RequestContext, input: RequestSlotInput): Promise<SlotRequest> {
    const slot = await this.layout.findSlot(ctx, input.slotId, SHOWROOM_MANAGERS, true);
    const mine = await admittedFactoryIds(ctx, slot.venueId);
    const sku = isUuid(input.skuId) ? await ctx.manager.getRepository(Sku).findOneBy({ id: input.skuId }) : null;
    if (!sku || !mine.includes(sku.factoryOrgId)) throw DomainError.notFound('SKU');
    const period = { from: input.from, to: input.to ?? null };
    this.checkPeriod(ctx, period, 'input');
    if (slot.status !== SlotStatus.ACTIVE) throw DomainError.conflict(`Slot ${slot.code} is not available (${slot.status}).`);
    await this.assertPriced(ctx, slot.venueId, sku, period.from);
    await this.assertFree(ctx, slot.id, period);
    const repo = ctx.manager.getRepository(SlotRequest);
    const { from, to } = period;
    const [{ id }] = await ctx.manager.query(
      `INSERT INTO slot_requests (venue_id, slot_id, sku_id, factory_org_id, period, note, requested_by)
       VALUES ($1, $2, $3, $4, daterange($5::date, $6::date, '[)'), $7, $8) RETURNING id`,
      [slot.venueId, slot.id, sku.id, sku.factoryOrgId, from, to, input.note ?? null, ctx.userId],
    );
    await this.audit.record(ctx, {
      action: 'slotRequest.created',
      entityType: 'SlotRequest',
      entityId: id,
      venueId: slot.venueId,
      actorOrgId: sku.factoryOrgId,
      after: { slotCode: slot.code, skuId: sku.id, ...period },
    });
    return repo.findOneByOrFail({ id });
  }

  /** Showroom staff turn a pending request into an assignment, or decline it with a reason. */
  async decide(ctx: RequestContext, input: DecideSlotRequestInput): Promise<SlotRequest> {
    const repo = ctx.manager.getRepository(SlotRequest);
    const request = isUuid(input.requestId)
      ? await repo.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id: input.requestId }).getOne()
      : null;
    if (!request) throw DomainError.notFound('Slot request');
    await this.asStaff(ctx, request.venueId, SHOWROOM_MANAGERS, 'Slot request');
    if (request.status !== SlotRequestStatus.PENDING) {
      throw DomainError.invalidTransition('Slot request', request.status, input.approve ? 'APPROVED' : 'DECLINED');
    }
    if (!input.approve && !input.reason) throw DomainError.field('input.reason', 'is required when declining');
    let assignmentId: string | null = null;
    if (input.approve) {
      const assignment = await this.assign(
        ctx,
        { slotId: request.slotId, skuId: request.skuId, from: request.from, to: request.to ?? undefined },
        request,
      );
      assignmentId = assignment.id;
    }
    await repo.update(request.id, {
      status: input.approve ? SlotRequestStatus.APPROVED : SlotRequestStatus.DECLINED,
      decisionReason: input.reason ?? null,
      assignmentId,
      decidedBy: ctx.userId,
      decidedAt: new Date(),
    });
    await this.audit.record(ctx, {
      action: input.approve ? 'slotRequest.approved' : 'slotRequest.declined',
      entityType: 'SlotRequest',
      entityId: request.id,
      venueId: request.venueId,
      after: { assignmentId, reason: input.reason ?? null },
    });
    return repo.findOneByOrFail({ id: request.id });
  }

  async listRequests(ctx: RequestContext, args: SlotRequestListArgs): Promise<Page<SlotRequest>> {
    const f = args.filter ?? {};
    const qb = ctx.manager.getRepository(SlotRequest).createQueryBuilder('r');
    const principal = ctx.requirePrincipal();
    if (!isPlatformAdmin(principal)) {
      const staffVenues = [
        ...new Set(principal.memberships.filter((m) => SHOWROOM_VIEWERS.includes(m.role)).flatMap((m) => m.venueIds)),
      ];
      qb.andWhere('(r.venueId = ANY(:staffVenues) OR r.factoryOrgId = ANY(:ownFactories))', {
        staffVenues,
        ownFactories: factoryOrgIds(ctx),
      });
    }
    if (f.venueId) qb.andWhere('r.venueId = :venueId', { venueId: f.venueId });
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    return paginate(qb, args, { createdAt: 'r.createdAt' }, { field: 'createdAt', order: SortOrder.DESC });
  }

  /**
   * A suspended factory's assignments at the venue end on the suspension day; those that had
   * not started are cancelled. Runs inside the caller's transaction.
   */
  async endForSuspendedFactory(ctx: RequestContext, venueId: string, factoryOrgId: string, on: string): Promise<number> {
    const affected: { id: string; slot_id: string }[] = await ctx.manager.query(
      `SELECT id, slot_id FROM slot_assignments
       WHERE venue_id = $1 AND factory_org_id = $2 AND status = 'LIVE'
         AND (upper(period) IS NULL OR upper(period) > $3::date)
       FOR UPDATE`,
      [venueId, factoryOrgId, on],
    );
    if (affected.length === 0) return 0;
    await ctx.manager.query(
      `UPDATE slot_assignments SET
         status = CASE WHEN lower(period) >= $2::date THEN 'CANCELLED' ELSE status END,
         period = CASE WHEN lower(period) >= $2::date THEN period ELSE daterange(lower(period), $2::date, '[)') END,
         updated_at = now()
       WHERE id = ANY($1)`,
      [affected.map((a) => a.id), on],
    );
    await this.audit.record(ctx, {
      action: 'slotAssignment.endedBySuspension',
      entityType: 'VenueFactory',
      venueId,
      after: { factoryOrgId, on, assignments: affected.map((a) => a.id) },
    });
    ctx.emit(domainEvent(SLOT_ASSIGNMENT_CHANGED, { venueId, slotIds: [...new Set(affected.map((a) => a.slot_id))] }));
    return affected.length;
  }

  private checkPeriod(ctx: RequestContext, period: Period, prefix: string): void {
    const problem = periodProblem(period, today(ctx.startedAt));
    if (problem) throw DomainError.field(`${prefix}.${problem.path}`, problem.message);
  }

  /** The SKU, when its factory is admitted (APPROVED) at the venue; VALIDATION_FAILED otherwise. */
  private async admittedSku(ctx: RequestContext, venueId: string, skuId: string): Promise<Sku> {
    const sku = isUuid(skuId) ? await ctx.manager.getRepository(Sku).findOneBy({ id: skuId }) : null;
    if (!sku) throw DomainError.field('input.skuId', 'no such SKU');
    const admitted = await ctx.manager
      .getRepository(VenueFactory)
      .existsBy({ venueId, factoryOrgId: sku.factoryOrgId, status: VenueFactoryStatus.APPROVED });
    if (!admitted) throw DomainError.field('input.skuId', "the SKU's factory is not admitted to this venue");
    return sku;
  }

  /** Serializes allocation on one slot (the exclusion constraint stays the last word). */
  private async lockSlot(ctx: RequestContext, slotId: string): Promise<void> {
    await ctx.manager.query('SELECT 1 FROM slots WHERE id = $1 FOR UPDATE', [slotId]);
  }

  /** SLOT_OCCUPIED naming the holder and its period when another live assignment overlaps. */
  private async assertFree(ctx: RequestContext, slotId: string, period: Period, exceptId?: string): Promise<void> {
    const [holder] = await ctx.manager.query(
      `SELECT a.id, lower(a.period)::text AS "from", upper(a.period)::text AS "to", s.code AS "skuCode",
              o.name AS "factoryName", sl.code AS "slotCode"
       FROM slot_assignments a
       JOIN skus s ON s.id = a.sku_id
       JOIN organizations o ON o.id = a.factory_org_id
       JOIN slots sl ON sl.id = a.slot_id
       WHERE a.slot_id = $1 AND a.status = 'LIVE' AND a.period && daterange($2::date, $3::date, '[)')
         AND ($4::uuid IS NULL OR a.id <> $4)
       ORDER BY lower(a.period) LIMIT 1`,
      [slotId, period.from, period.to, exceptId ?? null],
    );
    if (holder) {
      const until = holder.to ? `until ${holder.to}` : 'with no end date';
      throw new DomainError(
        ErrorCode.SLOT_OCCUPIED,
        `Slot ${holder.slotCode} is taken by ${holder.factoryName} (${holder.skuCode}) from ${holder.from} ${until}.`,
        { holder: { assignmentId: holder.id, factoryName: holder.factoryName, skuCode: holder.skuCode, from: holder.from, to: holder.to } },
      );
    }
  }

  /**
   * A shelf never shows goods without an approved price: the SKU needs a price version in force
   * at the venue on the first day (today: now; a later day: from its start).
   */
  private async assertPriced(ctx: RequestContext, venueId: string, sku: Sku, from: string): Promise<void> {
    const at = from > today(ctx.startedAt) ? startOfBusinessDay(from) : ctx.startedAt;
    const [price] = await this.pricing.effectivePrices(ctx, venueId, [sku.id], at);
    if (!price) {
      throw new DomainError(
        ErrorCode.PRICE_RULE_VIOLATED,
        `SKU ${sku.code} has no approved price at this venue on ${from}. Approve a price sheet for it (effective by then) before putting it on a shelf.`,
        { violations: [{ path: 'input.skuId', message: `no approved price in force on ${from}` }] },
      );
    }
  }

  private async insertAssignment(ctx: RequestContext, slot: Slot, sku: Sku, period: Period): Promise<SlotAssignment> {
    if (slot.status !== SlotStatus.ACTIVE) {
      throw DomainError.conflict(`Slot ${slot.code} is not available for assignments (${slot.status}).`);
    }
    await this.assertPriced(ctx, slot.venueId, sku, period.from);
    await this.lockSlot(ctx, slot.id);
    await this.assertFree(ctx, slot.id, period);
    const [{ id }] = await ctx.manager.query(
      `INSERT INTO slot_assignments (venue_id, slot_id, sku_id, factory_org_id, period, created_by)
       VALUES ($1, $2, $3, $4, daterange($5::date, $6::date, '[)'), $7) RETURNING id`,
      [slot.venueId, slot.id, sku.id, sku.factoryOrgId, period.from, period.to, ctx.userId],
    );
    ctx.emit(domainEvent(SLOT_ASSIGNMENT_CHANGED, { venueId: slot.venueId, slotIds: [slot.id] }));
    return ctx.manager.getRepository(SlotAssignment).findOneByOrFail({ id });
  }

  private async endAt(ctx: RequestContext, assignment: SlotAssignment, on: string): Promise<SlotAssignment> {
    if (on <= assignment.from) {
      await ctx.manager.getRepository(SlotAssignment).update(assignment.id, { status: SlotAssignmentStatus.CANCELLED });
    } else {
      await ctx.manager.query(
        `UPDATE slot_assignments SET period = daterange(lower(period), $2::date, '[)'), updated_at = now() WHERE id = $1`,
        [assignment.id, on],
      );
    }
    ctx.emit(domainEvent(SLOT_ASSIGNMENT_CHANGED, { venueId: assignment.venueId, slotIds: [assignment.slotId] }));
    return ctx.manager.getRepository(SlotAssignment).findOneByOrFail({ id: assignment.id });
  }

  /** A live assignment that showroom managers of its venue may change (locked for the transaction). */
  private async findLive(ctx: RequestContext, id: string): Promise<SlotAssignment> {
    const assignment = isUuid(id)
      ? await ctx.manager
          .getRepository(SlotAssignment)
          .createQueryBuilder('a')
          .setLock('pessimistic_write')
          .where('a.id = :id', { id })
          .getOne()
      : null;
    if (!assignment) throw DomainError.notFound('Slot assignment');
    await this.asStaff(ctx, assignment.venueId, SHOWROOM_MANAGERS, 'Slot assignment');
    if (assignment.status !== SlotAssignmentStatus.LIVE) {
      throw DomainError.invalidTransition('Slot assignment', assignment.status, 'changed');
    }
    return assignment;
  }

  private async asStaff(ctx: RequestContext, venueId: string, roles: readonly Role[], what: string): Promise<void> {
    try {
      await assertShowroomAccess(ctx, venueId, roles);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) throw DomainError.notFound(what);
      throw error;
    }
  }
}
