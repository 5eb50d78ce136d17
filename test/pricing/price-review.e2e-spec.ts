import { DomainEvent, EventBus, Role } from '@xp/core';
import { PRICE_VERSION_CHANGED } from '@xp/pricing';
import { Given } from '../support/given';
import { Caller, TestApp } from '../support/test-app';
import {
  CREATE,
  DECIDE_FLOORS,
  EFFECTIVE,
  line,
  MARKUPS,
  REMOVE_MARKUP,
  REVIEW,
  SET_MARKUP,
  SET_SETTINGS,
  SETTINGS,
  SHEET,
  shanghaiDay,
  SUBMIT,
} from './documents';
import { pricedFactory, PricedFactory, pricing } from './world';

/** A pricing reviewer's review, the second reviewer's floors, and what everyone else may not do. */
describe('reviewing price sheets', () => {
  let t: TestApp;
  let given: Given;
  let reviewer2: { token: string };
  let reviewer2Id: string;
  const events: DomainEvent[] = [];
  const committedWhenPublished: number[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    const second = await given.user(Role.PRICING_REVIEWER, t.demo.orgs.operatorA);
    reviewer2 = { token: second.token };
    reviewer2Id = second.user.id;
    // Subscribers see the event only after the commit: the approved versions are already
    // visible to another connection when it arrives.
    t.app.get(EventBus).on(PRICE_VERSION_CHANGED, async (event) => {
      events.push(event);
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM price_sheet_lines WHERE sheet_id = $1 AND approval_seq IS NOT NULL',
        [event.payload.sheetId],
      );
      committedWhenPublished.push(n);
    });
  });
  afterAll(() => t.close());

  /** A submitted sheet: line 1 the branded SKU with a floor of 19.90, line 2 the plain SKU. */
  async function submitted(f?: PricedFactory, effectiveFrom = shanghaiDay(0)) {
    f ??= await pricedFactory(t, given);
    const { createPriceSheet } = await t.ok(
      CREATE,
      {
        input: {
          venueId: t.demo.venues.zz,
          effectiveFrom,
          lines: [
            line(f.branded.id, [[10, '15.00'], [50, '14.00']], '29.90', '19.90'),
            line(f.plain.id, [[6, '8.00'], [60, '7.50']], '12.00'),
          ],
        },
      },
      f.token,
    );
    const { submitPriceSheet } = await t.ok(SUBMIT, { input: { id: createPriceSheet.id } }, f.token);
    const { priceSheet } = await t.ok(SHEET, { id: createPriceSheet.id }, 'pricingReviewer');
    const [branded, plain] = priceSheet.lines.items as { id: string }[];
    return { f, sheet: submitPriceSheet as { id: string; version: number }, branded: branded.id, plain: plain.id };
  }

  const tiers = (...pairs: [number, string][]) => pairs.map(([minQuantity, unitPrice]) => ({ minQuantity, unitPrice }));
  const review = (s: Awaited<ReturnType<typeof submitted>>, lines: unknown[], caller: Caller = 'pricingReviewer', extra = {}) =>
    t.gql(REVIEW, { input: { id: s.sheet.id, version: s.sheet.version, lines, ...extra } }, caller);
  const approveBoth = (s: Awaited<ReturnType<typeof submitted>>) => [
    { lineId: s.branded, decision: 'APPROVED', wholesaleTiers: tiers([10, '19.90'], [50, '19.90']) },
    { lineId: s.plain, decision: 'APPROVED', wholesaleTiers: tiers([6, '9.60'], [60, '9.00']) },
  ];
  const lineState = async (id: string) =>
    (await t.dataSource.query('SELECT decision, floor_status, approval_seq FROM price_sheet_lines WHERE id = $1', [id]))[0];

  describe('the first review', () => {
    it('approves with wholesale tiers and, with a floor pending, waits for a second reviewer', async () => {
      const s = await submitted();
      const result = await review(s, approveBoth(s));
      expect(result.errors).toBeUndefined();
      expect(result.data!.reviewPriceSheet).toMatchObject({ status: 'FLOOR_REVIEW', version: s.sheet.version + 1, finalizedAt: null });
      expect(await lineState(s.branded)).toEqual({ decision: 'APPROVED', floor_status: 'PENDING', approval_seq: null });
      // nothing is in force until the floors are decided
      const { effectivePrice } = await t.ok(EFFECTIVE, { venueId: t.demo.venues.zz, skuId: s.f.plain.id }, 'pricingReviewer');
      expect(effectivePrice).toBeNull();
    });

    it('approves at once when the reviewer turns the floor down, and raises PriceVersionChanged after the commit', async () => {
      const s = await submitted();
      const before = events.length;
      const lines = approveBoth(s);
      Object.assign(lines[0], { floorDecision: 'REJECTED', floorReason: '品牌授权书已过期' });
      const { reviewPriceSheet } = await t.ok(REVIEW, { input: { id: s.sheet.id, version: s.sheet.version, lines } }, 'pricingReviewer');
      expect(reviewPriceSheet).toMatchObject({ status: 'APPROVED', finalizedAt: expect.any(String) });
      expect(await lineState(s.branded)).toMatchObject({ decision: 'APPROVED', floor_status: 'REJECTED' });
      expect(events.slice(before)).toEqual([
        expect.objectContaining({
          type: 'PriceVersionChanged',
          payload: { venueId: t.demo.venues.zz, skuIds: expect.arrayContaining([s.f.branded.id, s.f.plain.id]), sheetId: s.sheet.id, effectiveFrom: shanghaiDay(0) },
        }),
      ]);
      expect(committedWhenPublished[committedWhenPublished.length - 1]).toBe(2);
      const { effectivePrice } = await t.ok(EFFECTIVE, { venueId: t.demo.venues.zz, skuId: s.f.branded.id }, s.f.token);
      expect(effectivePrice).toMatchObject({ floorPrice: null, retailPrice: '29.90', tiers: [{ wholesalePrice: '19.90' }, { wholesalePrice: '19.90' }] });
    });

    it('rejects a line with a reason and approves the rest as PARTIALLY_APPROVED', async () => {
      const s = await submitted();
      const { reviewPriceSheet } = await t.ok(
        REVIEW,
        {
          input: {
            id: s.sheet.id,
            version: s.sheet.version,
            lines: [
              { lineId: s.branded, decision: 'REJECTED', reason: '供货价高于同类' },
              { lineId: s.plain, decision: 'APPROVED', wholesaleTiers: tiers([6, '9.60'], [60, '9.00']) },
            ],
          },
        },
        'pricingReviewer',
      );
      expect(reviewPriceSheet.status).toBe('PARTIALLY_APPROVED');
      const { priceSheet } = await t.ok(SHEET, { id: s.sheet.id }, s.f.token);
      expect(priceSheet.lines.items[0]).toMatchObject({ decision: 'REJECTED', decisionReason: '供货价高于同类', floorStatus: 'REJECTED', approvedAt: null });
      expect(priceSheet.lines.items[1]).toMatchObject({ decision: 'APPROVED', approvedAt: expect.any(String), tiers: [{ wholesalePrice: '9.60' }, { wholesalePrice: '9.00' }] });
    });

    it('rejects the whole sheet when every line is rejected, and raises no event', async () => {
      const s = await submitted();
      const before = events.length;
      const lines = [s.branded, s.plain].map((lineId) => ({ lineId, decision: 'REJECTED', reason: '价格不具竞争力' }));
      const { reviewPriceSheet } = await t.ok(REVIEW, { input: { id: s.sheet.id, version: s.sheet.version, lines } }, 'pricingReviewer');
      expect(reviewPriceSheet.status).toBe('REJECTED');
      expect(events.length).toBe(before);
    });

    it("pre-fills wholesale tiers from the markup of the product's category or its nearest ancestor", async () => {
      await t.dataSource.query('DELETE FROM price_markup_policies WHERE venue_id = $1', [t.demo.venues.zz]);
      const s = await submitted();
      const apparel = (await t.dataSource.query(`SELECT id FROM categories WHERE code = 'APPAREL'`))[0].id;
      await t.ok(SET_MARKUP, { input: { venueId: t.demo.venues.zz, categoryId: apparel, markupBasisPoints: 2500 } }, 'operatorAdmin');
      const { priceSheet } = await t.ok(SHEET, { id: s.sheet.id }, 'pricingReviewer');
      expect(priceSheet.lines.items[0].suggestedWholesaleTiers).toEqual([
        { minQuantity: 10, unitPrice: '18.75' },
        { minQuantity: 50, unitPrice: '17.50' },
      ]);
      // the factory does not see the operator's markup
      expect((await t.ok(SHEET, { id: s.sheet.id }, s.f.token)).priceSheet.lines.items[0].suggestedWholesaleTiers).toBeNull();
      // 25 % over 15.00 is 18.75, below the requested floor of 19.90: the floor must go
      const belowFloor = await review(s, [], 'pricingReviewer', { approveUnlisted: true });
      expect(belowFloor.errors![0].extensions.code).toBe('PRICE_BELOW_FLOOR');
      const { reviewPriceSheet } = await t.ok(
        REVIEW,
        {
          input: {
            id: s.sheet.id,
            version: s.sheet.version,
            lines: [{ lineId: s.branded, decision: 'APPROVED', floorDecision: 'REJECTED', floorReason: '控价高于建议批发价' }],
            approveUnlisted: true,
          },
        },
        'pricingReviewer',
      );
      expect(reviewPriceSheet.status).toBe('APPROVED');
      const rows = await t.dataSource.query('SELECT wholesale_prices FROM price_sheet_lines WHERE sheet_id = $1 ORDER BY line_no', [s.sheet.id]);
      expect(rows.map((r: { wholesale_prices: string[] }) => r.wholesale_prices.map(Number))).toEqual([
        [1875, 1750],
        [1000, 938],
      ]);
      await t.ok(REMOVE_MARKUP, { input: { venueId: t.demo.venues.zz, categoryId: apparel } }, 'operatorAdmin');
    });

    it("refuses markup-filled tiers that break a rule (the venue default here), and asks for tiers where there is no markup", async () => {
      await t.dataSource.query('DELETE FROM price_markup_policies WHERE venue_id = $1', [t.demo.venues.zz]);
      const s = await submitted();
      const noPolicy = await review(s, [], 'pricingReviewer', { approveUnlisted: true });
      expect(noPolicy.errors![0].extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [
          { path: 'line 1.wholesaleTiers', message: expect.stringMatching(/no markup policy/) },
          { path: 'line 2.wholesaleTiers', message: expect.stringMatching(/no markup policy/) },
        ],
      });
      await t.ok(SET_MARKUP, { input: { venueId: t.demo.venues.zz, markupBasisPoints: 15000 } }, 'operatorAdmin');
      const tooHigh = await review(s, [], 'pricingReviewer', { approveUnlisted: true });
      expect(tooHigh.errors![0].extensions.code).toBe('PRICE_RULE_VIOLATED');
      expect(tooHigh.errors![0].extensions.violations).toContainEqual(
        expect.objectContaining({ line: 2, path: 'wholesaleTiers (from the markup policy).0.unitPrice', message: expect.stringMatching(/retail/) }),
      );
      await t.ok(REMOVE_MARKUP, { input: { venueId: t.demo.venues.zz } }, 'operatorAdmin');
      expect(await t.count('price_sheets', "id = $1 AND status = 'SUBMITTED'", [s.sheet.id])).toBe(1);
    });

    it('lists every wholesale violation: below supply, above retail, below the requested floor', async () => {
      const s = await submitted();
      const eventsBefore = events.length;
      const result = await review(s, [
        { lineId: s.branded, decision: 'APPROVED', wholesaleTiers: tiers([10, '19.00'], [50, '18.00']) },
        { lineId: s.plain, decision: 'APPROVED', wholesaleTiers: tiers([6, '12.01'], [60, '7.00']) },
      ]);
      const error = result.errors![0];
      expect(error.extensions.code).toBe('PRICE_RULE_VIOLATED');
      expect((error.extensions.violations as { line: number; path: string; code: string }[]).map((v) => [v.line, v.path, v.code])).toEqual([
        [1, 'wholesaleTiers.0.unitPrice', 'PRICE_BELOW_FLOOR'],
        [1, 'wholesaleTiers.1.unitPrice', 'PRICE_BELOW_FLOOR'],
        [2, 'wholesaleTiers.0.unitPrice', 'PRICE_RULE_VIOLATED'],
        [2, 'wholesaleTiers.1.unitPrice', 'PRICE_RULE_VIOLATED'],
      ]);
      const floorOnly = await review(s, [
        { lineId: s.branded, decision: 'APPROVED', wholesaleTiers: tiers([10, '19.00'], [50, '18.00']) },
        { lineId: s.plain, decision: 'APPROVED', wholesaleTiers: tiers([6, '9.60'], [60, '9.00']) },
      ]);
      expect(floorOnly.errors![0].extensions.code).toBe('PRICE_BELOW_FLOOR');
      // a refused review leaves no decision, no audit entry and no event
      expect(await t.count('price_sheet_lines', 'sheet_id = $1 AND decision IS NOT NULL', [s.sheet.id])).toBe(0);
      expect(await t.count('audit_events', "entity_id = $1 AND action = 'priceSheet.reviewed'", [s.sheet.id])).toBe(0);
      expect(events.length).toBe(eventsBefore);
    });

    it('needs a decision for every line, a reason for every rejection, and tiers with the same breaks', async () => {
      const s = await submitted();
      const result = await review(s, [
        { lineId: s.branded, decision: 'REJECTED' },
        { lineId: '00000000-0000-4000-8000-000000000000', decision: 'APPROVED' },
      ]);
      expect(result.errors![0].extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [
          { path: 'input.lines.1.lineId', message: 'is not a line of this price sheet' },
          { path: 'input.lines', message: expect.stringMatching(/1 line\(s\) have no decision/) },
        ],
      });
      const noReason = await review(s, [
        { lineId: s.branded, decision: 'REJECTED' },
        { lineId: s.plain, decision: 'APPROVED', wholesaleTiers: tiers([6, '9.60']) },
      ]);
      expect(noReason.errors![0].extensions.fields).toEqual([{ path: 'input.lines.0.reason', message: expect.any(String) }]);
      const breaks = await review(s, [
        { lineId: s.branded, decision: 'REJECTED', reason: 'x' },
        { lineId: s.plain, decision: 'APPROVED', wholesaleTiers: tiers([6, '9.60']) },
      ]);
      expect(breaks.errors![0].extensions.violations).toEqual([
        { line: 2, skuCode: s.f.plain.code, path: 'wholesaleTiers', message: expect.stringMatching(/same quantity breaks .*\(6, 60\)/), code: 'PRICE_RULE_VIOLATED' },
      ]);
    });

    it('refuses a floor approval from the first reviewer: four eyes', async () => {
      const s = await submitted();
      const lines = approveBoth(s);
      Object.assign(lines[0], { floorDecision: 'APPROVED' });
      const result = await review(s, lines);
      expect(result.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(result.errors![0].message).toMatch(/second pricing reviewer/);
      expect(await t.count('price_sheets', "id = $1 AND status = 'SUBMITTED'", [s.sheet.id])).toBe(1);
    });

    it('refuses to review a draft or a finished sheet, and a stale version is a CONFLICT', async () => {
      const f = await pricedFactory(t, given);
      const { createPriceSheet: draft } = await t.ok(
        CREATE,
        { input: { venueId: t.demo.venues.zz, effectiveFrom: shanghaiDay(0), lines: [line(f.plain.id, [[6, '8.00']], '12.00')] } },
        f.token,
      );
      const onDraft = await t.gql(REVIEW, { input: { id: draft.id, version: draft.version, lines: [], approveUnlisted: true } }, 'pricingReviewer');
      expect(onDraft.errors![0].extensions.code).toBe('INVALID_TRANSITION');
      const s = await submitted();
      await t.ok(REVIEW, { input: { id: s.sheet.id, version: s.sheet.version, lines: approveBoth(s) } }, 'pricingReviewer');
      const stale = await review(s, approveBoth(s), reviewer2);
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', status: 'FLOOR_REVIEW' });
      const again = await t.gql(REVIEW, { input: { id: s.sheet.id, version: s.sheet.version + 1, lines: approveBoth(s) } }, reviewer2);
      expect(again.errors![0].extensions.code).toBe('INVALID_TRANSITION');
      expect(again.errors![0].message).toMatch(/decidePriceFloors/);
    });
  });

  describe('two reviewers at once', () => {
    it('lets exactly one win; the other gets CONFLICT and changes nothing', async () => {
      const s = await submitted();
      const reject = [s.branded, s.plain].map((lineId) => ({ lineId, decision: 'REJECTED', reason: '重复' }));
      const results = await Promise.all([review(s, approveBoth(s), 'pricingReviewer'), review(s, reject, reviewer2)]);
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0].errors![0].extensions.code).toBe('CONFLICT');
      expect(losers[0].data).toBeNull();
      const [row] = await t.dataSource.query('SELECT status, version FROM price_sheets WHERE id = $1', [s.sheet.id]);
      expect(row).toEqual({ status: winners[0].data!.reviewPriceSheet.status, version: s.sheet.version + 1 });
      expect(await t.count('audit_events', "entity_id = $1 AND action = 'priceSheet.reviewed'", [s.sheet.id])).toBe(1);
    });

    it('lets exactly one of two second reviewers decide the floors', async () => {
      const s = await submitted();
      const reviewed = (await t.ok(REVIEW, { input: { id: s.sheet.id, version: s.sheet.version, lines: approveBoth(s) } }, 'pricingReviewer'))
        .reviewPriceSheet;
      const third = await given.user(Role.PRICING_REVIEWER, t.demo.orgs.operatorA);
      const decide = (caller: Caller, decision: string) =>
        t.gql(DECIDE_FLOORS, { input: { id: s.sheet.id, version: reviewed.version, lines: [{ lineId: s.branded, decision, reason: 'r' }] } }, caller);
      const results = await Promise.all([decide(reviewer2, 'APPROVED'), decide({ token: third.token }, 'REJECTED')]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(1);
      expect(await t.count('price_sheet_lines', 'sheet_id = $1 AND approval_seq IS NOT NULL', [s.sheet.id])).toBe(2);
    });
  });

  describe('the second reviewer (four eyes)', () => {
    async function inFloorReview() {
      const s = await submitted();
      const { reviewPriceSheet } = await t.ok(REVIEW, { input: { id: s.sheet.id, version: s.sheet.version, lines: approveBoth(s) } }, 'pricingReviewer');
      return { ...s, version: reviewPriceSheet.version as number };
    }
    const decide = (s: Awaited<ReturnType<typeof inFloorReview>>, lines: unknown[], caller: Caller) =>
      t.gql(DECIDE_FLOORS, { input: { id: s.sheet.id, version: s.version, lines } }, caller);

    it('approves the floor; the sheet is APPROVED and the version carries the floor', async () => {
      const s = await inFloorReview();
      const before = events.length;
      const result = await decide(s, [{ lineId: s.branded, decision: 'APPROVED' }], reviewer2);
      expect(result.errors).toBeUndefined();
      expect(result.data!.decidePriceFloors).toMatchObject({ status: 'APPROVED', finalizedAt: expect.any(String) });
      const [row] = await t.dataSource.query('SELECT floor_status, floor_decided_by FROM price_sheet_lines WHERE id = $1', [s.branded]);
      expect(row).toEqual({ floor_status: 'APPROVED', floor_decided_by: reviewer2Id });
      const { effectivePrice } = await t.ok(EFFECTIVE, { venueId: t.demo.venues.zz, skuId: s.f.branded.id }, 'showroomStaff');
      expect(effectivePrice).toMatchObject({ id: s.branded, floorPrice: '19.90' });
      expect(events.length).toBe(before + 1);
    });

    it('refuses the first reviewer and the submitter, and anyone outside the venue', async () => {
      const s = await inFloorReview();
      const mine = await decide(s, [{ lineId: s.branded, decision: 'APPROVED' }], 'pricingReviewer');
      expect(mine.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(mine.errors![0].message).toMatch(/four eyes/);
      // a user who both submitted for the factory and reviews for the venue is still one pair of eyes
      const submitterUser = s.f.userId;
      await t.dataSource.query(
        `INSERT INTO memberships (user_id, organization_id, organization_kind, role) VALUES ($1, $2, 'OPERATOR', 'PRICING_REVIEWER')`,
        [submitterUser, t.demo.orgs.operatorA],
      );
      const submitter = await decide(s, [{ lineId: s.branded, decision: 'APPROVED' }], s.f.token);
      expect(submitter.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(submitter.errors![0].message).toMatch(/submitted/);
      const other = await given.user(Role.PRICING_REVIEWER, t.demo.orgs.operatorB);
      expect((await decide(s, [{ lineId: s.branded, decision: 'APPROVED' }], { token: other.token })).errors![0].extensions.code).toBe('NOT_FOUND');
      expect((await decide(s, [{ lineId: s.branded, decision: 'APPROVED' }], 'operatorAdmin')).errors![0].extensions.code).toBe('FORBIDDEN');
      expect((await decide(s, [{ lineId: s.branded, decision: 'APPROVED' }], 'showroomStaff')).errors![0].extensions.code).toBe('FORBIDDEN');
      expect(await t.count('price_sheets', "id = $1 AND status = 'FLOOR_REVIEW'", [s.sheet.id])).toBe(1);
    });

    it('holds four eyes in the database too', async () => {
      const s = await inFloorReview();
      await expect(
        t.dataSource.query(
          `UPDATE price_sheet_lines SET floor_status = 'APPROVED', floor_decided_by = $2, floor_decided_at = now() WHERE id = $1`,
          [s.branded, t.demo.users.pricingReviewer],
        ),
      ).rejects.toThrow(/four eyes|neither submitted nor first reviewed/);
    });

    it('refuses the floor with a reason; the line stays approved without a floor', async () => {
      const s = await inFloorReview();
      const noReason = await decide(s, [{ lineId: s.branded, decision: 'REJECTED' }], reviewer2);
      expect(noReason.errors![0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.lines.0.reason' }] });
      const result = await decide(s, [{ lineId: s.branded, decision: 'REJECTED', reason: '非品牌方授权' }], reviewer2);
      expect(result.data!.decidePriceFloors.status).toBe('APPROVED');
      const { effectivePrice } = await t.ok(EFFECTIVE, { venueId: t.demo.venues.zz, skuId: s.f.branded.id }, 'operatorAdmin');
      expect(effectivePrice.floorPrice).toBeNull();
    });

    it('needs a decision for each pending floor, and nothing else', async () => {
      const s = await inFloorReview();
      const result = await decide(s, [{ lineId: s.plain, decision: 'APPROVED' }], reviewer2);
      expect(result.errors![0].extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [
          { path: 'input.lines.0.lineId', message: expect.stringMatching(/waiting for a decision/) },
          { path: 'input.lines', message: expect.stringMatching(/line 1 has none/) },
        ],
      });
    });

    it('refuses floors on a sheet that is not waiting for them', async () => {
      const s = await submitted();
      const result = await t.gql(DECIDE_FLOORS, { input: { id: s.sheet.id, version: s.sheet.version, lines: [{ lineId: s.branded, decision: 'APPROVED' }] } }, reviewer2);
      expect(result.errors![0].extensions.code).toBe('INVALID_TRANSITION');
    });
  });

  describe('who may review', () => {
    it.each<[string, Caller, string]>([
      ['the factory itself', null, 'FORBIDDEN'],
      ['showroom staff of the venue', 'showroomStaff', 'FORBIDDEN'],
      ['the operator admin (not a pricing reviewer)', 'operatorAdmin', 'FORBIDDEN'],
      ['a government viewer', 'govViewer', 'FORBIDDEN'],
      ["another venue's operator", 'operator2Admin', 'FORBIDDEN'],
    ])('refuses %s', async (_who, caller, code) => {
      const s = await submitted();
      const result = await review(s, approveBoth(s), caller ?? s.f.token);
      expect(result.errors![0].extensions.code).toBe(code);
      expect(result.data).toBeNull();
      expect(await t.count('price_sheets', "id = $1 AND status = 'SUBMITTED'", [s.sheet.id])).toBe(1);
    });

    it("answers NOT_FOUND to a pricing reviewer of another venue", async () => {
      const s = await submitted();
      const other = await given.user(Role.PRICING_REVIEWER, t.demo.orgs.operatorB);
      const result = await review(s, approveBoth(s), { token: other.token });
      expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(await t.count('audit_events', 'entity_id = $1 AND action = $2', [s.sheet.id, 'priceSheet.reviewed'])).toBe(0);
    });
  });

  describe('what the reviewer sees', () => {
    it('shows each line beside the price in force, with the change in percent and large changes flagged', async () => {
      const f = await pricedFactory(t, given);
      await pricing(t).priceSheet(
        t.demo.venues.zz,
        f.org.id,
        [
          { skuId: f.branded.id, tiers: [[10, 1500], [50, 1400]], retail: 2990, wholesale: [1990, 1990] },
          { skuId: f.plain.id, tiers: [[6, 1000], [60, 900]], retail: 1200 },
        ],
        { at: new Date(Date.now() - 86_400_000) },
      );
      const { f: same, sheet } = await submitted(f);
      const { priceSheet } = await t.ok(SHEET, { id: sheet.id }, 'pricingReviewer');
      const [branded, plain] = priceSheet.lines.items;
      expect(branded.currentVersion).toMatchObject({ retailPrice: '29.90', tiers: [{ supplyPrice: '15.00', wholesalePrice: '19.90' }, expect.anything()] });
      expect(branded.change).toEqual({ supplyPercent: 0, retailPercent: 0, wholesalePercent: null, large: false, thresholdBasisPoints: 2000 });
      // 10.00 → 8.00 is −20 %: at the threshold, not beyond it
      expect(plain.change).toMatchObject({ supplyPercent: -20, retailPercent: 0, large: false });
      await t.ok(SET_SETTINGS, { input: { venueId: t.demo.venues.zz, largeChangeThresholdBasisPoints: 1500 } }, 'operatorAdmin');
      const again = (await t.ok(SHEET, { id: sheet.id }, same.token)).priceSheet.lines.items[1];
      expect(again.change).toMatchObject({ supplyPercent: -20, large: true, thresholdBasisPoints: 1500 });
      await t.ok(SET_SETTINGS, { input: { venueId: t.demo.venues.zz, largeChangeThresholdBasisPoints: 2000 } }, 'operatorAdmin');
    });

    it('shows no current price and no change for a SKU priced for the first time', async () => {
      const s = await submitted();
      const { priceSheet } = await t.ok(SHEET, { id: s.sheet.id }, 'pricingReviewer');
      expect(priceSheet.lines.items[0].currentVersion).toBeNull();
      expect(priceSheet.lines.items[0].change).toMatchObject({ supplyPercent: null, large: false });
    });
  });

  describe('markup policies and settings', () => {
    it('lets the operator admin set them, reviewers read them, and nobody else touch them', async () => {
      const { setMarkupPolicy } = await t.ok(SET_MARKUP, { input: { venueId: t.demo.venues.zz, markupBasisPoints: 1800 } }, 'operatorAdmin');
      expect(setMarkupPolicy).toMatchObject({ categoryId: null, markupBasisPoints: 1800 });
      const updated = await t.ok(SET_MARKUP, { input: { venueId: t.demo.venues.zz, markupBasisPoints: 1900 } }, 'operatorAdmin');
      expect(updated.setMarkupPolicy.id).toBe(setMarkupPolicy.id);
      expect((await t.ok(MARKUPS, { venueId: t.demo.venues.zz }, 'pricingReviewer')).markupPolicies).toContainEqual(
        expect.objectContaining({ id: setMarkupPolicy.id, markupBasisPoints: 1900 }),
      );
      for (const caller of ['pricingReviewer', 'factoryAdmin', 'govViewer'] as const) {
        expect((await t.fails(SET_MARKUP, { input: { venueId: t.demo.venues.zz, markupBasisPoints: 1 } }, caller)).extensions.code).toBe('FORBIDDEN');
      }
      expect((await t.fails(SET_MARKUP, { input: { venueId: t.demo.venues.zz, markupBasisPoints: 1 } }, 'operator2Admin')).extensions.code).toBe(
        'NOT_FOUND',
      );
      expect((await t.fails(MARKUPS, { venueId: t.demo.venues.zz }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(MARKUPS, { venueId: t.demo.venues.zz }, 'factoryAdmin')).extensions.code).toBe('FORBIDDEN');
      const bad = await t.fails(SET_MARKUP, { input: { venueId: t.demo.venues.zz, markupBasisPoints: -1 } }, 'operatorAdmin');
      expect(bad.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.markupBasisPoints' }] });
      await t.ok(REMOVE_MARKUP, { input: { venueId: t.demo.venues.zz } }, 'operatorAdmin');
      expect((await t.fails(REMOVE_MARKUP, { input: { venueId: t.demo.venues.zz } }, 'operatorAdmin')).extensions.code).toBe('NOT_FOUND');
    });

    it('keeps the large-change threshold per venue, default ±20 %', async () => {
      expect((await t.ok(SETTINGS, { venueId: t.demo.venues.yk }, 'operator2Admin')).pricingSettings.largeChangeThresholdBasisPoints).toBe(2000);
      expect((await t.fails(SET_SETTINGS, { input: { venueId: t.demo.venues.yk, largeChangeThresholdBasisPoints: 500 } }, 'operatorAdmin')).extensions.code).toBe(
        'NOT_FOUND',
      );
      expect((await t.fails(SETTINGS, { venueId: t.demo.venues.zz }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(SET_SETTINGS, { input: { venueId: t.demo.venues.yk, largeChangeThresholdBasisPoints: 0 } }, 'operator2Admin')).extensions.code).toBe(
        'VALIDATION_FAILED',
      );
      await t.ok(SET_SETTINGS, { input: { venueId: t.demo.venues.yk, largeChangeThresholdBasisPoints: 500 } }, 'operator2Admin');
      expect((await t.ok(SETTINGS, { venueId: t.demo.venues.yk }, 'operator2Admin')).pricingSettings.largeChangeThresholdBasisPoints).toBe(500);
    });
  });
});
