import { DatasetParams } from '../lib/params';
import { Step } from './sql';

export const BENCH_PASSWORD = 'xuanpin-bench-2025';
export const BENCH_EMAIL_DOMAIN = 'bench.xuanpin.test';

const CITIES = ['郑州', '义乌', '永康', '深圳', '广州', '台州', '泉州', '临沂', '白沟', '常熟', '杭州', '东莞'];
const FOCUS = ['全品类', '小商品', '五金工具', '3C数码', '美妆个护', '日用百货', '鞋服', '家居', '箱包', '针织服装', '礼品', '玩具'];

/**
 * Helpers of the generator (deterministic pseudo-random numbers, check characters) and its
 * numbering tables live in the schema `bench` of the bench database (created with its table of
 * steps done), never in the app's tables.
 */
export function helpersStep(params: DatasetParams): Step {
  return {
    name: 'helpers',
    async run({ client }) {
      await client.query(`
        -- deterministic pseudo-random non-negative integer for (seed, salt)
        CREATE FUNCTION bench.rnd(seed bigint, salt int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
          $$ SELECT abs(hashint8(seed * 1000003 + salt) % 2147483647) $$;
        -- GB 32100-2015: the 18th character of a unified social credit code from the first 17
        CREATE FUNCTION bench.credit_code(body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT body || substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                   (31 - (sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(body, i::int, 1)) - 1) * w) % 31)::int) % 31 + 1, 1)
          FROM unnest(ARRAY[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]) WITH ORDINALITY AS t(w, i) $$;
        -- GTIN-13 from its first 12 digits
        CREATE FUNCTION bench.gtin13(body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT body || ((10 - sum(substr(body, i, 1)::int * CASE WHEN i % 2 = 0 THEN 3 ELSE 1 END) % 10) % 10)::text
          FROM generate_series(1, 12) AS i $$;
        CREATE TABLE bench.meta AS
          SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date - ${params.historyDays} AS d0,
                 (now() AT TIME ZONE 'Asia/Shanghai')::date AS generated_on;
      `);
    },
  };
}

/** Regions, the platform, venues with their operators and governments, staff, factories and their admins. */
export function partiesStep(params: DatasetParams, passwordHash: string): Step {
  const V = params.venues;
  const F = params.factories;
  const cities = `(ARRAY[${CITIES.map((c) => `'${c}'`).join(',')}])`;
  const focus = `(ARRAY[${FOCUS.map((c) => `'${c}'`).join(',')}])`;
  return {
    name: 'parties',
    async run({ client }) {
      await client.query(`
        INSERT INTO regions (code, name) VALUES
          ('BENCH-NORTH', '华北大区'), ('BENCH-EAST', '华东大区'), ('BENCH-SOUTH', '华南大区');
        CREATE TABLE bench.platform AS SELECT gen_random_uuid() AS org_id, gen_random_uuid() AS admin_id;
        INSERT INTO organizations (id, kind, name, credit_code)
          SELECT org_id, 'PLATFORM', '1688 选品中心平台', bench.credit_code('91330100' || '000000001') FROM bench.platform;

        CREATE TABLE bench.venues AS
          SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS operator_id, gen_random_uuid() AS government_id,
                 (SELECT id FROM regions WHERE code = (ARRAY['BENCH-NORTH', 'BENCH-EAST', 'BENCH-SOUTH'])[1 + (n - 1) % 3]) AS region_id,
                 ${cities}[1 + (n - 1) % ${CITIES.length}] AS city,
                 ${focus}[1 + (n - 1) % ${FOCUS.length}] AS focus,
                 gen_random_uuid() AS admin_id, gen_random_uuid() AS reviewer_id, gen_random_uuid() AS staff_id
          FROM generate_series(1, ${V}) AS n;
        ALTER TABLE bench.venues ADD PRIMARY KEY (n);
        INSERT INTO organizations (id, kind, name, credit_code, region_id, address)
          SELECT operator_id, 'OPERATOR', city || '链主供应链管理有限公司' || n, bench.credit_code('91' || '410100' || lpad((100000000 + n)::text, 9, '0')),
                 region_id, city || '市产业园 ' || n || ' 号'
          FROM bench.venues;
        INSERT INTO organizations (id, kind, name, credit_code, region_id)
          SELECT government_id, 'GOVERNMENT', city || '市商务局（' || n || '）', bench.credit_code('11' || '410100' || lpad((200000000 + n)::text, 9, '0')), region_id
          FROM bench.venues;
        INSERT INTO venues (id, code, name, city, region_id, category_focus, operator_org_id, government_org_id)
          SELECT id, 'BV' || lpad(n::text, 3, '0'), city || focus || '选品中心', city, region_id, focus, operator_id, government_id
          FROM bench.venues;

        CREATE TABLE bench.factories AS
          SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS admin_id,
                 1 + (n - 1) % ${V} AS venue1,
                 CASE WHEN ${V} > 1 AND bench.rnd(n, 7) % 100 < ${params.secondVenuePercent} THEN 1 + n % ${V} END AS venue2,
                 (SELECT array_agg(id ORDER BY code) FROM categories WHERE parent_id IS NOT NULL) AS leaves
          FROM generate_series(1, ${F}) AS n;
        ALTER TABLE bench.factories ADD COLUMN category_id uuid;
        UPDATE bench.factories SET category_id = leaves[1 + n % cardinality(leaves)];
        ALTER TABLE bench.factories DROP COLUMN leaves;
        ALTER TABLE bench.factories ADD PRIMARY KEY (n);
        INSERT INTO organizations (id, kind, name, credit_code, region_id, industry_belt, contact_name, contact_phone)
          SELECT f.id, 'FACTORY', v.city || '源头工厂' || f.n || '号制造有限公司',
                 bench.credit_code('91' || '330782' || lpad((300000000 + f.n)::text, 9, '0')), v.region_id,
                 v.city || '产业带', '联系人' || f.n, '1380000' || lpad((f.n % 10000)::text, 4, '0')
          FROM bench.factories f JOIN bench.venues v ON v.n = f.venue1;
      `);
      await client.query(
        `INSERT INTO users (id, email, display_name, password_hash)
           SELECT admin_id, 'platform.admin@${BENCH_EMAIL_DOMAIN}', '平台管理员', $1 FROM bench.platform
         UNION ALL SELECT admin_id, 'op' || n || '@${BENCH_EMAIL_DOMAIN}', '运营管理员' || n, $1 FROM bench.venues
         UNION ALL SELECT reviewer_id, 'pr' || n || '@${BENCH_EMAIL_DOMAIN}', '价格审核员' || n, $1 FROM bench.venues
         UNION ALL SELECT staff_id, 'ss' || n || '@${BENCH_EMAIL_DOMAIN}', '展厅员工' || n, $1 FROM bench.venues
         UNION ALL SELECT admin_id, 'f' || n || '@${BENCH_EMAIL_DOMAIN}', '工厂管理员' || n, $1 FROM bench.factories`,
        [passwordHash],
      );
      await client.query(`
        INSERT INTO memberships (user_id, organization_id, organization_kind, role)
          SELECT admin_id, org_id, 'PLATFORM', 'PLATFORM_ADMIN' FROM bench.platform
          UNION ALL SELECT admin_id, operator_id, 'OPERATOR', 'OPERATOR_ADMIN' FROM bench.venues
          UNION ALL SELECT reviewer_id, operator_id, 'OPERATOR', 'PRICING_REVIEWER' FROM bench.venues
          UNION ALL SELECT staff_id, operator_id, 'OPERATOR', 'SHOWROOM_STAFF' FROM bench.venues
          UNION ALL SELECT admin_id, id, 'FACTORY', 'FACTORY_ADMIN' FROM bench.factories;
      `);
    },
  };
}

