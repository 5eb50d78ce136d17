import { addDays, EventBus, domainEvent, Role, today } from '@xp/core';
import { Given, GivenPricing } from '../support/given';
import { TestApp } from '../support/test-app';

const CREATE_ZONE = 'mutation($input: CreateZoneInput!) { createZone(input: $input) { id code } }';
const CREATE_SHELVES =
  'mutation($input: CreateShelvesInput!) { createShelves(input: $input) { slotCount shelves { code } } }';
const ASSIGN = `mutation($input: AssignSlotInput!) {
  assignSlot(input: $input) { id from to status slot { code } sku { code } factory { name } }
}`;
const END = 'mutation($input: EndSlotAssignmentInput!) { endSlotAssignment(input: $input) { id from to status } }';
const EXTEND = 'mutation($input: ExtendSlotAssignmentInput!) { extendSlotAssignment(input: $input) { id from to } }';
const MOVE = `mutation($input: MoveSlotAssignmentInput!) {
  moveSlotAssignment(input: $input) { ended { id from to status } started { id from to slot { code } } }
}`;
const RETIRE = 'mutation($input: RetireSlotInput!) { retireSlot(input: $input) { id status retiredOn } }';
const SLOTS = 'query($filter: SlotFilter) { slots(filter: $filter, perPage: 200) { total items { id code status } } }';
const ASSIGNMENTS = 'query($filter: SlotAssignmentFilter) { slotAssignments(filter: $filter, perPage: 200) { total items { id } } }';

