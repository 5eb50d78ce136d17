import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { ServerMode } from './server';

const REGISTER = join(__dirname, '..', 'register.cjs');
const PROFILES = join(__dirname, '..', 'data', 'profiles');

export interface ServerHandle {
  mode: ServerMode;
  base: string;
  pid: number;
  /** Statements the server has sent to PostgreSQL so far. */
  statements(): Promise<number>;
  /** CPU time (user + system, all threads) the server process has used so far, in ms. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Forks bench/lib/server.ts (the API or the bare ceilings) on a database and waits until it listens. */
export async function startServer(mode: ServerMode, databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<ServerHandle> {
  const child: ChildProcess = fork(join(__dirname, 'server.ts'), [], {
    // BENCH_PROFILE=1 writes a CPU profile of each server process into bench/results/profiles.
    execArgv: ['-r', REGISTER, ...(process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`] : [])],
    // NODE_ENV=production as a deployment runs it (graphql-js, for one, checks more in development).
    env: { ...process.env, NODE_ENV: 'production', ...extraEnv, BENCH_SERVER_MODE: mode, BENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ${mode} server did not start within 120 s`)), 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${mode} server exited with code ${code} while starting`));
    });
    child.on('message', (message: { type: string; port?: number }) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.port!);
      }
    });
  });
  // The API's start-up work runs in the background once it listens (the label staleness sweep, the
  // report rollups): measures time the requests they make, not that work, so they begin when the
  // database has been quiet for a moment.
  if (mode === 'api') await untilQuiet(databaseUrl);
  let nextId = 1;
  const stats = () =>
    new Promise<{ statements: number; cpuMicros: number }>((resolve) => {
      const id = nextId++;
      const onMessage = (message: { type: string; id?: number; statements?: number; cpuMicros?: number }) => {
        if (message.type === 'statements' && message.id === id) {
          child.off('message', onMessage);
          resolve({ statements: message.statements!, cpuMicros: message.cpuMicros! });
        }
      };
      child.on('message', onMessage);
      child.send({ type: 'statements', id });
    });
  return {
    mode,
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    statements: async () => (await stats()).statements,
    cpuMs: async () => (await stats()).cpuMicros / 1000,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Waits (at most a minute) until no other session of the database has run a statement for three
 * polls in a row, 100 ms apart.
 */
export async function untilQuiet(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let quiet = 0;
    for (let i = 0; i < 600 && quiet < 3; i++) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS busy FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND backend_type = 'client backend'`,
      );
      quiet = rows[0].busy === 0 ? quiet + 1 : 0;
      if (quiet < 3) await sleep(100);
    }
  } finally {
    await client.end();
  }
}