/** Every factory admitted (APPROVED) to its venue, a fifth of them to a second one; a quarter with a verified brand. */
export function admissionsStep(): Step {
  return {
    name: 'admissions and brands',
    async run({ client }) {
      await client.query(`
        CREATE TABLE bench.admissions AS
          SELECT f.n AS fn, v.n AS vn, v.id AS venue_id, f.id AS factory_id, f.admin_id AS factory_admin_id,
                 v.reviewer_id, v.admin_id AS operator_admin_id
          FROM bench.factories f JOIN bench.venues v ON v.n IN (f.venue1, f.venue2);
        ALTER TABLE bench.admissions ADD PRIMARY KEY (vn, fn);
        INSERT INTO venue_factories (venue_id, factory_org_id, status, payment_term_days, submitted_at, decided_at, admitted_at, version, created_at, updated_at)
          SELECT a.venue_id, a.factory_id, 'APPROVED', 30, m.d0 - 40, m.d0 - 35, m.d0 - 35, 3, m.d0 - 45, m.d0 - 35
          FROM bench.admissions a CROSS JOIN bench.meta m;
        INSERT INTO venue_factory_categories (venue_factory_id, category_id)
          SELECT vf.id, f.category_id FROM venue_factories vf JOIN bench.factories f ON f.id = vf.factory_org_id;
        INSERT INTO venue_factory_events (venue_factory_id, action, from_status, to_status, actor_user_id, occurred_at)
          SELECT vf.id, e.action, e.from_status, e.to_status, CASE WHEN e.action = 'APPROVE' THEN a.operator_admin_id ELSE a.factory_admin_id END,
                 vf.submitted_at + e.after
          FROM venue_factories vf JOIN bench.admissions a ON a.venue_id = vf.venue_id AND a.factory_id = vf.factory_org_id
          CROSS JOIN (VALUES ('SUBMIT', 'DRAFT', 'SUBMITTED', interval '0'), ('APPROVE', 'SUBMITTED', 'APPROVED', interval '5 days'))
            AS e(action, from_status, to_status, after);

        ALTER TABLE bench.factories ADD COLUMN brand_id uuid;
        UPDATE bench.factories SET brand_id = gen_random_uuid() WHERE n % 4 = 0;
        INSERT INTO brands (id, factory_org_id, name, trademark_reg_no, status, reviewed_by, reviewer_org_id, reviewed_at, created_at, updated_at)
          SELECT f.brand_id, f.id, '源品' || f.n, 'TM' || lpad(f.n::text, 8, '0'), 'VERIFIED', v.admin_id, v.operator_id,
                 m.d0 - 34, m.d0 - 40, m.d0 - 34
          FROM bench.factories f JOIN bench.venues v ON v.n = f.venue1 CROSS JOIN bench.meta m
          WHERE f.brand_id IS NOT NULL;
      `);
    },
  };
}
