import { BrandsService, DocumentKind, tinyPdf, VenueFactoryStatus } from '@xp/factories';
import { Role } from '@xp/core';
import { Given, uniqueSuffix } from '../support/given';
import { Caller, TestApp } from '../support/test-app';
import { BRAND, BRANDS, DECLARE_BRAND, REVIEW_BRAND, uploaded } from './ops';

describe('brands', () => {
  let t: TestApp;
  let given: Given;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  /** A factory with an application at `venueId` (SUBMITTED) and a trademark certificate. */
  async function applicant(venueId = t.demo.venues.zz, status = VenueFactoryStatus.SUBMITTED) {
    const factory = await given.factory();
    const caller = { token: factory.admin.token };
    await given.admission(venueId, factory.org.id, status);
    const certificate = await uploaded(t, caller, DocumentKind.TRADEMARK_CERTIFICATE, tinyPdf('certificate'), '商标注册证.pdf');
    return { factory, caller, certificate };
  }

  async function declared(venueId?: string, status?: VenueFactoryStatus) {
    const a = await applicant(venueId, status);
    const name = `品牌${uniqueSuffix()}`;
    const { declareBrand } = await t.ok(DECLARE_BRAND, { input: { name, trademarkRegNo: `${Date.now()}`.slice(-9), certificateDocumentId: a.certificate } }, a.caller);
    return { ...a, brand: declareBrand };
  }

  const brandState = async (id: string) => (await t.dataSource.query('SELECT status, review_reason FROM brands WHERE id = $1', [id]))[0];

  it('declares a PENDING brand with its own trademark certificate', async () => {
    const { brand, factory, certificate } = await declared();
    expect(brand).toMatchObject({ status: 'PENDING', factoryOrgId: factory.org.id, certificateDocumentId: certificate });
    expect(await t.count('audit_events', "entity_id = $1 AND action = 'brand.declared'", [brand.id])).toBe(1);
  });

  it('normalizes the trademark number as printed ("7731-0468" → 77310468)', async () => {
    const { caller, certificate } = await applicant();
    const { declareBrand } = await t.ok(DECLARE_BRAND, { input: { name: '暖阳', trademarkRegNo: ' 7731-0468 ', certificateDocumentId: certificate } }, caller);
    expect(declareBrand.trademarkRegNo).toBe('77310468');
  });

  it('refuses a certificate that is not the factory’s own TRADEMARK_CERTIFICATE, and a bad number', async () => {
    const { factory, caller } = await applicant();
    const licence = await uploaded(t, caller, DocumentKind.BUSINESS_LICENSE, tinyPdf());
    const other = (await applicant()).certificate;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ certificateDocumentId: licence }, 'input.certificateDocumentId', /TRADEMARK_CERTIFICATE/],
      [{ certificateDocumentId: other }, 'input.certificateDocumentId', /not one of your documents/],
      [{ certificateDocumentId: licence, trademarkRegNo: '商标' }, 'input.trademarkRegNo', /digits or capital letters/],
    ];
    for (const [overrides, path, message] of cases) {
      const error = await t.fails(DECLARE_BRAND, { input: { name: '坏牌', trademarkRegNo: '12345678', ...overrides } }, caller);
      expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path, message: expect.stringMatching(message) }] });
    }
    expect(await t.count('brands', 'factory_org_id = $1', [factory.org.id])).toBe(0);
  });

  it('refuses a second brand of the same name or trademark number as DUPLICATE', async () => {
    const { brand, caller, certificate, factory } = await declared();
    for (const input of [
      { name: brand.name, trademarkRegNo: '99990000', certificateDocumentId: certificate },
      { name: '另一个名字', trademarkRegNo: brand.trademarkRegNo, certificateDocumentId: certificate },
    ]) {
      expect((await t.fails(DECLARE_BRAND, { input }, caller)).extensions.code).toBe('DUPLICATE');
    }
    expect(await t.count('brands', 'factory_org_id = $1', [factory.org.id])).toBe(1);
  });

  it('lets only factory people declare', async () => {
    const error = await t.fails(DECLARE_BRAND, { input: { name: 'x', trademarkRegNo: '12345678', certificateDocumentId: '00000000-0000-4000-8000-000000000000' } }, 'operatorAdmin');
    expect(error.extensions.code).toBe('FORBIDDEN');
  });

  describe('review', () => {
    it('verifies a brand, recording the reviewing operator', async () => {
      const { brand } = await declared();
      const { reviewBrand } = await t.ok(REVIEW_BRAND, { input: { id: brand.id, decision: 'VERIFY' } }, 'operatorAdmin');
      expect(reviewBrand).toMatchObject({ status: 'VERIFIED', reviewerOrgId: t.demo.orgs.operatorA, reviewedAt: expect.any(String) });
      expect(await t.count('audit_events', "entity_id = $1 AND action = 'brand.verified'", [brand.id])).toBe(1);
      const again = await t.fails(REVIEW_BRAND, { input: { id: brand.id, decision: 'REJECT', reason: 'x' } }, 'operatorAdmin');
      expect(again.extensions.code).toBe('INVALID_TRANSITION');
      expect(await brandState(brand.id)).toEqual({ status: 'VERIFIED', review_reason: null });
    });

    it('rejects only with a reason, which the factory sees', async () => {
      const { brand, caller } = await declared();
      const error = await t.fails(REVIEW_BRAND, { input: { id: brand.id, decision: 'REJECT' } }, 'operatorAdmin');
      expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.reason' }] });
      expect(await brandState(brand.id)).toEqual({ status: 'PENDING', review_reason: null });
      await t.ok(REVIEW_BRAND, { input: { id: brand.id, decision: 'REJECT', reason: '商标证书已过期' } }, 'operatorAdmin');
      const { brands } = await t.ok(BRANDS, { filter: { status: 'REJECTED' } }, caller);
      expect(brands.items.map((b: { id: string }) => b.id)).toEqual([brand.id]);
      expect(await brandState(brand.id)).toEqual({ status: 'REJECTED', review_reason: '商标证书已过期' });
    });

    it.each<[string, Caller, string]>([
      ['the other venue’s operator', 'operator2Admin', 'NOT_FOUND'],
      ['a pricing reviewer', 'pricingReviewer', 'FORBIDDEN'],
      ['a platform admin', 'platformAdmin', 'FORBIDDEN'],
      ['a government viewer', 'govViewer', 'FORBIDDEN'],
      ['another factory', 'factory2Admin', 'FORBIDDEN'],
    ])('refuses a review by %s (%s), changing nothing', async (_who, caller, code) => {
      const { brand } = await declared();
      expect((await t.fails(REVIEW_BRAND, { input: { id: brand.id, decision: 'VERIFY' } }, caller)).extensions.code).toBe(code);
      expect(await brandState(brand.id)).toEqual({ status: 'PENDING', review_reason: null });
    });

    it('lets an OPERATOR_BD review, but not for a factory whose application is only a draft', async () => {
      const bd = await given.user(Role.OPERATOR_BD, t.demo.orgs.operatorA);
      const { brand } = await declared();
      expect((await t.ok(REVIEW_BRAND, { input: { id: brand.id, decision: 'VERIFY' } }, { token: bd.token })).reviewBrand.status).toBe('VERIFIED');
      const drafted = await declared(t.demo.venues.zz, VenueFactoryStatus.DRAFT);
      expect((await t.fails(REVIEW_BRAND, { input: { id: drafted.brand.id, decision: 'VERIFY' } }, 'operatorAdmin')).extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('lists and scoping', () => {
    const names = async (caller: Caller) => (await t.ok(BRANDS, {}, caller)).brands.items.map((b: { name: string }) => b.name);

    it('shows each party the brands it may see', async () => {
      expect(await names('factoryAdmin')).toEqual(['豫暖']);
      expect(await names('factory2Admin')).toEqual(['行远']);
      expect(await names('operatorAdmin')).toEqual(expect.arrayContaining(['豫暖', '行远']));
      const yk = await names('operator2Admin');
      expect(yk).toContain('行远');
      expect(yk).not.toContain('豫暖');
      expect(await names('govViewer')).toEqual([]);
      expect(await names('platformAdmin')).toEqual(expect.arrayContaining(['豫暖', '行远']));
    });

    it('searches by name or trademark number and shows the certificate', async () => {
      const { brands } = await t.ok(BRANDS, { filter: { search: '41520368' } }, 'operatorAdmin');
      expect(brands.items).toEqual([expect.objectContaining({ name: '豫暖', status: 'VERIFIED', factory: { name: '河南豫暖针织服饰有限公司' }, certificate: expect.objectContaining({ kind: 'TRADEMARK_CERTIFICATE' }) })]);
      expect((await t.ok(BRANDS, { filter: { search: '豫' } }, 'operatorAdmin')).brands.items.map((b: { name: string }) => b.name)).toEqual(['豫暖']);
    });

    it("answers NOT_FOUND for another tenant's brand", async () => {
      const [{ id }] = await t.dataSource.query("SELECT id FROM brands WHERE name = '豫暖'");
      expect((await t.ok(BRAND, { id }, 'factoryAdmin')).brand.name).toBe('豫暖');
      for (const caller of ['factory2Admin', 'operator2Admin', 'govViewer'] as Caller[]) {
        expect((await t.fails(BRAND, { id }, caller)).extensions.code).toBe('NOT_FOUND');
      }
    });
  });

  it('tells the pricing area who owns a verified brand', async () => {
    const service = t.app.get(BrandsService);
    const [a] = await t.dataSource.query("SELECT id FROM brands WHERE name = '豫暖'");
    const [b] = await t.dataSource.query("SELECT id FROM brands WHERE name = '行远'");
    const m = t.dataSource.manager;
    expect(await service.isVerifiedBrandOwner(m, t.demo.orgs.factoryA, a.id)).toBe(true);
    expect(await service.isVerifiedBrandOwner(m, t.demo.orgs.factoryB, a.id)).toBe(false);
    expect(await service.isVerifiedBrandOwner(m, t.demo.orgs.factoryB, b.id)).toBe(false);
    expect(await service.isVerifiedBrandOwner(m, t.demo.orgs.factoryA, 'nope')).toBe(false);
  });

  it("refuses in the database a certificate of another factory", async () => {
    const a = await applicant();
    const other = await given.factory();
    await expect(given.brand(other.org.id, { certificateDocumentId: a.certificate })).rejects.toThrow(/brands_certificate_owner_fkey/);
  });
});
