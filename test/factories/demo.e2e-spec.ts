import { DEMO_PASSWORD } from '@xp/demo';
import { TestApp } from '../support/test-app';
import { LOGIN, VENUE_FACTORIES } from './ops';

/** The demo's onboarding and catalog, as a newcomer clicking through would find them. */
describe('demo data: factories and catalog', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('admits factory A at Zhengzhou, factory B at both venues, and queues a third factory', async () => {
    const rows: { name: string; code: string; status: string }[] = await t.dataSource.query(
      `SELECT o.name, v.code, vf.status FROM venue_factories vf JOIN organizations o ON o.id = vf.factory_org_id
       JOIN venues v ON v.id = vf.venue_id ORDER BY o.name, v.code`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { name: '河南豫暖针织服饰有限公司', code: 'ZZ-AIRPORT', status: 'APPROVED' },
        { name: '义乌行远箱包有限公司', code: 'YK-HARDWARE', status: 'APPROVED' },
        { name: '义乌行远箱包有限公司', code: 'ZZ-AIRPORT', status: 'APPROVED' },
        { name: '新郑市好日子日用品厂', code: 'ZZ-AIRPORT', status: 'SUBMITTED' },
      ]),
    );
    expect(rows).toHaveLength(4);
    const queue = await t.ok(VENUE_FACTORIES, { filter: { venueId: t.demo.venues.zz, status: ['SUBMITTED'] } }, 'operatorAdmin');
    expect(queue.venueFactories.items.map((i: { factory: { name: string } }) => i.factory.name)).toEqual(['新郑市好日子日用品厂']);
  });

  it("verifies factory A's brand 豫暖 and leaves factory B's waiting", async () => {
    const brands = await t.dataSource.query('SELECT name, trademark_reg_no, status FROM brands ORDER BY name');
    expect(brands).toEqual(
      expect.arrayContaining([
        { name: '豫暖', trademark_reg_no: '41520368', status: 'VERIFIED' },
        { name: '行远', trademark_reg_no: '38817245', status: 'PENDING' },
      ]),
    );
  });

  it('gives each factory a catalog of valid SKUs with colours, sizes, packs and MOQs', async () => {
    const counts = await t.dataSource.query(
      `SELECT s.factory_org_id, count(*)::int AS skus, count(DISTINCT s.product_id)::int AS products,
              bool_and(xp_gtin13_valid(s.gtin)) AS gtins, bool_and(s.attributes ? '颜色' AND s.attributes ? '尺码') AS attributes,
              bool_and(s.moq % s.pack_size = 0) AS packs
       FROM skus s GROUP BY s.factory_org_id`,
    );
    expect(counts).toEqual(
      expect.arrayContaining([
        { factory_org_id: t.demo.orgs.factoryA, skus: 10, products: 3, gtins: true, attributes: true, packs: true },
        { factory_org_id: t.demo.orgs.factoryB, skus: 9, products: 2, gtins: true, attributes: true, packs: true },
      ]),
    );
    const titles = (await t.dataSource.query('SELECT title_zh FROM products ORDER BY title_zh')).map((r: { title_zh: string }) => r.title_zh);
    expect(titles).toEqual(expect.arrayContaining(['豫暖羊毛针织围巾', '豫暖加厚毛线帽', '豫暖圆领羊毛衫', '行远万向轮拉杆箱', '行远商务双肩包']));
  });

  it('keeps its demo documents tiny and real', async () => {
    const docs: { mime_type: string; size_bytes: string }[] = await t.dataSource.query('SELECT mime_type, size_bytes FROM documents');
    expect(docs.length).toBeGreaterThan(4);
    expect(docs.every((d) => Number(d.size_bytes) < 2048 && ['application/pdf', 'image/png'].includes(d.mime_type))).toBe(true);
  });

  it('lets the third factory sign in with the demo password', async () => {
    const { login } = await t.ok(LOGIN, { input: { email: 'factory3.admin@demo.xuanpin.test', password: DEMO_PASSWORD } }, null);
    expect(login.accessToken).toEqual(expect.any(String));
  });

  it('records every demo step in the audit trail', async () => {
    expect(await t.count('audit_events', "action = 'venueFactory.approved'")).toBe(3);
    expect(await t.count('audit_events', "action = 'brand.verified'")).toBe(1);
    expect(await t.count('venue_factory_events')).toBe(3 * 3 + 2);
  });
});
