import { Injectable } from '@nestjs/common';
import { daysBetween, DomainError, isBusinessDate, RequestContext } from '@xp/core';
import { Occupancy, OccupancyGroup, SlotMap, SlotMapShelf, SlotMapZone } from './dto/showroom.dto';
import { Shelf, Slot, Zone } from './entities/layout.entities';
import { SlotAssignment } from './entities/slot-assignment.entity';
import { assertShowroomAccess, OCCUPANCY_VIEWERS, SHOWROOM_VIEWERS } from './showroom.access';
import { slotState, SlotState } from './showroom.rules';

const MAX_OCCUPANCY_DAYS = 3 * 366;

interface SlotDaysRow {
  slot_id: string;
  slot_code: string;
  kind: string;
  zone_code: string;
  zone_name: string;
  available: number;
  occupied: number;
}

function group(key: string, label: string | undefined, occupied: number, available: number): OccupancyGroup {
  return { key, label, occupiedSlotDays: occupied, availableSlotDays: available, rate: available ? occupied / available : 0 };
}

/** Seeing the floor: the slot map of a day and occupancy over a period. */
@Injectable()
export class FloorService {
  /** Every zone, shelf and slot existing that day, with what stands there and its state. 4 queries. */
  async slotMap(ctx: RequestContext, venueId: string, date: string): Promise<SlotMap> {
    await assertShowroomAccess(ctx, venueId, SHOWROOM_VIEWERS);
    const m = ctx.manager;
    const [zones, shelves, slots, assignments] = await Promise.all([
      m.getRepository(Zone).find({ where: { venueId }, order: { code: 'ASC' } }),
      m.getRepository(Shelf).find({ where: { venueId }, order: { number: 'ASC' } }),
      m
        .getRepository(Slot)
        .createQueryBuilder('s')
        .where('s.venueId = :venueId AND s.activeFrom <= :date AND (s.retiredOn IS NULL OR s.retiredOn > :date)', { venueId, date })
        .orderBy('s.level', 'ASC')
        .getMany(),
      m
        .getRepository(SlotAssignment)
        .createQueryBuilder('a')
        .where("a.venueId = :venueId AND a.status = 'LIVE' AND a.period @> CAST(:date AS date)", { venueId, date })
        .getMany(),
    ]);
    const bySlot = new Map(assignments.map((a) => [a.slotId, a]));
    const counts = { [SlotState.FREE]: 0, [SlotState.OCCUPIED]: 0, [SlotState.ENDING_SOON]: 0, [SlotState.MAINTENANCE]: 0 };
    const slotsByShelf = new Map<string, Slot[]>();
    for (const slot of slots) slotsByShelf.set(slot.shelfId, [...(slotsByShelf.get(slot.shelfId) ?? []), slot]);
    const shelvesByZone = new Map<string, SlotMapShelf[]>();
    for (const shelf of shelves) {
      const cells = (slotsByShelf.get(shelf.id) ?? []).map((slot) => {
        const assignment = bySlot.get(slot.id) ?? null;
        const state = slotState(slot.status, assignment, date);
        counts[state]++;
        return { slot, state, assignment, venueId, date };
      });
      if (cells.length) shelvesByZone.set(shelf.zoneId, [...(shelvesByZone.get(shelf.zoneId) ?? []), { shelf, slots: cells }]);
    }
    const mapZones: SlotMapZone[] = zones.map((zone) => ({ zone, shelves: shelvesByZone.get(zone.id) ?? [] }));
    return {
      venueId,
      date,
      zones: mapZones,
      free: counts.FREE,
      occupied: counts.OCCUPIED,
      endingSoon: counts.ENDING_SOON,
      maintenance: counts.MAINTENANCE,
    };
  }

