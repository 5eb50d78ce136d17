import { Role } from '@xp/core';
import { BrandStatus, VenueFactoryStatus } from '@xp/factories';
import { Given } from '../support/given';
import { TestApp } from '../support/test-app';
import { CREATE, DELETE, line, SHEET, SHEETS, shanghaiDay, SUBMIT, UPDATE } from './documents';
import { ensureAdmission, pricedFactory, PricedFactory, pricing } from './world';

/** Drafting and submitting price sheets, and who may see them. */
describe('price sheets', () => {
  let t: TestApp;
  let given: Given;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  const today = () => shanghaiDay(0);
  const goodLines = (f: PricedFactory) => [
    line(f.branded.id, [[10, '15.00'], [50, '14.00'], [200, '12.50']], '29.90', '19.90'),
    line(f.plain.id, [[6, '8.00'], [60, '7.50']], '12.00'),
  ];
  const create = (f: PricedFactory, overrides: Record<string, unknown> = {}) =>
    t.ok(CREATE, { input: { venueId: t.demo.venues.zz, effectiveFrom: today(), lines: goodLines(f), ...overrides } }, f.token);
  const sheetCount = (f: PricedFactory) => t.count('price_sheets', 'factory_org_id = $1', [f.org.id]);

  describe('creating', () => {
    it('creates a DRAFT with the next version number and every line', async () => {
      const f = await pricedFactory(t, given);
      const first = (await create(f, { note: '秋冬报价' })).createPriceSheet;
      expect(first).toMatchObject({ status: 'DRAFT', versionNo: 1, lineCount: 2, effectiveFrom: today(), note: '秋冬报价', venueId: t.demo.venues.zz });
      const second = (await create(f)).createPriceSheet;
      expect(second.versionNo).toBe(2);
      const { priceSheet } = await t.ok(SHEET, { id: first.id }, f.token);
      expect(priceSheet.lines.items[0]).toMatchObject({
        lineNo: 1,
        sku: { code: f.branded.code },
        retailPrice: '29.90',
        requestedFloor: '19.90',
        floorStatus: 'PENDING',
        decision: null,
        tiers: [
          { minQuantity: 10, supplyPrice: '15.00', wholesalePrice: null },
          { minQuantity: 50, supplyPrice: '14.00', wholesalePrice: null },
          { minQuantity: 200, supplyPrice: '12.50', wholesalePrice: null },
        ],
      });
      expect(priceSheet.lines.items[1]).toMatchObject({ requestedFloor: null, floorStatus: null });
      expect(await t.count('audit_events', "action = 'priceSheet.created' AND entity_id = $1", [first.id])).toBe(1);
    });

    it('lists every violation of every line at once as PRICE_RULE_VIOLATED, and writes nothing', async () => {
      const f = await pricedFactory(t, given);
      const error = await t.fails(
        CREATE,
        {
          input: {
            venueId: t.demo.venues.zz,
            effectiveFrom: today(),
            lines: [
              line(f.branded.id, [[12, '15.00'], [50, '16.00']], '15.50', '30.00'),
              line(f.plain.id, [[6, '8.00']], '7.99', '5.00'),
            ],
          },
        },
        f.token,
      );
      expect(error.extensions.code).toBe('PRICE_RULE_VIOLATED');
      const violations = error.extensions.violations as { line: number; skuCode: string; path: string; message: string }[];
      expect(violations.map((v) => [v.line, v.skuCode, v.path])).toEqual([
        [1, f.branded.code, 'tiers.1.unitPrice'],
        [1, f.branded.code, 'tiers.0.minQuantity'],
        [1, f.branded.code, 'retailPrice'],
        [1, f.branded.code, 'requestedFloor'],
        [2, f.plain.code, 'retailPrice'],
        [2, f.plain.code, 'requestedFloor'],
      ]);
      expect(violations[3].message).toMatch(/above the retail price/);
      expect(violations[5].message).toMatch(/no brand/);
      expect(await sheetCount(f)).toBe(0);
    });

    it('refuses a floor on a brand that is not verified', async () => {
      const f = await pricedFactory(t, given, t.demo.venues.zz, BrandStatus.PENDING);
      const error = await t.fails(
        CREATE,
        { input: { venueId: t.demo.venues.zz, effectiveFrom: today(), lines: [line(f.branded.id, [[10, '15.00']], '29.90', '19.90')] } },
        f.token,
      );
      expect(error.extensions).toMatchObject({
        code: 'PRICE_RULE_VIOLATED',
        violations: [{ line: 1, path: 'requestedFloor', message: expect.stringMatching(/verified/) }],
      });
    });

    it('refuses money beyond the fen before anything runs', async () => {
      const f = await pricedFactory(t, given);
      const error = await t.fails(
        CREATE,
        { input: { venueId: t.demo.venues.zz, effectiveFrom: today(), lines: [line(f.plain.id, [[6, '8.005']], '12.00')] } },
        f.token,
      );
      expect(error.extensions.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(/at most two decimals/);
    });

    it("refuses another factory's SKU, an unknown SKU and a SKU twice, naming each field", async () => {
      const f = await pricedFactory(t, given);
      const other = await pricedFactory(t, given);
      const error = await t.fails(
        CREATE,
        {
          input: {
            venueId: t.demo.venues.zz,
            effectiveFrom: today(),
            lines: [
              line(other.plain.id, [[6, '8.00']], '12.00'),
              line('00000000-0000-4000-8000-000000000000', [[6, '8.00']], '12.00'),
              line(f.plain.id, [[6, '8.00']], '12.00'),
              line(f.plain.id, [[6, '8.00']], '12.00'),
            ],
          },
        },
        f.token,
      );
      expect(error.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [
          { path: 'input.lines.0.skuId', message: "is not one of your factory's SKUs" },
          { path: 'input.lines.1.skuId', message: "is not one of your factory's SKUs" },
          { path: 'input.lines.3.skuId', message: expect.stringMatching(/appears twice \(also line 3\)/) },
        ],
      });
      expect(await sheetCount(f)).toBe(0);
    });

    it('refuses an effective date in the past', async () => {
      const f = await pricedFactory(t, given);
      const error = await t.fails(CREATE, { input: { venueId: t.demo.venues.zz, effectiveFrom: shanghaiDay(-1), lines: goodLines(f) } }, f.token);
      expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.effectiveFrom' }] });
    });

    it('takes sheets only from a factory whose admission to the venue is APPROVED', async () => {
      const f = await pricedFactory(t, given);
      for (const status of [VenueFactoryStatus.SUBMITTED, VenueFactoryStatus.SUSPENDED]) {
        await ensureAdmission(t, t.demo.venues.zz, f.org.id, status);
        const error = await t.fails(CREATE, { input: { venueId: t.demo.venues.zz, effectiveFrom: today(), lines: goodLines(f) } }, f.token);
        expect(error.extensions.code).toBe('FORBIDDEN');
        expect(error.message).toMatch(/not admitted/);
      }
      const notAdmitted = await t.fails(CREATE, { input: { venueId: t.demo.venues.yk, effectiveFrom: today(), lines: goodLines(f) } }, f.token);
      expect(notAdmitted.extensions.code).toBe('FORBIDDEN');
      const noVenue = await t.fails(
        CREATE,
        { input: { venueId: '00000000-0000-4000-8000-000000000000', effectiveFrom: today(), lines: goodLines(f) } },
        f.token,
      );
      expect(noVenue.extensions.code).toBe('NOT_FOUND');
      expect(await sheetCount(f)).toBe(0);
    });

    it("answers NOT_FOUND for another factory's id, and asks which factory when the caller works for two", async () => {
      const f = await pricedFactory(t, given);
      const other = await pricedFactory(t, given);
      const foreign = await t.fails(CREATE, { input: { venueId: t.demo.venues.zz, factoryOrgId: other.org.id, effectiveFrom: today(), lines: goodLines(f) } }, f.token);
      expect(foreign.extensions.code).toBe('NOT_FOUND');
      await t.dataSource.query(`INSERT INTO memberships (user_id, organization_id, organization_kind, role) VALUES ($1, $2, 'FACTORY', 'FACTORY_STAFF')`, [
        f.userId,
        other.org.id,
      ]);
      const which = await t.fails(CREATE, { input: { venueId: t.demo.venues.zz, effectiveFrom: today(), lines: goodLines(f) } }, f.token);
      expect(which.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.factoryOrgId' }] });
      expect(
        (await t.ok(CREATE, { input: { venueId: t.demo.venues.zz, factoryOrgId: f.org.id, effectiveFrom: today(), lines: goodLines(f) } }, f.token)).createPriceSheet
          .factoryOrgId,
      ).toBe(f.org.id);
      expect(await sheetCount(other)).toBe(0);
    });

    it('is for factory staff only', async () => {
      const f = await pricedFactory(t, given);
      const staff = await given.user(Role.FACTORY_STAFF, f.org.id);
      expect((await t.ok(CREATE, { input: { venueId: t.demo.venues.zz, effectiveFrom: today(), lines: goodLines(f) } }, { token: staff.token })).createPriceSheet.status).toBe('DRAFT');
      for (const caller of ['operatorAdmin', 'pricingReviewer', 'govViewer', 'platformAdmin'] as const) {
        const error = await t.fails(CREATE, { input: { venueId: t.demo.venues.zz, effectiveFrom: today(), lines: goodLines(f) } }, caller);
        expect(error.extensions.code).toBe('FORBIDDEN');
      }
      expect(await sheetCount(f)).toBe(1);
    });
  });

  describe('editing a draft', () => {
    it('replaces the lines and the date while DRAFT', async () => {
      const f = await pricedFactory(t, given);
      const sheet = (await create(f)).createPriceSheet;
      const { updatePriceSheet } = await t.ok(
        UPDATE,
        { input: { id: sheet.id, effectiveFrom: shanghaiDay(3), lines: [line(f.plain.id, [[6, '9.00']], '13.00')] } },
        f.token,
      );
      expect(updatePriceSheet).toMatchObject({ effectiveFrom: shanghaiDay(3), lineCount: 1, version: sheet.version + 1 });
      expect(await t.count('price_sheet_lines', 'sheet_id = $1 AND effective_from = $2', [sheet.id, shanghaiDay(3)])).toBe(1);
    });

    it('refuses a past date or a broken line in an edit, leaving the draft as it was', async () => {
      const f = await pricedFactory(t, given);
      const sheet = (await create(f)).createPriceSheet;
      const past = await t.fails(UPDATE, { input: { id: sheet.id, effectiveFrom: shanghaiDay(-1) } }, f.token);
      expect(past.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.effectiveFrom' }] });
      const broken = await t.fails(UPDATE, { input: { id: sheet.id, lines: [line(f.plain.id, [[6, '8.00']], '7.00')] } }, f.token);
      expect(broken.extensions).toMatchObject({ code: 'PRICE_RULE_VIOLATED', violations: [{ line: 1, path: 'retailPrice' }] });
      expect(await t.count('price_sheet_lines', 'sheet_id = $1', [sheet.id])).toBe(2);
      expect(await t.count('price_sheets', 'id = $1 AND version = $2 AND effective_from = $3', [sheet.id, sheet.version, today()])).toBe(1);
    });

    it('deletes a draft, and neither edits nor deletes a submitted sheet', async () => {
      const f = await pricedFactory(t, given);
      const draft = (await create(f)).createPriceSheet;
      expect((await t.ok(DELETE, { input: { id: draft.id } }, f.token)).deletePriceSheet).toBe(true);
      expect(await sheetCount(f)).toBe(0);
      const sheet = (await create(f)).createPriceSheet;
      await t.ok(SUBMIT, { input: { id: sheet.id } }, f.token);
      const edit = await t.fails(UPDATE, { input: { id: sheet.id, note: 'x' } }, f.token);
      expect(edit.extensions.code).toBe('INVALID_TRANSITION');
      const del = await t.fails(DELETE, { input: { id: sheet.id } }, f.token);
      expect(del.extensions.code).toBe('INVALID_TRANSITION');
      expect(await t.count('price_sheets', "id = $1 AND status = 'SUBMITTED' AND note IS NULL", [sheet.id])).toBe(1);
    });

    it("answers NOT_FOUND to another factory editing, submitting or deleting a sheet", async () => {
      const f = await pricedFactory(t, given);
      const other = await pricedFactory(t, given);
      const sheet = (await create(f)).createPriceSheet;
      for (const [doc, input] of [
        [UPDATE, { id: sheet.id, note: 'mine now' }],
        [SUBMIT, { id: sheet.id }],
        [DELETE, { id: sheet.id }],
      ] as const) {
        expect((await t.fails(doc, { input }, other.token)).extensions.code).toBe('NOT_FOUND');
        expect((await t.fails(doc, { input }, 'factory2Admin')).extensions.code).toBe('NOT_FOUND');
      }
      expect(await t.count('price_sheets', "id = $1 AND status = 'DRAFT' AND note IS NULL", [sheet.id])).toBe(1);
    });
  });

  describe('submitting', () => {
    it('moves a valid draft to SUBMITTED', async () => {
      const f = await pricedFactory(t, given);
      const sheet = (await create(f)).createPriceSheet;
      const { submitPriceSheet } = await t.ok(SUBMIT, { input: { id: sheet.id } }, f.token);
      expect(submitPriceSheet).toMatchObject({ status: 'SUBMITTED', submittedAt: expect.any(String) });
      const again = await t.fails(SUBMIT, { input: { id: sheet.id } }, f.token);
      expect(again.extensions.code).toBe('INVALID_TRANSITION');
    });

    it('checks again on submit and lists every violation of every line', async () => {
      const f = await pricedFactory(t, given);
      const sheet = (await create(f)).createPriceSheet;
      // Since the draft was made, the catalog changed: a new MOQ and a brand no longer verified.
      await t.dataSource.query('UPDATE skus SET moq = 12, pack_size = 6 WHERE id = $1', [f.plain.id]);
      await t.dataSource.query(`UPDATE brands SET status = 'PENDING' WHERE id = $1`, [f.brand.id]);
      const error = await t.fails(SUBMIT, { input: { id: sheet.id } }, f.token);
      expect(error.extensions.code).toBe('PRICE_RULE_VIOLATED');
      expect((error.extensions.violations as { line: number; path: string }[]).map((v) => [v.line, v.path])).toEqual([
        [1, 'requestedFloor'],
        [2, 'tiers.0.minQuantity'],
      ]);
      expect(await t.count('price_sheets', "id = $1 AND status = 'DRAFT'", [sheet.id])).toBe(1);
    });

    it('refuses to submit a draft whose date has passed', async () => {
      const f = await pricedFactory(t, given);
      const sheet = (await create(f)).createPriceSheet;
      await t.dataSource.query('UPDATE price_sheets SET effective_from = $2 WHERE id = $1', [sheet.id, shanghaiDay(-2)]);
      const error = await t.fails(SUBMIT, { input: { id: sheet.id } }, f.token);
      expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'effectiveFrom' }] });
    });

    it('refuses to submit once the admission is suspended', async () => {
      const f = await pricedFactory(t, given);
      const sheet = (await create(f)).createPriceSheet;
      await ensureAdmission(t, t.demo.venues.zz, f.org.id, VenueFactoryStatus.SUSPENDED);
      expect((await t.fails(SUBMIT, { input: { id: sheet.id } }, f.token)).extensions.code).toBe('FORBIDDEN');
      expect(await t.count('price_sheets', "id = $1 AND status = 'DRAFT'", [sheet.id])).toBe(1);
    });
  });

  describe('who sees which sheets', () => {
    let a: PricedFactory;
    let b: PricedFactory;
    let aSheet: string;
    let bYkSheet: string;
    beforeAll(async () => {
      a = await pricedFactory(t, given);
      b = await pricedFactory(t, given, t.demo.venues.yk);
      aSheet = (await create(a)).createPriceSheet.id;
      bYkSheet = (
        await t.ok(CREATE, { input: { venueId: t.demo.venues.yk, effectiveFrom: today(), lines: goodLines(b).slice(1) } }, b.token)
      ).createPriceSheet.id;
    });
    const ids = async (caller: Parameters<TestApp['ok']>[2], filter: Record<string, unknown> = {}) =>
      ((await t.ok(SHEETS, { filter }, caller)).priceSheets.items as { id: string }[]).map((s) => s.id);

    it('shows a factory its own sheets only', async () => {
      expect(await ids(a.token)).toEqual([aSheet]);
      expect(await ids(b.token)).toEqual([bYkSheet]);
      expect(await ids(a.token, { factoryOrgId: b.org.id })).toEqual([]);
      expect((await t.fails(SHEET, { id: bYkSheet }, a.token)).extensions.code).toBe('NOT_FOUND');
    });

    it("shows an operator its venues' sheets only", async () => {
      expect(await ids('operatorAdmin')).toContain(aSheet);
      expect(await ids('operatorAdmin')).not.toContain(bYkSheet);
      expect(await ids('pricingReviewer')).toContain(aSheet);
      expect(await ids('operator2Admin')).toContain(bYkSheet);
      expect(await ids('operator2Admin')).not.toContain(aSheet);
      expect((await t.fails(SHEET, { id: aSheet }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.ok(SHEET, { id: aSheet }, 'operatorAdmin')).priceSheet.id).toBe(aSheet);
    });

    it('shows the platform and the regional manager every sheet they oversee', async () => {
      expect(await ids('platformAdmin')).toEqual(expect.arrayContaining([aSheet, bYkSheet]));
      expect(await ids('regionalManager')).toEqual(expect.arrayContaining([aSheet, bYkSheet]));
    });

    it('never shows a government viewer a price sheet (FORBIDDEN, no data)', async () => {
      expect((await t.fails(SHEETS, {}, 'govViewer')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(SHEET, { id: aSheet }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
    });

    it('keeps showroom and warehouse staff out of the review queue', async () => {
      expect((await t.fails(SHEETS, {}, 'showroomStaff')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(SHEET, { id: aSheet }, 'warehouseStaff')).extensions.code).toBe('FORBIDDEN');
    });

    it('answers NOT_FOUND for a missing or malformed id', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
        expect((await t.fails(SHEET, { id }, 'operatorAdmin')).extensions.code).toBe('NOT_FOUND');
      }
    });

    it('filters by venue, factory, status and effective date, and sorts', async () => {
      const later = (await create(a, { effectiveFrom: shanghaiDay(10) })).createPriceSheet.id;
      await t.ok(SUBMIT, { input: { id: later } }, a.token);
      expect(await ids('operatorAdmin', { factoryOrgId: a.org.id, status: 'SUBMITTED' })).toEqual([later]);
      expect(await ids('operatorAdmin', { factoryOrgId: a.org.id, effectiveFromMin: shanghaiDay(5) })).toEqual([later]);
      expect(await ids('operatorAdmin', { factoryOrgId: a.org.id, effectiveFromMax: shanghaiDay(5) })).toEqual([aSheet]);
      expect(await ids('platformAdmin', { venueId: t.demo.venues.yk, factoryOrgId: b.org.id })).toEqual([bYkSheet]);
      const sorted = await t.ok(SHEETS, { filter: { factoryOrgId: a.org.id }, sort: { field: 'versionNo', order: 'DESC' } }, a.token);
      expect(sorted.priceSheets.items.map((s: { versionNo: number }) => s.versionNo)).toEqual([2, 1]);
      const badSort = await t.fails(SHEETS, { sort: { field: 'retailPrice' } }, a.token);
      expect(badSort.extensions.code).toBe('VALIDATION_FAILED');
    });

    it('shows SUPERSEDED for an approved sheet whose every line has a newer version in force', async () => {
      const f = await pricedFactory(t, given);
      const p = pricing(t);
      const lines = [{ skuId: f.plain.id, tiers: [[6, 800]] as [number, number][], retail: 1200 }];
      const old = await p.priceSheet(t.demo.venues.zz, f.org.id, lines, { at: new Date(Date.now() - 10 * 86_400_000) });
      expect((await t.ok(SHEET, { id: old.id }, f.token)).priceSheet.status).toBe('APPROVED');
      const future = await p.priceSheet(t.demo.venues.zz, f.org.id, lines, { effectiveFrom: shanghaiDay(3) });
      // approved, but not in force before its date: the old sheet still holds
      expect((await t.ok(SHEET, { id: old.id }, f.token)).priceSheet.status).toBe('APPROVED');
      expect(await ids(f.token, { status: 'SUPERSEDED' })).toEqual([]);
      // a later approval in force today replaces the old sheet and, being newer, the future one too
      const latest = await p.priceSheet(t.demo.venues.zz, f.org.id, lines, { at: new Date(Date.now() - 1000) });
      expect((await t.ok(SHEET, { id: old.id }, f.token)).priceSheet.status).toBe('SUPERSEDED');
      expect((await ids(f.token, { status: 'SUPERSEDED' })).sort()).toEqual([old.id, future.id].sort());
      expect(await ids(f.token, { status: 'APPROVED' })).toEqual([latest.id]);
    });
  });
});