describe('showroom slots', () => {
  let t: TestApp;
  let given: Given;
  const day = (n: number) => addDays(today(), n);
  let zoneB: string;
  let slotIds: Record<string, string>;
  let skusA: string[];

  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    const factoryA = t.demo.orgs.factoryA; // admitted at Zhengzhou in the demo
    skusA = [];
    for (let i = 0; i < 10; i++) skusA.push((await given.sku(factoryA, { code: `A-SCARF-${i}` })).id);
    // A shelf never shows goods without an approved price: price them all at Zhengzhou.
    await new GivenPricing(t).priceSheet(
      t.demo.venues.zz,
      factoryA,
      skusA.map((skuId) => ({ skuId, tiers: [[1, 1000]], retail: 2000 })),
      { at: new Date(Date.now() - 60_000) },
    );
  });
  afterAll(() => t.close());

  const slotId = async (code: string) => {
    if (!slotIds?.[code]) {
      const { slots } = await t.ok(SLOTS, { filter: { venueId: t.demo.venues.zz } }, 'showroomStaff');
      slotIds = Object.fromEntries(slots.items.map((s: { code: string; id: string }) => [s.code, s.id]));
    }
    return slotIds[code];
  };

  describe('layout', () => {
    it('lays out zone B with 20 shelves × 4 levels in one call', async () => {
      const { createZone } = await t.ok(CREATE_ZONE, { input: { venueId: t.demo.venues.zz, code: 'T', name: '测试区' } }, 'showroomStaff');
      zoneB = createZone.id;
      const { createShelves } = await t.ok(
        CREATE_SHELVES,
        { input: { zoneId: zoneB, fromNumber: 1, toNumber: 20, levels: 4 } },
        'showroomStaff',
      );
      expect(createShelves.slotCount).toBe(80);
      expect(createShelves.shelves.map((s: { code: string }) => s.code)).toEqual(
        Array.from({ length: 20 }, (_, i) => `T-${String(i + 1).padStart(2, '0')}`),
      );
      expect(await t.count('slots', 'zone_id = $1', [zoneB])).toBe(80);
      expect(await slotId('T-20-4')).toBeDefined();
    });

    it('answers DUPLICATE for a range that overlaps existing shelves and creates nothing', async () => {
      const before = await t.count('slots');
      const error = await t.fails(CREATE_SHELVES, { input: { zoneId: zoneB, fromNumber: 18, toNumber: 25, levels: 4 } }, 'showroomStaff');
      expect(error.extensions.code).toBe('DUPLICATE');
      expect(error.message).toContain('T-18');
      expect(await t.count('slots')).toBe(before);
    });

    it('refuses a zone code used twice in a venue', async () => {
      const error = await t.fails(CREATE_ZONE, { input: { venueId: t.demo.venues.zz, code: 'T', name: '重复' } }, 'operatorAdmin');
      expect(error.extensions.code).toBe('DUPLICATE');
    });

    it("keeps other venues' operators, factories and government viewers out of the layout", async () => {
      expect(
        (await t.fails(CREATE_SHELVES, { input: { zoneId: zoneB, fromNumber: 30, toNumber: 31, levels: 1 } }, 'operator2Admin')).extensions
          .code,
      ).toBe('NOT_FOUND');
      expect(
        (await t.fails(CREATE_ZONE, { input: { venueId: t.demo.venues.zz, code: 'X', name: '某区' } }, 'warehouseStaff')).extensions.code,
      ).toBe('FORBIDDEN');
      for (const caller of ['factoryAdmin', 'govViewer'] as const) {
        expect((await t.fails(CREATE_ZONE, { input: { venueId: t.demo.venues.zz, code: 'X', name: '某区' } }, caller)).extensions.code).toBe(
          'FORBIDDEN',
        );
      }
      expect((await t.fails('query($v: ID!, $d: Date!) { slotMap(venueId: $v, date: $d) { free } }', { v: t.demo.venues.zz, d: today() }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails('query($v: ID!, $d: Date!) { slotMap(venueId: $v, date: $d) { free } }', { v: t.demo.venues.zz, d: today() }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('allocation', () => {
    it("assigns ten of factory A's SKUs", async () => {
      for (let i = 0; i < 10; i++) {
        const { assignSlot } = await t.ok(
          ASSIGN,
          { input: { slotId: await slotId(`T-01-${(i % 4) + 1}`.replace('T-01', `T-0${Math.floor(i / 4) + 1}`)), skuId: skusA[i], from: day(1) } },
          'showroomStaff',
        );
        expect(assignSlot).toMatchObject({ from: day(1), to: null, status: 'LIVE', factory: { name: '河南豫暖针织服饰有限公司' } });
      }
      expect(await t.count('slot_assignments', 'sku_id = ANY($1)', [skusA])).toBe(10);
    });

    it('refuses a double booking with the holder and its period named', async () => {
      const error = await t.fails(
        ASSIGN,
        { input: { slotId: await slotId('T-01-1'), skuId: skusA[5], from: day(10), to: day(20) } },
        'showroomStaff',
      );
      expect(error.extensions.code).toBe('SLOT_OCCUPIED');
      expect(error.message).toContain('河南豫暖针织服饰有限公司');
      expect(error.extensions.holder).toMatchObject({ skuCode: 'A-SCARF-0', from: day(1), to: null });
    });

    it('lets exactly one of twenty simultaneous assignments of one slot and period succeed', async () => {
      const slot = await slotId('T-10-1');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.gql(ASSIGN, { input: { slotId: slot, skuId: skusA[i % 10], from: day(2), to: day(9) } }, 'showroomStaff'),
        ),
      );
      const ok = results.filter((r) => !r.errors);
      expect(ok).toHaveLength(1);
      for (const r of results.filter((r) => r.errors)) expect(r.errors?.[0].extensions.code).toBe('SLOT_OCCUPIED');
      expect(await t.count('slot_assignments', "slot_id = $1 AND status = 'LIVE'", [slot])).toBe(1);
    });

    it('refuses a SKU without an approved price on its first day, and accepts it from the day its price takes effect', async () => {
      const unpriced = (await given.sku(t.demo.orgs.factoryA, { code: 'A-UNPRICED' })).id;
      const none = await t.fails(ASSIGN, { input: { slotId: await slotId('T-13-1'), skuId: unpriced, from: day(1) } }, 'showroomStaff');
      expect(none.extensions.code).toBe('PRICE_RULE_VIOLATED');
      expect(none.message).toContain('A-UNPRICED');
      await new GivenPricing(t).priceSheet(t.demo.venues.zz, t.demo.orgs.factoryA, [{ skuId: unpriced, tiers: [[1, 1500]], retail: 2500 }], {
        effectiveFrom: day(5),
      });
      const early = await t.fails(ASSIGN, { input: { slotId: await slotId('T-13-1'), skuId: unpriced, from: day(4) } }, 'showroomStaff');
      expect(early.extensions.code).toBe('PRICE_RULE_VIOLATED');
      const { assignSlot } = await t.ok(ASSIGN, { input: { slotId: await slotId('T-13-1'), skuId: unpriced, from: day(5) } }, 'showroomStaff');
      expect(assignSlot.from).toBe(day(5));
      expect(await t.count('audit_events', "action = 'slotAssignment.created' AND entity_id = $1", [assignSlot.id])).toBe(1);
    });

    it("refuses a SKU whose factory is not admitted, a past start, and a slot under maintenance", async () => {
      const { org } = await given.factory();
      const stranger = await given.sku(org.id);
      const notAdmitted = await t.fails(ASSIGN, { input: { slotId: await slotId('T-11-1'), skuId: stranger.id, from: day(1) } }, 'showroomStaff');
      expect(notAdmitted.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.skuId' }] });
      const past = await t.fails(ASSIGN, { input: { slotId: await slotId('T-11-1'), skuId: skusA[0], from: day(-1) } }, 'showroomStaff');
      expect(past.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.from' }] });
      const backwards = await t.fails(
        ASSIGN,
        { input: { slotId: await slotId('T-11-1'), skuId: skusA[0], from: day(5), to: day(5) } },
        'showroomStaff',
      );
      expect(backwards.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.to' }] });
      await t.ok('mutation($input: UpdateSlotInput!) { updateSlot(input: $input) { status } }', { input: { slotId: await slotId('T-11-2'), status: 'MAINTENANCE' } }, 'showroomStaff');
      const maintenance = await t.fails(ASSIGN, { input: { slotId: await slotId('T-11-2'), skuId: skusA[0], from: day(1) } }, 'showroomStaff');
      expect(maintenance.extensions.code).toBe('CONFLICT');
    });

    it('moves an assignment to another slot in one step, and moves nothing when the target is taken', async () => {
      const { slotAssignments } = await t.ok(ASSIGNMENTS, { filter: { slotId: await slotId('T-01-2') } }, 'showroomStaff');
      const id = slotAssignments.items[0].id;
      const taken = await t.fails(MOVE, { input: { assignmentId: id, toSlotId: await slotId('T-01-3'), on: day(3) } }, 'showroomStaff');
      expect(taken.extensions.code).toBe('SLOT_OCCUPIED');
      const untouched = await t.ok('query($id: ID!) { slotAssignment(id: $id) { to status } }', { id }, 'showroomStaff');
      expect(untouched.slotAssignment).toEqual({ to: null, status: 'LIVE' });
      const { moveSlotAssignment } = await t.ok(MOVE, { input: { assignmentId: id, toSlotId: await slotId('T-12-1'), on: day(3) } }, 'showroomStaff');
      expect(moveSlotAssignment.ended).toMatchObject({ id, from: day(1), to: day(3), status: 'LIVE' });
      expect(moveSlotAssignment.started).toMatchObject({ from: day(3), to: null, slot: { code: 'T-12-1' } });
    });

    it('ends one assignment, cancels one that has not started, and extends another', async () => {
      const idOn = async (code: string) =>
        (await t.ok(ASSIGNMENTS, { filter: { slotId: await slotId(code), status: 'LIVE' } }, 'showroomStaff')).slotAssignments.items[0].id;
      const ended = await t.ok(END, { input: { assignmentId: await idOn('T-01-3'), on: day(5) } }, 'showroomStaff');
      expect(ended.endSlotAssignment).toMatchObject({ from: day(1), to: day(5), status: 'LIVE' });
      const cancelled = await t.ok(END, { input: { assignmentId: await idOn('T-01-4'), on: day(1) } }, 'showroomStaff');
      expect(cancelled.endSlotAssignment.status).toBe('CANCELLED');
      const extended = await t.ok(EXTEND, { input: { assignmentId: ended.endSlotAssignment.id, to: day(8) } }, 'showroomStaff');
      expect(extended.extendSlotAssignment).toMatchObject({ from: day(1), to: day(8) });
      const again = await t.fails(END, { input: { assignmentId: cancelled.endSlotAssignment.id, on: day(2) } }, 'showroomStaff');
      expect(again.extensions.code).toBe('INVALID_TRANSITION');
    });

    it('refuses to retire a slot with current or future assignments, listing them', async () => {
      const slot = await slotId('T-02-1');
      const error = await t.fails(RETIRE, { input: { slotId: slot } }, 'showroomStaff');
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.extensions.assignments).toHaveLength(1);
      const free = await slotId('T-20-4');
      const { retireSlot } = await t.ok(RETIRE, { input: { slotId: free } }, 'showroomStaff');
      expect(retireSlot).toMatchObject({ status: 'RETIRED', retiredOn: today() });
    });

    it('holds the no-overlap rule in PostgreSQL even without the service', async () => {
      const slot = await slotId('T-02-1');
      await expect(
        t.dataSource.query(
          `INSERT INTO slot_assignments (venue_id, slot_id, sku_id, factory_org_id, period)
           VALUES ($1, $2, $3, $4, daterange($5::date, NULL, '[)'))`,
          [t.demo.venues.zz, slot, skusA[0], t.demo.orgs.factoryA, day(30)],
        ),
      ).rejects.toThrow(/slot_assignments_no_overlap/);
    });
  });

  describe('seeing the floor', () => {
    it('shows next week with the right states', async () => {
      const { slotMap } = await t.ok(
        `query($v: ID!, $d: Date!) { slotMap(venueId: $v, date: $d) {
           free occupied endingSoon maintenance
           zones { zone { code } shelves { shelf { code } slots { slot { code } state assignment { sku { code } } priceVersion { id tiers { wholesalePrice } } } } }
         } }`,
        { v: t.demo.venues.zz, d: day(7) },
        'operatorAdmin',
      );
      const cells = new Map<string, { state: string; assignment: { sku: { code: string } } | null }>();
      for (const z of slotMap.zones) for (const s of z.shelves) for (const c of s.slots) cells.set(c.slot.code, c);
      expect(cells.get('T-01-1')).toMatchObject({
        state: 'OCCUPIED',
        assignment: { sku: { code: 'A-SCARF-0' } },
        priceVersion: { tiers: [{ wholesalePrice: '10.00' }] },
      });
      expect(cells.get('T-01-2')?.state).toBe('FREE'); // moved away on day 3
      expect(cells.get('T-12-1')?.state).toBe('OCCUPIED');
      expect(cells.get('T-01-3')?.state).toBe('ENDING_SOON'); // ends on day 8
      expect(cells.get('T-11-2')?.state).toBe('MAINTENANCE');
      expect(cells.has('T-20-4')).toBe(false); // retired
      const zoneT = slotMap.zones.find((z: { zone: { code: string } }) => z.zone.code === 'T');
      expect(zoneT.shelves.flatMap((sh: { slots: unknown[] }) => sh.slots)).toHaveLength(79);
    });

    it('computes occupancy to the slot-day', async () => {
      const from = day(0);
      const to = day(30);
      const { occupancy } = await t.ok(
        `query($v: ID!, $f: Date!, $t: Date!) { occupancy(venueId: $v, from: $f, to: $t) {
           occupiedSlotDays availableSlotDays rate byZone { key occupiedSlotDays availableSlotDays } byCategory { key occupiedSlotDays }
           slots { slotCode occupiedDays availableDays } } }`,
        { v: t.demo.venues.zz, f: from, t: to },
        'operatorAdmin',
      );
      const bySlot = Object.fromEntries(occupancy.slots.map((s: { slotCode: string }) => [s.slotCode, s]));
      // B-01-1: from day 1, open → 29 days; B-01-2: days 1–3 → 2; B-12-1: from day 3 → 27; B-01-3: days 1–8 → 7.
      expect(bySlot['T-01-1']).toMatchObject({ occupiedDays: 29, availableDays: 30 });
      expect(bySlot['T-01-2'].occupiedDays).toBe(2);
      expect(bySlot['T-12-1'].occupiedDays).toBe(27);
      expect(bySlot['T-01-3'].occupiedDays).toBe(7);
      expect(bySlot['T-01-4'].occupiedDays).toBe(0); // cancelled
      expect(bySlot['T-10-1'].occupiedDays).toBe(7); // days 2–9
      expect(bySlot['T-20-4'].availableDays).toBe(0); // retired today
      const mine = occupancy.slots.filter((s: { slotCode: string }) => s.slotCode.startsWith('T-'));
      const sum = mine.reduce((n: number, s: { occupiedDays: number }) => n + s.occupiedDays, 0);
      const all = occupancy.slots.reduce((n: number, s: { occupiedDays: number }) => n + s.occupiedDays, 0);
      expect(occupancy.occupiedSlotDays).toBe(all);
      const zoneT = occupancy.byZone.find((z: { key: string }) => z.key === 'T');
      expect(zoneT).toEqual({ key: 'T', occupiedSlotDays: sum, availableSlotDays: 79 * 30 });
      expect(occupancy.rate).toBeCloseTo(all / occupancy.availableSlotDays, 10);
      const categories = occupancy.byCategory.reduce((n: number, c: { occupiedSlotDays: number }) => n + c.occupiedSlotDays, 0);
      expect(categories).toBe(all);
      const gov = await t.ok(
        'query($v: ID!, $f: Date!, $t: Date!) { occupancy(venueId: $v, from: $f, to: $t) { occupiedSlotDays } }',
        { v: t.demo.venues.zz, f: from, t: to },
        'govViewer',
      );
      expect(gov.occupancy.occupiedSlotDays).toBe(all);
    });
  });

  describe('factories', () => {
    it('lets an admitted factory see free slots and request one, which staff approve into an assignment', async () => {
      const { slots } = await t.ok(
        SLOTS,
        { filter: { venueId: t.demo.venues.zz, freeFrom: day(1), freeUntil: day(30) } },
        'factoryAdmin',
      );
      const free = slots.items.map((s: { code: string }) => s.code);
      expect(free).toContain('T-15-1');
      expect(free).not.toContain('T-01-1');
      const request = await t.ok(
        'mutation($input: RequestSlotInput!) { requestSlot(input: $input) { id status } }',
        { input: { slotId: await slotId('T-15-1'), skuId: skusA[3], from: day(2), to: day(12), note: '新品展示' } },
        'factoryAdmin',
      );
      const decided = await t.ok(
        'mutation($input: DecideSlotRequestInput!) { decideSlotRequest(input: $input) { status assignmentId } }',
        { input: { requestId: request.requestSlot.id, approve: true } },
        'showroomStaff',
      );
      expect(decided.decideSlotRequest.status).toBe('APPROVED');
      const mine = await t.ok(ASSIGNMENTS, { filter: { venueId: t.demo.venues.zz } }, 'factoryAdmin');
      expect(mine.slotAssignments.items.map((a: { id: string }) => a.id)).toContain(decided.decideSlotRequest.assignmentId);
    });

    it("shows factory B none of factory A's assignments, and keeps it off a venue it is not admitted to", async () => {
      const b = await t.ok(ASSIGNMENTS, { filter: { venueId: t.demo.venues.zz } }, 'factory2Admin');
      expect(b.slotAssignments.total).toBe(0);
      const { slotAssignments } = await t.ok(ASSIGNMENTS, { filter: { venueId: t.demo.venues.zz } }, 'showroomStaff');
      const anyId = slotAssignments.items[0].id;
      expect((await t.fails('query($id: ID!) { slotAssignment(id: $id) { id } }', { id: anyId }, 'factory2Admin')).extensions.code).toBe(
        'NOT_FOUND',
      );
      const outsider = await given.factory();
      expect((await t.fails(SLOTS, { filter: { venueId: t.demo.venues.zz } }, { token: outsider.admin.token })).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(ASSIGN, { input: { slotId: await slotId('T-16-1'), skuId: skusA[0], from: day(1) } }, 'factoryAdmin')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(ASSIGNMENTS, { filter: {} }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
      const other = await t.ok(ASSIGNMENTS, { filter: {} }, 'operator2Admin');
      expect(other.slotAssignments.total).toBe(0);
    });

    it("ends a suspended factory's assignments on the suspension day", async () => {
      const suspendOn = day(4);
      await t.app.get(EventBus).publish([
        domainEvent('VenueFactorySuspended', { venueId: t.demo.venues.zz, factoryOrgId: t.demo.orgs.factoryA, on: suspendOn }),
      ]);
      const live: { lower: string; upper: string | null; status: string }[] = await t.dataSource.query(
        `SELECT lower(period)::text AS lower, upper(period)::text AS upper, status FROM slot_assignments
         WHERE venue_id = $1 AND factory_org_id = $2`,
        [t.demo.venues.zz, t.demo.orgs.factoryA],
      );
      for (const a of live.filter((r) => r.status === 'LIVE')) {
        expect(a.upper).not.toBeNull();
        expect(a.upper! <= suspendOn).toBe(true);
      }
      expect(live.some((a) => a.status === 'CANCELLED')).toBe(true);
    });
  });

  it('gives a showroom staffer limited to another venue no access', async () => {
    const { operator } = await given.operatedVenue();
    const { token } = await given.user(Role.SHOWROOM_STAFF, operator.id);
    const error = await t.fails(CREATE_ZONE, { input: { venueId: t.demo.venues.zz, code: 'Z', name: '某区' } }, { token });
    expect(error.extensions.code).toBe('NOT_FOUND');
  });
});
