import { DomainError } from '@xp/core';
import { IsNull } from 'typeorm';
import { ConfigError, loadConfig } from '@xp/core';
import { LabelFormat, LabelLayout, LabelRenderer, LabelTemplate, LabelTemplatesService, placement, toTemplateSpec } from '@xp/labels';
import { Given } from '../support/given';
import { Caller, DemoUserKey, TestApp } from '../support/test-app';
import { decodeQr, rasterizePdf } from './support/raster';
import { sampleLabel, SPECS } from './support/samples';

const TEMPLATES = `query($filter: LabelTemplateFilter, $perPage: Int, $sort: SortInput) {
  labelTemplates(filter: $filter, perPage: $perPage, sort: $sort) {
    total
    items { id venueId code name widthMm heightMm layout fields symbology barcode zplDpi active labelsPerPage
      sheet { pageWidthMm pageHeightMm columns rows marginTopMm marginLeftMm gapXMm gapYMm } }
  }
}`;

const SEEDED = ['ROLL-40X30', 'ROLL-50X30', 'ROLL-60X40', 'ROLL-70X50', 'A4-3X8'];

describe('label templates', () => {
  let t: TestApp;
  let given: Given;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  const items = async (caller: Caller, filter: Record<string, unknown> = {}) =>
    (await t.ok(TEMPLATES, { filter, perPage: 200 }, caller)).labelTemplates.items as { code: string; venueId: string | null }[];
  const codes = async (caller: Caller, filter: Record<string, unknown> = {}) => (await items(caller, filter)).map((i) => i.code);

  it.each<DemoUserKey>(['platformAdmin', 'regionalManager', 'operatorAdmin', 'pricingReviewer', 'showroomStaff', 'warehouseStaff', 'operator2Admin'])(
    'shows %s the seeded thermal and A4 templates in order',
    async (caller) => {
      const globals = (await items(caller)).filter((i) => i.venueId === null).map((i) => i.code);
      expect(globals).toEqual(SEEDED);
    },
  );

  it.each<DemoUserKey>(['factoryAdmin', 'factory2Admin', 'govViewer'])('refuses %s (factories and governments print no labels)', async (caller) => {
    const error = await t.fails(TEMPLATES, {}, caller);
    expect(error.extensions.code).toBe('FORBIDDEN');
  });

  it('refuses an anonymous caller', async () => {
    expect((await t.fails(TEMPLATES, {}, null)).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('describes each seeded template as the renderer uses it', async () => {
    const { labelTemplates } = await t.ok(TEMPLATES, {}, 'showroomStaff');
    for (const item of labelTemplates.items) {
      const spec = SPECS[item.code];
      expect(item).toMatchObject({
        venueId: null,
        widthMm: spec.widthMm,
        heightMm: spec.heightMm,
        layout: spec.layout,
        symbology: 'QR',
        barcode: spec.barcode,
        zplDpi: spec.zplDpi,
        active: true,
        sheet: spec.sheet ?? null,
        labelsPerPage: spec.layout === LabelLayout.SHEET ? 24 : 1,
      });
      expect([...item.fields].sort()).toEqual([...spec.fields].sort());
    }
  });

  it("shows a venue's own templates to that venue's staff only", async () => {
    const { venue, admin } = await given.operatedVenue();
    const own = await given.labelTemplate({ venueId: venue.id, name: '自定义 50×30', sortOrder: 5 });
    const retired = await given.labelTemplate({ venueId: venue.id, active: false });
    const staff = { token: admin.token };
    expect(await codes(staff)).toEqual([own.code, ...SEEDED]);
    expect(await codes(staff, { venueId: venue.id })).toEqual([own.code, ...SEEDED]);
    expect(await codes(staff, { venueId: venue.id, includeInactive: true })).toEqual(expect.arrayContaining([own.code, retired.code]));
    expect(await codes(staff, { layout: 'SHEET' })).toEqual(['A4-3X8']);
    expect(await codes('platformAdmin')).toContain(own.code);
    expect(await codes('platformAdmin', { venueId: venue.id })).toEqual([own.code, ...SEEDED]);
    for (const other of ['operatorAdmin', 'showroomStaff', 'operator2Admin', 'regionalManager'] as const) {
      expect(await codes(other)).not.toContain(own.code);
      expect((await t.fails(TEMPLATES, { filter: { venueId: venue.id } }, other)).extensions.code).toBe('NOT_FOUND');
    }
  });

  it("answers NOT_FOUND for another operator's venue and for a missing venue", async () => {
    for (const [caller, venueId] of [
      ['operator2Admin', t.demo.venues.zz],
      ['showroomStaff', t.demo.venues.yk],
      ['platformAdmin', '00000000-0000-4000-8000-000000000000'],
    ] as const) {
      const error = await t.fails(TEMPLATES, { filter: { venueId } }, caller);
      expect(error.extensions.code).toBe('NOT_FOUND');
    }
  });

  it('refuses a malformed venue id, an unknown sort field and perPage above 200', async () => {
    const bad = await t.fails(TEMPLATES, { filter: { venueId: 'zz' } }, 'operatorAdmin');
    expect(bad.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'filter.venueId' }] });
    const sort = await t.fails(TEMPLATES, { sort: { field: 'fields', order: 'ASC' } }, 'operatorAdmin');
    expect(sort.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'sort.field' }] });
    const page = await t.fails(TEMPLATES, { perPage: 201 }, 'operatorAdmin');
    expect(page.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'perPage' }] });
  });

  it('sorts by width when asked', async () => {
    const { labelTemplates } = await t.ok(TEMPLATES, { sort: { field: 'widthMm', order: 'DESC' } }, 'operator2Admin');
    const widths = labelTemplates.items.map((i: { widthMm: number }) => i.widthMm);
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
  });

  it('finds a template usable at a venue: a global one or that venue’s own, never another venue’s', async () => {
    const service = t.app.get(LabelTemplatesService);
    const ctx = await t.contextFor('showroomStaff');
    const global = await t.dataSource.getRepository(LabelTemplate).findOneByOrFail({ code: 'ROLL-40X30', venueId: IsNull() });
    const { venue } = await given.operatedVenue();
    const othersOwn = await given.labelTemplate({ venueId: venue.id });
    const retired = await given.labelTemplate({ venueId: t.demo.venues.zz, active: false });
    expect((await service.findUsable(ctx, global.id, t.demo.venues.zz)).code).toBe('ROLL-40X30');
    expect((await service.findUsable(ctx, othersOwn.id, venue.id)).id).toBe(othersOwn.id);
    for (const id of [othersOwn.id, retired.id, 'nope', '00000000-0000-4000-8000-000000000000']) {
      await expect(service.findUsable(ctx, id, t.demo.venues.zz)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  describe('createLabelTemplate', () => {
    const CREATE = `mutation($input: CreateLabelTemplateInput!) {
      createLabelTemplate(input: $input) { id venueId code name widthMm heightMm layout fields barcode zplDpi labelsPerPage
        sheet { pageWidthMm pageHeightMm columns rows marginTopMm marginLeftMm gapXMm gapYMm } }
    }`;
    const a4 = { pageWidthMm: 210, pageHeightMm: 297, columns: 2, rows: 5, marginTopMm: 10, marginLeftMm: 10, gapXMm: 5, gapYMm: 3 };
    const input = (overrides: Record<string, unknown> = {}) => ({
      venueId: t.demo.venues.zz,
      code: `ZZ-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      name: '郑州 A4 2×5 大标签',
      widthMm: 90,
      heightMm: 50,
      layout: 'SHEET',
      sheet: a4,
      fields: ['TITLE', 'TIER_PRICES', 'SLOT_CODE', 'PRICE_VERSION'],
      barcode: 'CODE128',
      ...overrides,
    });
    const rows = () => Promise.all([t.count('label_templates'), t.count('audit_events', "action = 'labelTemplate.created'")]);

    it("lets the venue's operator admin add a sheet template that its staff then list and print", async () => {
      const values = input();
      const { createLabelTemplate: created } = await t.ok(CREATE, { input: values }, 'operatorAdmin');
      expect(created).toMatchObject({ venueId: t.demo.venues.zz, code: values.code, layout: 'SHEET', sheet: a4, labelsPerPage: 10, zplDpi: 203 });
      expect(await codes('showroomStaff', { venueId: t.demo.venues.zz, layout: 'SHEET' })).toContain(values.code);
      expect(await t.count('audit_events', "action = 'labelTemplate.created' AND entity_id = $1 AND venue_id = $2", [created.id, t.demo.venues.zz])).toBe(1);
      const stored = await t.dataSource.getRepository(LabelTemplate).findOneByOrFail({ id: created.id });
      const pdf = await t.app.get(LabelRenderer).render(stored, [sampleLabel(0), sampleLabel(1)], LabelFormat.PDF);
      expect(pdf.pageCount).toBe(1);
      const page = rasterizePdf(pdf.content, 150)[0];
      const at = placement(toTemplateSpec(stored), 1);
      expect(decodeQr(page, { xMm: at.xMm, yMm: at.yMm, widthMm: 90, heightMm: 50 })).toBe(sampleLabel(1).scanUrl);
    });

    it('lets a platform admin add a roll template to any venue', async () => {
      const { createLabelTemplate } = await t.ok(CREATE, { input: input({ venueId: t.demo.venues.yk, layout: 'ROLL', sheet: null, widthMm: 100, heightMm: 70 }) }, 'platformAdmin');
      expect(createLabelTemplate).toMatchObject({ venueId: t.demo.venues.yk, layout: 'ROLL', sheet: null, labelsPerPage: 1 });
    });

    it.each<[string, Caller, () => string, string]>([
      ["another operator's admin", 'operator2Admin', () => t.demo.venues.zz, 'NOT_FOUND'],
      ['a missing venue', 'platformAdmin', () => '00000000-0000-4000-8000-000000000000', 'NOT_FOUND'],
      ['showroom staff', 'showroomStaff', () => t.demo.venues.zz, 'FORBIDDEN'],
      ['a regional manager', 'regionalManager', () => t.demo.venues.zz, 'FORBIDDEN'],
      ['a factory admin', 'factoryAdmin', () => t.demo.venues.zz, 'FORBIDDEN'],
      ['a government viewer', 'govViewer', () => t.demo.venues.zz, 'FORBIDDEN'],
    ])('refuses %s, changing nothing', async (_who, caller, venueId, code) => {
      const before = await rows();
      expect((await t.fails(CREATE, { input: input({ venueId: venueId() }) }, caller)).extensions.code).toBe(code);
      expect(await rows()).toEqual(before);
    });

    it.each([
      ['a grid wider than the page', { sheet: { ...a4, columns: 3 } }, 'input.sheet.columns'],
      ['a grid taller than the page', { sheet: { ...a4, rows: 6 } }, 'input.sheet.rows'],
      ['a sheet layout without its grid', { sheet: null }, 'input.sheet'],
      ['a roll with a grid', { layout: 'ROLL' }, 'input.sheet'],
      ['a label too small for a QR code', { widthMm: 12 }, 'input.widthMm'],
      ['a field twice', { fields: ['TITLE', 'TITLE'] }, 'input.fields'],
      ['no field', { fields: [] }, 'input.fields'],
      ['a lower-case code', { code: 'zz-1' }, 'input.code'],
      ['a dpi the printers do not have', { zplDpi: 600 }, 'input.zplDpi'],
    ])('refuses %s as VALIDATION_FAILED naming the field, changing nothing', async (_what, overrides, path) => {
      const before = await rows();
      const error = await t.fails(CREATE, { input: input(overrides) }, 'operatorAdmin');
      expect(error.extensions.code).toBe('VALIDATION_FAILED');
      expect(error.extensions.fields?.map((f) => f.path)).toContain(path);
      expect(await rows()).toEqual(before);
    });

    it('refuses a second template with the same code at the venue as DUPLICATE', async () => {
      const values = input();
      await t.ok(CREATE, { input: values }, 'operatorAdmin');
      const before = await rows();
      expect((await t.fails(CREATE, { input: values }, 'operatorAdmin')).extensions.code).toBe('DUPLICATE');
      expect(await rows()).toEqual(before);
      // The same code at another venue is that venue's business.
      await t.ok(CREATE, { input: { ...values, venueId: t.demo.venues.yk } }, 'operator2Admin');
    });
  });

  describe('the database', () => {
    const insert = (values: Record<string, unknown>) => {
      // Inactive, so that no other test's list sees these rows.
      const row = { code: `DB-${Math.random().toString(36).slice(2, 8).toUpperCase()}`, name: 'x', width_mm: 50, height_mm: 30, layout: 'ROLL', fields: ['TITLE'], active: false, ...values };
      const keys = Object.keys(row);
      return t.dataSource.query(
        `INSERT INTO label_templates (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')})`,
        Object.values(row),
      );
    };
    const sheet = { layout: 'SHEET', page_width_mm: 210, page_height_mm: 297, columns: 3, rows: 8, margin_top_mm: 12.9, margin_left_mm: 7.25, gap_x_mm: 2.5, gap_y_mm: 0, width_mm: 63.5, height_mm: 33.9 };

    it('accepts a sheet whose grid fits the page', async () => {
      const before = await t.count('label_templates');
      await insert(sheet);
      expect(await t.count('label_templates')).toBe(before + 1);
    });

    it.each([
      ['a grid wider than the page', { ...sheet, columns: 4 }, 'label_templates_sheet_check'],
      ['a grid taller than the page', { ...sheet, margin_top_mm: 30 }, 'label_templates_sheet_check'],
      ['a sheet without its dimensions', { layout: 'SHEET' }, 'label_templates_sheet_check'],
      ['a roll with sheet dimensions', { columns: 2 }, 'label_templates_sheet_check'],
      ['an unknown field', { fields: ['TITLE', 'PHOTO'] }, 'label_templates_fields_check'],
      ['a field twice', { fields: ['TITLE', 'TITLE'] }, 'label_templates_fields_check'],
      ['no field at all', { fields: [] }, 'label_templates_fields_check'],
      ['a label too small for a QR code', { width_mm: 10 }, 'label_templates_width_check'],
      ['a lower-case code', { code: 'roll-1' }, 'label_templates_code_check'],
      ['a second global template with a seeded code', { code: 'ROLL-40X30' }, 'label_templates_global_code_key'],
    ])('refuses %s', async (_what, values, constraint) => {
      const before = await t.count('label_templates');
      await expect(insert(values)).rejects.toMatchObject({ constraint });
      expect(await t.count('label_templates')).toBe(before);
    });

    it('lets a venue reuse a global code for its own template, once', async () => {
      await insert({ code: 'ROLL-40X30', venue_id: t.demo.venues.yk });
      await expect(insert({ code: 'ROLL-40X30', venue_id: t.demo.venues.yk })).rejects.toMatchObject({
        constraint: 'label_templates_venue_code_key',
      });
    });
  });

  describe('rendering a stored template', () => {
    it('renders every seeded template as a PDF whose QR codes lead to the scan page of PUBLIC_BASE_URL', async () => {
      const renderer = t.app.get(LabelRenderer);
      const templates = await t.dataSource.getRepository(LabelTemplate).findBy({ venueId: IsNull() });
      for (const code of SEEDED) {
        const template = templates.find((x) => x.code === code)!;
        const labels = [0, 1].map((i) => sampleLabel(i, { scanUrl: renderer.scanUrl(`c0de${i}xyz`), gtin: '6901234567892' }));
        expect(labels[0].scanUrl).toBe(`${t.config.publicBaseUrl}/s/c0de0xyz`);
        const pdf = await renderer.render(template, labels, LabelFormat.PDF);
        expect(pdf.omitted).toEqual([]);
        const pages = rasterizePdf(pdf.content, 200);
        labels.forEach((l, i) => {
          const spec = toTemplateSpec(template);
          const at = placement(spec, i);
          expect(decodeQr(pages[at.page], { xMm: at.xMm, yMm: at.yMm, widthMm: spec.widthMm, heightMm: spec.heightMm })).toBe(l.scanUrl);
        });
      }
    });

    it('writes ZPL with the printer font named by LABEL_ZPL_FONT', async () => {
      expect(loadConfig({ LABEL_ZPL_FONT: 'E:SIMSUN.TTF' }).labelZplFont).toBe('E:SIMSUN.TTF');
      expect(() => loadConfig({ LABEL_ZPL_FONT: 'SimSun' })).toThrow(ConfigError);
      const template = await t.dataSource.getRepository(LabelTemplate).findOneByOrFail({ code: 'ROLL-50X30', venueId: IsNull() });
      const configured = new LabelRenderer({ ...t.config, labelZplFont: 'E:SIMSUN.TTF' });
      const zpl = (await configured.render(template, [sampleLabel(0)], LabelFormat.ZPL)).content.toString('utf8');
      expect(zpl).toContain(`^A@N,`);
      expect(zpl).toContain(',E:SIMSUN.TTF^FH^FD');
      const byDefault = (await t.app.get(LabelRenderer).render(template, [sampleLabel(0)], LabelFormat.ZPL)).content.toString('utf8');
      expect(byDefault).toContain(',E:ANMDS.TTF^FH^FD');
    });

    it('answers bad label data as VALIDATION_FAILED naming the label and field', async () => {
      const renderer = t.app.get(LabelRenderer);
      const template = await t.dataSource.getRepository(LabelTemplate).findOneByOrFail({ code: 'ROLL-40X30', venueId: IsNull() });
      const empty = await renderer.render(template, [], LabelFormat.ZPL).catch((e: unknown) => e);
      expect(empty).toBeInstanceOf(DomainError);
      expect(empty).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'labels' }] } });
      const fractional = await renderer.render(template, [sampleLabel(0, { retailPriceFen: 12.5 })], LabelFormat.PDF).catch((e: unknown) => e);
      expect(fractional).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'labels.0.retailPriceFen' }] } });
    });
  });
});
