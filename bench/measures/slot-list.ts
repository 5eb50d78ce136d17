import { performance } from 'node:perf_hooks';
import { gql, login } from '../lib/api';
import { Dataset } from '../lib/cluster';
import { load } from '../lib/load';
import { Measure, MeasureContext, Result, result, withClient } from '../lib/measure';
import { startServer, ServerHandle } from '../lib/processes';
import { growthClass, growthExponent, median } from '../lib/stats';

export const SLOT_LIST_QUERY = `
  query SlotList($venueId: ID!, $day: Date!) {
    slotAssignments(filter: { venueId: $venueId, activeOn: $day }, perPage: 100) {
      total
      items {
        id from to
        slot { code }
        sku { code }
        product { titleZh }
        factory { name }
        priceVersion { id effectiveFrom retailPrice tiers { minQuantity supplyPrice wholesalePrice } }
      }
    }
  }`;

interface SlotListData {
  slotAssignments: { total: number; items: { id: string; priceVersion: { id: string } | null }[] };
}

const CONNECTIONS = 16;
const SEQUENTIAL = 60;

interface Setup {
  venueId: string;
  day: string;
  token: string;
  body: string;
  bareUrl: string;
}

async function setup(dataset: Dataset, api: ServerHandle, bare: ServerHandle): Promise<Setup> {
  const { venueId, day } = await withClient(dataset.url, async (c) => {
    const { rows } = await c.query(
      `SELECT (SELECT id FROM bench.venues WHERE n = 1) AS "venueId", (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS day`,
    );
    return rows[0] as { venueId: string; day: string };
  });
  const token = await login(api.base, 'op1@bench.xuanpin.test');
  return {
    venueId,
    day,
    token,
    body: JSON.stringify({ query: SLOT_LIST_QUERY, variables: { venueId, day } }),
    bareUrl: `${bare.base}/bare/slots?venueId=${venueId}&day=${day}`,
  };
}

/** The API and the hand-written query answer the same 100 assignments with the same price versions. */
async function verify(api: ServerHandle, s: Setup): Promise<{ total: number }> {
  const data = await gql<SlotListData>(api.base, SLOT_LIST_QUERY, { venueId: s.venueId, day: s.day }, s.token);
  const bareBody = (await (await fetch(s.bareUrl)).json()) as { total: number; items: { id: string; price_version_id: string | null }[] };
  const apiItems = data.slotAssignments.items;
  if (apiItems.length !== Math.min(100, data.slotAssignments.total) || apiItems.length < 100) {
    throw new Error(`the slot list answered ${apiItems.length} of ${data.slotAssignments.total} assignments; the dataset needs 100 at the venue`);
  }
  const same =
    bareBody.total === data.slotAssignments.total &&
    bareBody.items.length === apiItems.length &&
    bareBody.items.every((row, i) => row.id === apiItems[i].id && row.price_version_id === (apiItems[i].priceVersion?.id ?? null));
  if (!same) throw new Error('the hand-written slot query and the API disagree; the ceiling would not be the same work');
  if (apiItems.some((i) => !i.priceVersion)) throw new Error('an assigned SKU has no price version in force');
  return { total: data.slotAssignments.total };
}

async function timeSequential(run: () => Promise<unknown>, times: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    out.push(performance.now() - t0);
  }
  return out;
}

