// Builds the API (tsc) and the console (Vite, once it exists) when their sources are newer than
// the last build, so `npm start` and the operations scripts always run current code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function buildIfStale(name, sources, stampFile, command) {
  const stamp = join(root, stampFile);
  const sourceTime = Math.max(...sources.map((s) => newest(join(root, s))));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sourceTime) return;
  process.stdout.write(`Building the ${name}…\n`);
  const result = spawnSync('npm', ['run', '--silent', command], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`Building the ${name} failed.\n`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

export function buildApi() {
  buildIfStale(
    'API',
    ['apps/api/src', 'libs', 'migrations', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    'dist/.build-stamp',
    'build:api',
  );
}

export function buildConsole() {
  if (existsSync(join(root, 'apps/console/package.json')) || existsSync(join(root, 'apps/console/index.html'))) {
    buildIfStale('console', ['apps/console/src', 'apps/console/index.html', 'package-lock.json'], 'apps/console/dist/.build-stamp', 'build:console');
  }
}
