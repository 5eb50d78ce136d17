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

async function must(promise, what) {
  const r = await promise;
  if (!r.data) fail(`${what}: ${JSON.stringify(r.errors).slice(0, 400)}`);
  return r.data;
}

async function loginAs(email) {
  const r = await gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password: 'xuanpin-demo' } });
  if (!r.data) fail(`login ${email}: ${JSON.stringify(r.errors)}`);
  return r.data.login.accessToken;
}

async function countLabels(token, venueId) {
  const r = await gql('query($v: ID!) { labels(filter: { venueId: $v }, perPage: 1) { total } }', { v: venueId }, token);
  if (!r.data) fail(`labels: ${JSON.stringify(r.errors)}`);
  return r.data.labels.total;
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
// 2. A 1,000-label print job killed while rendering: after a restart it is FAILED, with no labels.
const staff = await loginAs('showroom.staff@demo.xuanpin.test');
const venue = (await gql('{ venues { items { id code } } }', {}, staff)).data.venues.items.find((v) => v.code === 'ZZ-AIRPORT');
const zone = await must(
  gql('mutation($i: CreateZoneInput!) { createZone(input: $i) { id } }', { i: { venueId: venue.id, code: 'K', name: '崩溃测试区' } }, staff),
  'createZone',
);
await must(
  gql('mutation($i: CreateShelvesInput!) { createShelves(input: $i) { slotCount } }', { i: { zoneId: zone.createZone.id, fromNumber: 1, toNumber: 250, levels: 4 } }, staff),
  'createShelves',
);
const slots = [];
for (let page = 1; page <= 5; page++) {
  const r = await must(gql('query($f: SlotFilter, $p: Int!) { slots(filter: $f, page: $p, perPage: 200) { items { id } } }', { f: { zoneId: zone.createZone.id }, p: page }, staff), 'slots');
  slots.push(...r.slots.items.map((x) => x.id));
}
const price = await must(
  gql('query($v: ID!) { slotAssignments(filter: { venueId: $v }, perPage: 1) { items { skuId } } }', { v: venue.id }, staff),
  'assignments',
);
const skuId = price.slotAssignments.items[0].skuId;
const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
for (const slotId of slots) {
  await must(gql('mutation($i: AssignSlotInput!) { assignSlot(input: $i) { id } }', { i: { slotId, skuId, from: day } }, staff), 'assignSlot');
}
const template = (await gql('{ labelTemplates(perPage: 50) { items { id code } } }', {}, staff)).data.labelTemplates.items.find((x) => x.code === 'ROLL-50X30');
const labelsBefore = await countLabels(staff, venue.id);
const watcher2 = new pg.Client({ host: '127.0.0.1', port: Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]), user: 'postgres', password, database: 'xuanpin' });
await watcher2.connect();
const printing = gql(
  'mutation($i: CreateLabelPrintJobInput!) { createLabelPrintJob(input: $i) { id } }',
  { i: { venueId: venue.id, templateId: template.id, format: 'PDF', selection: { zoneIds: [zone.createZone.id] } } },
  staff,
).catch(() => 'connection lost');
let jobId = null;
for (let i = 0; i < 4000 && !jobId; i++) {
  const { rows } = await watcher2.query("SELECT id FROM label_print_jobs WHERE status = 'RUNNING' LIMIT 1");
  jobId = rows[0]?.id ?? null;
  if (!jobId) await new Promise((r) => setTimeout(r, 5));
}
await watcher2.end();
if (!jobId) fail('never saw the print job running');
child.kill('SIGKILL');
await printing;
await start();
const staffAgain = await loginAs('showroom.staff@demo.xuanpin.test');
let status = 'RUNNING';
for (let i = 0; i < 60 && status === 'RUNNING'; i++) {
  status = (await gql('query($id: ID!) { labelPrintJob(id: $id) { status } }', { id: jobId }, staffAgain)).data?.labelPrintJob?.status ?? 'MISSING';
  if (status === 'RUNNING') await new Promise((r) => setTimeout(r, 1000));
}
if (status !== 'FAILED' && status !== 'DONE') fail(`the killed print job is ${status} a minute after the restart`);
const labelsAfter = await countLabels(staffAgain, venue.id);
if (status === 'FAILED' && labelsAfter !== labelsBefore) fail(`a failed print job left labels: ${labelsBefore} → ${labelsAfter}`);
console.log(`after the restart the killed print job is ${status}, with ${labelsAfter - labelsBefore} new labels`);

child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
console.log('crash test passed: SIGKILL mid-import and mid-print-job leave all or nothing, and the system restarts');
