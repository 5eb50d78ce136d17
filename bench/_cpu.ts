import { execSync } from 'node:child_process';
import { startServer } from '/work/wt/bench/bench/lib/processes';
import { startBenchCluster } from '/work/wt/bench/bench/lib/cluster';
import { login } from '/work/wt/bench/bench/lib/api';
import { load } from '/work/wt/bench/bench/lib/load';
import { SLOT_LIST_QUERY } from '/work/wt/bench/bench/measures/slot-list';
import { Client } from 'pg';
function cpu(pids: number[]) { // total ticks of processes: node server, all postgres
  const out: Record<string, number> = { server: 0, postgres: 0, self: 0 };
  for (const line of execSync('ps -eo pid,ppid,times,comm --no-headers').toString().trim().split('\n')) {
    const [pid, ppid, t, comm] = line.trim().split(/\s+/);
    if (pids.includes(Number(pid))) out.server += Number(t);
    else if (comm === 'postgres') out.postgres += Number(t);
    else if (Number(pid) === process.pid) out.self += Number(t);
  }
  return out;
}
async function main() {
  const pg = await startBenchCluster(() => undefined);
  const url = pg.urlFor(process.env.DB ?? 'xp_bench_small');
  const c = new Client({ connectionString: url }); await c.connect();
  const { rows } = await c.query(`SELECT (SELECT id FROM bench.venues WHERE n = 1) AS "venueId", (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS day`); await c.end();
  for (const mode of ['api', 'bare'] as const) {
    const s = await startServer(mode, url);
    try {
      const token = mode === 'api' ? await login(s.base, 'op1@bench.xuanpin.test') : '';
      const opts = mode === 'api' ? { url: `${s.base}/graphql`, method: 'POST' as const, headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ query: SLOT_LIST_QUERY, variables: rows[0] }) } : { url: `${s.base}/bare/slots?venueId=${rows[0].venueId}&day=${rows[0].day}` };
      await load({ ...opts, connections: 16, seconds: 2 });
      const a = cpu([s.pid]);
      const r = await load({ ...opts, connections: 16, seconds: Number(process.env.SECS ?? 8) });
      const b = cpu([s.pid]);
      console.log(mode, r.requestsPerSecond.toFixed(0), 'req/s', 'cpu s: server', b.server - a.server, 'postgres', b.postgres - a.postgres, 'loadgen', b.self - a.self, 'requests', r.total);
    } finally { await s.stop(); }
  }
  await pg.stop();
}
main();
