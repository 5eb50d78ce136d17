import { addDays, startOfBusinessDay, today } from '@xp/core';
import { ScanEventRow, ScanEventWriter, ScanStatsService } from '@xp/scans';
import { Given, GivenPricing, givenAssignment } from '../support/given';
import { Caller, TestApp } from '../support/test-app';
import { CREATE_JOB, LABELS, labelWorld, LabelWorld } from '../labels/support/world';

const STATS = `query($venueId: ID!, $from: Date!, $to: Date!, $groupBy: ScanGroupBy) {
  scanStats(venueId: $venueId, from: $from, to: $to, groupBy: $groupBy) {
    scope groupBy ordersTraceable
    totals { key label scans uniqueDevices listings listingDevices listingRate tracedOrders }
    rows { key label scans uniqueDevices listings listingDevices listingRate tracedOrders }
  }
}`;

type Row = { key: string; label: string; scans: number; uniqueDevices: number; listings: number; listingDevices: number; listingRate: number; tracedOrders: number | null };

/**
 * Scans in a future month of their own (no demo scans there): factory A's label seen 6 times by
 * 3 devices with 2 listings on day 1, 2 more views on day 2; factory B's label seen 4 times by
 * 4 devices with 1 listing on day 1.
 */
describe('scan statistics', () => {
  let t: TestApp;
  let w: LabelWorld;
  const day1 = addDays(today(), 40);
  const day2 = addDays(today(), 41);
  const from = day1;
  const to = addDays(today(), 42);
  let labelA: { id: string; code: string; slotId: string; skuId: string };
  let labelB: { id: string; code: string; slotId: string; skuId: string };

  beforeAll(async () => {
    t = await TestApp.start();
    w = await labelWorld(t);
    const given = new Given(t);
    const factoryB = t.demo.orgs.factoryB; // admitted at Zhengzhou too
    const skuB = await given.sku(factoryB, { code: 'STATS-B-1' });
    await new GivenPricing(t).priceSheet(w.venueId, factoryB, [{ skuId: skuB.id, tiers: [[1, 5000]], retail: 9000 }], { at: new Date(Date.now() - 60_000) });
    await givenAssignment(t, w.venueId, w.shelf.slots[4].id, skuB.id);
    const { createLabelPrintJob: job } = await t.ok(
      CREATE_JOB,
      { input: { venueId: w.venueId, templateId: w.template, format: 'ZPL', selection: { slotIds: [w.shelf.slots[0].id, w.shelf.slots[4].id] } } },
      'showroomStaff',
    );
    const labels = (await t.ok(LABELS, { filter: { jobId: job.id } }, 'showroomStaff')).labels.items as typeof labelA[];
    labelA = labels.find((l) => l.slotId === w.shelf.slots[0].id)!;
    labelB = labels.find((l) => l.slotId === w.shelf.slots[4].id)!;
    const rows: ScanEventRow[] = [];
    const add = (label: typeof labelA, factoryOrgId: string, day: string, minute: number, device: number, kind: 'VIEW' | 'LISTING' = 'VIEW') =>
      rows.push({
        occurredAt: new Date(startOfBusinessDay(day).getTime() + (10 * 60 + minute) * 60_000),
        kind,
        labelId: label.id,
        code: label.code,
        venueId: w.venueId,
        slotId: label.slotId,
        skuId: label.skuId,
        factoryOrgId,
        deviceHash: device.toString(16).padStart(32, '0'),
        labelState: 'CURRENT',
        exportFormat: kind === 'LISTING' ? 'JSON' : null,
      });
    const A = t.demo.orgs.factoryA;
    [1, 1, 2, 2, 3, 3].forEach((d, i) => add(labelA, A, day1, i, d));
    add(labelA, A, day1, 10, 1, 'LISTING');
    add(labelA, A, day1, 11, 2, 'LISTING');
    [1, 4].forEach((d, i) => add(labelA, A, day2, i, d));
    [5, 6, 7, 8].forEach((d, i) => add(labelB, factoryB, day1, i, d));
    add(labelB, factoryB, day1, 20, 5, 'LISTING');
    await t.app.get(ScanEventWriter).insert(rows);
  });
  afterAll(() => t.close());

  const stats = (caller: Caller, groupBy: string, range = { from, to }) => t.gql(STATS, { venueId: w.venueId, ...range, groupBy }, caller);
  const ok = async (caller: Caller, groupBy: string) => (await stats(caller, groupBy)).data!.scanStats as { scope: string; totals: Row; rows: Row[]; ordersTraceable: boolean };

  it('shows venue staff every SKU: scans, unique devices, listings and the listing rate', async () => {
    const s = await ok('operatorAdmin', 'SKU');
    expect(s.scope).toBe('VENUE');
    expect(s.totals).toMatchObject({ key: 'TOTAL', scans: 12, uniqueDevices: 8, listings: 3, listingDevices: 3, listingRate: 0.375, tracedOrders: null });
    expect(s.rows.map((r) => [r.key, r.scans, r.uniqueDevices, r.listings])).toEqual([
      [labelA.skuId, 8, 4, 2],
      [labelB.skuId, 4, 4, 1],
    ]);
    expect(s.rows[0].label).toContain(w.skus[0].code);
    expect(s.ordersTraceable).toBe(false);
  });

  it('groups by slot, factory and day', async () => {
    expect((await ok('showroomStaff', 'SLOT')).rows.map((r) => [r.label, r.scans])).toEqual([
      [w.shelf.slots[0].code, 8],
      [w.shelf.slots[4].code, 4],
    ]);
    expect((await ok('showroomStaff', 'FACTORY')).rows.map((r) => [r.key, r.scans])).toEqual([
      [t.demo.orgs.factoryA, 8],
      [t.demo.orgs.factoryB, 4],
    ]);
    expect((await ok('regionalManager', 'DAY')).rows.map((r) => [r.key, r.scans, r.uniqueDevices])).toEqual([
      [day1, 10, 7],
      [day2, 2, 2],
    ]);
  });

  it("shows a factory its own SKUs' figures only: factory B sees nothing of factory A's", async () => {
    const a = await ok('factoryAdmin', 'SKU');
    expect(a.scope).toBe('FACTORY');
    expect(a.rows.map((r) => r.key)).toEqual([labelA.skuId]);
    expect(a.totals).toMatchObject({ scans: 8, uniqueDevices: 4, listings: 2 });
    const b = await ok('factory2Admin', 'FACTORY');
    expect(b.rows.map((r) => r.key)).toEqual([t.demo.orgs.factoryB]);
    expect(b.totals).toMatchObject({ scans: 4, listings: 1 });
    const bySlot = await ok('factory2Admin', 'SLOT');
    expect(bySlot.rows.map((r) => r.label)).not.toContain(w.shelf.slots[0].code);
  });

  it('shows government viewers venue totals by day, never by slot, SKU or factory', async () => {
    const g = await ok('govViewer', 'DAY');
    expect(g.totals.scans).toBe(12);
    for (const groupBy of ['SLOT', 'SKU', 'FACTORY']) {
      const { errors, data } = await stats('govViewer', groupBy);
      expect(data).toBeNull();
      expect(errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it("refuses another venue's operator and a factory not admitted there (NOT_FOUND), and a bad period", async () => {
    expect((await t.fails(STATS, { venueId: w.venueId, from, to, groupBy: 'DAY' }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    const { admin } = await new Given(t).factory();
    expect((await t.fails(STATS, { venueId: w.venueId, from, to, groupBy: 'DAY' }, admin)).extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(STATS, { venueId: w.venueId, from: to, to: from, groupBy: 'DAY' }, null)).extensions.code).toBe('UNAUTHENTICATED');
    const error = await t.fails(STATS, { venueId: w.venueId, from: to, to: from, groupBy: 'DAY' }, 'operatorAdmin');
    expect(error.extensions.fields?.[0].path).toBe('to');
  });

  it('counts orders traced to a scan code once the sales area registers its order lines', async () => {
    const service = t.app.get(ScanStatsService);
    service.useOrderTrace({
      tracedOrderLines: async () => [
        { scanCode: labelA.code, orderId: 'order-1', placedAt: new Date(`${day1}T15:00:00+08:00`) },
        { scanCode: labelA.code, orderId: 'order-1', placedAt: new Date(`${day1}T15:00:00+08:00`) },
        { scanCode: labelB.code, orderId: 'order-2', placedAt: new Date(`${day2}T09:00:00+08:00`) },
      ],
    });
    try {
      const s = await ok('operatorAdmin', 'SKU');
      expect(s.ordersTraceable).toBe(true);
      expect(s.totals.tracedOrders).toBe(2);
      expect(s.rows.map((r) => [r.key, r.tracedOrders])).toEqual([
        [labelA.skuId, 1],
        [labelB.skuId, 1],
      ]);
      expect((await ok('factoryAdmin', 'SKU')).totals.tracedOrders).toBe(1);
    } finally {
      service.useOrderTrace(null);
    }
  });
});
