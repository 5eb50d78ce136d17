import { performance } from 'node:perf_hooks';
import { Dataset } from '../lib/cluster';
import { load } from '../lib/load';
import { Measure, MeasureContext, Result, result, withClient } from '../lib/measure';
import { startServer } from '../lib/processes';
import { growthClass, growthExponent, median } from '../lib/stats';

const CONNECTIONS = 50;
const LABELS = 1000;

/** Live labels of the first venue, spread over its shelves: the codes buyers scan. */
async function liveLabels(dataset: Dataset): Promise<{ code: string; id: string }[]> {
  return withClient(dataset.url, async (c) => {
    const { rows } = await c.query(
      `SELECT code, id FROM labels
       WHERE venue_id = (SELECT id FROM bench.venues WHERE n = 1) AND status <> 'RETIRED'
       ORDER BY md5(code) LIMIT ${LABELS}`,
    );
    return rows as { code: string; id: string }[];
  });
}

async function scanEventCount(dataset: Dataset): Promise<number> {
  return withClient(dataset.url, async (c) => Number((await c.query('SELECT count(*) AS n FROM scan_events')).rows[0].n));
}

/**
 * The public scan page (GET /s/:code, the real API process: label lookup with live staleness,
 * the price in force, the page, the scan event buffered) at 50 connections over 1,000 live
 * labels, against a bare Fastify handler doing one primary-key SELECT of the label through pg,
 * in the same process layout.
 */
export const scanPageMeasure: Measure = {
  name: 'scan page',
  requires: ['labels', 'scan_events'],
  async run(ctx: MeasureContext): Promise<Result[]> {
    const labels = await liveLabels(ctx.dataset);
    if (labels.length === 0) throw new Error('no live labels to scan');
    const api = await startServer('api', ctx.dataset.url);
    const bare = await startServer('bare', ctx.dataset.url);
    try {
      const page = await fetch(`${api.base}/s/${labels[0].code}`);
      const html = await page.text();
      if (page.status !== 200 || !html.includes(labels[0].code.slice(0, 4))) throw new Error(`the scan page answered ${page.status}`);
      const before = await scanEventCount(ctx.dataset);
      const paths = labels.map((l) => `/s/${l.code}`);
      let apiCpu = 0;
      const apiLoad = await load({
        url: `${api.base}/s/`,
        paths,
        connections: CONNECTIONS,
        seconds: ctx.loadSeconds,
        warmupSeconds: ctx.warmupSeconds,
        beforeMeasuring: async () => void (apiCpu = await api.cpuMs()),
      });
      apiCpu = ((await api.cpuMs()) - apiCpu) / apiLoad.total;
      await new Promise((r) => setTimeout(r, 500)); // the writer flushes every 250 ms
      const recorded = (await scanEventCount(ctx.dataset)) - before;
      let bareCpu = 0;
      const bareLoad = await load({
        url: `${bare.base}/bare/pk/labels/`,
        paths: labels.map((l) => `/bare/pk/labels/${l.id}`),
        connections: CONNECTIONS,
        seconds: ctx.loadSeconds,
        warmupSeconds: ctx.warmupSeconds,
        beforeMeasuring: async () => void (bareCpu = await bare.cpuMs()),
      });
      bareCpu = ((await bare.cpuMs()) - bareCpu) / bareLoad.total;
      ctx.log(`scan page: ${apiLoad.requestsPerSecond.toFixed(0)} req/s, ceiling ${bareLoad.requestsPerSecond.toFixed(0)} req/s; ${recorded} scan events recorded`);
      const scale = ctx.dataset.scale;
      const ceilingName = 'bare Fastify, one primary-key SELECT of the label through pg';
      return [
        result({
          name: 'scan page: throughput at 50 connections',
          value: apiLoad.requestsPerSecond,
          unit: 'req/s',
          better: 'higher',
          ceiling: bareLoad.requestsPerSecond,
          ceilingName,
          target: { on: 'ratio', op: '>=', limit: 0.6, text: '≥ 60 % of the ceiling' },
          scale,
          note:
            `${LABELS} live labels in turn, ${ctx.loadSeconds} s; ${recorded} scan events written (every view is recorded); ` +
            `server CPU per request ${apiCpu.toFixed(2)} ms vs ${bareCpu.toFixed(2)} ms`,
        }),
        result({
          name: 'scan page: p99 latency at 50 connections',
          value: apiLoad.p99,
          unit: 'ms',
          better: 'lower',
          ceiling: bareLoad.p99,
          ceilingName,
          target: { on: 'value', op: '<', limit: 25, text: 'p99 < 25 ms' },
          scale,
          note: `p50 ${apiLoad.p50} ms (ceiling p50 ${bareLoad.p50} ms, p99 ${bareLoad.p99} ms)`,
        }),
        result({ name: 'scan page: p50 latency at 50 connections', value: apiLoad.p50, unit: 'ms', better: 'lower', ceiling: bareLoad.p50, ceilingName, scale }),
      ];
    } finally {
      await api.stop();
      await bare.stop();
    }
  },
};

async function sequentialScan(dataset: Dataset): Promise<{ ms: number; events: number }> {
  const labels = await liveLabels(dataset);
  const api = await startServer('api', dataset.url);
  try {
    const once = async (i: number) => {
      const response = await fetch(`${api.base}/s/${labels[i % labels.length].code}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`scan page ${response.status}`);
    };
    for (let i = 0; i < 50; i++) await once(i);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await once(i + 50);
      times.push(performance.now() - t0);
    }
    return { ms: median(times), events: await scanEventCount(dataset) };
  } finally {
    await api.stop();
  }
}

/** The scan page's cost per view at 1/100 and at 1/10: how it grows with the scan events and labels behind it. */
export const scanPageGrowthMeasure: Measure = {
  name: 'scan page growth',
  requires: ['labels', 'scan_events'],
  fullOnly: true,
  async run(ctx: MeasureContext): Promise<Result[]> {
    if (!ctx.smallDataset) throw new Error('growth needs the 1/100 dataset');
    const small = await sequentialScan(ctx.smallDataset);
    const large = await sequentialScan(ctx.dataset);
    const factor = large.events / small.events;
    const k = growthExponent(small.ms, large.ms, factor);
    return [
      result({
        name: 'growth: scan page view, 1/100 → 1/10',
        value: large.ms,
        unit: 'ms',
        better: 'lower',
        ceiling: small.ms,
        ceilingName: 'the same view on the 1/100 dataset',
        target: { on: 'value', op: '<', limit: small.ms * factor ** 1.25, text: 'flat or near-linear (exponent ≤ 1.25)' },
        scale: 'full',
        note: `scan events ${small.events} → ${large.events} (×${factor.toFixed(0)}); median view ${small.ms.toFixed(2)} → ${large.ms.toFixed(2)} ms, exponent ${k.toFixed(2)} (${growthClass(k)})`,
      }),
    ];
  },
};
