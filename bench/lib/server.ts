/**
 * The process under load: the real API (`api`) or the bare ceilings (`bare`: Fastify with one
 * hand-written SQL statement per request through `pg`). Forked by the harness so that the
 * load generator (autocannon) runs in another process, as a real client would: on two cores the
 * server gets one and the client the other, the same for the API and for its ceiling.
 * Every statement sent to PostgreSQL is counted (pg's Client.query), and the count is
 * answered over IPC.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import pg from 'pg';
import { createDataSource, createLogger, loadConfig } from '@xp/core';
import { MIGRATIONS } from '@xp/migrations';
import { createApp } from '../../apps/api/src/bootstrap';
import { ENTITIES } from '../../apps/api/src/entities';

let statements = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  statements++;
  const out = (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (process.env.BENCH_TRACE === '1' && out instanceof Promise) {
    const t0 = performance.now();
    const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text);
    void out.then(
      () => process.stderr.write(`[sql ${(performance.now() - t0).toFixed(1)} ms @${t0.toFixed(1)}] ${text.replace(/\s+/g, ' ').slice(0, 300)}\n`),
      () => undefined,
    );
  }
  return out;
} as typeof originalQuery;

export type ServerMode = 'api' | 'bare';

export interface ServerReady {
  type: 'ready';
  port: number;
}

/** The hand-written equivalent of the slotAssignments list with product, factory and effective price. */
export const BARE_SLOTS_SQL = `
  WITH page AS (
    SELECT a.id, a.venue_id, a.slot_id, a.sku_id, a.factory_org_id, a.period, count(*) OVER () AS total
    FROM slot_assignments a
    WHERE a.venue_id = $1 AND a.status = 'LIVE' AND a.period @> $2::date
    ORDER BY lower(a.period) DESC, a.id
    LIMIT $3)
  SELECT page.id, lower(page.period) AS "from", upper(page.period) AS "to", page.total,
         sl.code AS slot_code, s.code AS sku_code, p.title_zh, o.name AS factory_name,
         v.id AS price_version_id, v.effective_from, v.tier_quantities, v.supply_prices, v.wholesale_prices, v.retail_price
  FROM page
  JOIN slots sl ON sl.id = page.slot_id
  JOIN skus s ON s.id = page.sku_id
  JOIN products p ON p.id = s.product_id
  JOIN organizations o ON o.id = page.factory_org_id
  LEFT JOIN LATERAL (
    SELECT l.id, l.effective_from, l.tier_quantities, l.supply_prices, l.wholesale_prices, l.retail_price
    FROM price_sheet_lines l
    WHERE l.venue_id = page.venue_id AND l.sku_id = page.sku_id AND l.approval_seq IS NOT NULL
      AND l.effective_from <= $2::date AND l.approved_at <= now()
    ORDER BY l.approval_seq DESC LIMIT 1) v ON true
  ORDER BY lower(page.period) DESC, page.id`;

/** The hand-written aggregate behind a report: the venue-day figures of a period and of the one before it. */
export const BARE_REPORT_SQL = `
  SELECT day >= $3::date AS current, sum(scans)::int AS scans, sum(listings)::int AS listings, sum(orders)::int AS orders,
         sum(units_sold)::int AS units_sold, sum(gmv)::text AS gmv, sum(units_returned)::int AS units_returned
  FROM xp_report_venue_days(COALESCE($1::uuid[], ARRAY(SELECT id FROM venues WHERE region_id = $2::uuid)),
                            $3::date - ($4::date - $3::date), $4::date)
  GROUP BY 1`;

async function startApi(url: string): Promise<number> {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    DEMO_DATA: 'false',
    // No morning warm-up of the reports in the background of the measures; the reports measure
    // times the first report of a day without it (what the warm-up makes before anyone asks).
    REPORT_WARMUP: 'false',
    // Request logs off in both the API and its ceilings: the measures are about the work done.
    LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'warn',
    // The limiter still runs on every request; its limits are raised so the load is not refused.
    PUBLIC_RATE_LIMIT: '1000000000',
    LOGIN_RATE_LIMIT: '1000000',
    PUBLIC_BASE_URL: 'http://bench.xuanpin.test',
    CONSOLE_DIR: resolve(__dirname, '..', 'data', 'no-console'),
  });
  const logger = createLogger(config.logLevel);
  const dataSource = createDataSource({ url, entities: ENTITIES, migrations: MIGRATIONS, poolSize: config.dbPoolSize });
  await dataSource.initialize();
  const app = await createApp({ config, dataSource, logger });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpAdapter().getInstance().server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

async function startBare(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c TimeZone=Asia/Shanghai' });
  const app = Fastify({ logger: false });
  app.get<{ Querystring: { venueId: string; day: string; perPage?: string } }>('/bare/slots', async (request) => {
    const { venueId, day, perPage } = request.query;
    const { rows } = await pool.query(BARE_SLOTS_SQL, [venueId, day, Number(perPage ?? 100)]);
    return { total: rows[0] ? Number(rows[0].total) : 0, items: rows };
  });
  app.get<{ Params: { table: string; id: string } }>('/bare/pk/:table/:id', async (request, reply) => {
    const table = request.params.table;
    if (!/^[a-z_]+$/.test(table)) return reply.code(400).send();
    const { rows } = await pool.query(`SELECT * FROM ${table} WHERE id = $1`, [request.params.id]);
    if (!rows[0]) return reply.code(404).send();
    return rows[0];
  });
  // The reports' ceiling: the sums of the daily rollups (dirty days from the raw rows) of the
  // venue or region over the period and the one before it, in one statement.
  app.get<{ Querystring: { venues?: string; region?: string; from: string; to: string } }>('/bare/report', async (request) => {
    const { venues, region, from, to } = request.query;
    const { rows } = await pool.query(BARE_REPORT_SQL, [venues ? venues.split(',') : null, region ?? null, from, to]);
    const now = rows.find((r) => r.current) ?? { scans: 0 };
    return { scans: Number(now.scans), periods: rows };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

async function main() {
  const mode = process.env.BENCH_SERVER_MODE as ServerMode;
  const url = process.env.BENCH_DATABASE_URL!;
  const port = mode === 'api' ? await startApi(url) : await startBare(url);
  process.on('message', (message: { type: string; id: number }) => {
    if (message.type === 'statements') {
      const cpu = process.cpuUsage();
      process.send!({ type: 'statements', id: message.id, statements, cpuMicros: cpu.user + cpu.system });
    }
  });
  process.on('disconnect', () => process.exit(0));
  // A normal exit, so that --cpu-prof (BENCH_PROFILE=1) writes its profile.
  process.on('SIGTERM', () => process.exit(0));
  process.send!({ type: 'ready', port } satisfies ServerReady);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
