import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import {
  assertUtf8,
  DATABASE_NAME,
  EmbeddedPostgres,
  ensureDatabase,
  loadConfig,
  startEmbeddedPostgres,
} from '@xp/core';

/**
 * Backups in pg_dump's custom format, and their restore, for the embedded database (started
 * for the occasion when the API is not running) or DATABASE_URL's. Needs the PostgreSQL 15
 * client programs (Debian: postgresql-client-15), the major version of the embedded server.
 */

const USAGE = `Usage:
  npm run db:backup [-- <file>]     write a backup (default: DATA_DIR/backups/xuanpin-<time>.dump)
  npm run db:restore -- <file>      replace the database with a backup (stop the API first)`;

function tool(name: 'pg_dump' | 'pg_restore'): string {
  const candidates = [process.env.PG_BIN && join(process.env.PG_BIN, name), `/usr/lib/postgresql/15/bin/${name}`, name];
  for (const candidate of candidates.filter((c): c is string => !!c)) {
    try {
      const version = execFileSync(candidate, ['--version']).toString();
      const major = /(\d+)\.\d+/.exec(version)?.[1];
      if (major && Number(major) >= 15) return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error(
    `${name} (PostgreSQL 15 or newer) was not found. Install the client programs, e.g. "apt-get install postgresql-client-15", or set PG_BIN.`,
  );
}

/** The embedded server of a running API, from its lock file, or null. */
function runningEmbedded(dataDir: string): { port: number; pid: number } | null {
  const lock = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(lock)) return null;
  const lines = readFileSync(lock, 'utf8').split('\n');
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return { pid, port: Number(lines[3]) };
}

interface Target {
  url: string;
  adminUrl?: string;
  embeddedRunning: boolean;
  stop(): Promise<void>;
}

async function openTarget(): Promise<Target> {
  const config = loadConfig();
  if (config.databaseUrl) return { url: config.databaseUrl, embeddedRunning: false, stop: async () => undefined };
  const running = runningEmbedded(config.dataDir);
  if (running) {
    const password = readFileSync(join(config.dataDir, 'pg-password'), 'utf8').trim();
    const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}`;
    return { url: `${base}/${DATABASE_NAME}`, adminUrl: `${base}/postgres`, embeddedRunning: true, stop: async () => undefined };
  }
  if (!existsSync(join(config.dataDir, 'pg', 'PG_VERSION'))) {
    throw new Error(`There is no database in ${config.dataDir} yet: start the system once with npm start.`);
  }
  const pg: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir: config.dataDir });
  return { url: pg.urlFor(DATABASE_NAME), adminUrl: pg.urlFor('postgres'), embeddedRunning: false, stop: () => pg.stop() };
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status}).`);
}

async function backup(file: string | undefined): Promise<void> {
  const pgDump = tool('pg_dump');
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const target = resolve(file ?? join(config.dataDir, 'backups', `xuanpin-${stamp}.dump`));
  mkdirSync(resolve(target, '..'), { recursive: true });
  const db = await openTarget();
  try {
    run(pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, `--dbname=${db.url}`]);
  } finally {
    await db.stop();
  }
  process.stdout.write(`Backup written: ${target} (${statSync(target).size} bytes)\n`);
}

async function restore(file: string | undefined): Promise<void> {
  if (!file || !existsSync(file)) throw new Error(`Give the backup file to restore.\n${USAGE}`);
  const pgRestore = tool('pg_restore');
  const db = await openTarget();
  try {
    if (db.embeddedRunning) {
      throw new Error('The API is running on this database. Stop it (Ctrl-C) before restoring a backup.');
    }
    if (db.adminUrl) {
      // The embedded database is replaced as a whole: drop, create UTF-8, restore.
      const admin = new Client({ connectionString: db.adminUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${DATABASE_NAME} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
      await ensureDatabase(db.adminUrl, DATABASE_NAME);
      run(pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${db.url}`, resolve(file)]);
    } else {
      run(pgRestore, ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${db.url}`, resolve(file)]);
    }
    await assertUtf8(db.url);
  } finally {
    await db.stop();
  }
  process.stdout.write(`Restored ${resolve(file)}\n`);
}

export async function runDbCommand(args: string[]): Promise<number> {
  const [command, file] = args;
  try {
    if (command === 'backup') await backup(file);
    else if (command === 'restore') await restore(file);
    else {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}
