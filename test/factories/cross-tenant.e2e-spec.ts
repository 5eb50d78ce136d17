import { TestApp, Caller } from '../support/test-app';
import { tinyPdf } from '@xp/factories';
import {
  APPLY,
  BRAND,
  BRANDS,
  CREATE_PRODUCT,
  CREATE_SKU,
  DECLARE_BRAND,
  DOCUMENT,
  DOCUMENTS,
  download,
  IMPORT,
  PRODUCT,
  PRODUCTS,
  REINSTATE,
  REVIEW,
  REVIEW_BRAND,
  SKU,
  SKUS,
  SUBMIT,
  SUSPEND,
  UPDATE_PRODUCT,
  UPDATE_SKU,
  UPDATE_VF,
  VENUE_FACTORIES,
  VENUE_FACTORY,
} from './ops';

/** Factory A's demo objects, tried by everyone who must not reach them. */
describe("nobody else reaches factory A's onboarding and catalog", () => {
  let t: TestApp;
  const a: Record<string, string> = {};
  beforeAll(async () => {
    t = await TestApp.start();
    const one = async (sql: string) => (await t.dataSource.query(sql, [t.demo.orgs.factoryA]))[0].id as string;
    a.venueFactory = await one('SELECT id FROM venue_factories WHERE factory_org_id = $1');
    a.licence = await one("SELECT id FROM documents WHERE owner_org_id = $1 AND kind = 'BUSINESS_LICENSE'");
    a.brand = await one('SELECT id FROM brands WHERE factory_org_id = $1');
    a.product = await one('SELECT id FROM products WHERE factory_org_id = $1 ORDER BY title_zh LIMIT 1');
    a.sku = await one('SELECT id FROM skus WHERE factory_org_id = $1 ORDER BY code LIMIT 1');
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    t.dataSource.query(
      `SELECT (SELECT row(status, version)::text FROM venue_factories WHERE id = $1) AS vf,
              (SELECT status FROM brands WHERE id = $2) AS brand,
              (SELECT row(title_zh, status)::text FROM products WHERE id = $3) AS product,
              (SELECT row(moq, status)::text FROM skus WHERE id = $4) AS sku,
              (SELECT count(*) FROM skus) AS skus, (SELECT count(*) FROM audit_events) AS audit`,
      [a.venueFactory, a.brand, a.product, a.sku],
    );

  describe.each<[string, Caller]>([
    ['factory B', 'factory2Admin'],
    ['the other venue’s operator', 'operator2Admin'],
    ['a government viewer', 'govViewer'],
  ])('%s', (_who, caller) => {
    it.each([
      ['venueFactory', VENUE_FACTORY, () => ({ id: a.venueFactory })],
      ['document', DOCUMENT, () => ({ id: a.licence })],
      ['brand', BRAND, () => ({ id: a.brand })],
      ['product', PRODUCT, () => ({ id: a.product })],
      ['sku', SKU, () => ({ id: a.sku })],
    ])('gets NOT_FOUND from %s(id)', async (_name, query, vars) => {
      expect((await t.fails(query, vars(), caller)).extensions.code).toBe('NOT_FOUND');
    });

    it('finds none of them in any list', async () => {
      const filter = { factoryOrgId: t.demo.orgs.factoryA };
      expect((await t.ok(VENUE_FACTORIES, { filter }, caller)).venueFactories.total).toBe(0);
      expect((await t.ok(BRANDS, { filter }, caller)).brands.total).toBe(0);
      expect((await t.ok(PRODUCTS, { filter }, caller)).products.total).toBe(0);
      expect((await t.ok(SKUS, { filter }, caller)).skus.total).toBe(0);
      expect((await t.ok(DOCUMENTS, { filter: { ownerOrgId: t.demo.orgs.factoryA } }, caller)).documents.total).toBe(0);
    });

    it('cannot download the licence', async () => {
      expect((await download(t, caller, a.licence)).status).toBe(404);
    });

    it('changes nothing with any mutation', async () => {
      const before = await snapshot();
      const attempts: [string, Record<string, unknown>][] = [
        [REVIEW, { id: a.venueFactory, decision: 'REJECT', reason: 'x' }],
        [SUSPEND, { id: a.venueFactory, reason: 'x' }],
        [REINSTATE, { id: a.venueFactory }],
        [SUBMIT, { id: a.venueFactory }],
        [UPDATE_VF, { id: a.venueFactory, note: 'x' }],
        [REVIEW_BRAND, { id: a.brand, decision: 'REJECT', reason: 'x' }],
        [UPDATE_PRODUCT, { id: a.product, titleZh: '偷改' }],
        [CREATE_SKU, { productId: a.product, code: 'STOLEN-1' }],
        [UPDATE_SKU, { id: a.sku, moq: 600 }],
        [IMPORT, { documentId: a.licence }],
      ];
      for (const [mutation, input] of attempts) {
        const error = await t.fails(mutation, { input }, caller);
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(error.extensions.code);
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  it("refuses factory B acting in factory A's name", async () => {
    const before = await snapshot();
    const cat = (await t.dataSource.query("SELECT id FROM categories WHERE code = 'APPAREL-SCARF'"))[0].id;
    const [{ id: certificate }] = await t.dataSource.query(
      "SELECT id FROM documents WHERE owner_org_id = $1 AND kind = 'TRADEMARK_CERTIFICATE'",
      [t.demo.orgs.factoryB],
    );
    const factoryA = t.demo.orgs.factoryA;
    const attempts: [string, Record<string, unknown>][] = [
      [APPLY, { venueId: t.demo.venues.yk, factoryOrgId: factoryA, categoryIds: [cat] }],
      [DECLARE_BRAND, { factoryOrgId: factoryA, name: '冒牌', trademarkRegNo: '12345678', certificateDocumentId: certificate }],
      [CREATE_PRODUCT, { factoryOrgId: factoryA, categoryId: cat, titleZh: '冒名商品' }],
      [IMPORT, { factoryOrgId: factoryA, documentId: a.licence }],
    ];
    for (const [mutation, input] of attempts) {
      expect((await t.fails(mutation, { input }, 'factory2Admin')).extensions.code).toBe('NOT_FOUND');
    }
    const token = await t.tokenFor('factory2Admin');
    const planted = await t
      .http()
      .post('/api/documents')
      .set('authorization', `Bearer ${token}`)
      .field('kind', 'OTHER')
      .field('ownerOrgId', factoryA)
      .attach('file', tinyPdf(), 'x.pdf');
    expect(planted.status).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect(await t.count('documents', 'owner_org_id = $1 AND kind = $2', [factoryA, 'OTHER'])).toBe(0);
  });

  it('lets factory A and the Zhengzhou operator reach them', async () => {
    expect((await t.ok(VENUE_FACTORY, { id: a.venueFactory }, 'factoryAdmin')).venueFactory.status).toBe('APPROVED');
    expect((await t.ok(VENUE_FACTORY, { id: a.venueFactory }, 'operatorAdmin')).venueFactory.status).toBe('APPROVED');
    expect((await t.ok(SKU, { id: a.sku }, 'operatorAdmin')).sku.factoryOrgId).toBe(t.demo.orgs.factoryA);
    expect((await download(t, 'operatorAdmin', a.licence)).status).toBe(200);
  });
});
