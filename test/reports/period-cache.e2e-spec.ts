import { addDays, today } from '@xp/core';
import { ReportsService, RollupsService } from '@xp/reports';
import { StockAgeService } from '@xp/stock';
import { splitAtToday } from '../../libs/reports/src/activity';
import { forgetHeldPeriods } from '../../libs/reports/src/period-cache';
import { warmUpPeriods } from '../../libs/reports/src/reports.rules';
import { GivenActivity } from '../support/given';
import { TestApp } from '../support/test-app';
import { at, buildScenario, PERIOD, Scenario } from './scenario';

/**
 * A closed period's activity is kept (report_period_cache) and answered from there until a write
 * into one of its days (or to the slots its sales are credited by) bumps a venue's version; a
 * period that includes today is never kept. The kept figures are proven to be read by altering
 * them in place: a report that shows the altered number took it from the cache.
 */
describe('closed periods: figures kept until a write into their days', () => {
  let t: TestApp;
  let s: Scenario;
  let reports: ReportsService;
  let activity: GivenActivity;

  beforeAll(async () => {
    t = await TestApp.start();
    s = await buildScenario(t);
    reports = t.app.get(ReportsService);
    activity = new GivenActivity(t);
  }, 180_000);
  afterAll(() => t.close());

  const kept = async (): Promise<{ part: string; venues: number; from: string; to: string }[]> =>
    t.dataSource.query(
      `SELECT part, cardinality(venue_ids) AS venues, to_char(from_day, 'YYYY-MM-DD') AS "from", to_char(to_day, 'YYYY-MM-DD') AS "to"
       FROM report_period_cache ORDER BY part, cardinality(venue_ids), from_day`,
    );

  /**
   * Adds `by` to the kept scans of the venue's flows for a period (P by default; the cache altered
   * in place, and this process's copies of kept bodies forgotten so that the row is read again).
   */
  const alterKeptScans = async (by: number, period: { from: string; to: string } = PERIOD, forget = true) => {
    if (forget) forgetHeldPeriods();
    await t.dataSource.query(
      `UPDATE report_period_cache c
       SET body = jsonb_set(c.body, '{values}', (
         SELECT jsonb_agg(CASE WHEN f->>0 = $1::text THEN jsonb_set(f, '{1,scans}', to_jsonb((f->1->>'scans')::int + $4)) ELSE f END)
         FROM jsonb_array_elements(c.body->'values') f))
       WHERE part = 'headlines' AND venue_ids = ARRAY[$1::uuid] AND from_day = $2 AND to_day = $3`,
      [s.venue.id, period.from, period.to, by],
    );
  };

  const strip = <T extends { generatedAt: Date }>(r: T) => ({ ...r, generatedAt: null });

  it('keeps the figures of a closed period (both periods of a report) and answers from them, read once per process and version', async () => {
    const ctx = await t.contextFor('platformAdmin');
    const first = await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to);
    expect(await kept()).toEqual([
      { part: 'factory-totals', venues: 1, from: '2026-01-29', to: PERIOD.from },
      { part: 'headlines', venues: 1, from: '2026-01-29', to: PERIOD.from },
      { part: 'headlines', venues: 1, from: PERIOD.from, to: PERIOD.to },
      { part: 'sku-totals', venues: 1, from: '2026-01-29', to: PERIOD.from },
      { part: 'slot-rows', venues: 1, from: '2026-01-29', to: PERIOD.from },
      { part: 'slot-rows', venues: 1, from: PERIOD.from, to: PERIOD.to },
      { part: 'tops', venues: 1, from: PERIOD.from, to: PERIOD.to },
    ]);
    await alterKeptScans(1000);
    const second = await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to);
    expect(second.headline.scans.value).toBe(first.headline.scans.value + 1000);
    // The process holds what it read at that version: a change in place (never made by a write,
    // which bumps the version) is not read again until it forgets.
    await alterKeptScans(1, PERIOD, false);
    expect((await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to)).headline.scans.value).toBe(first.headline.scans.value + 1000);
    forgetHeldPeriods();
    expect((await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to)).headline.scans.value).toBe(first.headline.scans.value + 1001);
    // The raw figures are never kept nor read from what is kept.
    const raw = await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to, { raw: true });
    expect(strip(raw)).toEqual(strip(first));
  });

  it('forgets it when a late scan lands in one of its days, and keeps the new figures', async () => {
    const ctx = await t.contextFor('platformAdmin');
    const before = await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to, { raw: true });
    await alterKeptScans(1000);
    await activity.scans(s.labels.l2.id, at('2026-03-16T10:00:00'), ['late-1', 'late-2']);
    const after = await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to);
    expect(after.headline.scans.value).toBe(before.headline.scans.value + 2);
    expect(after.headline.uniqueDevices.value).toBe(before.headline.uniqueDevices.value + 2);
    expect(strip(after)).toEqual(strip(await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to, { raw: true })));
  });

  it('forgets it when a backdated movement forgets a kept stock end, a slot, an assignment, an admission or a label instant changes', async () => {
    const ctx = await t.contextFor('platformAdmin');
    const version = async () =>
      Number((await t.dataSource.query('SELECT xp_report_closed_version(ARRAY[$1::uuid]) AS version', [s.venue.id]))[0].version);
    await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to);
    const v0 = await version();
    await activity.movement(s.venue.id, s.skus.k4.id, 'WRITE_OFF', 1, { at: at('2026-03-18T15:00:00') });
    const v1 = await version();
    expect(v1).toBeGreaterThan(v0);
    const s9 = await activity.slot(s.venue.id, { code: 'Z-09-1', activeFrom: '2026-02-01' });
    const v2 = await version();
    expect(v2).toBeGreaterThan(v1);
    await activity.assignment(s9.id, s.skus.k2.id, '2026-03-01', '2026-03-10');
    expect(await version()).toBeGreaterThan(v2);
    await alterKeptScans(1000);
    const cached = await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to);
    expect(strip(cached)).toEqual(strip(await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to, { raw: true })));
    // Rows a closed headline reads as they stand: an admission's status, a label's instants.
    const v4 = await version();
    await t.dataSource.query(`UPDATE venue_factories SET status = 'SUSPENDED', suspended_at = now() WHERE venue_id = $1 AND factory_org_id = $2`, [s.venue.id, s.factories.f5.org.id]);
    const v5 = await version();
    expect(v5).toBeGreaterThan(v4);
    await t.dataSource.query('UPDATE labels SET stale_scans = stale_scans + 1 WHERE id = $1', [s.labels.l3.id]);
    expect(await version()).toBe(v5); // a stale view counted: no instant the report reads
    await t.dataSource.query(`UPDATE labels SET posted_at = posted_at + interval '1 minute' WHERE id = $1`, [s.labels.l3.id]);
    expect(await version()).toBeGreaterThan(v5);
    expect(strip(await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to))).toEqual(
      strip(await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to, { raw: true })),
    );
    // Folding the appended changes (the rollup job, every minute) leaves every version as it was,
    // and what was kept at it is still read.
    const v6 = await version();
    await t.dataSource.query('SELECT xp_report_closed_fold()');
    expect(await t.count('report_closed_changes')).toBe(0);
    expect(await version()).toBe(v6);
    await alterKeptScans(1000);
    expect((await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to)).headline.scans.value).toBe(
      (await reports.venueReport(ctx, s.venue.id, PERIOD.from, PERIOD.to, { raw: true })).headline.scans.value + 1000,
    );
    // A write into today changes no closed day: the versions stay.
    const v3 = await version();
    await activity.scans(s.labels.l2.id, new Date(), ['today-1']);
    expect(await version()).toBe(v3);
  });

  it('lets two writers of one venue bump its version without waiting for each other', async () => {
    const first = t.dataSource.createQueryRunner();
    const second = t.dataSource.createQueryRunner();
    try {
      await first.startTransaction();
      await first.query(`UPDATE slots SET code = code WHERE venue_id = $1`, [s.venue.id]);
      await second.startTransaction();
      await second.query(`SET LOCAL lock_timeout = '2s'`);
      await second.query(`UPDATE zones SET code = code WHERE venue_id = $1`, [s.venue.id]);
      await second.commitTransaction();
      await first.commitTransaction();
    } finally {
      await first.release();
      await second.release();
    }
  });

  it('never keeps a period that includes today, and keeps a region and a factory report by their own keys', async () => {
    const ctx = await t.contextFor('platformAdmin');
    await t.dataSource.query('DELETE FROM report_period_cache');
    const to = addDays(today(), 1);
    const from = addDays(to, -30);
    await reports.venueReport(ctx, s.venue.id, from, to);
    expect((await kept()).filter((k) => k.to === to)).toEqual([]);
    await reports.regionReport(ctx, s.region.id, PERIOD.from, PERIOD.to);
    await reports.factoryReport(ctx, s.factories.f1.org.id, PERIOD.from, PERIOD.to);
    const parts = await kept();
    expect(parts.filter((k) => k.from === PERIOD.from && k.to === PERIOD.to).map((k) => [k.part.replace(/:.*/, ':id'), k.venues])).toEqual([
      ['factory-flows:id', 2],
      ['headlines', 2],
    ]);
    const region = await reports.regionReport(ctx, s.region.id, PERIOD.from, PERIOD.to);
    const factory = await reports.factoryReport(ctx, s.factories.f1.org.id, PERIOD.from, PERIOD.to);
    expect(strip(region)).toEqual(strip(await reports.regionReport(ctx, s.region.id, PERIOD.from, PERIOD.to, { raw: true })));
    expect(strip(factory)).toEqual(strip(await reports.factoryReport(ctx, s.factories.f1.org.id, PERIOD.from, PERIOD.to, { raw: true })));
  });

  it('reads a period running into today as its kept closed days plus today, a device of both counted once', async () => {
    const ctx = await t.contextFor('platformAdmin');
    await t.dataSource.query('DELETE FROM report_period_cache');
    const to = addDays(today(), 1);
    const from = addDays(today(), -40);
    const closed = { from, to: today() };
    const split = splitAtToday({ from, to, days: 41 }, new Date()) !== null; // not in the day's first ten minutes
    await activity.scans(s.labels.l2.id, at(`${addDays(today(), -1)}T10:00:00`), ['split-a', 'split-b']);
    // SKUs on display: one shown since five days ago, one put up today (at both venues: once in all).
    const t1 = await activity.slot(s.venue.id, { code: 'T-01-1', activeFrom: addDays(today(), -50) });
    const t2 = await activity.slot(s.venue.id, { code: 'T-02-1', activeFrom: addDays(today(), -50) });
    const t3 = await activity.slot(s.second.venue.id, { code: 'T-03-1', activeFrom: addDays(today(), -50) });
    await activity.assignment(t1.id, s.skus.k1.id, addDays(today(), -5), addDays(today(), 3));
    await activity.assignment(t2.id, s.skus.k3.id, today(), null);
    await activity.assignment(t3.id, s.skus.k3.id, today(), null);
    const raw = () => reports.venueReport(ctx, s.venue.id, from, to, { raw: true });
    const first = await reports.venueReport(ctx, s.venue.id, from, to);
    expect(strip(first)).toEqual(strip(await raw()));
    expect(first.headline.skusOnDisplay.value).toBeGreaterThanOrEqual(2);
    expect((await kept()).filter((k) => k.from === closed.from && k.to === closed.to).map((k) => k.part)).toEqual(
      split ? ['factory-totals', 'headlines', 'sku-totals', 'slot-rows'] : [],
    );
    const versionsOf = () => t.dataSource.query('SELECT xp_report_closed_version(ARRAY[$1::uuid]) AS a, xp_report_closed_version(ARRAY[$2::uuid]) AS b', [s.venue.id, s.second.venue.id]);
    const versions = await versionsOf();
    await activity.scans(s.labels.l2.id, new Date(), ['split-a', 'split-c']);
    expect(await versionsOf()).toEqual(versions);
    const second = await reports.venueReport(ctx, s.venue.id, from, to);
    expect(second.headline.scans.value).toBe(first.headline.scans.value + 2);
    expect(second.headline.uniqueDevices.value).toBe(first.headline.uniqueDevices.value + 1);
    expect(strip(second)).toEqual(strip(await raw()));
    const region = await reports.regionReport(ctx, s.region.id, from, to);
    expect(strip(region)).toEqual(strip(await reports.regionReport(ctx, s.region.id, from, to, { raw: true })));
    if (split) {
      await alterKeptScans(1000, closed);
      expect((await reports.venueReport(ctx, s.venue.id, from, to)).headline.scans.value).toBe(second.headline.scans.value + 1000);
    }
  });

  it('makes the usual periods of every venue and region each morning, once a day, so the first report of the day is kept already', async () => {
    const rollups = t.app.get(RollupsService);
    await t.dataSource.query('DELETE FROM report_period_cache');
    const noon = at(`${today()}T12:00:00`);
    expect(await rollups.warmUp(at(`${today()}T00:05:00`))).toBe(0); // before ten past midnight: not yet
    const [{ venues, regions }] = await t.dataSource.query('SELECT count(*)::int AS venues, count(DISTINCT region_id)::int AS regions FROM venues');
    const periods = warmUpPeriods(today());
    expect(await rollups.warmUp(noon)).toBe(periods.length * (venues + regions));
    expect(await rollups.warmUp(noon)).toBe(0); // once a day
    const lastMonth = periods[1];
    const keptLastMonth = (await kept()).filter((k) => k.part === 'headlines' && k.from === lastMonth.from && k.to === lastMonth.to);
    expect(keptLastMonth.filter((k) => k.venues === 1)).toHaveLength(venues);
    expect(keptLastMonth.length).toBeGreaterThan(venues); // and each region's set of venues
  });

  it("ages today's stock from yesterday's kept day end: receipts crossing the 30- and 90-day lines change buckets as the lots say", async () => {
    const ctx = await t.contextFor('platformAdmin');
    const stockAge = t.app.get(StockAgeService);
    // Receipts of a SKU not moved today on each side of both lines (today's 0–30 window starts 30
    // days back, yesterday's 31; the 31–90 one 90 and 91), and another SKU received and written off today.
    for (const back of [92, 91, 90, 89, 32, 31, 30, 29, 1]) {
      await activity.movement(s.venue.id, s.skus.k3.id, 'CONSIGN_IN', 100 + back, { at: at(`${addDays(today(), -back)}T10:00:00`) });
    }
    await activity.movement(s.venue.id, s.skus.k2.id, 'CONSIGN_IN', 40, { at: new Date(Date.now() - 60_000) });
    await activity.movement(s.venue.id, s.skus.k2.id, 'WRITE_OFF', 15, { at: new Date(Date.now() - 30_000) });
    const to = addDays(today(), 1);
    const from = addDays(today(), -7);
    await reports.venueReport(ctx, s.venue.id, from, to); // keeps yesterday's day end
    const report = await reports.venueReport(ctx, s.venue.id, from, to);
    const lots = await stockAge.totals(ctx, { venueId: s.venue.id, asOf: today() });
    const yesterday = await stockAge.totals(ctx, { venueId: s.venue.id, asOf: addDays(today(), -1) });
    expect({ days0To30: report.stockAge.days0To30.value, days31To90: report.stockAge.days31To90.value, over90: report.stockAge.over90.value }).toEqual({
      days0To30: lots.days0To30,
      days31To90: lots.days31To90,
      over90: lots.over90,
    });
    expect(lots).not.toEqual(yesterday); // the lines moved something
    expect(strip(report)).toEqual(strip(await reports.venueReport(ctx, s.venue.id, from, to, { raw: true })));
  });

  it('refuses to keep a period that has not been closed for ten minutes (the database checks it too)', async () => {
    await expect(
      t.dataSource.query(
        `INSERT INTO report_period_cache (part, venue_ids, from_day, to_day, version, body)
         VALUES ('activity', ARRAY[$1::uuid], $2, $3, 0, '{}')`,
        [s.venue.id, addDays(today(), -3), addDays(today(), 1)],
      ),
    ).rejects.toThrow(/report_period_cache_closed_check/);
  });
});
