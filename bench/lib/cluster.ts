import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createDataSource, EmbeddedPostgres, ensureDatabase, runMigrations, startEmbeddedPostgres } from '@xp/core';
import { MIGRATIONS } from '@xp/migrations';
import { ENTITIES } from '../../apps/api/src/entities';
import { generateDataset, GenerationReport } from '../generate';
import { canonicalJson, DatasetParams, paramsFor, paramsHash, ScaleName } from './params';

export const BENCH_DATA_DIR = join(__dirname, '..', 'data');

/**
 * The bench's own PostgreSQL: the same embedded binaries and settings as `npm start`, in
 * bench/data (never the user's .data), one database per scale. Only max_wal_size is raised
 * (fewer checkpoints while generating millions of rows). BENCH_PG_LOG=<file> appends
 * PostgreSQL's own log to the file (with settings made by ALTER SYSTEM on the bench cluster, such
 * as log_lock_waits or log_min_duration_statement, it tells what waited and what was slow).
 */
export async function startBenchCluster(log: (line: string) => void): Promise<EmbeddedPostgres> {
  const logFile = process.env.BENCH_PG_LOG;
  const serverLog = logFile ? (line: string) => appendFileSync(logFile, `${line}\n`) : undefined;
  const pg = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, log, serverLog });
  const client = new Client({ connectionString: pg.urlFor('postgres') });
  await client.connect();
  try {
    await client.query(`ALTER SYSTEM SET max_wal_size = '4GB'`);
    await client.query('SELECT pg_reload_conf()');
  } finally {
    await client.end();
  }
  return pg;
}

export interface Dataset {
  scale: ScaleName;
  url: string;
  params: DatasetParams;
  hash: string;
  reused: boolean;
  generation?: GenerationReport;
  /** Generation time of the stored dataset (this run's when it was generated now). */
  generatedSeconds: number;
}

export function databaseFor(scale: ScaleName): string {
  return `xp_bench_${scale}`;
}

async function storedHash(url: string): Promise<{ hash: string; seconds: number } | null> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const { rows } = await client.query(
      `SELECT params_hash, seconds FROM bench.dataset WHERE complete`,
    );
    return rows[0] ? { hash: rows[0].params_hash, seconds: Number(rows[0].seconds) } : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/**
 * The dataset of a scale. Reused when the stored parameters hash matches: pending migrations
 * are applied to it (as on a deployed database) and the steps of tables that appeared with them
 * run. Otherwise the database is dropped, migrated and generated from scratch.
 */
export async function prepareDataset(pg: EmbeddedPostgres, scale: ScaleName, log: (line: string) => void, force = false): Promise<Dataset> {
  const params = paramsFor(scale);
  const hash = paramsHash(params);
  const name = databaseFor(scale);
  const url = pg.urlFor(name);
  const stored = await storedHash(url);
  const reused = !force && stored?.hash === hash;
  if (reused) {
    log(`dataset ${scale}: reusing ${name} (parameters unchanged, ${hash.slice(0, 12)})`);
  } else {
    log(`dataset ${scale}: ${stored ? 'parameters changed' : 'none yet'}; generating ${name} from scratch`);
    const admin = new Client({ connectionString: pg.urlFor('postgres') });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    await ensureDatabase(pg.urlFor('postgres'), name);
  }
  const started = performance.now();
  const dataSource = createDataSource({ url, entities: ENTITIES, migrations: MIGRATIONS, poolSize: 2, applicationName: 'xuanpin-bench' });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length) log(`dataset ${scale}: applied migrations ${applied.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
  const client = new Client({ connectionString: url, options: '-c TimeZone=Asia/Shanghai', application_name: 'xuanpin-bench-generate' });
  await client.connect();
  try {
    const generation = await generateDataset(client, params, log);
    const seconds = (performance.now() - started) / 1000;
    if (!reused) {
      await client.query(
        `CREATE TABLE bench.dataset (params_hash text NOT NULL, params jsonb NOT NULL, generated_at timestamptz NOT NULL DEFAULT now(),
                                     seconds numeric NOT NULL, complete boolean NOT NULL)`,
      );
      await client.query(`INSERT INTO bench.dataset VALUES ($1, $2, now(), $3, true)`, [hash, canonicalJson(params), seconds.toFixed(1)]);
      log(`dataset ${scale}: generated in ${seconds.toFixed(0)} s`);
      return { scale, url, params, hash, reused, generation, generatedSeconds: seconds };
    }
    if (generation.steps.length) {
      await client.query('UPDATE bench.dataset SET seconds = seconds + $1', [seconds.toFixed(1)]);
      log(`dataset ${scale}: new steps generated in ${seconds.toFixed(0)} s`);
    }
    return { scale, url, params, hash, reused, generation, generatedSeconds: stored!.seconds + (generation.steps.length ? seconds : 0) };
  } finally {
    await client.end();
  }
}
