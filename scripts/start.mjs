#!/usr/bin/env node
// `npm start`: builds what is out of date (the API with tsc; the console once it exists),
// then runs the API in this same process, so Ctrl-C and SIGTERM reach it directly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

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

buildIfStale('API', ['apps/api/src', 'libs', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'], 'dist/.build-stamp', 'build:api');
if (existsSync(join(root, 'apps/console/package.json')) || existsSync(join(root, 'apps/console/index.html'))) {
  buildIfStale('console', ['apps/console/src', 'apps/console/public', 'apps/console/index.html', 'apps/console/vite.config.mts', 'package-lock.json'], 'apps/console/dist/.build-stamp', 'build:console');
}

// npm does not pass SIGTERM on to the script it runs: when npm goes away (terminated, killed),
// stop as if we had been signalled, so the API and PostgreSQL still shut down cleanly.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    let gone = process.ppid !== parent;
    try {
      process.kill(parent, 0);
    } catch {
      gone = true;
    }
    if (gone) process.kill(process.pid, 'SIGTERM');
  }, 500).unref();
}

await import(pathToFileURL(join(root, 'dist/apps/api/src/main.js')).href);
