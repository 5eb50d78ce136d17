import { spawn, spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, startEmbeddedPostgres } from '@xp/core';
import { BENCH_DATA_DIR } from '../lib/cluster';
import { Measure, MeasureContext, Result, result } from '../lib/measure';

const ROOT = join(__dirname, '..', '..');
const READY_LINE = /is ready in/;

/** Builds the API and the console if their sources changed, as `npm start` would, before any timing. */
function buildFirst(log: (line: string) => void): void {
  log('startup: building what is out of date first (not timed)');
  const built = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('./scripts/build-if-stale.mjs'); m.buildApi(); m.buildConsole();"], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('building the API or the console failed');
}

/**
 * `npm start` on a DATA_DIR, timed from the spawn to its "is ready" line; then stopped with
 * Ctrl-C (SIGINT to its process group, as a terminal does).
 */
async function timeNpmStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    return await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start was not ready within 300 s:\n${output.join('').slice(-2000)}`)), 300_000);
      const onData = (chunk: Buffer) => {
        output.push(chunk.toString());
        if (READY_LINE.test(chunk.toString())) {
          clearTimeout(timer);
          resolve((performance.now() - t0) / 1000);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (${code}) before it was ready:\n${output.join('').slice(-2000)}`));
      });
    });
  } finally {
    try {
      process.kill(-child.pid!, 'SIGINT');
    } catch {
      // already gone
    }
    await exited;
  }
}

/** The embedded PostgreSQL alone on a DATA_DIR: initdb + start when new, start when not; stopped afterwards. */
async function timePostgres(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const pg = await startEmbeddedPostgres({ dataDir });
  const seconds = (performance.now() - t0) / 1000;
  await pg.stop();
  return seconds;
}

/**
 * A fresh `npm start` (new DATA_DIR: initdb, migrations, demo data) and a restart of the same,
 * to ready; the ceiling is PostgreSQL starting alone in the same way (initdb + start, start).
 */
export const startupMeasure: Measure = {
  name: 'startup',
  async run(ctx: MeasureContext): Promise<Result[]> {
    buildFirst(ctx.log);
    const appDir = join(BENCH_DATA_DIR, `start-app-${process.pid}`);
    const pgDir = join(BENCH_DATA_DIR, `start-pg-${process.pid}`);
    try {
      const fresh = await timeNpmStart(appDir);
      const restart = await timeNpmStart(appDir);
      const pgFresh = await timePostgres(pgDir);
      const pgRestart = await timePostgres(pgDir);
      const scale = ctx.dataset.scale;
      return [
        result({
          name: 'npm start, fresh (initdb + migrations + demo) to ready',
          value: fresh,
          unit: 's',
          better: 'lower',
          ceiling: pgFresh,
          ceilingName: 'the embedded PostgreSQL alone: initdb + start',
          scale,
          note: 'built beforehand; timed from the spawn of npm start to its "is ready" line',
        }),
        result({
          name: 'npm start, restart to ready',
          value: restart,
          unit: 's',
          better: 'lower',
          ceiling: pgRestart,
          ceilingName: 'the embedded PostgreSQL alone: start',
          scale,
        }),
      ];
    } finally {
      await rm(appDir, { recursive: true, force: true });
      await rm(pgDir, { recursive: true, force: true });
    }
  },
};
