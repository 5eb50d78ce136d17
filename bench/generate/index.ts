import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { hashPassword } from '../../libs/access/src/password';
import { DatasetParams } from '../lib/params';
import { catalogStep, importFactoryStep } from './catalog';
import { admissionsStep, BENCH_PASSWORD, helpersStep, partiesStep } from './parties';
import { pricingStep } from './pricing';
import { showroomStep } from './showroom';
import { GenContext, Step, tableExists } from './sql';
import { buyersStep, ordersStep } from './sales';
import { reportRollupsStep } from './reports';
import { labelsStep, scanEventsStep } from './scans';
import { stockStep } from './stock';

export { BENCH_PASSWORD } from './parties';

/** Parts of the national network whose tables come with areas not merged yet. */
export const PENDING_DATA: { what: string; area: string; table: string }[] = [];

export interface GenerationReport {
  steps: { name: string; seconds: number; note?: string }[];
  skipped: string[];
  seconds: number;
}

/**
 * Runs, in order, every step not done yet whose tables exist: on a new database all of them; on
 * a reused one only those whose tables came with migrations applied since (an area merged). Each
 * step commits together with its row in bench.steps, so a failed step leaves nothing half-done.
 */
export async function generateDataset(client: Client, params: DatasetParams, log: (line: string) => void): Promise<GenerationReport> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const steps: Step[] = [
    helpersStep(params),
    partiesStep(params, passwordHash),
    admissionsStep(),
    catalogStep(params),
    importFactoryStep(params, passwordHash),
    pricingStep(params),
    showroomStep(params),
    stockStep(params),
    labelsStep(),
    scanEventsStep(params),
    buyersStep(params),
    ordersStep(params),
    reportRollupsStep(),
  ];
  await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '128MB'`);
  await client.query(`CREATE SCHEMA IF NOT EXISTS bench;
    CREATE TABLE IF NOT EXISTS bench.steps (name text PRIMARY KEY, seconds numeric NOT NULL, note text, done_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await client.query<{ name: string }>('SELECT name FROM bench.steps')).rows.map((r) => r.name));
  const ctx: GenContext = { client, log };
  const report: GenerationReport = { steps: [], skipped: [], seconds: 0 };
  const started = performance.now();
  for (const step of steps) {
    if (done.has(step.name)) continue;
    const missing = [];
    for (const table of step.requires ?? []) if (!(await tableExists(client, table))) missing.push(table);
    if (missing.length) {
      report.skipped.push(`${step.name} (no ${missing.join(', ')} yet)`);
      continue;
    }
    const t0 = performance.now();
    log(`generating: ${step.name}…`);
    await client.query('BEGIN');
    try {
      const note = await step.run(ctx);
      const seconds = (performance.now() - t0) / 1000;
      await client.query('INSERT INTO bench.steps (name, seconds, note) VALUES ($1, $2, $3)', [step.name, seconds.toFixed(1), note || null]);
      await client.query('COMMIT');
      report.steps.push({ name: step.name, seconds, note: note || undefined });
      log(`generating: ${step.name} done in ${seconds.toFixed(1)} s${note ? ` (${note})` : ''}`);
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  for (const pending of PENDING_DATA) {
    if (!(await tableExists(client, pending.table))) report.skipped.push(`${pending.what} (the ${pending.area} area is not merged yet)`);
  }
  if (report.steps.length) {
    const t0 = performance.now();
    log('generating: VACUUM ANALYZE…');
    await client.query('VACUUM ANALYZE');
    report.steps.push({ name: 'vacuum analyze', seconds: (performance.now() - t0) / 1000 });
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
