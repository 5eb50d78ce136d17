import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
// One state file per checkout: two worktrees running their browser tests at once each find their own server.
const STATE_FILE = join(tmpdir(), `xuanpin-browser-tests-${createHash('sha1').update(ROOT).digest('hex').slice(0, 10)}.json`);

export interface ServerState {
  baseUrl: string;
  pid: number;
  dataDir: string;
  log: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited early:\n${readFileSync(log, 'utf8').slice(-4000)}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The API did not answer /health within 180 s:\n${readFileSync(log, 'utf8').slice(-4000)}`);
}

/**
 * Builds the API and the console (unless BROWSER_TESTS_SKIP_BUILD=1), then starts
 * `node dist/apps/api/src/main.js` on a fresh DATA_DIR (embedded PostgreSQL, demo data) and a
 * free port, exactly as `npm start` would run it.
 */
export async function startServer(): Promise<ServerState> {
  if (process.env.BROWSER_TESTS_SKIP_BUILD !== '1') {
    run('build:api');
    run('build:console');
  }
  if (!existsSync(join(ROOT, 'apps/console/dist/index.html'))) throw new Error('The console is not built (npm run build:console)');
  const dataDir = mkdtempSync(join(tmpdir(), 'xuanpin-browser-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = join(dataDir, 'api.log');
  const { openSync } = await import('node:fs');
  const out = openSync(log, 'a');
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
      PUBLIC_RATE_LIMIT: '100000',
      PUBLIC_BASE_URL: baseUrl,
    },
    stdio: ['ignore', out, out],
    detached: false,
  });
  await waitForHealth(baseUrl, child, log);
  const state: ServerState = { baseUrl, pid: child.pid!, dataDir, log };
  writeFileSync(STATE_FILE, JSON.stringify(state));
  child.unref();
  return state;
}

export function readServerState(): ServerState {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as ServerState;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, as a process manager would: the API stops, then its PostgreSQL. */
export async function stopServer(): Promise<void> {
  if (!existsSync(STATE_FILE)) return;
  const state = readServerState();
  if (alive(state.pid)) {
    process.kill(state.pid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (alive(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (alive(state.pid)) process.kill(state.pid, 'SIGKILL');
  }
  rmSync(STATE_FILE, { force: true });
  if (process.env.BROWSER_TESTS_KEEP_DATA !== '1') rmSync(state.dataDir, { recursive: true, force: true });
}
