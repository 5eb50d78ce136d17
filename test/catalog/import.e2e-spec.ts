import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { CATALOG_COLUMNS, withGtin13CheckDigit } from '@xp/catalog';
import { headerText, readSpreadsheet } from '@xp/core';
import { DocumentKind, tinyPdf } from '@xp/factories';
import { IMPORT, PRODUCTS, uploaded } from '../factories/ops';
import { legacyXls, oleEncrypted, xlsxBomb, xlsxLyingSizes } from '../support/files';
import { Given } from '../support/given';
import { Caller, TestApp } from '../support/test-app';

const HEADER = CATALOG_COLUMNS.map(headerText);
type Row = Partial<Record<(typeof CATALOG_COLUMNS)[number]['key'], string | number>>;

function cells(row: Row): (string | number)[] {
  return CATALOG_COLUMNS.map((c) => row[c.key] ?? '');
}

async function xlsx(rows: Row[], header = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('商品(Products)');
  ws.addRow(header);
  for (const row of rows) ws.addRow(cells(row));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(rows: Row[]): string {
  const quote = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [HEADER, ...rows.map(cells)].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** `count` SKU rows: products of `perProduct` SKUs each, with valid barcodes. */
function skuRows(count: number, prefix: string, perProduct = 10): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    titleZh: `${prefix}针织围巾${Math.floor(i / perProduct)}号`,
    categoryCode: 'APPAREL-SCARF',
    skuCode: `${prefix}-${String(i).padStart(5, '0')}`,
    gtin: withGtin13CheckDigit(`69${String(Math.abs(hash(prefix)) % 1000).padStart(3, '0')}${String(i).padStart(7, '0')}`),
    color: ['红', '灰', '黑'][i % 3],
    size: '均码',
    packSize: 6,
    moq: 12,
    weightGrams: 150,
  }));
}

function hash(text: string): number {
  return [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);
}

