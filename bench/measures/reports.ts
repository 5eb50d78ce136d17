import { performance } from 'node:perf_hooks';
import { gql, login } from '../lib/api';
import { Dataset } from '../lib/cluster';
import { Measure, MeasureContext, Result, result, withClient } from '../lib/measure';
import { startServer, ServerHandle } from '../lib/processes';
import { growthClass, growthExponent, median, percentile } from '../lib/stats';
import { tableExists } from '../generate/sql';

const COUNT = '{ value previous change changeRate }';
const MONEY = '{ value previous change changeRate }';
const FLOAT = '{ value previous change }';
const HEADLINE = `{
  occupiedSlotDays ${COUNT} availableSlotDays ${COUNT} occupancyRate ${FLOAT} scans ${COUNT} listings ${COUNT}
  uniqueDevices ${COUNT} orders ${COUNT} unitsSold ${COUNT} gmv ${MONEY} unitsReturned ${COUNT} returnedAmount ${MONEY}
  returnRate ${FLOAT} spread ${MONEY} staleLabels ${COUNT} admittedFactories ${COUNT} newFactories ${COUNT}
  activeFactories ${COUNT} skusOnDisplay ${COUNT} stockUnits ${COUNT} stockValue ${MONEY} unpricedStockUnits ${COUNT}
  priceSheetsPending ${COUNT} priceSheetsDecided ${COUNT} medianHoursToDecision ${FLOAT}
}`;

/** Every field of the venue report, as the console's report page asks for it. */
export const VENUE_REPORT_QUERY = `
  query VenueReport($venueId: ID!, $from: Date!, $to: Date!) {
    venueReport(venueId: $venueId, from: $from, to: $to) {
      view generatedAt venue { id code name city }
      period { from to days } previousPeriod { from to days }
      headline ${HEADLINE}
      stockAge { days0To30 ${COUNT} days31To90 ${COUNT} over90 ${COUNT} }
      slotPerformance {
        scansPerOccupiedSlotDay ${FLOAT} unitsPerOccupiedSlotDay ${FLOAT} gmvPerOccupiedSlotDay ${MONEY}
        weakestSlots { slotId slotCode zoneCode occupiedDays scans unitsSold gmv scansPerOccupiedDay ${FLOAT} unitsPerOccupiedDay ${FLOAT} }
      }
      topFactoriesByScans { rank factory { id name } scans ${COUNT} gmv ${MONEY} unitsSold ${COUNT} }
      topFactoriesByGmv { rank factory { id name } scans ${COUNT} gmv ${MONEY} unitsSold ${COUNT} }
      topSkusByScans { rank skuId skuCode title factory { id name } scans ${COUNT} gmv ${MONEY} unitsSold ${COUNT} }
      topSkusByGmv { rank skuId skuCode title factory { id name } scans ${COUNT} gmv ${MONEY} unitsSold ${COUNT} }
    }
  }`;

export const REGION_REPORT_QUERY = `
  query RegionReport($regionId: ID!, $from: Date!, $to: Date!) {
    regionReport(regionId: $regionId, from: $from, to: $to) {
      generatedAt region { id code name } period { from to days } previousPeriod { from to days }
      venues { venue { id code name city } headline ${HEADLINE} }
      totals ${HEADLINE}
    }
  }`;

interface Figure {
  value: number | string | null;
}
interface VenueReportData {
  venueReport: { headline: { scans: Figure; uniqueDevices: Figure; gmv: Figure }; topSkusByScans: unknown[] | null };
}
interface RegionReportData {
  regionReport: { venues: unknown[]; totals: { scans: Figure; uniqueDevices: Figure } };
}

interface Setup {
  venueId: string;
  regionId: string;
  regionVenues: number;
  from: string;
  to: string;
  token: string;
}

/**
 * A year: the 365 business days up to and including today (today is always read from the raw
 * rows, the rest from the rollups), beside the 365 days before it. At the second venue and its
 * region: the scan-page measure scans the first venue's labels, tens of thousands of views in a
 * few seconds, which would make its today a hundred times a normal day.
 */
async function setup(dataset: Dataset, api: ServerHandle): Promise<Setup> {
  const row = await withClient(dataset.url, async (c) => {
    const { rows } = await c.query(
      `SELECT v.id AS "venueId", v.region_id AS "regionId",
              (SELECT count(*) FROM venues w WHERE w.region_id = v.region_id)::int AS "regionVenues",
              ((now() AT TIME ZONE 'Asia/Shanghai')::date - 364)::text AS "from",
              ((now() AT TIME ZONE 'Asia/Shanghai')::date + 1)::text AS "to"
       FROM venues v WHERE v.id = (SELECT id FROM bench.venues WHERE n = 2)`,
    );
    return rows[0] as Omit<Setup, 'token'>;
  });
  return { ...row, token: await login(api.base, 'platform.admin@bench.xuanpin.test') };
}

