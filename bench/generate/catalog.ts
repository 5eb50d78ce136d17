import { DatasetParams } from '../lib/params';
import { Step } from './sql';

const ADJECTIVES = ['加厚', '轻薄', '新款', '经典', '高端', '便携', '多功能', '简约', '复古', '耐用', '环保', '升级版', '大容量', '迷你', '加长', '防水'];
const NOUNS: Record<string, string[]> = {
  'APPAREL-SCARF': ['针织围巾', '羊毛围巾', '流苏披肩'],
  'APPAREL-SWEATER': ['毛衣', '开衫', '高领针织衫'],
  'APPAREL-HAT': ['针织帽', '毛线帽', '护耳帽'],
  'LUGGAGE-TROLLEY': ['拉杆箱', '登机箱', '铝框行李箱'],
  'LUGGAGE-BACKPACK': ['双肩包', '电脑包', '旅行背包'],
  'HARDWARE-HAND': ['螺丝刀套装', '扳手', '钳子'],
  'HARDWARE-POWER': ['电钻', '角磨机', '电动螺丝刀'],
  'HARDWARE-KITCHEN': ['水龙头', '置物架', '拉篮'],
  '3C-ACCESSORY': ['手机壳', '数据线', '充电头'],
  '3C-AUDIO': ['蓝牙耳机', '音箱', '头戴耳机'],
  'BEAUTY-SKIN': ['面霜', '精华液', '洁面乳'],
  'BEAUTY-MAKEUP': ['口红', '眼影盘', '粉底液'],
  'DAILY-KITCHEN': ['保温杯', '不粘锅', '砧板'],
  'DAILY-STORAGE': ['收纳箱', '衣架', '整理盒'],
};
const COLORS = ['黑色', '白色', '红色', '藏青', '灰色', '米色', '卡其', '酒红'];
const SIZES = ['S', 'M', 'L', 'XL', 'XXL'];

const arr = (items: string[]) => `(ARRAY[${items.map((s) => `'${s}'`).join(',')}])`;

/** Products and SKUs: every factory's catalog, and the import factory's 10,000 SKUs for the price-sheet import. */
export function catalogStep(params: DatasetParams): Step {
  const perProduct = params.skusPerProduct;
  const products = params.skusPerFactory / perProduct;
  const words = Object.entries(NOUNS).map(([code, nouns]) => `('${code}', ${arr(nouns)})`).join(',');
  return {
    name: 'catalog',
    async run({ client }) {
      await client.query(`
        CREATE TABLE bench.words AS
          SELECT c.id AS category_id, w.nouns FROM (VALUES ${words}) AS w(code, nouns) JOIN categories c ON c.code = w.code;
        CREATE TABLE bench.products AS
          SELECT f.n AS fn, p, gen_random_uuid() AS id, f.id AS factory_id, f.category_id, f.brand_id
          FROM bench.factories f CROSS JOIN generate_series(1, ${products}) AS p;
        ALTER TABLE bench.products ADD PRIMARY KEY (fn, p);
        INSERT INTO products (id, factory_org_id, category_id, brand_id, title_zh, title_en, description, created_at, updated_at)
          SELECT p.id, p.factory_id, p.category_id, CASE WHEN p.p % 2 = 0 THEN p.brand_id END,
                 ${arr(ADJECTIVES)}[1 + bench.rnd(p.fn * 1000 + p.p, 1) % ${ADJECTIVES.length}]
                   || w.nouns[1 + bench.rnd(p.fn * 1000 + p.p, 2) % cardinality(w.nouns)]
                   || ' ' || p.fn || '-' || p.p || '款',
                 'Style ' || p.fn || '-' || p.p,
                 '源头工厂直供，支持一件代发与批量采购。',
                 m.d0 - 40, m.d0 - 40
          FROM bench.products p JOIN bench.words w ON w.category_id = p.category_id CROSS JOIN bench.meta m;

        CREATE TABLE bench.skus AS
          SELECT row_number() OVER (ORDER BY p.fn, p.p, k) AS gn, p.fn, p.p, k, gen_random_uuid() AS id, p.id AS product_id, p.factory_id
          FROM bench.products p CROSS JOIN generate_series(1, ${perProduct}) AS k;
        ALTER TABLE bench.skus ADD PRIMARY KEY (gn);
        ALTER TABLE bench.skus ADD COLUMN pack_size int, ADD COLUMN moq int;
        UPDATE bench.skus SET pack_size = (ARRAY[1, 1, 6, 12])[1 + gn % 4];
        UPDATE bench.skus SET moq = pack_size * (1 + bench.rnd(gn, 3) % 5);
        CREATE INDEX ON bench.skus (fn);
        INSERT INTO skus (id, product_id, factory_org_id, code, gtin, attributes, unit, pack_size, moq, weight_grams, created_at, updated_at)
          SELECT s.id, s.product_id, s.factory_id, 'P' || lpad(s.p::text, 3, '0') || '-' || s.k,
                 bench.gtin13('69' || lpad(s.gn::text, 10, '0')),
                 jsonb_build_object('颜色', ${arr(COLORS)}[1 + bench.rnd(s.gn, 4) % ${COLORS.length}], '尺码', ${arr(SIZES)}[1 + (s.k - 1) % ${SIZES.length}]),
                 CASE WHEN s.pack_size = 1 THEN '件' ELSE '包' END, s.pack_size, s.moq, 100 + bench.rnd(s.gn, 5) % 2000,
                 m.d0 - 40, m.d0 - 40
          FROM bench.skus s CROSS JOIN bench.meta m;
      `);
    },
  };
}

