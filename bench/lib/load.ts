// autocannon ships no types; the part used here is declared below.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { total: number; average: number };
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  /** Seconds of load before measuring (JIT, pools and caches warm). */
  warmupSeconds?: number;
  /** Paths to cycle through on `url`'s origin (one per request, in turn), instead of `url`'s own. */
  paths?: string[];
  /** Called after the warm-up, just before the measured load (e.g. to read the server's CPU time). */
  beforeMeasuring?: () => Promise<void>;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  total: number;
}

function cycle(paths: string[]) {
  let next = 0;
  return (request: Record<string, unknown>) => ({ ...request, path: paths[next++ % paths.length] });
}

/**
 * Drives one URL with autocannon (as a library, from the harness process, while the server
 * runs in its own process). Any error, timeout or non-2xx answer fails the measure: a fast
 * error page must never pass for throughput.
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const request = {
    url: options.url,
    method: options.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body,
    connections: options.connections,
    pipelining: 1,
    timeout: 10,
    ...(options.paths ? { requests: [{ setupRequest: cycle(options.paths) }] } : {}),
  };
  if (options.warmupSeconds) await autocannon({ ...request, duration: options.warmupSeconds });
  await options.beforeMeasuring?.();
  const result = await autocannon({ ...request, duration: options.seconds });
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`load on ${options.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
  }
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}
