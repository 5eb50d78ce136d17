import ExcelJS from 'exceljs';
import { Caller, TestApp } from '../support/test-app';
import { FACTORY_REPORT, REGION_REPORT, VENUE_REPORT } from './reports.documents';
import { buildScenario, PERIOD, Scenario } from './scenario';

const FACTORY_NAMES = ['报表一号针织厂', '报表二号箱包厂', '报表三号五金厂', '报表四号家纺厂', '报表五号玩具厂'];

/** Who sees which report, cell by cell; government viewers see aggregates only. */
describe('reports: who sees what', () => {
  let t: TestApp;
  let s: Scenario;

  beforeAll(async () => {
    t = await TestApp.start();
    s = await buildScenario(t);
  }, 180_000);
  afterAll(() => t.close());

  const venueReport = (caller: Caller, venueId = s.venue.id) => t.gql(VENUE_REPORT, { venueId, ...PERIOD }, caller);
  const tokenOf = (u: { token: string }) => ({ token: u.token });

  describe('venueReport', () => {
    it.each([
      ['a platform admin', () => 'platformAdmin' as Caller],
      ["the region's regional manager", () => tokenOf(s.users.regionalManager)],
      ["the venue's operator admin", () => tokenOf(s.users.operatorAdmin)],
      ["the venue's showroom staff", () => tokenOf(s.users.showroomStaff)],
    ])('gives %s every figure', async (_who, caller) => {
      const { venueReport: r } = await t.ok(VENUE_REPORT, { venueId: s.venue.id, ...PERIOD }, caller());
      expect(r.view).toBe('FULL');
      expect(r.headline.spread).not.toBeNull();
      expect(r.topFactoriesByScans.map((f: any) => f.factory.name)).toEqual(['报表一号针织厂', '报表二号箱包厂']);
      expect(r.topSkusByScans).toHaveLength(3);
    });

    it("gives the venue's government viewer the aggregates only: no spread, no factory or SKU anywhere", async () => {
      const result = await venueReport(tokenOf(s.users.govViewer));
      expect(result.errors).toBeUndefined();
      const r = result.data!.venueReport;
      expect(r.view).toBe('AGGREGATE_ONLY');
      expect(r.headline.spread).toBeNull();
      expect(r.topFactoriesByScans).toBeNull();
      expect(r.topFactoriesByGmv).toBeNull();
      expect(r.topSkusByScans).toBeNull();
      expect(r.topSkusByGmv).toBeNull();
      expect(r.headline.occupiedSlotDays.value).toBe(56);
      expect(r.headline.stockValue.value).toBe('1365.00');
      const json = JSON.stringify(result);
      for (const name of FACTORY_NAMES) expect(json).not.toContain(name);
      for (const code of ['RPT-K1', 'RPT-K2', 'RPT-K3', 'RPT-K4']) expect(json).not.toContain(code);
      for (const id of Object.values(s.factories).map((f) => f.org.id)) expect(json).not.toContain(id);
      expect(json).not.toMatch(/"spread":\{/);
    });

    it.each([
      ['a regional manager of another region', 'regionalManager'],
      ["another venue's operator admin", 'operatorAdmin'],
      ["another venue's government viewer", 'govViewer'],
      ["the region's other venue's operator admin", null],
    ])('answers NOT_FOUND to %s', async (_who, key) => {
      const caller: Caller = key ? (key as Caller) : tokenOf(s.second.admin);
      const error = await t.fails(VENUE_REPORT, { venueId: s.venue.id, ...PERIOD }, caller);
      expect(error.extensions.code).toBe('NOT_FOUND');
    });

    it('answers FORBIDDEN to a factory, even one admitted to the venue (it has factoryReport)', async () => {
      const error = await t.fails(VENUE_REPORT, { venueId: s.venue.id, ...PERIOD }, tokenOf(s.factories.f1.admin));
      expect(error.extensions.code).toBe('FORBIDDEN');
    });

    it('answers UNAUTHENTICATED without a sign-in, and NOT_FOUND for a venue that does not exist or a malformed id', async () => {
      expect((await t.fails(VENUE_REPORT, { venueId: s.venue.id, ...PERIOD }, null)).extensions.code).toBe('UNAUTHENTICATED');
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await t.fails(VENUE_REPORT, { venueId: missing, ...PERIOD }, 'platformAdmin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(VENUE_REPORT, { venueId: 'not-a-uuid', ...PERIOD }, 'platformAdmin')).extensions.code).toBe('NOT_FOUND');
    });

    it('checks access before the period: a stranger learns nothing from a bad period', async () => {
      const error = await t.fails(VENUE_REPORT, { venueId: s.venue.id, from: '2026-04-01', to: '2026-03-01' }, 'operatorAdmin');
      expect(error.extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('regionReport', () => {
    it("gives platform admins and the region's regional manager the region", async () => {
      for (const caller of ['platformAdmin', tokenOf(s.users.regionalManager)] as Caller[]) {
        const { regionReport: r } = await t.ok(REGION_REPORT, { regionId: s.region.id, ...PERIOD }, caller);
        expect(r.venues).toHaveLength(2);
      }
    });

    it('answers NOT_FOUND to a regional manager of another region, and for a missing region', async () => {
      expect((await t.fails(REGION_REPORT, { regionId: s.region.id, ...PERIOD }, 'regionalManager')).extensions.code).toBe('NOT_FOUND');
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await t.fails(REGION_REPORT, { regionId: missing, ...PERIOD }, 'platformAdmin')).extensions.code).toBe('NOT_FOUND');
    });

    it.each([
      ["the region's operator admin", () => tokenOf(s.users.operatorAdmin)],
      ["the region's government viewer", () => tokenOf(s.users.govViewer)],
      ['a factory of the region', () => tokenOf(s.factories.f1.admin)],
    ])('answers FORBIDDEN to %s', async (_who, caller) => {
      expect((await t.fails(REGION_REPORT, { regionId: s.region.id, ...PERIOD }, caller())).extensions.code).toBe('FORBIDDEN');
    });

    it('answers UNAUTHENTICATED without a sign-in', async () => {
      expect((await t.fails(REGION_REPORT, { regionId: s.region.id, ...PERIOD }, null)).extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('factoryReport', () => {
    const f1 = () => s.factories.f1.org.id;

    it('gives the factory, platform admins and the regional manager of its venues its report', async () => {
      for (const caller of [tokenOf(s.factories.f1.admin), 'platformAdmin', tokenOf(s.users.regionalManager)] as Caller[]) {
        const { factoryReport: r } = await t.ok(FACTORY_REPORT, { factoryId: f1(), ...PERIOD }, caller);
        expect(r.venues).toHaveLength(2);
      }
    });

    it('answers NOT_FOUND to another factory, to a regional manager elsewhere, and for an id that is not a factory', async () => {
      expect((await t.fails(FACTORY_REPORT, { factoryId: f1(), ...PERIOD }, tokenOf(s.factories.f2.admin))).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(FACTORY_REPORT, { factoryId: f1(), ...PERIOD }, 'factoryAdmin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(FACTORY_REPORT, { factoryId: f1(), ...PERIOD }, 'regionalManager')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(FACTORY_REPORT, { factoryId: s.operator.id, ...PERIOD }, 'platformAdmin')).extensions.code).toBe('NOT_FOUND');
    });

    it.each([
      ["an operator admin of the factory's venue", () => tokenOf(s.users.operatorAdmin)],
      ["the venue's government viewer", () => tokenOf(s.users.govViewer)],
    ])('answers FORBIDDEN to %s', async (_who, caller) => {
      expect((await t.fails(FACTORY_REPORT, { factoryId: f1(), ...PERIOD }, caller())).extensions.code).toBe('FORBIDDEN');
    });

    it('answers UNAUTHENTICATED without a sign-in', async () => {
      expect((await t.fails(FACTORY_REPORT, { factoryId: f1(), ...PERIOD }, null)).extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('GET /api/reports/venue/:id.xlsx', () => {
    const download = (venueId: string, token: string | null, query = `from=${PERIOD.from}&to=${PERIOD.to}`) => {
      const req = t.http().get(`/api/reports/venue/${venueId}.xlsx?${query}`).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      if (token) req.set('authorization', `Bearer ${token}`);
      return req;
    };
    const workbook = async (body: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(body as never);
      return wb;
    };
    const allCells = (wb: ExcelJS.Workbook) => {
      const cells: unknown[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(cell.value))));
      return cells;
    };

    it('gives staff the report with one sheet per section, Chinese headers and numbers as numbers', async () => {
      const res = await download(s.venue.id, s.users.operatorAdmin.token);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(res.headers['content-disposition'])).toContain(`场馆报表_${s.venue.code}_2026-03-01至2026-03-31.xlsx`);
      const wb = await workbook(res.body);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['概览', '库龄', '货位表现', '工厂排行（扫码）', '工厂排行（GMV）', 'SKU排行（扫码）', 'SKU排行（GMV）']);
      const overview = wb.getWorksheet('概览')!;
      const row = (label: string) => {
        let found: ExcelJS.Row | undefined;
        overview.eachRow((r) => {
          if (r.getCell(1).value === label) found = r;
        });
        if (!found) throw new Error(`no row ${label}`);
        return found;
      };
      expect(overview.getRow(7).values).toEqual([undefined, '指标', '本期', '上期', '变化', '变化率']);
      expect([row('占用货位日').getCell(2).value, row('占用货位日').getCell(3).value]).toEqual([56, 40]);
      expect(row('占用货位日').getCell(2).numFmt).toBe('#,##0');
      const value = row('寄售库存货值（供货价，期末）');
      expect([value.getCell(2).value, value.getCell(3).value, value.getCell(4).value]).toEqual([1365, 1400, -35]);
      expect(value.getCell(2).numFmt).toBe('"¥"#,##0.00');
      expect(value.getCell(5).value).toBeCloseTo(-0.025, 12);
      expect(value.getCell(5).numFmt).toBe('0.00%');
      expect(row('货位占用率').getCell(2).value).toBeCloseTo(56 / 67, 12);
      expect(row('货位占用率').getCell(2).numFmt).toBe('0.00%');
      expect(row('报价单审批时长中位数（小时）').getCell(2).value).toBe(36);
      expect([row('运营差价').getCell(2).value, row('运营差价').getCell(3).value]).toEqual([116, 15]);
      expect(row('GMV（批发价）').getCell(2).value).toBe(390);
      expect(row('退货率').getCell(2).value).toBeCloseTo(3 / 37, 12);
      const age = wb.getWorksheet('库龄')!;
      expect([2, 3, 4].map((r) => age.getRow(r).getCell(2).value)).toEqual([30, 65, 40]);
      const slots = wb.getWorksheet('货位表现')!;
      const slotCodes: unknown[] = [];
      slots.eachRow((r) => slotCodes.push(r.getCell(1).value));
      expect(slotCodes).toEqual(expect.arrayContaining(['R-01-1', 'R-02-1', 'R-03-1']));
    });

    it('gives the government viewer the aggregate-only workbook: no ranking sheets, no spread, no factory', async () => {
      const res = await download(s.venue.id, s.users.govViewer.token);
      expect(res.status).toBe(200);
      const wb = await workbook(res.body);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['概览', '库龄', '货位表现']);
      const cells = allCells(wb).map(String);
      expect(cells).not.toContain('运营差价');
      for (const name of FACTORY_NAMES) expect(cells.join('|')).not.toContain(name);
    });

    it('refuses as venueReport does: NOT_FOUND elsewhere, FORBIDDEN to factories, UNAUTHENTICATED without a sign-in, VALIDATION_FAILED for a bad period', async () => {
      const other = await download(s.venue.id, await t.tokenFor('operatorAdmin'));
      expect([other.status, JSON.parse(other.body.toString()).error.code]).toEqual([404, 'NOT_FOUND']);
      const factory = await download(s.venue.id, s.factories.f1.admin.token);
      expect([factory.status, JSON.parse(factory.body.toString()).error.code]).toEqual([403, 'FORBIDDEN']);
      const anonymous = await download(s.venue.id, null);
      expect(anonymous.status).toBe(401);
      const bad = await download(s.venue.id, s.users.operatorAdmin.token, 'from=2026-04-01');
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body.toString()).error.code).toBe('VALIDATION_FAILED');
      const notXlsx = await t.http().get(`/api/reports/venue/${s.venue.id}.pdf?from=${PERIOD.from}&to=${PERIOD.to}`).set('authorization', `Bearer ${s.users.operatorAdmin.token}`);
      expect(notXlsx.status).toBe(404);
    });
  });
});