/**
 * The factory whose 10,000 SKUs the price-sheet import prices (admitted to the first venue),
 * with its admin. Its SKU codes are IMP-00001…
 */
export function importFactoryStep(params: DatasetParams, passwordHash: string): Step {
  const rows = params.importRows;
  return {
    name: 'import factory',
    async run({ client }) {
      await client.query(`
        CREATE TABLE bench.import_factory AS
          SELECT gen_random_uuid() AS id, gen_random_uuid() AS admin_id, (SELECT id FROM bench.venues WHERE n = 1) AS venue_id,
                 (SELECT id FROM categories WHERE code = 'DAILY-KITCHEN') AS category_id;
        INSERT INTO organizations (id, kind, name, credit_code)
          SELECT id, 'FACTORY', '台州日用品导入测试工厂有限公司', bench.credit_code('91' || '331000' || '399999999') FROM bench.import_factory;
        INSERT INTO venue_factories (venue_id, factory_org_id, status, submitted_at, decided_at, admitted_at, version)
          SELECT venue_id, id, 'APPROVED', now() - interval '30 days', now() - interval '29 days', now() - interval '29 days', 3
          FROM bench.import_factory;
        INSERT INTO products (id, factory_org_id, category_id, title_zh, created_at)
          SELECT gen_random_uuid(), f.id, f.category_id, '导入测试商品 ' || p, now() - interval '20 days'
          FROM bench.import_factory f CROSS JOIN generate_series(1, ${rows / 5}) AS p;
        INSERT INTO skus (product_id, factory_org_id, code, unit, pack_size, moq, created_at)
          SELECT p.id, p.factory_org_id, 'IMP-' || lpad(((p.pn - 1) * 5 + k)::text, 5, '0'), '件', 1, 1 + k, now() - interval '20 days'
          FROM (SELECT id, factory_org_id, row_number() OVER (ORDER BY id) AS pn
                FROM products WHERE factory_org_id = (SELECT id FROM bench.import_factory)) AS p
          CROSS JOIN generate_series(1, 5) AS k;
      `);
      await client.query(
        `INSERT INTO users (id, email, display_name, password_hash)
           SELECT admin_id, 'import.factory@${'bench.xuanpin.test'}', '导入工厂管理员', $1 FROM bench.import_factory`,
        [passwordHash],
      );
      await client.query(`
        INSERT INTO memberships (user_id, organization_id, organization_kind, role)
          SELECT admin_id, id, 'FACTORY', 'FACTORY_ADMIN' FROM bench.import_factory;
      `);
    },
  };
}
