import { TestApp } from '../support/test-app';

/** The labels and scans part of the demo: printed labels, one stale after a newer price, a walk, weeks of scans. */
describe('the labels and scans demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it("has zone A's labels printed and posted, the emptied slots' labels taken down, and one label stale after a newer price", async () => {
    const { labelPrintJobs } = await t.ok(
      'query($v: ID!) { labelPrintJobs(filter: { venueId: $v }) { total items { status format labelCount fileName template { code } } } }',
      { v: t.demo.venues.zz },
      'showroomStaff',
    );
    expect(labelPrintJobs.total).toBeGreaterThanOrEqual(2);
    expect(labelPrintJobs.items.every((j: { status: string }) => j.status === 'DONE')).toBe(true);
    const { staleLabels } = await t.ok(
      `query($v: ID!) { staleLabels(venueId: $v) { staleCount awaitingPostingCount
         zones { zoneCode shelves { shelfCode stale { slotCode skuCode label { staleReason staleScans } } } } } }`,
      { v: t.demo.venues.zz },
      'showroomStaff',
    );
    expect(staleLabels.staleCount).toBe(1);
    expect(staleLabels.awaitingPostingCount).toBe(0);
    const [shelf] = staleLabels.zones[0].shelves;
    expect(shelf.shelfCode).toBe('A-01');
    expect(shelf.stale[0].label.staleReason).toBe('PRICE_CHANGED');
    expect(shelf.stale[0].label.staleScans).toBeGreaterThan(0);
    const retired = await t.count('labels', `venue_id = $1 AND status = 'RETIRED'`, [t.demo.venues.zz]);
    expect(retired).toBe(2);
  });

  it('recorded a verify walk along A-01 that found the stale label', async () => {
    const { labelWalks } = await t.ok(
      'query($v: ID!) { labelWalks(filter: { venueId: $v }) { total items { status labelsChecked staleFound currentFound checks { result } } } }',
      { v: t.demo.venues.zz },
      'showroomStaff',
    );
    expect(labelWalks.total).toBe(1);
    expect(labelWalks.items[0]).toMatchObject({ status: 'FINISHED', labelsChecked: 4, staleFound: 1, currentFound: 3 });
  });

  it('has three weeks of scans and listings for scanStats', async () => {
    const from = new Date(Date.now() - 21 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const { scanStats } = await t.ok(
      'query($v: ID!, $from: Date!, $to: Date!) { scanStats(venueId: $v, from: $from, to: $to, groupBy: DAY) { totals { scans uniqueDevices listings } rows { key scans } } }',
      { v: t.demo.venues.zz, from, to },
      'operatorAdmin',
    );
    expect(scanStats.totals.scans).toBeGreaterThan(100);
    expect(scanStats.totals.listings).toBeGreaterThan(10);
    expect(scanStats.totals.uniqueDevices).toBeGreaterThan(20);
    expect(scanStats.rows.length).toBeGreaterThanOrEqual(15);
  });
});
