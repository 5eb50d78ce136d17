import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Given } from '../support/given';
import { TestApp } from '../support/test-app';
import { IMPORT, shanghaiDay, SHEET, SUBMIT } from './documents';
import { downloadTemplate, fillTemplate, uploadDocument } from './spreadsheets';
import { ensureAdmission, pricedFactory, PricedFactory, pricing } from './world';

describe('price sheet template and import', () => {
  let t: TestApp;
  let given: Given;
  let f: PricedFactory;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    f = await pricedFactory(t, given);
  });
  afterAll(() => t.close());

  const importSheet = (documentId: string, factory = f, effectiveFrom = shanghaiDay(1)) =>
    t.gql(IMPORT, { input: { venueId: t.demo.venues.zz, documentId, effectiveFrom } }, factory.token);

  describe('the template', () => {
    it("lists the factory's active SKUs with their MOQ and, for reference, the prices in force; Chinese headers and instructions", async () => {
      const archived = await given.sku(f.org.id, { status: 'ARCHIVED' as never });
      await pricing(t).priceSheet(t.demo.venues.zz, f.org.id, [{ skuId: f.plain.id, tiers: [[6, 800], [60, 750]], retail: 1200 }], {
        at: new Date(Date.now() - 86_400_000),
      });
      await pricedFactory(t, given); // another factory's SKUs must not appear
      const res = await downloadTemplate(t, f.token.token, t.demo.venues.zz);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*\.xlsx"; filename\*=UTF-8''%E6%8A%A5/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as ExcelJS.Buffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['报价单', '说明']);
      const sheet = workbook.getWorksheet('报价单')!;
      const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
      expect(values(1)).toEqual([
        'SKU编码(skuCode)', '商品名称(title)', '规格(attributes)', '单位(unit)', '起批量(moq)',
        '当前供货价(currentTiers)', '当前零售价(currentRetailPrice)', '当前控价(currentFloor)', '供货价(supplyPrice1)',
        '阶梯2数量(quantity2)', '阶梯2供货价(supplyPrice2)', '阶梯3数量(quantity3)', '阶梯3供货价(supplyPrice3)',
        '阶梯4数量(quantity4)', '阶梯4供货价(supplyPrice4)', '零售价(retailPrice)', '控价(requestedFloor)',
      ]);
      const codes = [2, 3].map((n) => values(n)[0]);
      expect(codes.sort()).toEqual([f.branded.code, f.plain.code].sort());
      expect(sheet.rowCount).toBe(3);
      expect(codes).not.toContain(archived.code);
      const plainRow = [2, 3].find((n) => values(n)[0] === f.plain.code)!;
      // the prices in force are shown for reference; the price columns are left to fill
      expect(values(plainRow)).toEqual([f.plain.code, expect.any(String), '', '件', '6', '6+: 8.00; 60+: 7.50', '12.00']);
      expect(String(workbook.getWorksheet('说明')!.getRow(1).getCell(1).value)).toMatch(/填写说明/);
    });

    it('is for an admitted factory only', async () => {
      const res = (token: string | null, venueId = t.demo.venues.zz) => {
        const req = t.http().get(`/api/price-sheets/template.xlsx?venueId=${venueId}`);
        return token ? req.set('authorization', `Bearer ${token}`) : req;
      };
      expect((await res(null)).status).toBe(401);
      expect((await res((await t.tokenFor('operatorAdmin'))!)).status).toBe(403);
      expect((await res((await t.tokenFor('govViewer'))!)).status).toBe(403);
      expect((await res(f.token.token, t.demo.venues.yk)).status).toBe(403);
      const missing = await res(f.token.token, '00000000-0000-4000-8000-000000000000');
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Venue was not found.' } });
    });
  });

  describe('importing', () => {
    it('reports three bad rows by row and column and writes nothing; the fixed file imports and submits', async () => {
      const extra = await given.sku(f.org.id, { moq: 1 });
      const template = (await downloadTemplate(t, f.token.token, t.demo.venues.zz)).body as Buffer;
      const good = {
        [f.branded.code]: { 供货价: '15.00', 阶梯2数量: '50', 阶梯2供货价: '14.00', 零售价: '29.90', 控价: '19.90' },
        [f.plain.code]: { 供货价: '8.00', 零售价: '12.00' },
        [extra.code]: { 供货价: 5, 零售价: { formula: 'B1*0+9.9', result: 9.9 } as ExcelJS.CellValue },
      };
      const bad = await fillTemplate(template, {
        ...good,
        [f.branded.code]: { ...good[f.branded.code], 控价: '35.00' },
        [f.plain.code]: { 供货价: '8.005', 零售价: '12.00' },
        [extra.code]: { 供货价: '5.00', 零售价: '4.00' },
      });
      const before = await t.count('price_sheets', 'factory_org_id = $1', [f.org.id]);
      const report = (await importSheet(await uploadDocument(t, f.org.id, bad))).data!.importPriceSheet;
      expect(report).toMatchObject({ ok: false, sheet: null, linesImported: 0, problemCount: 3 });
      const rowOf = async (code: string) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bad as unknown as ExcelJS.Buffer);
        let found = 0;
        workbook.getWorksheet('报价单')!.eachRow((row, n) => {
          if (row.getCell(1).value === code) found = n;
        });
        return found;
      };
      expect(report.problems).toEqual(
        expect.arrayContaining([
          { row: await rowOf(f.branded.code), column: 'requestedFloor', skuCode: f.branded.code, message: expect.stringMatching(/above the retail price/) },
          { row: await rowOf(f.plain.code), column: 'supplyPrice1', skuCode: f.plain.code, message: expect.stringMatching(/two decimals/) },
          { row: await rowOf(extra.code), column: 'retailPrice', skuCode: extra.code, message: expect.stringMatching(/at least every supply price/) },
        ]),
      );
      expect(await t.count('price_sheets', 'factory_org_id = $1', [f.org.id])).toBe(before);

      const fixed = await fillTemplate(template, good);
      const ok = (await importSheet(await uploadDocument(t, f.org.id, fixed))).data!.importPriceSheet;
      expect(ok).toMatchObject({ ok: true, problemCount: 0, linesImported: 3, format: 'XLSX', sheet: { status: 'DRAFT', lineCount: 3 } });
      const { priceSheet } = await t.ok(SHEET, { id: ok.sheet.id }, f.token);
      const byCode = Object.fromEntries(priceSheet.lines.items.map((l: { sku: { code: string } }) => [l.sku.code, l]));
      expect(byCode[f.branded.code]).toMatchObject({
        requestedFloor: '19.90',
        tiers: [{ minQuantity: 10, supplyPrice: '15.00' }, { minQuantity: 50, supplyPrice: '14.00' }],
      });
      expect(byCode[extra.code]).toMatchObject({ retailPrice: '9.90', tiers: [{ minQuantity: 1, supplyPrice: '5.00' }] });
      expect((await t.ok(SUBMIT, { input: { id: ok.sheet.id } }, f.token)).submitPriceSheet.status).toBe('SUBMITTED');
    });

    it('reads a CSV saved by a Chinese Excel (GBK), with headers in Chinese only', async () => {
      const csv = iconv.encode(`SKU编码,供货价,零售价,备注\r\n${f.plain.code},8.50,12.00,新价\r\n`, 'gbk');
      const report = (await importSheet(await uploadDocument(t, f.org.id, csv, 'prices.csv'))).data!.importPriceSheet;
      expect(report).toMatchObject({ ok: true, format: 'CSV', linesImported: 1, ignoredHeaders: ['备注'] });
    });

    it('refuses a formula error in a price cell clearly', async () => {
      const template = (await downloadTemplate(t, f.token.token, t.demo.venues.zz)).body as Buffer;
      const file = await fillTemplate(template, {
        [f.plain.code]: { 供货价: { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue, 零售价: '12.00' },
      });
      const report = (await importSheet(await uploadDocument(t, f.org.id, file))).data!.importPriceSheet;
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ column: 'supplyPrice1', message: expect.stringMatching(/formula error \(#DIV\/0!\)/) })]);
    });

    it("answers NOT_FOUND for another factory's document, VALIDATION_FAILED for a file that is no spreadsheet", async () => {
      const other = await pricedFactory(t, given);
      const theirs = await uploadDocument(t, other.org.id, iconv.encode(`SKU编码,供货价,零售价\r\n${other.plain.code},8,12\r\n`, 'utf8'), 'p.csv');
      const stolen = await importSheet(theirs);
      expect(stolen.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(stolen.data).toBeNull();
      const image = await uploadDocument(t, f.org.id, Buffer.from('not really'), 'x.png', 'PRODUCT_IMAGE');
      expect((await importSheet(image)).errors![0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.documentId' }] });
      const garbage = await uploadDocument(t, f.org.id, Buffer.from([0x4d, 0x5a, 0, 1, 2, 3, 0, 0, 0]), 'x.xlsx');
      const refused = await importSheet(garbage);
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'input.documentId', message: expect.stringMatching(/neither an Excel workbook/) }],
      });
    });

    it('is refused to operators and to a factory not admitted to the venue', async () => {
      const doc = await uploadDocument(t, f.org.id, Buffer.from(`SKU编码,供货价,零售价\r\n${f.plain.code},8,12\r\n`), 'p.csv');
      const op = await t.gql(IMPORT, { input: { venueId: t.demo.venues.zz, documentId: doc, effectiveFrom: shanghaiDay(1) } }, 'operatorAdmin');
      expect(op.errors![0].extensions.code).toBe('FORBIDDEN');
      const yk = await t.gql(IMPORT, { input: { venueId: t.demo.venues.yk, documentId: doc, effectiveFrom: shanghaiDay(1) } }, f.token);
      expect(yk.errors![0].extensions.code).toBe('FORBIDDEN');
    });

    it('imports 10,000 lines in one go', async () => {
      const big = await pricedFactory(t, given);
      await ensureAdmission(t, t.demo.venues.zz, big.org.id);
      await t.dataSource.query(
        `INSERT INTO skus (product_id, factory_org_id, code, moq, pack_size)
         SELECT $2, $1, 'BULK-' || lpad(n::text, 5, '0'), 2, 1 FROM generate_series(1, 10000) AS n`,
        [big.org.id, big.plain.productId],
      );
      const lines = ['SKU编码,供货价,阶梯2数量,阶梯2供货价,零售价'];
      for (let n = 1; n <= 10_000; n++) lines.push(`BULK-${String(n).padStart(5, '0')},${(500 + n / 100).toFixed(2)},20,${(400 + n / 100).toFixed(2)},${900 + (n % 7)}.00`);
      const doc = await uploadDocument(t, big.org.id, Buffer.from(lines.join('\n')), 'big.csv');
      const report = (await importSheet(doc, big)).data!.importPriceSheet;
      expect(report).toMatchObject({ ok: true, linesImported: 10_000, rowCount: 10_000 });
      expect(await t.count('price_sheet_lines', 'sheet_id = $1', [report.sheet.id])).toBe(10_000);
      expect((await t.ok(SUBMIT, { input: { id: report.sheet.id } }, big.token)).submitPriceSheet.status).toBe('SUBMITTED');
    });
  });
});
