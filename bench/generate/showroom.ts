import { DatasetParams } from '../lib/params';
import { Step } from './sql';

/**
 * Every venue's floor (zones A…, shelves, levels → slots with codes like A-03-2) and two years
 * of assignments: a quarter per SKU on each slot, back to back (never overlapping: the
 * exclusion constraint checks every row), nine slots in ten occupied today. Every assigned SKU
 * is of a factory admitted to the venue and priced there before its first day.
 */
export function showroomStep(params: DatasetParams): Step {
  const Z = params.zonesPerVenue;
  const L = params.levelsPerShelf;
  const shelves = params.slotsPerVenue / (Z * L);
  if (!Number.isInteger(shelves)) throw new Error('slotsPerVenue must be a multiple of zones × levels');
  const periods = params.priceSheetsPerAdmission;
  const length = params.historyDays / periods;
  return {
    name: 'showroom',
    async run({ client }) {
      await client.query(`
        CREATE TABLE bench.zones AS
          SELECT v.n AS vn, z, gen_random_uuid() AS id, v.id AS venue_id, chr(64 + z) AS code,
                 (SELECT array_agg(id ORDER BY code) FROM categories WHERE parent_id IS NOT NULL) AS leaves
          FROM bench.venues v CROSS JOIN generate_series(1, ${Z}) AS z;
        INSERT INTO zones (id, venue_id, code, name, floor, category_id, created_at)
          SELECT id, venue_id, code, code || '区', 1 + (z - 1) / 4, leaves[1 + (vn + z) % cardinality(leaves)], m.d0 - 31
          FROM bench.zones CROSS JOIN bench.meta m;
        CREATE TABLE bench.shelves AS
          SELECT z.vn, z.z, number, gen_random_uuid() AS id, z.id AS zone_id, z.venue_id,
                 z.code || '-' || lpad(number::text, CASE WHEN number > 99 THEN 3 ELSE 2 END, '0') AS code
          FROM bench.zones z CROSS JOIN generate_series(1, ${shelves}) AS number;
        INSERT INTO shelves (id, venue_id, zone_id, number, code, created_at)
          SELECT id, venue_id, zone_id, number, code, m.d0 - 31 FROM bench.shelves CROSS JOIN bench.meta m;
        CREATE TABLE bench.slots AS
          SELECT sh.vn, row_number() OVER (PARTITION BY sh.vn ORDER BY sh.z, sh.number, level) AS sn, gen_random_uuid() AS id,
                 sh.venue_id, sh.zone_id, sh.id AS shelf_id, level, sh.code || '-' || level AS code
          FROM bench.shelves sh CROSS JOIN generate_series(1, ${L}) AS level;
        ALTER TABLE bench.slots ADD PRIMARY KEY (vn, sn);
        INSERT INTO slots (id, venue_id, zone_id, shelf_id, level, code, kind, status, active_from, created_at)
          SELECT s.id, s.venue_id, s.zone_id, s.shelf_id, s.level, s.code,
                 CASE WHEN s.level = 1 AND s.sn % 40 = 1 THEN 'END_CAP' ELSE 'SHELF' END,
                 CASE WHEN bench.rnd(s.vn * 100000 + s.sn, 21) % 100 = 0 THEN 'MAINTENANCE' ELSE 'ACTIVE' END,
                 m.d0 - 30, m.d0 - 31
          FROM bench.slots s CROSS JOIN bench.meta m;

        -- the SKUs each venue may show: those of factories admitted there, numbered per venue
        CREATE TABLE bench.venue_skus AS
          SELECT a.vn, row_number() OVER (PARTITION BY a.vn ORDER BY s.gn) AS idx, s.gn, s.id AS sku_id, s.fn, a.factory_id, a.venue_id
          FROM bench.admissions a JOIN bench.skus s ON s.fn = a.fn;
        ALTER TABLE bench.venue_skus ADD PRIMARY KEY (vn, idx);
        CREATE TABLE bench.venue_sku_counts AS SELECT vn, count(*) AS n FROM bench.venue_skus GROUP BY vn;

        INSERT INTO slot_assignments (venue_id, slot_id, sku_id, factory_org_id, period, status, created_by, created_at, updated_at)
          SELECT s.venue_id, s.id, vs.sku_id, vs.factory_id,
                 daterange(m.d0 + 7 + j * ${length}, CASE WHEN j < ${periods - 1} THEN m.d0 + 7 + (j + 1) * ${length} END, '[)'),
                 'LIVE', v.staff_id, (m.d0 + 5 + j * ${length})::timestamp AT TIME ZONE 'Asia/Shanghai',
                 (m.d0 + 5 + j * ${length})::timestamp AT TIME ZONE 'Asia/Shanghai'
          FROM bench.slots s
          JOIN bench.venues v ON v.n = s.vn
          JOIN bench.venue_sku_counts c ON c.vn = s.vn
          CROSS JOIN generate_series(0, ${periods - 1}) AS j
          CROSS JOIN bench.meta m
          JOIN bench.venue_skus vs ON vs.vn = s.vn AND vs.idx = 1 + (s.sn * 7919 + j * 104729) % c.n
          WHERE j < ${periods - 1} OR bench.rnd(s.vn * 100000 + s.sn, 22) % 10 <> 0
            AND bench.rnd(s.vn * 100000 + s.sn, 21) % 100 <> 0;
      `);
    },
  };
}
