import { Client } from 'pg';
import type { EmbeddedPostgres } from '@xp/core';
import type { Dataset } from './cluster';
import { Better, meets, ratioOf, round, Target } from './stats';

/** One line of the results table and of bench/results/latest.json. */
export interface Result {
  name: string;
  value: number;
  unit: string;
  /** The same work done the simplest way, measured in the same run (or a stated limit). */
  ceiling: number | null;
  /** How good against the ceiling, above 1 beating it (value/ceiling when more is better, ceiling/value otherwise). */
  ratio: number | null;
  ceilingName: string | null;
  better: Better;
  target: string | null;
  met: boolean | null;
  scale: string;
  note?: string;
}

export function result(options: {
  name: string;
  value: number;
  unit: string;
  better: Better;
  scale: string;
  ceiling?: number | null;
  ceilingName?: string | null;
  /** Every target must hold for `met`. */
  target?: Target | Target[] | null;
  note?: string;
}): Result {
  const ceiling = options.ceiling ?? null;
  const ratio = ceiling === null ? null : ratioOf(options.value, ceiling, options.better);
  const targets = options.target ? (Array.isArray(options.target) ? options.target : [options.target]) : [];
  const holds = targets.map((target) => {
    const actual = target.on === 'ratio' ? ratio : options.value;
    return actual === null ? null : meets(actual, target);
  });
  const met = holds.length === 0 || holds.includes(null) ? null : holds.every(Boolean);
  return {
    name: options.name,
    value: round(options.value),
    unit: options.unit,
    ceiling: ceiling === null ? null : round(ceiling),
    ratio: ratio === null ? null : round(ratio),
    ceilingName: options.ceilingName ?? null,
    better: options.better,
    target: targets.length ? targets.map((t) => t.text).join(' and ') : null,
    met,
    scale: options.scale,
    note: options.note,
  };
}

export interface MeasureContext {
  pg: EmbeddedPostgres;
  dataset: Dataset;
  /** The 1/100 dataset too, in a full run (for growth). */
  smallDataset?: Dataset;
  log(line: string): void;
  /** Load durations: shorter at the small scale. */
  loadSeconds: number;
  warmupSeconds: number;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Measure {
  name: string;
  /** Tables it needs; while one is missing (its area not merged yet) the measure is listed as pending. */
  requires?: string[];
  /** Only in a full run (e.g. growth from 1/100 to 1/10). */
  fullOnly?: boolean;
  run(ctx: MeasureContext): Promise<Result[]>;
}

/** A measure that waits for code that does not exist on this branch yet. */
export interface PendingMeasure {
  name: string;
  waitsFor: string;
  target: string | null;
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, options: '-c TimeZone=Asia/Shanghai' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
