import { addDays, today } from '@xp/core';
import { TestApp } from '../support/test-app';

/** The showroom part of the demo, as the Zhengzhou staff find it. */
describe('the showroom demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('shows a laid-out floor with priced goods, one ending this week and one slot in maintenance', async () => {
    const { slotMap } = await t.ok(
      `query($v: ID!, $d: Date!) { slotMap(venueId: $v, date: $d) {
         free occupied endingSoon maintenance
         zones { zone { code } shelves { slots { state assignment { factory { name } } priceVersion { id } } } } } }`,
      { v: t.demo.venues.zz, d: today() },
      'showroomStaff',
    );
    expect(slotMap.zones.map((z: { zone: { code: string } }) => z.zone.code)).toEqual(['A', 'B', 'E']);
    expect(slotMap.occupied).toBeGreaterThanOrEqual(8);
    expect(slotMap.endingSoon).toBe(1);
    expect(slotMap.maintenance).toBe(1);
    const cells = slotMap.zones.flatMap((z: { shelves: { slots: unknown[] }[] }) => z.shelves.flatMap((s) => s.slots));
    for (const cell of cells.filter((c: { assignment: unknown }) => c.assignment)) {
      expect(cell).toMatchObject({ assignment: { factory: { name: '河南豫暖针织服饰有限公司' } }, priceVersion: { id: expect.any(String) } });
    }
  });

  it('has four weeks of occupancy history and a pending request from factory A', async () => {
    const { occupancy } = await t.ok(
      'query($v: ID!, $f: Date!, $t: Date!) { occupancy(venueId: $v, from: $f, to: $t) { occupiedSlotDays availableSlotDays } }',
      { v: t.demo.venues.zz, f: addDays(today(), -30), t: today() },
      'operatorAdmin',
    );
    expect(occupancy.occupiedSlotDays).toBeGreaterThan(200);
    expect(occupancy.availableSlotDays).toBeGreaterThan(occupancy.occupiedSlotDays);
    const { slotRequests } = await t.ok('{ slotRequests(filter: { status: PENDING }) { total } }', {}, 'showroomStaff');
    expect(slotRequests.total).toBe(1);
  });
});
