import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import { Category } from '@xp/catalog';
import { DomainError, ErrorCode, isPlatformAdmin, isUuid, Page, paginate, RequestContext, SortOrder, today } from '@xp/core';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  CreateShelvesInput,
  CreateShelvesPayload,
  CreateZoneInput,
  RetireSlotInput,
  SlotListArgs,
  UpdateSlotInput,
  ZoneListArgs,
} from './dto/showroom.dto';
import { Shelf, Slot, SlotStatus, Zone } from './entities/layout.entities';
import { SlotAssignment, SlotAssignmentStatus } from './entities/slot-assignment.entity';
import { assertShowroomAccess, SHOWROOM_MANAGERS, SHOWROOM_VIEWERS } from './showroom.access';
import { plannedLayout } from './showroom.rules';

/** Zones, shelves and slots: the floor plan of a venue. */
@Injectable()
export class LayoutService {
  constructor(private readonly audit: AuditService) {}

  async createZone(ctx: RequestContext, input: CreateZoneInput): Promise<Zone> {
    await assertShowroomAccess(ctx, input.venueId, SHOWROOM_MANAGERS);
    if (input.categoryId && !(await ctx.manager.getRepository(Category).existsBy({ id: input.categoryId }))) {
      throw DomainError.field('input.categoryId', 'no such category');
    }
    const repo = ctx.manager.getRepository(Zone);
    if (await repo.existsBy({ venueId: input.venueId, code: input.code })) {
      throw DomainError.duplicate(`Zone ${input.code} already exists in this venue.`);
    }
    const zone = await repo.save(repo.create({ ...input, categoryId: input.categoryId ?? null }));
    await this.audit.record(ctx, { action: 'zone.created', entityType: 'Zone', entityId: zone.id, venueId: zone.venueId, after: input });
    return zone;
  }

