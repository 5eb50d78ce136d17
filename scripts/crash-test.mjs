#!/usr/bin/env node
// Crash safety on a real API process: SIGKILL it in the middle of a 10,000-row catalog import;
// after a restart the import is either wholly there or wholly absent, and the system answers.
// Run by `npm run test:ops` (after the API is built).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApi, root } from './build-if-stale.mjs';

const ROWS = 10_000;
const port = Number(process.env.CRASH_PORT ?? 3459);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'xuanpin-crash-'));
let child;

function fail(message) {
  console.error(`crash test failed: ${message}`);
  if (child && child.exitCode === null) child.kill('SIGKILL');
  process.exit(1);
}

function start() {
  child = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return waitForHealth();
}

async function waitForHealth() {
  for (let i = 0; i < 180; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) fail('the API exited while starting');
    await new Promise((r) => setTimeout(r, 1000));
  }
  fail('the API did not answer /health within 180 s');
}

async function gql(query, variables, token) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

async function login() {
  const r = await gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
    i: { email: 'factory.admin@demo.xuanpin.test', password: 'xuanpin-demo' },
  });
  if (!r.data) fail(`login: ${JSON.stringify(r.errors)}`);
  return r.data.login.accessToken;
}

async function counts(token) {
  const r = await gql('{ products(perPage: 1) { total } skus(perPage: 1) { total } }', {}, token);
  if (!r.data) fail(`counting: ${JSON.stringify(r.errors)}`);
  return { products: r.data.products.total, skus: r.data.skus.total };
}

buildApi();
await start();
let token = await login();
const before = await counts(token);

const lines = ['商品标题(titleZh),类目编码(categoryCode),SKU编码(skuCode),颜色(color)'];
for (let i = 0; i < ROWS; i++) lines.push(`崩溃测试围巾${Math.floor(i / 4)},APPAREL-SCARF,CRASH-${i},色${i % 4}`);
const form = new FormData();
form.append('kind', 'SPREADSHEET');
form.append('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'crash.csv');
const upload = await fetch(`${base}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
if (!upload.ok) fail(`upload answered ${upload.status}: ${await upload.text()}`);
const { id: documentId } = await upload.json();

// Watch the embedded database: kill the API once the import's transaction is writing rows.
const port0 = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
const password = readFileSync(join(dataDir, 'pg-password'), 'utf8').trim();
const watcher = new pg.Client({ host: '127.0.0.1', port: port0, user: 'postgres', password, database: 'xuanpin' });
await watcher.connect();
const pending = gql('mutation($i: ImportCatalogInput!) { importCatalog(input: $i) { __typename } }', { i: { documentId } }, token).catch(
  () => 'connection lost',
);
let writing = false;
for (let i = 0; i < 2000 && !writing; i++) {
  const { rows } = await watcher.query(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND (query LIKE 'INSERT INTO products%' OR query LIKE 'INSERT INTO skus%')",
  );
  writing = rows[0].n > 0;
  if (!writing) await new Promise((r) => setTimeout(r, 5));
}
await watcher.end();
if (!writing) fail('never saw the import write (did it finish too fast?)');
child.kill('SIGKILL');
const outcome = await pending;
console.log(`import answer when killed: ${typeof outcome === 'string' ? outcome : JSON.stringify(outcome).slice(0, 120)}`);

await start();
token = await login();
const after = await counts(token);
// Killed while writing inside the transaction: nothing of it may remain (or, had the commit won
// the race with the kill, all of it); never a part.
const none = after.products === before.products && after.skus === before.skus;
const all = after.skus === before.skus + ROWS;
if (!none && !all) fail(`part of an import survived a kill mid-write: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
console.log(`after the restart the killed import is ${none ? 'wholly absent' : 'wholly there (it committed first)'}; the API answers`);
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
console.log('crash test passed: SIGKILL mid-import leaves all or nothing, and the system restarts');