/**
 * The state a first request sees: the days written since the dataset was (bench runs write scans
 * and orders) rolled up, as the API's job does every minute for closed days; no stock kept at
 * the end of any day yet (report_stock_end_days, made by the first report that needs a day) and no
 * closed period's activity kept (report_period_cache): the first report of a day.
 */
async function refresh(dataset: Dataset): Promise<number> {
  return withClient(dataset.url, async (c) => {
    const days = Number((await c.query(`SELECT xp_report_refresh((now() AT TIME ZONE 'Asia/Shanghai')::date) AS days`)).rows[0].days);
    if (await tableExists(c, 'report_stock_end_days')) await c.query('DELETE FROM report_stock_end_days');
    if (await tableExists(c, 'report_period_cache')) await c.query('DELETE FROM report_period_cache');
    return days;
  });
}

/** Warm requests per report (BENCH_REPORT_TIMES overrides, for quick looks at slow code). */
function reportTimes(fallback: number): number {
  const n = Number(process.env.BENCH_REPORT_TIMES);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

const venueReport = (api: ServerHandle, s: Setup) => () =>
  gql<VenueReportData>(api.base, VENUE_REPORT_QUERY, { venueId: s.venueId, from: s.from, to: s.to }, s.token);
const regionReport = (api: ServerHandle, s: Setup) => () =>
  gql<RegionReportData>(api.base, REGION_REPORT_QUERY, { regionId: s.regionId, from: s.from, to: s.to }, s.token);
const bareVenue = (bare: ServerHandle, s: Setup) => async () =>
  (await fetch(`${bare.base}/bare/report?venues=${s.venueId}&from=${s.from}&to=${s.to}`)).json() as Promise<{ scans: number }>;
const bareRegion = (bare: ServerHandle, s: Setup) => async () =>
  (await fetch(`${bare.base}/bare/report?region=${s.regionId}&from=${s.from}&to=${s.to}`)).json() as Promise<{ scans: number }>;

interface Timings {
  cold: number;
  warm: number[];
  /** Statements of the first request. */
  statements: number;
  /** Statements and API CPU (ms) per warm request. */
  warmStatements: number;
  warmCpuMs: number;
}

/** A fresh API process (no connection, plan or catalog cache yet): the first request, then `times` more. */
async function timeReport(dataset: Dataset, run: (api: ServerHandle, s: Setup) => () => Promise<unknown>, times: number): Promise<Timings & { s: Setup; first: unknown }> {
  const api = await startServer('api', dataset.url);
  try {
    const s = await setup(dataset, api);
    const before = await api.statements();
    const first = await timed(run(api, s));
    const statements = (await api.statements()) - before;
    const [warmBefore, cpuBefore] = [await api.statements(), await api.cpuMs()];
    const warm: number[] = [];
    for (let i = 0; i < times; i++) warm.push((await timed(run(api, s))).ms);
    const warmStatements = ((await api.statements()) - warmBefore) / times;
    const warmCpuMs = ((await api.cpuMs()) - cpuBefore) / times;
    return { cold: first.ms, warm, statements, warmStatements, warmCpuMs, s, first: first.value };
  } finally {
    await api.stop();
  }
}

async function timeBare(dataset: Dataset, s: Setup, times: number) {
  const bare = await startServer('bare', dataset.url);
  try {
    const venueCold = await timed(bareVenue(bare, s));
    const regionCold = await timed(bareRegion(bare, s));
    const venue: number[] = [];
    const region: number[] = [];
    for (let i = 0; i < times; i++) {
      venue.push((await timed(bareVenue(bare, s))).ms);
      region.push((await timed(bareRegion(bare, s))).ms);
    }
    return { venueCold: venueCold.ms, regionCold: regionCold.ms, venue: median(venue), region: median(region), venueScans: venueCold.value.scans, regionScans: regionCold.value.scans };
  } finally {
    await bare.stop();
  }
}

export interface ReportCosts {
  venue: Timings;
  region: Timings;
  bare: Awaited<ReturnType<typeof timeBare>>;
  scans: number;
  devices: number;
  setup: Setup;
}

export async function reportCosts(dataset: Dataset, times: number, log: (line: string) => void): Promise<ReportCosts> {
  const refreshed = await refresh(dataset);
  if (refreshed) log(`reports: ${refreshed} venue-days rolled up before timing`);
  const venue = await timeReport(dataset, venueReport, times);
  const region = await timeReport(dataset, regionReport, times);
  const v = (venue.first as VenueReportData).venueReport;
  const r = (region.first as RegionReportData).regionReport;
  if (!v.topSkusByScans?.length) throw new Error('the venue report has no top SKUs: the dataset has no scans at the venue in the year');
  const bare = await timeBare(dataset, venue.s, times);
  const scans = Number(v.headline.scans.value);
  if (scans !== bare.venueScans || Number(r.totals.scans.value) !== bare.regionScans) {
    throw new Error(`the reports and the hand-written aggregate disagree on scans (${scans} vs ${bare.venueScans}; region ${r.totals.scans.value} vs ${bare.regionScans})`);
  }
  return { venue, region, bare, scans, devices: Number(v.headline.uniqueDevices.value), setup: venue.s };
}

/**
 * A year's venueReport and a regionReport (every field, beside the previous year) through the
 * API as a platform admin, cold (the first request of a fresh API process) and warm (median of
 * the next ones), against one hand-written aggregate over the same days (the sums of the daily
 * rollups, dirty days from the raw rows) through pg on bare Fastify.
 */
export const reportsMeasure: Measure = {
  name: 'reports',
  requires: ['report_venue_days', 'report_device_days', 'scan_events', 'sales_orders'],
  async run(ctx: MeasureContext): Promise<Result[]> {
    const times = reportTimes(ctx.dataset.scale === 'full' ? 15 : 10);
    const c = await reportCosts(ctx.dataset, times, ctx.log);
    const scale = ctx.dataset.scale;
    const ceilingName = 'one hand-written aggregate of the same days through pg (sums of the daily rollups)';
    const period = `${c.setup.from} to ${c.setup.to} (exclusive) beside the 365 days before`;
    ctx.log(`reports: venue cold ${c.venue.cold.toFixed(0)} ms, warm ${median(c.venue.warm).toFixed(0)} ms; region cold ${c.region.cold.toFixed(0)} ms, warm ${median(c.region.warm).toFixed(0)} ms`);
    const target = { on: 'value' as const, op: '<' as const, limit: 100, text: 'year venue report < 100 ms' };
    return [
      result({
        name: "reports: a year's venue report, warm",
        value: median(c.venue.warm),
        unit: 'ms',
        better: 'lower',
        ceiling: c.bare.venue,
        ceilingName,
        target,
        scale,
        note:
          `${period}; median of ${times} (p90 ${percentile(c.venue.warm, 90).toFixed(0)} ms); ${c.scans} scans and ${c.devices} unique devices in the year; ` +
          `${c.venue.statements} SQL statements cold, ${c.venue.warmStatements.toFixed(0)} warm; API CPU ${c.venue.warmCpuMs.toFixed(1)} ms per warm request`,
      }),
      result({
        name: "reports: a year's venue report, cold",
        value: c.venue.cold,
        unit: 'ms',
        better: 'lower',
        ceiling: c.bare.venueCold,
        ceilingName,
        target,
        scale,
        note:
          'the first request of a fresh API process (new connections: no plan or catalog cache), rollups current for every closed day, ' +
          'no stock kept at any day end yet (the report makes the two it needs), no closed period kept (the previous year is kept by it); ' +
          'PostgreSQL\'s buffers not emptied; the ceiling is its first query too',
      }),
      result({
        name: "reports: a year's region report, warm",
        value: median(c.region.warm),
        unit: 'ms',
        better: 'lower',
        ceiling: c.bare.region,
        ceilingName,
        scale,
        note: `${c.setup.regionVenues} venues side by side with the region's totals (devices once across venues); median of ${times}; ${c.region.statements} SQL statements cold, ${c.region.warmStatements.toFixed(0)} warm; API CPU ${c.region.warmCpuMs.toFixed(1)} ms per warm request`,
      }),
      result({
        name: "reports: a year's region report, cold",
        value: c.region.cold,
        unit: 'ms',
        better: 'lower',
        ceiling: c.bare.regionCold,
        ceilingName,
        scale,
      }),
    ];
  },
};

/** The warm venue and region reports at 1/100 and at 1/10: how they grow with the scans and orders behind them. */
export const reportsGrowthMeasure: Measure = {
  name: 'reports growth',
  requires: ['report_venue_days', 'report_device_days', 'scan_events', 'sales_orders'],
  fullOnly: true,
  async run(ctx: MeasureContext): Promise<Result[]> {
    if (!ctx.smallDataset) throw new Error('growth needs the 1/100 dataset');
    const small = await reportCosts(ctx.smallDataset, reportTimes(10), ctx.log);
    const large = await reportCosts(ctx.dataset, reportTimes(10), ctx.log);
    const factor = large.scans / small.scans;
    const out: Result[] = [];
    for (const which of ['venue', 'region'] as const) {
      const a = median(small[which].warm);
      const b = median(large[which].warm);
      const k = growthExponent(a, b, factor);
      out.push(
        result({
          name: `growth: ${which} report (a year, warm), 1/100 → 1/10`,
          value: b,
          unit: 'ms',
          better: 'lower',
          ceiling: a,
          ceilingName: 'the same report on the 1/100 dataset',
          target: { on: 'value', op: '<', limit: a * factor ** 1.25, text: 'flat or near-linear (exponent ≤ 1.25)' },
          scale: 'full',
          note: `scans in the venue's year ${small.scans} → ${large.scans} (×${factor.toFixed(0)}); median ${a.toFixed(1)} → ${b.toFixed(1)} ms, exponent ${k.toFixed(2)} (${growthClass(k)})`,
        }),
      );
    }
    return out;
  },
};
