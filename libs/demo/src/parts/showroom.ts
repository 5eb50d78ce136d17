import { AuditService } from '@xp/audit';
import { addDays, businessDateOf, RequestContext } from '@xp/core';
import { PricingService } from '@xp/pricing';
import { AllocationService, LayoutService, SlotKind, SlotStatus } from '@xp/showroom';
import { actingAs, handOver } from '../acting';
import { DemoPart, DemoRefs } from '../demo.types';

const DAY = 86_400_000;

/**
 * The Zhengzhou showroom: zones laid out five weeks ago, factory A's priced SKUs on shelves for
 * four weeks, a move, an assignment ending this week, a slot under maintenance and a factory's
 * pending request — so the slot map, occupancy and reports have a history to show.
 */
export const showroomPart: DemoPart = {
  name: 'showroom',
  async run(ctx: RequestContext, refs: DemoRefs) {
    const venueId = refs['venues.zz'];
    const staffId = refs['users.showroom.staff'];
    const factoryAdminId = refs['users.factory.admin'];
    if (!venueId || !staffId) return;
    const audit = new AuditService();
    const layout = new LayoutService(audit);
    const allocation = new AllocationService(audit, layout, new PricingService(audit));
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
    const staff = (daysAgo: number) => actingAs(ctx, staffId, at(daysAgo));
    const categories: Record<string, string> = Object.fromEntries(
      ((await ctx.manager.query('SELECT id, code FROM categories')) as { id: string; code: string }[]).map((c) => [c.code, c.id]),
    );

    const laidOut = await staff(35);
    const zones: [string, string, string, number, number, SlotKind][] = [
      ['A', '服装针织区', 'APPAREL', 6, 4, SlotKind.SHELF],
      ['B', '箱包皮具区', 'LUGGAGE', 4, 3, SlotKind.SHELF],
      ['E', '主通道端架', 'APPAREL', 2, 1, SlotKind.END_CAP],
    ];
    for (const [code, name, category, shelves, levels, kind] of zones) {
      const zone = await layout.createZone(laidOut, { venueId, code, name, floor: 1, categoryId: categories[category] });
      await layout.createShelves(laidOut, { zoneId: zone.id, fromNumber: 1, toNumber: shelves, levels, kind, widthCm: kind === SlotKind.END_CAP ? 120 : 60 });
      refs[`zones.${code}`] = zone.id;
    }
    handOver(laidOut, ctx);
    const slotIds: Record<string, string> = Object.fromEntries(
      ((await ctx.manager.query('SELECT id, code FROM slots WHERE venue_id = $1', [venueId])) as { id: string; code: string }[]).map((s) => [
        s.code,
        s.id,
      ]),
    );

    // Factory A's SKUs that have a price in force (the pricing part), on zone A from four weeks ago.
    const priced = Object.keys(refs)
      .filter((k) => k.startsWith('priceVersions.'))
      .map((k) => refs[`skus.${k.slice('priceVersions.'.length)}`])
      .filter(Boolean)
      .slice(0, 14);
    if (priced.length === 0) return;
    const placing = await staff(28);
    const from = businessDateOf(at(28));
    const slotsInOrder = Object.keys(slotIds)
      .filter((c) => c.startsWith('A-'))
      .sort();
    const assignments: string[] = [];
    for (const [i, skuId] of priced.entries()) {
      const a = await allocation.assign(placing, { slotId: slotIds[slotsInOrder[i]], skuId, from });
      assignments.push(a.id);
      refs[`slotAssignments.${slotsInOrder[i]}`] = a.id;
    }
    handOver(placing, ctx);

    // Ten days ago: one SKU moved to an end cap, another taken off the shelf three days later.
    const rearranging = await staff(10);
    await allocation.move(rearranging, { assignmentId: assignments[assignments.length - 1], toSlotId: slotIds['E-01-1'], on: businessDateOf(at(10)) });
    if (assignments.length > 2) {
      await allocation.end(rearranging, { assignmentId: assignments[assignments.length - 2], on: businessDateOf(at(7)) });
    }
    handOver(rearranging, ctx);

    // Today: an assignment ending this week, a slot under maintenance, and factory A's request.
    const today = await staff(0);
    const day = businessDateOf(new Date());
    if (priced.length > 1) {
      await allocation.assign(today, { slotId: slotIds['E-02-1'], skuId: priced[0], from: day, to: addDays(day, 5) });
    }
    await layout.updateSlot(today, { slotId: slotIds['B-04-3'], status: SlotStatus.MAINTENANCE });
    handOver(today, ctx);
    if (factoryAdminId) {
      const factory = await actingAs(ctx, factoryAdminId);
      const request = await allocation.request(factory, {
        slotId: slotIds['A-06-1'],
        skuId: priced[1] ?? priced[0],
        from: addDays(day, 1),
        to: addDays(day, 31),
        note: '新款针织帽上新，希望靠近主通道',
      });
      refs['slotRequests.pending'] = request.id;
      handOver(factory, ctx);
    }
  },
};
