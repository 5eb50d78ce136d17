import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { SkusService } from '@xp/catalog';
import { Role } from '@xp/core';
import { BrandStatus, DocumentKind, tinyPdf, tinyPng, VenueFactoryStatus } from '@xp/factories';
import { categoryIds, CATEGORIES, CREATE_CATEGORY, CREATE_PRODUCT, CREATE_SKU, PRODUCT, PRODUCTS, SKU, SKUS, UPDATE_PRODUCT, UPDATE_SKU, uploaded } from '../factories/ops';
import { Given, uniqueSuffix } from '../support/given';
import { Caller, TestApp } from '../support/test-app';

describe('catalog', () => {
  let t: TestApp;
  let given: Given;
  let cats: Record<string, string>;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    cats = await categoryIds(t);
  });
  afterAll(() => t.close());

  describe('categories', () => {
    it('shows the tree to anyone signed in, and nobody else', async () => {
      const { categories } = await t.ok(CATEGORIES, { filter: { rootsOnly: true } }, 'factoryAdmin');
      const apparel = categories.items.find((c: { code: string }) => c.code === 'APPAREL');
      expect(apparel.children.map((c: { code: string }) => c.code)).toEqual(['APPAREL-SCARF', 'APPAREL-SWEATER', 'APPAREL-HAT']);
      const { categories: children } = await t.ok(CATEGORIES, { filter: { parentId: cats.LUGGAGE } }, 'govViewer');
      expect(children.items.map((c: { code: string; parent: { code: string } }) => [c.code, c.parent.code])).toEqual([
        ['LUGGAGE-TROLLEY', 'LUGGAGE'],
        ['LUGGAGE-BACKPACK', 'LUGGAGE'],
      ]);
      expect((await t.fails(CATEGORIES, {}, null)).extensions.code).toBe('UNAUTHENTICATED');
    });

    it('lets platform admins add a category, once per code, under an existing parent', async () => {
      const code = `APPAREL-G${uniqueSuffix().slice(0, 4)}`;
      const input = { code, nameZh: '手套', nameEn: 'Gloves', parentId: cats.APPAREL, sortOrder: 4 };
      expect((await t.ok(CREATE_CATEGORY, { input }, 'platformAdmin')).createCategory).toMatchObject({ code, parent: { code: 'APPAREL' } });
      const before = await t.count('categories');
      expect((await t.fails(CREATE_CATEGORY, { input }, 'platformAdmin')).extensions.code).toBe('DUPLICATE');
      expect((await t.fails(CREATE_CATEGORY, { input: { ...input, code: 'NEW-1', parentId: '00000000-0000-4000-8000-000000000000' } }, 'platformAdmin')).extensions.fields?.[0].path).toBe('input.parentId');
      expect((await t.fails(CREATE_CATEGORY, { input: { ...input, code: 'NEW-2' } }, 'operatorAdmin')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(CREATE_CATEGORY, { input: { ...input, code: 'bad code' } }, 'platformAdmin')).extensions.fields?.[0].path).toBe('input.code');
      expect(await t.count('categories')).toBe(before);
    });
  });

  describe('products', () => {
    async function factoryWithBrand(status = BrandStatus.VERIFIED) {
      const factory = await given.factory();
      const brand = await given.brand(factory.org.id, { status, reviewReason: status === BrandStatus.REJECTED ? '无效' : null });
      return { ...factory, caller: { token: factory.admin.token }, brand };
    }

    it('creates a product in a leaf category with the factory’s brand and images', async () => {
      const f = await factoryWithBrand();
      const image = await uploaded(t, f.caller, DocumentKind.PRODUCT_IMAGE, tinyPng());
      const input = { categoryId: cats['APPAREL-SCARF'], brandId: f.brand.id, titleZh: '羊绒围巾', titleEn: 'Cashmere scarf', imageDocumentIds: [image] };
      const { createProduct } = await t.ok(CREATE_PRODUCT, { input }, f.caller);
      expect(createProduct).toMatchObject({
        factoryOrgId: f.org.id,
        status: 'ACTIVE',
        category: { code: 'APPAREL-SCARF' },
        brand: { name: f.brand.name },
        imageDocumentIds: [image],
        skus: [],
      });
      expect(await t.count('audit_events', "entity_id = $1 AND action = 'product.created'", [createProduct.id])).toBe(1);
    });

    it('refuses a parent category, a foreign or rejected brand and foreign images, naming the field', async () => {
      const f = await factoryWithBrand();
      const rejected = await given.brand(f.org.id, { status: BrandStatus.REJECTED, reviewReason: '无效' });
      const other = await factoryWithBrand();
      const licence = await uploaded(t, f.caller, DocumentKind.BUSINESS_LICENSE, tinyPdf());
      const base = { categoryId: cats['APPAREL-SCARF'], titleZh: '围巾' };
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ categoryId: cats.APPAREL }, 'input.categoryId', /APPAREL-SCARF, APPAREL-SWEATER, APPAREL-HAT/],
        [{ brandId: other.brand.id }, 'input.brandId', /not one of your brands/],
        [{ brandId: rejected.id }, 'input.brandId', /rejected/],
        [{ imageDocumentIds: [licence] }, 'input.imageDocumentIds.0', /PRODUCT_IMAGE/],
      ];
      for (const [overrides, path, message] of cases) {
        const error = await t.fails(CREATE_PRODUCT, { input: { ...base, ...overrides } }, f.caller);
        expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path, message: expect.stringMatching(message) }] });
      }
      expect((await t.fails(CREATE_PRODUCT, { input: base }, 'operatorAdmin')).extensions.code).toBe('FORBIDDEN');
      expect(await t.count('products', 'factory_org_id = $1', [f.org.id])).toBe(0);
    });

    it('updates its own product, and nobody else can', async () => {
      const f = await factoryWithBrand();
      const product = await given.product(f.org.id, { brandId: f.brand.id });
      const { updateProduct } = await t.ok(UPDATE_PRODUCT, { input: { id: product.id, titleZh: '新标题', clearBrand: true, status: 'ARCHIVED' } }, f.caller);
      expect(updateProduct).toMatchObject({ titleZh: '新标题', brandId: null, status: 'ARCHIVED' });
      await given.admission(t.demo.venues.zz, f.org.id);
      expect((await t.fails(UPDATE_PRODUCT, { input: { id: product.id, titleZh: 'x' } }, 'operatorAdmin')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(UPDATE_PRODUCT, { input: { id: product.id, titleZh: 'x' } }, 'factory2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.dataSource.query('SELECT title_zh FROM products WHERE id = $1', [product.id]))[0].title_zh).toBe('新标题');
    });

    const titles = async (caller: Caller, filter: Record<string, unknown>) =>
      (await t.ok(PRODUCTS, { filter, perPage: 200 }, caller)).products.items.map((p: { titleZh: string }) => p.titleZh).sort();

    it('finds products by a Chinese word, by category with its subcategories, by brand and status', async () => {
      expect(await titles('factoryAdmin', { search: '围巾' })).toEqual(['豫暖羊毛针织围巾']);
      expect(await titles('factoryAdmin', { categoryId: cats.APPAREL })).toEqual(['豫暖加厚毛线帽', '豫暖圆领羊毛衫', '豫暖羊毛针织围巾']);
      const [{ id: brandA }] = await t.dataSource.query("SELECT id FROM brands WHERE name = '豫暖'");
      expect(await titles('operatorAdmin', { brandId: brandA })).toHaveLength(3);
      expect(await titles('factoryAdmin', { status: 'ARCHIVED' })).toEqual([]);
      expect(await titles('operatorAdmin', { search: '拉杆箱' })).toEqual(['行远万向轮拉杆箱']);
    });

    it('shows venue staff only the products of factories admitted at their venues', async () => {
      const applying = await given.factory();
      await given.admission(t.demo.venues.zz, applying.org.id, VenueFactoryStatus.SUBMITTED);
      const product = await given.product(applying.org.id, { titleZh: `待审商品${uniqueSuffix()}` });
      expect(await titles('operatorAdmin', { search: '待审商品' })).not.toContain(product.titleZh);
      expect((await t.fails(PRODUCT, { id: product.id }, 'operatorAdmin')).extensions.code).toBe('NOT_FOUND');
      const yk = await titles('operator2Admin', {});
      expect(yk).toContain('行远商务双肩包');
      expect(yk).not.toContain('豫暖羊毛针织围巾');
      expect(await titles('govViewer', {})).toEqual([]);
      expect(await titles('factory2Admin', { venueId: t.demo.venues.zz, search: '豫暖' })).toEqual([]);
      expect(await titles('platformAdmin', { venueId: t.demo.venues.yk })).toEqual(['行远万向轮拉杆箱', '行远商务双肩包'].sort());
    });

    it("answers NOT_FOUND for another tenant's product", async () => {
      const [{ id }] = await t.dataSource.query("SELECT id FROM products WHERE title_zh = '豫暖羊毛针织围巾'");
      expect((await t.ok(PRODUCT, { id }, 'operatorAdmin')).product.skus).toHaveLength(3);
      for (const caller of ['factory2Admin', 'operator2Admin', 'govViewer'] as Caller[]) {
        expect((await t.fails(PRODUCT, { id }, caller)).extensions.code).toBe('NOT_FOUND');
      }
    });

    it('loads SKUs, categories, brands and products in batches, not per row', async () => {
      const query = `query($perPage: Int) { products(perPage: $perPage, sort: { field: "createdAt", order: ASC }) { items { id category { code } brand { name } skus { code product { titleZh } } } } }`;
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const countFor = async (perPage: number) => {
          spy.mockClear();
          const { products } = await t.ok(query, { perPage }, 'platformAdmin');
          expect(products.items).toHaveLength(perPage);
          expect(products.items.filter((p: { brand: unknown }) => p.brand).length).toBeGreaterThan(0);
          return spy.mock.calls.length;
        };
        for (let i = 0; i < 30; i++) await given.sku((await given.factory()).org.id);
        // sign-in, the page, its count, then one query per relation whatever the page size
        expect(await countFor(30)).toBeLessThanOrEqual(8);
        expect(await countFor(30)).toBe(await countFor(10));
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('SKUs', () => {
    async function productOf() {
      const factory = await given.factory();
      const product = await given.product(factory.org.id);
      return { factory, product, caller: { token: factory.admin.token } };
    }

    it('creates a SKU with attributes, pack size and MOQ (one pack by default)', async () => {
      const { product, caller } = await productOf();
      const input = { productId: product.id, code: 'SC-RED', gtin: '690 1234 567892', attributes: { 颜色: '红', 尺码: 'M' }, unit: '条', packSize: 6, weightGrams: 180 };
      const { createSku } = await t.ok(CREATE_SKU, { input }, caller);
      expect(createSku).toMatchObject({ code: 'SC-RED', gtin: '6901234567892', attributes: { 颜色: '红', 尺码: 'M' }, packSize: 6, moq: 6, unit: '条', product: { titleZh: product.titleZh } });
    });

    it('refuses a wrong check digit, an MOQ that is not whole packs, bad attributes and a bad code', async () => {
      const { product, caller, factory } = await productOf();
      const cases: [Record<string, unknown>, string[]][] = [
        [{ gtin: '6901234567893' }, ['input.gtin']],
        [{ packSize: 6, moq: 10 }, ['input.moq']],
        [{ attributes: { 颜色: '' } }, ['input.attributes']],
        [{ code: '围巾-1' }, ['input.code']],
        [{ packSize: 0, moq: 1 }, ['input.packSize']],
      ];
      for (const [overrides, paths] of cases) {
        const error = await t.fails(CREATE_SKU, { input: { productId: product.id, code: 'OK-1', ...overrides } }, caller);
        expect(error.extensions.code).toBe('VALIDATION_FAILED');
        expect(error.extensions.fields!.map((f) => f.path)).toEqual(paths);
      }
      expect(await t.count('skus', 'factory_org_id = $1', [factory.org.id])).toBe(0);
    });

    it('refuses a second SKU with the same code or barcode as DUPLICATE', async () => {
      const { product, caller, factory } = await productOf();
      await t.ok(CREATE_SKU, { input: { productId: product.id, code: 'A-1', gtin: '4006381333931' } }, caller);
      expect((await t.fails(CREATE_SKU, { input: { productId: product.id, code: 'A-1' } }, caller)).extensions.code).toBe('DUPLICATE');
      expect((await t.fails(CREATE_SKU, { input: { productId: product.id, code: 'A-2', gtin: '4006381333931' } }, caller)).extensions.code).toBe('DUPLICATE');
      expect(await t.count('skus', 'factory_org_id = $1', [factory.org.id])).toBe(1);
    });

    it("refuses a SKU under another factory's product as NOT_FOUND", async () => {
      const { product } = await productOf();
      expect((await t.fails(CREATE_SKU, { input: { productId: product.id, code: 'X-1' } }, 'factory2Admin')).extensions.code).toBe('NOT_FOUND');
      expect(await t.count('skus', 'product_id = $1', [product.id])).toBe(0);
    });

    it('updates pack size, MOQ, barcode and status but keeps the code', async () => {
      const { factory, caller } = await productOf();
      const sku = await given.sku(factory.org.id, { packSize: 2, moq: 4 });
      const { updateSku } = await t.ok(UPDATE_SKU, { input: { id: sku.id, packSize: 5, moq: 15, gtin: '9780306406157', status: 'ARCHIVED' } }, caller);
      expect(updateSku).toMatchObject({ code: sku.code, packSize: 5, moq: 15, gtin: '9780306406157', status: 'ARCHIVED' });
      const bad = await t.fails(UPDATE_SKU, { input: { id: sku.id, moq: 7 } }, caller);
      expect(bad.extensions.fields).toEqual([expect.objectContaining({ path: 'input.moq' })]);
      expect((await t.ok(UPDATE_SKU, { input: { id: sku.id, clearGtin: true } }, caller)).updateSku.gtin).toBeNull();
      expect((await t.fails(UPDATE_SKU, { input: { id: sku.id, moq: 20 } }, 'factory2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.dataSource.query('SELECT moq FROM skus WHERE id = $1', [sku.id]))[0].moq).toBe(15);
    });

    it('lets operators see but not change the SKUs of admitted factories', async () => {
      const [{ id }] = await t.dataSource.query("SELECT id FROM skus WHERE code = 'YN-SC-001-RED'");
      expect((await t.ok(SKU, { id }, 'operatorAdmin')).sku.code).toBe('YN-SC-001-RED');
      expect((await t.fails(UPDATE_SKU, { input: { id, moq: 24 } }, 'operatorAdmin')).extensions.code).toBe('FORBIDDEN');
      for (const caller of ['factory2Admin', 'operator2Admin', 'govViewer'] as Caller[]) {
        expect((await t.fails(SKU, { id }, caller)).extensions.code).toBe('NOT_FOUND');
      }
    });

    const codes = async (caller: Caller, filter: Record<string, unknown>) =>
      (await t.ok(SKUS, { filter, perPage: 200 }, caller)).skus.items.map((s: { code: string }) => s.code).sort();

    it('filters by product, category, brand, barcode, code or title and venue', async () => {
      const [{ id: scarf }] = await t.dataSource.query("SELECT id FROM products WHERE title_zh = '豫暖羊毛针织围巾'");
      expect(await codes('factoryAdmin', { productId: scarf })).toEqual(['YN-SC-001-GRY', 'YN-SC-001-NVY', 'YN-SC-001-RED']);
      expect(await codes('factoryAdmin', { categoryId: cats['APPAREL-HAT'] })).toEqual(['YN-HT-002-BEI', 'YN-HT-002-BLK']);
      expect(await codes('factoryAdmin', { search: 'SW-003-RED' })).toEqual(['YN-SW-003-RED-L', 'YN-SW-003-RED-M', 'YN-SW-003-RED-XL']);
      expect(await codes('factoryAdmin', { search: '毛线帽' })).toEqual(['YN-HT-002-BEI', 'YN-HT-002-BLK']);
      const [{ gtin }] = await t.dataSource.query("SELECT gtin FROM skus WHERE code = 'YN-SC-001-RED'");
      expect(await codes('operatorAdmin', { gtin })).toEqual(['YN-SC-001-RED']);
      const [{ id: brandA }] = await t.dataSource.query("SELECT id FROM brands WHERE name = '豫暖'");
      expect(await codes('operatorAdmin', { brandId: brandA })).toHaveLength(10);
      expect(await codes('operator2Admin', { venueId: t.demo.venues.yk })).toHaveLength(9);
      expect(await codes('govViewer', {})).toEqual([]);
    });

    it("stops showing a suspended factory's SKUs to the venue's staff", async () => {
      const factory = await given.factory();
      const vf = await given.admission(t.demo.venues.zz, factory.org.id);
      const sku = await given.sku(factory.org.id);
      expect(await codes('showroomStaff', { factoryOrgId: factory.org.id })).toEqual([sku.code]);
      const service = t.app.get(SkusService);
      expect([...(await service.admittedSkus(t.dataSource.manager, t.demo.venues.zz, [sku.id])).keys()]).toEqual([sku.id]);
      await t.dataSource.query("UPDATE venue_factories SET status = 'SUSPENDED', suspended_at = now() WHERE id = $1", [vf.id]);
      expect(await codes('showroomStaff', { factoryOrgId: factory.org.id })).toEqual([]);
      expect((await service.admittedSkus(t.dataSource.manager, t.demo.venues.zz, [sku.id])).size).toBe(0);
      expect(await codes({ token: factory.admin.token }, {})).toEqual([sku.code]);
    });

    it('lets FACTORY_STAFF manage the catalog too', async () => {
      const { factory, product } = await productOf();
      const staff = await given.user(Role.FACTORY_STAFF, factory.org.id);
      expect((await t.ok(CREATE_SKU, { input: { productId: product.id, code: 'ST-1' } }, { token: staff.token })).createSku.code).toBe('ST-1');
    });
  });
});
