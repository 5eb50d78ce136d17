import { DatasetParams } from '../lib/params';
import { count, Step, withPlainIndexesDeferred } from './sql';

/**
 * Printed labels: one per assignment, printed on its first day by a print job of the venue and
 * quarter, showing the price version in force then; retired when the assignment ended, posted on
 * the shelf while it stands. The labels' staleness is then recomputed with the schema's own
 * xp_label_staleness(): every live label must agree with it (none is stale: no price changed
 * after the last quarter's labels were printed).
 */
export function labelsStep(): Step {
  return {
    name: 'labels',
    requires: ['labels', 'label_print_jobs'],
    async run({ client }) {
      await client.query(`
        -- Crockford base 32, 12 characters: the scan codes' alphabet
        CREATE FUNCTION bench.scan_code(n bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + ((n * 2654435761 + 987654321) >> (5 * i) & 31)::int, 1), '' ORDER BY i)
          FROM generate_series(0, 11) AS i $$;
        CREATE TABLE bench.label_rows AS
          SELECT row_number() OVER (ORDER BY a.venue_id, lower(a.period), a.slot_id) AS ln, a.id AS assignment_id, a.venue_id, a.slot_id,
                 a.sku_id, a.factory_org_id, lower(a.period) AS from_day, upper(a.period) AS to_day, v.n AS vn,
                 (lower(a.period) - (SELECT d0 FROM bench.meta)) / 91 AS quarter
          FROM slot_assignments a JOIN bench.venues v ON v.id = a.venue_id
          WHERE a.status = 'LIVE';
        CREATE TABLE bench.label_jobs AS
          SELECT vn, quarter, gen_random_uuid() AS id, min(venue_id::text)::uuid AS venue_id, count(*) AS labels, min(from_day) AS printed_on
          FROM bench.label_rows GROUP BY vn, quarter;
        INSERT INTO label_print_jobs (id, venue_id, template_id, format, selection, status, label_count, page_count, mime_type, file_name,
                                      file_size, file_sha256, created_by, created_at, finished_at)
          SELECT j.id, j.venue_id, (SELECT id FROM label_templates WHERE code = 'ROLL-50X30' AND venue_id IS NULL), 'PDF',
                 jsonb_build_object('slots', 'all occupied'), 'DONE', j.labels, j.labels, 'application/pdf',
                 'labels-' || j.vn || '-' || j.quarter || '.pdf', 1800 * j.labels, encode(sha256(convert_to(j.id::text, 'UTF8')), 'hex'),
                 v.staff_id, (j.printed_on - 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '17 hours',
                 (j.printed_on - 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '17 hours 2 minutes'
          FROM bench.label_jobs j JOIN bench.venues v ON v.n = j.vn;
        INSERT INTO labels (code, venue_id, job_id, template_id, slot_id, assignment_id, sku_id, factory_org_id, price_version_id,
                            status, printed_at, posted_at, posted_by, retired_at)
          SELECT bench.scan_code(r.ln), r.venue_id, j.id, (SELECT id FROM label_templates WHERE code = 'ROLL-50X30' AND venue_id IS NULL),
                 r.slot_id, r.assignment_id, r.sku_id, r.factory_org_id, pv.id,
                 CASE WHEN r.to_day IS NULL OR r.to_day > current_date THEN 'POSTED' ELSE 'RETIRED' END,
                 (r.from_day - 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '17 hours 2 minutes',
                 (r.from_day - 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '18 hours',
                 v.staff_id,
                 CASE WHEN r.to_day IS NULL OR r.to_day > current_date THEN NULL
                      ELSE (r.to_day - 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '18 hours' END
          FROM bench.label_rows r
          JOIN bench.label_jobs j ON j.vn = r.vn AND j.quarter = r.quarter
          JOIN bench.venues v ON v.n = r.vn
          CROSS JOIN LATERAL (
            SELECT l.id FROM price_sheet_lines l
            WHERE l.venue_id = r.venue_id AND l.sku_id = r.sku_id AND l.approval_seq IS NOT NULL
              AND l.effective_from <= r.from_day - 1
              AND l.approved_at <= (r.from_day - 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '17 hours'
            ORDER BY l.approval_seq DESC LIMIT 1) AS pv;
      `);
      const disagreeing = await count(
        client,
        `SELECT count(*) FROM labels l, xp_label_staleness(l.assignment_id, l.slot_id, l.sku_id, l.price_version_id) s
         WHERE l.status <> 'RETIRED' AND (s.stale_at IS DISTINCT FROM l.stale_at OR s.stale_reason IS DISTINCT FROM l.stale_reason)`,
      );
      if (disagreeing > 0) throw new Error(`${disagreeing} live labels disagree with xp_label_staleness()`);
      return `${await count(client, 'SELECT count(*) FROM labels')} labels; the live ones agree with xp_label_staleness()`;
    },
  };
}

/**
 * Scan events over the two years, in the month partitions the schema's own function makes:
 * each label scanned while it stood on its shelf (between printing and retirement), nine views
 * in ten, one listing download in ten (JSON or CSV), from devices that come back.
 */
export function scanEventsStep(params: DatasetParams): Step {
  const N = params.scanEvents;
  return {
    name: 'scan events',
    requires: ['scan_events', 'labels'],
    async run({ client, log }) {
      const labels = await count(client, 'SELECT count(*) FROM labels');
      const perLabel = Math.ceil(N / labels);
      const months = Math.ceil(params.historyDays / 30) + 3;
      await client.query(`SELECT xp_scan_events_ensure_partitions((SELECT d0 FROM bench.meta)::timestamp AT TIME ZONE 'Asia/Shanghai', ${months})`);
      await withPlainIndexesDeferred(client, 'scan_events', async () => {
        await client.query(`
          INSERT INTO scan_events (occurred_at, kind, label_id, code, venue_id, slot_id, sku_id, factory_org_id, device_hash, label_state, export_format)
            SELECT l.printed_at + interval '1 hour'
                     + ((bench.rnd(l.n * 64 + e, 41) % 1000000) / 1000000.0)::float8 * (coalesce(l.retired_at, now()) - l.printed_at - interval '2 hours'),
                   CASE WHEN e % 10 = 0 THEN 'LISTING' ELSE 'VIEW' END,
                   l.id, l.code, l.venue_id, l.slot_id, l.sku_id, l.factory_org_id,
                   md5((bench.rnd(l.n * 64 + e, 42) % 200000)::text), 'CURRENT',
                   CASE WHEN e % 10 = 0 THEN (ARRAY['JSON', 'CSV'])[1 + e % 20 / 10] END
            FROM (SELECT row_number() OVER () AS n, * FROM labels) AS l
            CROSS JOIN generate_series(1, ${perLabel}) AS e
            LIMIT ${N}`);
        log('  building the scan indexes');
      });
      return `${N} events over ${months} month partitions`;
    },
  };
}