describe('importCatalog', () => {
  let t: TestApp;
  let given: Given;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  async function newFactory() {
    const factory = await given.factory();
    return { ...factory, caller: { token: factory.admin.token } as Caller };
  }

  async function importFile(caller: Caller, content: Buffer, name = 'catalog.xlsx') {
    const documentId = await uploaded(t, caller, DocumentKind.SPREADSHEET, content, name);
    return { documentId, ...(await t.gql(IMPORT, { input: { documentId } }, caller)) };
  }

  /** Stores bytes as a document directly, as if they had slipped past the upload checks. */
  const rawDocument = async (ownerOrgId: string, content: Buffer) => (await given.document(ownerOrgId, DocumentKind.SPREADSHEET, content, 'text/csv')).id;

  const catalogOf = async (orgId: string) => ({
    products: await t.count('products', 'factory_org_id = $1', [orgId]),
    skus: await t.count('skus', 'factory_org_id = $1', [orgId]),
  });

  describe('the template', () => {
    it('downloads as an XLSX with the data sheet headers, instructions and category codes', async () => {
      const token = await t.tokenFor('factoryAdmin');
      const res = await t
        .http()
        .get('/api/catalog/template.xlsx')
        .set('authorization', `Bearer ${token}`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toMatch(/^attachment; .*catalog-template\.xlsx/);
      const data = await readSpreadsheet(res.body, { sheet: ['商品(Products)'] });
      expect(data.sheetNames).toEqual(['商品(Products)', '说明(Instructions)', '类目(Categories)']);
      expect(data.rows).toEqual([HEADER]);
      expect(HEADER).toContain('商品标题(titleZh)');
      const categories = await readSpreadsheet(res.body, { sheet: ['类目(Categories)'] });
      expect(categories.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['APPAREL-SCARF', 'LUGGAGE-TROLLEY']));
      expect((await t.http().get('/api/catalog/template.xlsx')).status).toBe(401);
    });

    it('imports the filled-in template', async () => {
      const f = await newFactory();
      const token = (f.caller as { token: string }).token;
      const res = await t.http().get('/api/catalog/template.xlsx').set('authorization', `Bearer ${token}`).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body);
      const sheet = wb.getWorksheet('商品(Products)')!;
      for (const row of skuRows(3, 'TPL')) sheet.addRow(cells(row));
      const filled = Buffer.from(await wb.xlsx.writeBuffer());
      const { data } = await importFile(f.caller, filled);
      expect(data!.importCatalog).toMatchObject({ ok: true, format: 'XLSX', rowCount: 3, productsCreated: 1, skusCreated: 3, problemCount: 0 });
    });
  });

  describe('good files', () => {
    it('imports an XLSX: products by title, SKUs with attributes, audited', async () => {
      const f = await newFactory();
      const rows = [
        ...skuRows(4, 'XL', 2),
        { titleZh: '加厚毛线帽', categoryCode: 'APPAREL-HAT', skuCode: 'HAT-1', otherAttributes: '材质:腈纶；款式:卷边', unit: '顶', packSize: 12, moq: 24 },
      ];
      const { data, documentId } = await importFile(f.caller, await xlsx(rows));
      expect(data!.importCatalog).toEqual({
        ok: true,
        format: 'XLSX',
        rowCount: 5,
        productsCreated: 3,
        skusCreated: 5,
        problemCount: 0,
        problems: [],
        ignoredHeaders: [],
      });
      const [hat] = await t.dataSource.query(
        "SELECT s.attributes, s.unit, s.pack_size, s.moq, p.title_zh FROM skus s JOIN products p ON p.id = s.product_id WHERE s.factory_org_id = $1 AND s.code = 'HAT-1'",
        [f.org.id],
      );
      expect(hat).toEqual({ attributes: { 材质: '腈纶', 款式: '卷边' }, unit: '顶', pack_size: 12, moq: 24, title_zh: '加厚毛线帽' });
      expect(await t.count('audit_events', "entity_id = $1 AND action = 'catalog.imported'", [documentId])).toBe(1);
    });

    it('reads a UTF-8 CSV with a BOM and a GBK CSV from Chinese Excel', async () => {
      const f = await newFactory();
      const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(skuRows(2, 'BOM')), 'utf8')]);
      expect((await importFile(f.caller, bom, 'a.csv')).data!.importCatalog).toMatchObject({ ok: true, format: 'CSV', skusCreated: 2 });
      const gbk = iconv.encode(csv(skuRows(2, 'GBK')), 'gbk');
      expect((await importFile(f.caller, gbk, 'b.csv')).data!.importCatalog).toMatchObject({ ok: true, format: 'CSV', skusCreated: 2 });
      const titles = (await t.dataSource.query('SELECT title_zh FROM products WHERE factory_org_id = $1 ORDER BY title_zh', [f.org.id])).map(
        (r: { title_zh: string }) => r.title_zh,
      );
      expect(titles).toEqual(['BOM针织围巾0号', 'GBK针织围巾0号']);
    });

    it('adds SKUs to an existing product of the same title', async () => {
      const f = await newFactory();
      const category = await given.category('APPAREL-SCARF');
      const product = await given.product(f.org.id, { titleZh: '已有围巾', categoryId: category.id });
      const { data } = await importFile(f.caller, await xlsx([{ titleZh: '已有围巾', categoryCode: 'APPAREL-SCARF', skuCode: 'OLD-PRODUCT-1' }]));
      expect(data!.importCatalog).toMatchObject({ ok: true, productsCreated: 0, skusCreated: 1 });
      expect(await t.count('skus', 'product_id = $1', [product.id])).toBe(1);
    });

    it('imports 10,000 rows in bulk, every one correct', async () => {
      const f = await newFactory();
      const rows = skuRows(10_000, 'BULK');
      const { data } = await importFile(f.caller, await xlsx(rows));
      expect(data!.importCatalog).toMatchObject({ ok: true, rowCount: 10_000, productsCreated: 1_000, skusCreated: 10_000, problemCount: 0 });
      expect(await catalogOf(f.org.id)).toEqual({ products: 1_000, skus: 10_000 });
      const stored: { code: string; gtin: string; attributes: Record<string, string>; moq: number; pack_size: number; title_zh: string }[] =
        await t.dataSource.query(
          `SELECT s.code, s.gtin, s.attributes, s.moq, s.pack_size, p.title_zh FROM skus s JOIN products p ON p.id = s.product_id
           WHERE s.factory_org_id = $1 AND s.code = ANY($2) ORDER BY s.code`,
          [f.org.id, ['BULK-00000', 'BULK-04321', 'BULK-09999']],
        );
      expect(stored).toEqual(
        [0, 4321, 9999].map((i) => ({
          code: rows[i].skuCode,
          gtin: rows[i].gtin,
          attributes: { 颜色: rows[i].color, 尺码: '均码' },
          moq: 12,
          pack_size: 6,
          title_zh: rows[i].titleZh,
        })),
      );
    }, 120_000);
  });

  describe('bad rows', () => {
    it('answers a report of every bad row and column and changes nothing', async () => {
      const f = await newFactory();
      await given.sku(f.org.id, { code: 'TAKEN-1' });
      const before = await catalogOf(f.org.id);
      const good = skuRows(3, 'OK');
      const rows: Row[] = [
        good[0],
        { ...good[1], gtin: '6901234567893' },
        { ...good[2], moq: 10 },
        { ...good[0], skuCode: good[0].skuCode, gtin: '' },
        { ...good[0], skuCode: 'TAKEN-1', gtin: '' },
        { ...good[0], skuCode: 'X-6', gtin: '', categoryCode: 'NOPE' },
        { ...good[0], skuCode: 'X-7', gtin: '', brand: '别人的牌子' },
      ];
      const { data } = await importFile(f.caller, await xlsx(rows));
      const report = data!.importCatalog;
      expect(report).toMatchObject({ ok: false, rowCount: 7, productsCreated: 0, skusCreated: 0, problemCount: 6 });
      expect(report.problems.map((p: { row: number; column: string; cell: string }) => [p.row, p.column, p.cell])).toEqual([
        [3, 'gtin', 'G3'],
        [4, 'moq', 'M4'],
        [5, 'skuCode', 'F5'],
        [6, 'skuCode', 'F6'],
        [7, 'categoryCode', 'C7'],
        [8, 'brand', 'D8'],
      ]);
      expect(report.problems[0]).toMatchObject({ header: '条码(gtin)', value: '6901234567893', message: expect.stringMatching(/check digit/) });
      expect(report.problems[2].message).toMatch(/appears also in row 2/);
      expect(report.problems[3].message).toMatch(/already exists/);
      expect(await catalogOf(f.org.id)).toEqual(before);
    });

    it('reports a missing column at row 1', async () => {
      const f = await newFactory();
      const header = HEADER.filter((h) => h !== 'SKU编码(skuCode)');
      const { data } = await importFile(f.caller, await xlsx([], header));
      expect(data!.importCatalog.problems).toEqual([
        expect.objectContaining({ row: 1, column: 'skuCode', message: expect.stringMatching(/SKU编码\(skuCode\) is missing/) }),
      ]);
    });

    it('refuses the same file twice: the second time every SKU already exists', async () => {
      const f = await newFactory();
      const file = await xlsx(skuRows(3, 'TWICE'));
      expect((await importFile(f.caller, file)).data!.importCatalog.ok).toBe(true);
      const second = (await importFile(f.caller, file)).data!.importCatalog;
      expect(second).toMatchObject({ ok: false, problemCount: 6 });
      expect(await catalogOf(f.org.id)).toEqual({ products: 1, skus: 3 });
    });
  });

  describe('bad files', () => {
    it.each<[string, () => Buffer, RegExp]>([
      ['a password-protected workbook', oleEncrypted, /password-protected/],
      ['a legacy .xls workbook', legacyXls, /\.xls/],
      ['a ZIP bomb', () => xlsxBomb(50 * 1024 * 1024), /ZIP bomb/],
      ['a workbook lying about its sizes', xlsxLyingSizes, /beyond the size it declares/],
      ['a malformed workbook', () => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200)]), /damaged/],
      ['an oversized file', () => Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), /at most 10 MB/],
      ['a file of too many rows', () => Buffer.from(csv(skuRows(20_001, 'LONG', 1))), /more than 20000 data rows/],
    ])('refuses %s cleanly, naming the document', async (_name, make, message) => {
      const f = await newFactory();
      const id = await rawDocument(f.org.id, make());
      const error = await t.fails(IMPORT, { input: { documentId: id } }, f.caller);
      expect(error.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'input.documentId', message: expect.stringMatching(message) }],
      });
      expect(await catalogOf(f.org.id)).toEqual({ products: 0, skus: 0 });
    });

    it('refuses a document that is not a spreadsheet', async () => {
      const f = await newFactory();
      const licence = await uploaded(t, f.caller, DocumentKind.BUSINESS_LICENSE, tinyPdf());
      const error = await t.fails(IMPORT, { input: { documentId: licence } }, f.caller);
      expect(error.extensions.fields).toEqual([expect.objectContaining({ path: 'input.documentId', message: expect.stringMatching(/SPREADSHEET/) })]);
    });

    it("refuses another factory's spreadsheet as NOT_FOUND and operators altogether", async () => {
      const f = await newFactory();
      const documentId = await uploaded(t, f.caller, DocumentKind.SPREADSHEET, await xlsx(skuRows(1, 'MINE')));
      expect((await t.fails(IMPORT, { input: { documentId } }, 'factory2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(IMPORT, { input: { documentId } }, 'operatorAdmin')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(IMPORT, { input: { documentId } }, null)).extensions.code).toBe('UNAUTHENTICATED');
      expect(await catalogOf(f.org.id)).toEqual({ products: 0, skus: 0 });
      expect((await t.ok(PRODUCTS, { filter: { search: 'MINE' } }, 'factory2Admin')).products.total).toBe(0);
    });
  });
});
