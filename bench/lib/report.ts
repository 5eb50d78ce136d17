import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { PendingMeasure, Result } from './measure';

export const RESULTS_DIR = join(__dirname, '..', 'results');
export const README = join(__dirname, '..', '..', 'README.md');
export const README_BEGIN = '<!-- bench:begin (written by npm run bench; edit bench/lib/report.ts instead) -->';
export const README_END = '<!-- bench:end -->';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  /** 1-minute load average when the run started: above the core count, other work shared the machine. */
  loadAverageAtStart: number;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1].trim();
  } catch {
    // not Linux: os.cpus() has it
  }
  return { cpu, cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: Number(loadavg()[0].toFixed(2)) };
}

const fmt = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: 3 }));
const verdict = (r: Result) => (r.met === null ? '' : r.met ? 'met' : 'MISSED');

export function table(results: Result[], pending: PendingMeasure[]): string {
  const rows = results.map((r) => [r.name, `${fmt(r.value)} ${r.unit}`, r.ceiling === null ? '—' : `${fmt(r.ceiling)} ${r.unit}`, r.ratio === null ? '—' : fmt(r.ratio), r.target ?? '', verdict(r)]);
  for (const p of pending) rows.push([p.name, 'pending', '', '', p.target ?? '', `waits for ${p.waitsFor}`]);
  const header = ['measure', 'value', 'ceiling', 'ratio', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface RunSummary {
  scale: string;
  startedAt: string;
  minutes: number;
  machine: Machine;
  dataset: { reused: boolean; generatedSeconds: number; hash: string; skipped: string[] };
  results: Result[];
  pending: PendingMeasure[];
  failures: { measure: string; error: string }[];
}

export function writeResults(summary: RunSummary): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const list = summary.results.map(({ name, value, unit, ceiling, ratio, ...rest }) => ({ name, value, unit, ceiling, ratio, ...rest }));
  writeFileSync(join(RESULTS_DIR, 'latest.json'), JSON.stringify(list, null, 2) + '\n');
  writeFileSync(join(RESULTS_DIR, `${summary.scale}-run.json`), JSON.stringify(summary, null, 2) + '\n');
}

function markdownTable(summary: RunSummary): string {
  const lines = ['| measure | value | ceiling | ratio | target | |', '|---|---:|---:|---:|---|---|'];
  for (const r of summary.results) {
    lines.push(
      `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.ceiling === null ? '—' : `${fmt(r.ceiling)} ${r.unit}`} | ${r.ratio === null ? '—' : fmt(r.ratio)} | ${r.target ?? ''} | ${verdict(r)} |`,
    );
  }
  for (const p of summary.pending) lines.push(`| ${p.name} | pending | | | ${p.target ?? ''} | waits for ${p.waitsFor} |`);
  return lines.join('\n');
}

/** Rewrites the README's performance figures between the two marker comments. */
export function updateReadme(summary: RunSummary): void {
  const text = readFileSync(README, 'utf8');
  const begin = text.indexOf(README_BEGIN);
  const end = text.indexOf(README_END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no ${README_BEGIN} … ${README_END} section`);
  const m = summary.machine;
  const notes = summary.results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
  const body = [
    README_BEGIN,
    '',
    `Last full run: ${summary.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${summary.minutes.toFixed(1)} minutes ` +
      `(dataset ${summary.dataset.reused ? `reused, generated earlier in ${Math.round(summary.dataset.generatedSeconds)} s` : `generated in ${Math.round(summary.dataset.generatedSeconds)} s`}); ` +
      `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; load average ${m.loadAverageAtStart} at the start ` +
      `(other work shared the machine: figures are noisy, ratios less so).`,
    '',
    markdownTable(summary),
    '',
    ...(notes.length ? ['Details:', '', ...notes, ''] : []),
    ...(summary.failures.length ? ['Failed in this run:', '', ...summary.failures.map((f) => `- ${f.measure}: ${f.error}`), ''] : []),
    README_END,
  ].join('\n');
  writeFileSync(README, text.slice(0, begin) + body + text.slice(end + README_END.length));
}