  /**
   * Occupied slot-days over available slot-days for [from, to), exact to the day: a slot is
   * available on the days it exists; it is occupied on the days a live assignment covers.
   */
  async occupancy(ctx: RequestContext, venueId: string, from: string, to: string): Promise<Occupancy> {
    await assertShowroomAccess(ctx, venueId, OCCUPANCY_VIEWERS);
    if (!isBusinessDate(from) || !isBusinessDate(to) || to <= from) throw DomainError.field('to', 'must be after from');
    if (daysBetween(from, to) > MAX_OCCUPANCY_DAYS) throw DomainError.field('to', 'the period may span at most three years');
    const rows: SlotDaysRow[] = await ctx.manager.query(
      `WITH win AS (SELECT daterange($2::date, $3::date, '[)') AS r),
       s AS (
         SELECT sl.id, sl.code, sl.kind, z.code AS zone_code, z.name AS zone_name,
                daterange(sl.active_from, sl.retired_on, '[)') * win.r AS life
         FROM slots sl JOIN zones z ON z.id = sl.zone_id, win
         WHERE sl.venue_id = $1
       )
       SELECT s.id AS slot_id, s.code AS slot_code, s.kind, s.zone_code, s.zone_name,
              CASE WHEN isempty(s.life) THEN 0 ELSE upper(s.life) - lower(s.life) END AS available,
              COALESCE((SELECT sum(CASE WHEN isempty(a.period * s.life) THEN 0
                                        ELSE upper(a.period * s.life) - lower(a.period * s.life) END)
                        FROM slot_assignments a
                        WHERE a.slot_id = s.id AND a.status = 'LIVE' AND a.period && s.life), 0)::int AS occupied
       FROM s
       ORDER BY s.code`,
      [venueId, from, to],
    );
    const byCategoryRows: { code: string; name: string; occupied: number }[] = await ctx.manager.query(
      `WITH win AS (SELECT daterange($2::date, $3::date, '[)') AS r)
       SELECT c.code, c.name_zh AS name,
              sum(upper(a.period * win.r * daterange(sl.active_from, sl.retired_on, '[)'))
                - lower(a.period * win.r * daterange(sl.active_from, sl.retired_on, '[)')))::int AS occupied
       FROM slot_assignments a
       JOIN slots sl ON sl.id = a.slot_id
       JOIN skus k ON k.id = a.sku_id
       JOIN products p ON p.id = k.product_id
       JOIN categories c ON c.id = p.category_id, win
       WHERE a.venue_id = $1 AND a.status = 'LIVE'
         AND NOT isempty(a.period * win.r * daterange(sl.active_from, sl.retired_on, '[)'))
       GROUP BY c.code, c.name_zh
       ORDER BY c.code`,
      [venueId, from, to],
    );
    const total = rows.reduce((acc, r) => ({ occupied: acc.occupied + r.occupied, available: acc.available + r.available }), {
      occupied: 0,
      available: 0,
    });
    const groupBy = (key: (r: SlotDaysRow) => string, label: (r: SlotDaysRow) => string | undefined) => {
      const groups = new Map<string, { label?: string; occupied: number; available: number }>();
      for (const r of rows) {
        const g = groups.get(key(r)) ?? { label: label(r), occupied: 0, available: 0 };
        g.occupied += r.occupied;
        g.available += r.available;
        groups.set(key(r), g);
      }
      return [...groups.entries()].map(([k, g]) => group(k, g.label, g.occupied, g.available));
    };
    return {
      venueId,
      from,
      to,
      occupiedSlotDays: total.occupied,
      availableSlotDays: total.available,
      rate: total.available ? total.occupied / total.available : 0,
      byZone: groupBy((r) => r.zone_code, (r) => r.zone_name),
      byKind: groupBy((r) => r.kind, () => undefined),
      byCategory: byCategoryRows.map((c) => group(c.code, c.name, c.occupied, total.available)),
      slots: rows.map((r) => ({ slotId: r.slot_id, slotCode: r.slot_code, occupiedDays: r.occupied, availableDays: r.available })),
    };
  }
}
