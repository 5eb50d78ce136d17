import ExcelJS from 'exceljs';
import { CATALOG_COLUMNS, withGtin13CheckDigit } from '@xp/catalog';
import { headerText } from '@xp/core';
import { Given, randomCreditCode, uniqueSuffix } from '../support/given';
import { tinyPdf } from '../support/files';
import { TestApp } from '../support/test-app';
import {
  APPLY,
  BRAND,
  BRANDS,
  CATEGORIES,
  DECLARE_BRAND,
  download,
  IMPORT,
  LOGIN,
  PRODUCT,
  PRODUCTS,
  REGISTER,
  REVIEW,
  REVIEW_BRAND,
  SUBMIT,
  UPDATE_VF,
  upload,
  VENUE_FACTORIES,
  VENUE_FACTORY,
} from './ops';

/**
 * The "Done when", tried as a new user would: register, upload the licence, apply
 * to Zhengzhou, get a change request, resubmit, be approved; declare a brand the operator
 * verifies; import 200 SKUs, see a row-level report for a bad file, find products by a
 * Chinese word. Factory B reaches none of it and the other venue's operator cannot review.
 */
describe('a new factory comes on board', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
    new Given(t);
  });
  afterAll(() => t.close());

  it('registers, is admitted, gets its brand verified, imports its catalog and finds it', async () => {
    // 1. Registration and sign-in.
    const email = `boss-${uniqueSuffix().toLowerCase()}@mianyang-knit.test`;
    const { registerFactory } = await t.ok(
      REGISTER,
      {
        input: {
          name: '许昌绵羊针织有限公司',
          creditCode: randomCreditCode(),
          address: '河南省许昌市建安区针织园8号',
          industryBelt: '许昌针织',
          contactName: '马丽',
          contactPhone: '13903740000',
          admin: { email, displayName: '马丽', password: 'Mianyang-2026' },
        },
      },
      null,
    );
    const { login } = await t.ok(LOGIN, { input: { email, password: 'Mianyang-2026' } }, null);
    const me = { token: login.accessToken as string };
    const factoryId = registerFactory.organization.id as string;

    // 2. The licence, and the application to the Zhengzhou venue.
    const licence = await upload(t, me, 'BUSINESS_LICENSE', tinyPdf('licence'), '营业执照.pdf');
    expect(licence.status).toBe(201);
    const { venues } = await t.ok('{ venues(filter: { search: "郑州" }) { items { id code } } }', {}, me);
    const zz = venues.items.find((v: { code: string }) => v.code === 'ZZ-AIRPORT').id;
    const { categories } = await t.ok(CATEGORIES, { filter: { search: '针织' } }, me);
    const knit = categories.items.filter((c: { code: string }) => c.code.startsWith('APPAREL-')).map((c: { id: string }) => c.id);
    const { applyToVenue } = await t.ok(APPLY, { input: { venueId: zz, categoryIds: knit, documentIds: [licence.body.id], paymentTermDays: 30 } }, me);
    await t.ok(SUBMIT, { input: { id: applyToVenue.id } }, me);

    // 3. The operator finds it in the queue and asks for an inspection report.
    const queue = await t.ok(VENUE_FACTORIES, { filter: { venueId: zz, status: ['SUBMITTED'], search: '绵羊' } }, 'operatorAdmin');
    expect(queue.venueFactories.items).toEqual([expect.objectContaining({ id: applyToVenue.id, factory: { name: '许昌绵羊针织有限公司' } })]);
    expect((await download(t, 'operatorAdmin', licence.body.id)).status).toBe(200);
    await t.ok(REVIEW, { input: { id: applyToVenue.id, decision: 'REQUEST_CHANGES', reason: '请补充近一年的质检报告' } }, 'operatorAdmin');

    // 4. The factory reads the reason, adds the report and resubmits; the operator approves.
    const seen = (await t.ok(VENUE_FACTORY, { id: applyToVenue.id }, me)).venueFactory;
    expect(seen.status).toBe('CHANGES_REQUESTED');
    expect(seen.events.at(-1)).toMatchObject({ action: 'REQUEST_CHANGES', reason: '请补充近一年的质检报告' });
    const report = await upload(t, me, 'INSPECTION_REPORT', tinyPdf('report'), '质检报告.pdf');
    await t.ok(UPDATE_VF, { input: { id: applyToVenue.id, documentIds: [licence.body.id, report.body.id] } }, me);
    const resubmitted = (await t.ok(SUBMIT, { input: { id: applyToVenue.id } }, me)).submitVenueFactory;
    expect((await t.fails(REVIEW, { input: { id: applyToVenue.id, decision: 'APPROVE' } }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    const approved = await t.ok(REVIEW, { input: { id: applyToVenue.id, decision: 'APPROVE', version: resubmitted.version } }, 'operatorAdmin');
    expect(approved.reviewVenueFactory.status).toBe('APPROVED');

    // 5. A brand with its trademark certificate, verified by the operator.
    const certificate = await upload(t, me, 'TRADEMARK_CERTIFICATE', tinyPdf('certificate'), '商标注册证.pdf');
    const { declareBrand } = await t.ok(DECLARE_BRAND, { input: { name: '绵羊', trademarkRegNo: '51234567', certificateDocumentId: certificate.body.id } }, me);
    const pending = await t.ok(BRANDS, { filter: { status: 'PENDING', factoryOrgId: factoryId } }, 'operatorAdmin');
    expect(pending.brands.items.map((b: { id: string }) => b.id)).toEqual([declareBrand.id]);
    await t.ok(REVIEW_BRAND, { input: { id: declareBrand.id, decision: 'VERIFY' } }, 'operatorAdmin');
    expect((await t.ok(BRAND, { id: declareBrand.id }, me)).brand.status).toBe('VERIFIED');

    // 6. 200 SKUs from the downloaded template.
    const template = await t.http().get('/api/catalog/template.xlsx').set('authorization', `Bearer ${me.token}`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body);
    const sheet = workbook.getWorksheet('商品(Products)')!;
    const kinds = [
      ['羊毛针织围巾', 'APPAREL-SCARF', 6, 12],
      ['加厚毛线帽', 'APPAREL-HAT', 12, 24],
      ['圆领羊毛衫', 'APPAREL-SWEATER', 5, 10],
    ] as const;
    for (let i = 0; i < 200; i++) {
      const [title, category, pack, moq] = kinds[i % 3];
      // titleZh, titleEn, categoryCode, brand, description, skuCode, gtin, color, size, other, unit, packSize, moq, weight
      sheet.addRow([`绵羊${title}${Math.floor(i / 20)}款`, '', category, '绵羊', '', `MY-${String(i).padStart(4, '0')}`,
        withGtin13CheckDigit(`69512345${String(i).padStart(4, '0')}`), ['红', '灰', '米白', '藏青'][i % 4], ['S', 'M', 'L', 'XL', '均码'][i % 5], '', '件', pack, moq, 200]);
    }
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    const sheetDoc = await upload(t, me, 'SPREADSHEET', good, '商品导入.xlsx');
    const imported = (await t.ok(IMPORT, { input: { documentId: sheetDoc.body.id } }, me)).importCatalog;
    expect(imported).toMatchObject({ ok: true, rowCount: 200, skusCreated: 200, problemCount: 0 });
    expect(await t.count('skus', 'factory_org_id = $1', [factoryId])).toBe(200);

    // 7. A bad file answers a row-level report and changes nothing.
    const bad = new ExcelJS.Workbook();
    const badSheet = bad.addWorksheet('商品(Products)');
    badSheet.addRow(CATALOG_COLUMNS.map(headerText));
    const fresh = withGtin13CheckDigit('695999990001');
    const wrongCheckDigit = `${fresh.slice(0, 12)}${(Number(fresh[12]) + 1) % 10}`;
    badSheet.addRow(['绵羊新款围巾', '', 'APPAREL-SCARF', '绵羊', '', 'MY-0001', fresh, '红', '', '', '件', 6, 12, 200]);
    badSheet.addRow(['绵羊新款围巾', '', 'APPAREL', '绵羊', '', 'MY-NEW-2', wrongCheckDigit, '红', '', '', '件', 6, 10, 200]);
    const badDoc = await upload(t, me, 'SPREADSHEET', Buffer.from(await bad.xlsx.writeBuffer()), 'bad.xlsx');
    const refused = (await t.ok(IMPORT, { input: { documentId: badDoc.body.id } }, me)).importCatalog;
    expect(refused.ok).toBe(false);
    expect(refused.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [2, 'skuCode'],
      [3, 'categoryCode'],
      [3, 'gtin'],
      [3, 'moq'],
    ]);
    expect(await t.count('skus', 'factory_org_id = $1', [factoryId])).toBe(200);

    // 8. Products found by a Chinese word, by the factory and by the operator of its venue.
    const found = await t.ok(PRODUCTS, { filter: { search: '毛线帽' }, perPage: 200 }, me);
    expect(found.products.total).toBe(10);
    expect(found.products.items.every((p: { titleZh: string }) => p.titleZh.includes('毛线帽'))).toBe(true);
    const operatorView = await t.ok(PRODUCTS, { filter: { search: '绵羊', venueId: zz }, perPage: 200 }, 'operatorAdmin');
    expect(operatorView.products.total).toBe(30);

    // 9. Factory B reaches none of it; the other venue's operator neither.
    const productId = found.products.items[0].id;
    for (const caller of ['factory2Admin', 'operator2Admin'] as const) {
      expect((await t.fails(VENUE_FACTORY, { id: applyToVenue.id }, caller)).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(BRAND, { id: declareBrand.id }, caller)).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(PRODUCT, { id: productId }, caller)).extensions.code).toBe('NOT_FOUND');
      expect((await download(t, caller, licence.body.id)).status).toBe(404);
      expect((await t.ok(PRODUCTS, { filter: { search: '绵羊' } }, caller)).products.total).toBe(0);
    }
  });
});