function post(api: ServerHandle, s: Setup) {
  return async () => {
    const response = await fetch(`${api.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
      body: s.body,
    });
    await response.arrayBuffer();
  };
}

/** Statements per request, counted by the server process over sequential requests. */
async function statementsPerRequest(server: ServerHandle, run: () => Promise<unknown>, times = 20): Promise<number> {
  const before = await server.statements();
  for (let i = 0; i < times; i++) await run();
  return ((await server.statements()) - before) / times;
}

export const slotListMeasure: Measure = {
  name: 'slot list',
  async run(ctx: MeasureContext): Promise<Result[]> {
    const scale = ctx.dataset.scale;
    const api = await startServer('api', ctx.dataset.url);
    const bare = await startServer('bare', ctx.dataset.url);
    try {
      const s = await setup(ctx.dataset, api, bare);
      const { total } = await verify(api, s);
      ctx.log(`slot list: ${total} assignments in force at the venue; API and hand-written SQL agree on the first 100`);
      await timeSequential(post(api, s), 20);
      const apiStatements = await statementsPerRequest(api, post(api, s));
      const bareStatements = await statementsPerRequest(bare, () => fetch(s.bareUrl).then((r) => r.arrayBuffer()));
      const headers = { authorization: `Bearer ${s.token}` };
      let apiCpu = 0;
      const apiLoad = await load({
        url: `${api.base}/graphql`,
        method: 'POST',
        headers,
        body: s.body,
        connections: CONNECTIONS,
        seconds: ctx.loadSeconds,
        warmupSeconds: ctx.warmupSeconds,
        beforeMeasuring: async () => void (apiCpu = await api.cpuMs()),
      });
      apiCpu = ((await api.cpuMs()) - apiCpu) / apiLoad.total;
      let bareCpu = 0;
      const bareLoad = await load({
        url: s.bareUrl,
        connections: CONNECTIONS,
        seconds: ctx.loadSeconds,
        warmupSeconds: ctx.warmupSeconds,
        beforeMeasuring: async () => void (bareCpu = await bare.cpuMs()),
      });
      bareCpu = ((await bare.cpuMs()) - bareCpu) / bareLoad.total;
      ctx.log(`slot list: API ${apiLoad.requestsPerSecond.toFixed(0)} req/s, ceiling ${bareLoad.requestsPerSecond.toFixed(0)} req/s`);
      const note =
        `${CONNECTIONS} connections, ${ctx.loadSeconds} s; ${total} assignments in force at the venue; ` +
        `server CPU per request ${apiCpu.toFixed(1)} ms (API) vs ${bareCpu.toFixed(1)} ms (ceiling)`;
      return [
        result({
          name: 'slot list (100, GraphQL): throughput',
          value: apiLoad.requestsPerSecond,
          unit: 'req/s',
          better: 'higher',
          ceiling: bareLoad.requestsPerSecond,
          ceilingName: 'one hand-written SQL query through pg on bare Fastify',
          target: { on: 'ratio', op: '>=', limit: 0.5, text: '≥ 50 % of the ceiling' },
          scale,
          note,
        }),
        result({
          name: 'slot list (100, GraphQL): p99 latency',
          value: apiLoad.p99,
          unit: 'ms',
          better: 'lower',
          ceiling: bareLoad.p99,
          ceilingName: 'the same ceiling',
          scale,
          note: `p50 ${apiLoad.p50} ms (ceiling ${bareLoad.p50} ms)`,
        }),
        result({
          name: 'slot list (100, GraphQL): SQL statements per request',
          value: apiStatements,
          unit: 'statements',
          better: 'lower',
          ceiling: bareStatements,
          ceilingName: 'the hand-written query',
          target: { on: 'value', op: '<=', limit: 5, text: '≤ 5 statements' },
          scale,
          note: 'counted in the server process (pg Client.query), sign-in check included',
        }),
      ];
    } finally {
      await api.stop();
      await bare.stop();
    }
  },
};

/** Cost of one request (sequential, median) at 1/100 and at 1/10: how it grows with the data. */
async function sequentialCost(dataset: Dataset): Promise<{ api: number; bare: number; total: number }> {
  const api = await startServer('api', dataset.url);
  const bare = await startServer('bare', dataset.url);
  try {
    const s = await setup(dataset, api, bare);
    const { total } = await verify(api, s);
    await timeSequential(post(api, s), 30);
    await timeSequential(() => fetch(s.bareUrl).then((r) => r.arrayBuffer()), 30);
    const apiTimes = await timeSequential(post(api, s), SEQUENTIAL);
    const bareTimes = await timeSequential(() => fetch(s.bareUrl).then((r) => r.arrayBuffer()), SEQUENTIAL);
    return { api: median(apiTimes), bare: median(bareTimes), total };
  } finally {
    await api.stop();
    await bare.stop();
  }
}

export const slotListGrowthMeasure: Measure = {
  name: 'slot list growth',
  fullOnly: true,
  async run(ctx: MeasureContext): Promise<Result[]> {
    if (!ctx.smallDataset) throw new Error('growth needs the 1/100 dataset');
    const small = await sequentialCost(ctx.smallDataset);
    const large = await sequentialCost(ctx.dataset);
    const factor = large.total / small.total;
    const k = growthExponent(small.api, large.api, factor);
    const kBare = growthExponent(small.bare, large.bare, factor);
    return [
      result({
        name: 'growth: slot list request, 1/100 → 1/10',
        value: large.api,
        unit: 'ms',
        better: 'lower',
        ceiling: small.api,
        ceilingName: 'the same request on the 1/100 dataset',
        target: { on: 'value', op: '<', limit: small.api * factor ** 1.25, text: 'flat or near-linear (exponent ≤ 1.25)' },
        scale: 'full',
        note:
          `rows in force at the venue ${small.total} → ${large.total} (×${factor.toFixed(1)}); ` +
          `cost ${small.api.toFixed(1)} → ${large.api.toFixed(1)} ms, exponent ${k.toFixed(2)} (${growthClass(k)}); ` +
          `hand-written query ${small.bare.toFixed(1)} → ${large.bare.toFixed(1)} ms, exponent ${kBare.toFixed(2)}`,
      }),
    ];
  },
};
