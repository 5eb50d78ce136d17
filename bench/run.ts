/**
 * npm run bench (BENCH_SCALE=small for the 1/100 dataset): generates or reuses the dataset in
 * the bench's own PostgreSQL (bench/data), runs every measure whose code exists against a
 * ceiling measured in the same run, prints one table, writes bench/results/latest.json and,
 * after a full run, the README's performance section.
 *
 * BENCH_ONLY=slot,labels runs the measures whose names contain one of the words;
 * BENCH_REGENERATE=1 generates the dataset again even when its parameters are unchanged.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { MEASURES, PENDING_MEASURES } from './measures';
import { prepareDataset, startBenchCluster } from './lib/cluster';
import { MeasureContext, PendingMeasure, Result } from './lib/measure';
import { scaleFromEnv } from './lib/params';
import { machine, RunSummary, table, updateReadme, writeResults } from './lib/report';
import { tableExists } from './generate/sql';

const started = performance.now();
const log = (line: string) => process.stdout.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

async function main(): Promise<number> {
  const scale = scaleFromEnv(process.env.BENCH_SCALE);
  const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const startedAt = new Date().toISOString();
  const host = machine();
  log(`scale ${scale}; ${host.cpu}, ${host.cores} cores, Node ${host.node}, load average ${host.loadAverageAtStart}`);
  const pg = await startBenchCluster(log);
  const results: Result[] = [];
  const pending: PendingMeasure[] = [...PENDING_MEASURES];
  const failures: { measure: string; error: string }[] = [];
  let summary: RunSummary | undefined;
  try {
    const dataset = await prepareDataset(pg, scale, log, process.env.BENCH_REGENERATE === '1');
    const smallDataset = scale === 'full' ? await prepareDataset(pg, 'small', log) : undefined;
    const admin = new Client({ connectionString: dataset.url, options: '-c TimeZone=Asia/Shanghai' });
    await admin.connect();
    const ctx: MeasureContext = {
      pg,
      dataset,
      smallDataset,
      log,
      loadSeconds: scale === 'full' ? 10 : 5,
      warmupSeconds: scale === 'full' ? 3 : 2,
      query: async (sql, params) => (await admin.query(sql, params)).rows,
    };
    try {
      for (const measure of MEASURES) {
        if (only.length && !only.some((word) => measure.name.toLowerCase().includes(word))) continue;
        if (measure.fullOnly && scale !== 'full') {
          log(`${measure.name}: full scale only, skipped`);
          continue;
        }
        const missing = [];
        for (const t of measure.requires ?? []) if (!(await tableExists(admin, t))) missing.push(t);
        if (missing.length) {
          pending.push({ name: measure.name, waitsFor: `table ${missing.join(', ')}`, target: null });
          continue;
        }
        log(`${measure.name}…`);
        const t0 = performance.now();
        try {
          results.push(...(await measure.run(ctx)));
          log(`${measure.name} done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
        } catch (error) {
          failures.push({ measure: measure.name, error: (error as Error).message });
          log(`${measure.name} FAILED: ${(error as Error).stack}`);
        }
      }
    } finally {
      await admin.end();
    }
    summary = {
      scale,
      startedAt,
      minutes: (performance.now() - started) / 60_000,
      machine: host,
      dataset: {
        reused: dataset.reused,
        generatedSeconds: dataset.generatedSeconds,
        hash: dataset.hash,
        skipped: dataset.generation?.skipped ?? [],
      },
      results,
      pending,
      failures,
    };
  } finally {
    await pg.stop();
  }
  process.stdout.write(`\n${table(results, pending)}\n\n`);
  // A focused run writes no results file: its notes (CPU per request…) go to the output instead.
  if (only.length) for (const r of results) if (r.note) process.stdout.write(`${r.name}: ${r.note}\n`);
  if (!only.length) {
    writeResults(summary);
    if (scale === 'full') updateReadme(summary);
    log(`wrote bench/results/latest.json${scale === 'full' ? ' and the README performance section' : ''}`);
  }
  for (const f of failures) process.stdout.write(`FAILED ${f.measure}: ${f.error}\n`);
  log(`done in ${summary.minutes.toFixed(1)} minutes`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