  /** A zone the caller may see (showroom viewers of its venue), or NOT_FOUND. */
  async findZone(ctx: RequestContext, id: string, roles = SHOWROOM_VIEWERS): Promise<Zone> {
    const zone = isUuid(id) ? await ctx.manager.getRepository(Zone).findOneBy({ id }) : null;
    if (!zone) throw DomainError.notFound('Zone');
    try {
      await assertShowroomAccess(ctx, zone.venueId, roles);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) throw DomainError.notFound('Zone');
      throw error;
    }
    return zone;
  }

  /**
   * Creates shelves fromNumber..toNumber of a zone with `levels` slots each, in one statement
   * per table. Any shelf of the range that exists already makes it DUPLICATE (nothing created).
   */
  async createShelves(ctx: RequestContext, input: CreateShelvesInput): Promise<CreateShelvesPayload> {
    if (input.toNumber < input.fromNumber) throw DomainError.field('input.toNumber', 'must be at least fromNumber');
    if (input.toNumber - input.fromNumber + 1 > 500) throw DomainError.field('input.toNumber', 'at most 500 shelves in one call');
    const zone = await this.findZone(ctx, input.zoneId, SHOWROOM_MANAGERS);
    const plan = plannedLayout(zone.code, input.fromNumber, input.toNumber, input.levels);
    const existing = await ctx.manager
      .getRepository(Shelf)
      .createQueryBuilder('s')
      .where('s.zoneId = :zoneId AND s.number BETWEEN :from AND :to', { zoneId: zone.id, from: input.fromNumber, to: input.toNumber })
      .orderBy('s.number')
      .getMany();
    if (existing.length > 0) {
      throw DomainError.duplicate(
        `Shelves ${existing.map((s) => s.code).join(', ')} already exist in zone ${zone.code}; choose another range.`,
        { existing: existing.map((s) => s.code) },
      );
    }
    const shelves = await ctx.manager.getRepository(Shelf).save(
      plan.map((p) => ({ venueId: zone.venueId, zoneId: zone.id, number: p.number, code: p.code })),
      { chunk: 200 },
    );
    const day = today(ctx.startedAt);
    const slots = shelves.flatMap((shelf, i) =>
      plan[i].slots.map((s) => ({
        venueId: zone.venueId,
        zoneId: zone.id,
        shelfId: shelf.id,
        level: s.level,
        code: s.code,
        kind: input.kind,
        widthCm: input.widthCm,
        activeFrom: day,
      })),
    );
    await ctx.manager.createQueryBuilder().insert().into(Slot).values(slots).execute();
    await this.audit.record(ctx, {
      action: 'shelves.created',
      entityType: 'Zone',
      entityId: zone.id,
      venueId: zone.venueId,
      after: { ...input, shelves: shelves.length, slots: slots.length },
    });
    return { shelves, slotCount: slots.length };
  }

  async listZones(ctx: RequestContext, args: ZoneListArgs): Promise<Page<Zone>> {
    const qb = ctx.manager.getRepository(Zone).createQueryBuilder('z');
    this.scopeToViewableVenues(ctx, qb, 'z', args.filter?.venueId);
    return paginate(qb, args, { code: 'z.code', name: 'z.name' }, { field: 'code', order: SortOrder.ASC });
  }

  async listSlots(ctx: RequestContext, args: SlotListArgs): Promise<Page<Slot>> {
    const f = args.filter ?? {};
    const qb = ctx.manager.getRepository(Slot).createQueryBuilder('s');
    if (f.venueId) {
      const access = await assertShowroomAccess(ctx, f.venueId, SHOWROOM_VIEWERS, true);
      qb.andWhere('s.venueId = :venueId', { venueId: f.venueId });
      // Factories see the floor to pick a free slot, never retired ones.
      if (!access.staff) qb.andWhere("s.status <> 'RETIRED'");
    } else {
      this.scopeToViewableVenues(ctx, qb, 's');
    }
    if (f.zoneId) qb.andWhere('s.zoneId = :zoneId', { zoneId: f.zoneId });
    if (f.shelfId) qb.andWhere('s.shelfId = :shelfId', { shelfId: f.shelfId });
    if (f.status) qb.andWhere('s.status = :status', { status: f.status });
    if (f.kind) qb.andWhere('s.kind = :kind', { kind: f.kind });
    if (f.code) qb.andWhere('s.code LIKE :code', { code: `${f.code.replace(/[\\%_]/g, '\\$&')}%` });
    if (f.freeFrom) {
      qb.andWhere("s.status = 'ACTIVE'").andWhere(
        `NOT EXISTS (SELECT 1 FROM slot_assignments a WHERE a.slot_id = s.id AND a.status = 'LIVE'
                     AND a.period && daterange(CAST(:freeFrom AS date), CAST(:freeUntil AS date), '[)'))`,
        { freeFrom: f.freeFrom, freeUntil: f.freeUntil ?? null },
      );
    }
    return paginate(qb, args, { code: 's.code', kind: 's.kind', status: 's.status' }, { field: 'code', order: SortOrder.ASC });
  }

  /** Restricts to venues where the caller is showroom-viewing staff (or one venue, checked). */
  scopeToViewableVenues<T extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<T>, alias: string, venueId?: string): void {
    const principal = ctx.requirePrincipal();
    if (venueId) qb.andWhere(`${alias}.venueId = :scopeVenue`, { scopeVenue: venueId });
    if (isPlatformAdmin(principal)) return;
    const ids = [
      ...new Set(principal.memberships.filter((m) => SHOWROOM_VIEWERS.includes(m.role)).flatMap((m) => m.venueIds)),
    ];
    qb.andWhere(`${alias}.venueId = ANY(:viewableVenues)`, { viewableVenues: ids });
  }

  async findSlot(ctx: RequestContext, id: string, roles = SHOWROOM_VIEWERS, factories = false): Promise<Slot> {
    const slot = isUuid(id) ? await ctx.manager.getRepository(Slot).findOneBy({ id }) : null;
    if (!slot) throw DomainError.notFound('Slot');
    try {
      await assertShowroomAccess(ctx, slot.venueId, roles, factories);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) throw DomainError.notFound('Slot');
      throw error;
    }
    return slot;
  }

  async updateSlot(ctx: RequestContext, input: UpdateSlotInput): Promise<Slot> {
    const slot = await this.findSlot(ctx, input.slotId, SHOWROOM_MANAGERS);
    if (slot.status === SlotStatus.RETIRED) throw DomainError.invalidTransition('Slot', slot.status, input.status ?? 'changed');
    if (input.status === SlotStatus.RETIRED) throw DomainError.field('input.status', 'use retireSlot to retire a slot');
    const before = { kind: slot.kind, widthCm: slot.widthCm, status: slot.status };
    Object.assign(slot, {
      kind: input.kind ?? slot.kind,
      widthCm: input.widthCm ?? slot.widthCm,
      status: input.status ?? slot.status,
    });
    await ctx.manager.getRepository(Slot).save(slot);
    await this.audit.record(ctx, {
      action: 'slot.updated',
      entityType: 'Slot',
      entityId: slot.id,
      venueId: slot.venueId,
      before,
      after: { kind: slot.kind, widthCm: slot.widthCm, status: slot.status },
    });
    return slot;
  }

  /** Retires a slot from a day on; refused while any assignment runs on or after that day. */
  async retireSlot(ctx: RequestContext, input: RetireSlotInput): Promise<Slot> {
    const slot = await this.findSlot(ctx, input.slotId, SHOWROOM_MANAGERS);
    const on = input.on ?? today(ctx.startedAt);
    if (on < today(ctx.startedAt)) throw DomainError.field('input.on', 'cannot retire a slot in the past');
    if (slot.status === SlotStatus.RETIRED) throw DomainError.invalidTransition('Slot', slot.status, SlotStatus.RETIRED);
    if (on < slot.activeFrom) throw DomainError.field('input.on', 'is before the slot existed');
    const inTheWay = await ctx.manager
      .getRepository(SlotAssignment)
      .createQueryBuilder('a')
      .setLock('pessimistic_read')
      .where("a.slotId = :slotId AND a.status = 'LIVE'", { slotId: slot.id })
      .andWhere("a.period && daterange(CAST(:on AS date), NULL, '[)')", { on })
      .orderBy('lower(a.period)')
      .getMany();
    if (inTheWay.length > 0) {
      throw DomainError.conflict(
        `Slot ${slot.code} still has ${inTheWay.length} current or future assignment(s); end or move them first.`,
        { assignments: inTheWay.map((a) => ({ id: a.id, skuId: a.skuId, factoryOrgId: a.factoryOrgId, from: a.from, to: a.to })) },
      );
    }
    await ctx.manager.getRepository(Slot).update(slot.id, { status: SlotStatus.RETIRED, retiredOn: on });
    await this.audit.record(ctx, { action: 'slot.retired', entityType: 'Slot', entityId: slot.id, venueId: slot.venueId, after: { on } });
    return ctx.manager.getRepository(Slot).findOneByOrFail({ id: slot.id });
  }
}
