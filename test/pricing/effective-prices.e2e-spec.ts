import { Role } from '@xp/core';
import { PricingService, unitPriceForQuantity } from '@xp/pricing';
import { Given } from '../support/given';
import { Caller, TestApp } from '../support/test-app';
import { EFFECTIVE, HISTORY, shanghaiDay } from './documents';
import { pricedFactory, PricedFactory, pricing } from './world';

const DAY = 86_400_000;

/** Which price is in force when, its history, and who may see it. */
describe('effective prices and history', () => {
  let t: TestApp;
  let given: Given;
  let f: PricedFactory;
  let v1: { id: string; lineIds: string[] };
  let v2: { id: string; lineIds: string[] };
  let v3: { id: string; lineIds: string[] };
  const zz = () => t.demo.venues.zz;

  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    f = await pricedFactory(t, given);
    const p = pricing(t);
    // v1: approved 20 days ago, in force since; v2: approved 5 days ago, in force from 2 days ago;
    // v3: approved now, taking effect in 7 days (not yet in force).
    v1 = await p.priceSheet(zz(), f.org.id, [
      { skuId: f.branded.id, tiers: [[10, 1500], [50, 1400]], retail: 2990, wholesale: [1990, 1890], floor: 1800 },
      { skuId: f.plain.id, tiers: [[6, 800]], retail: 1200, wholesale: [960] },
    ], { at: new Date(Date.now() - 20 * DAY) });
    v2 = await p.priceSheet(zz(), f.org.id, [{ skuId: f.branded.id, tiers: [[10, 1600], [50, 1500]], retail: 3290, wholesale: [2090, 1990] }], {
      at: new Date(Date.now() - 5 * DAY),
      effectiveFrom: shanghaiDay(-2),
    });
    v3 = await p.priceSheet(zz(), f.org.id, [{ skuId: f.branded.id, tiers: [[10, 1700]], retail: 3490, wholesale: [2290] }], {
      effectiveFrom: shanghaiDay(7),
    });
  });
  afterAll(() => t.close());

  const effective = (skuId: string, at?: Date, caller: Caller = 'operatorAdmin') =>
    t.ok(EFFECTIVE, { venueId: zz(), skuId, at: at?.toISOString() }, caller).then((d) => d.effectivePrice);

  it('answers the version in force now, with its id, tiers, retail and floor', async () => {
    expect(await effective(f.branded.id)).toEqual({
      id: v2.lineIds[0],
      venueId: zz(),
      skuId: f.branded.id,
      sheetId: v2.id,
      sheetVersionNo: 2,
      effectiveFrom: shanghaiDay(-2),
      approvedAt: expect.any(String),
      supersededFrom: shanghaiDay(7),
      retailPrice: '32.90',
      floorPrice: null,
      tiers: [
        { minQuantity: 10, supplyPrice: '16.00', wholesalePrice: '20.90' },
        { minQuantity: 50, supplyPrice: '15.00', wholesalePrice: '19.90' },
      ],
    });
    expect(await effective(f.plain.id)).toMatchObject({ id: v1.lineIds[1], supersededFrom: null, tiers: [{ wholesalePrice: '9.60' }] });
  });

  it('answers older versions for instants in the past, and null before any approval', async () => {
    expect(await effective(f.branded.id, new Date(Date.now() - 3 * DAY))).toMatchObject({ id: v1.lineIds[0], floorPrice: '18.00' });
    expect(await effective(f.branded.id, new Date(Date.now() - 10 * DAY))).toMatchObject({ id: v1.lineIds[0] });
    expect(await effective(f.branded.id, new Date(Date.now() - 30 * DAY))).toBeNull();
  });

  it('does not let a future sheet be effective today, and makes it effective on its date', async () => {
    expect((await effective(f.branded.id)).id).toBe(v2.lineIds[0]);
    expect(await effective(f.branded.id, new Date(Date.now() + 8 * DAY))).toMatchObject({ id: v3.lineIds[0], retailPrice: '34.90' });
  });

  it('lists every version, newest first, with the day each was superseded', async () => {
    const { priceHistory } = await t.ok(HISTORY, { venueId: zz(), skuId: f.branded.id }, f.token);
    expect(priceHistory.total).toBe(3);
    expect(priceHistory.items.map((v: { id: string; effectiveFrom: string; supersededFrom: string | null }) => [v.id, v.effectiveFrom, v.supersededFrom])).toEqual([
      [v3.lineIds[0], shanghaiDay(7), null],
      [v2.lineIds[0], shanghaiDay(-2), shanghaiDay(7)],
      [v1.lineIds[0], shanghaiDay(-20), shanghaiDay(-2)],
    ]);
  });

  it('lets a newer approval supersede from its own date, even an older approval not yet in force', async () => {
    const g = await pricedFactory(t, given);
    const p = pricing(t);
    const line = [{ skuId: g.plain.id, tiers: [[6, 800]] as [number, number][], retail: 1200 }];
    const planned = await p.priceSheet(zz(), g.org.id, line, { effectiveFrom: shanghaiDay(10) });
    const sooner = await p.priceSheet(zz(), g.org.id, [{ ...line[0], retail: 1300 }], { effectiveFrom: shanghaiDay(3) });
    expect(await effective(g.plain.id)).toBeNull();
    expect((await effective(g.plain.id, new Date(Date.now() + 4 * DAY))).id).toBe(sooner.lineIds[0]);
    expect((await effective(g.plain.id, new Date(Date.now() + 11 * DAY))).id).toBe(sooner.lineIds[0]);
    const { priceHistory } = await t.ok(HISTORY, { venueId: zz(), skuId: g.plain.id }, g.token);
    expect(priceHistory.items.map((v: { id: string; supersededFrom: string | null }) => [v.id, v.supersededFrom])).toEqual([
      [sooner.lineIds[0], null],
      [planned.lineIds[0], shanghaiDay(3)],
    ]);
  });

  describe('PricingService.effectivePrices (for orders, labels, slots, reports)', () => {
    it('answers many SKUs in one call, in order, null where unpriced', async () => {
      const unpriced = await given.sku(f.org.id);
      const service = t.app.get(PricingService);
      const prices = await service.effectivePrices(t.dataSource.manager, zz(), [f.plain.id, unpriced.id, f.branded.id, 'junk'], new Date());
      expect(prices.map((p) => p?.versionId ?? null)).toEqual([v1.lineIds[1], null, v2.lineIds[0], null]);
      expect(prices[2]).toMatchObject({
        sheetId: v2.id,
        supplyTiers: [{ minQuantity: 10, unitPrice: 1600 }, { minQuantity: 50, unitPrice: 1500 }],
        wholesaleTiers: [{ minQuantity: 10, unitPrice: 2090 }, { minQuantity: 50, unitPrice: 1990 }],
        retailPrice: 3290,
        floorPrice: null,
      });
      expect(unitPriceForQuantity(prices[2]!.wholesaleTiers, 49)).toBe(2090);
      expect(unitPriceForQuantity(prices[2]!.wholesaleTiers, 50)).toBe(1990);
      expect(unitPriceForQuantity(prices[2]!.wholesaleTiers, 9)).toBeNull();
    });

    it('uses one statement for a whole batch (DataLoader-friendly)', async () => {
      const service = t.app.get(PricingService);
      const ctx = await t.contextFor('operatorAdmin');
      const statements: string[] = [];
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      const original = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: unknown[]) => {
        statements.push(sql);
        return (original as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
      }) as typeof runner.query;
      ctx.manager = runner.manager;
      try {
        const loader = service.effectivePriceLoader(ctx, zz(), new Date());
        const [a, b] = await Promise.all([loader.load(f.branded.id), loader.load(f.plain.id)]);
        expect([a?.versionId, b?.versionId]).toEqual([v2.lineIds[0], v1.lineIds[1]]);
        expect(statements).toHaveLength(1);
      } finally {
        await runner.release();
      }
    });

    it('finds the version through the lookup index, not by scanning lines', async () => {
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        // the test database is tiny: forbid sequential scans so the planner shows the index it would use at scale
        await runner.query('SET LOCAL enable_seqscan = off');
        const plan = await runner.query(
          `EXPLAIN SELECT l.id FROM unnest($2::uuid[]) AS s(sku_id)
           CROSS JOIN LATERAL (SELECT v.id FROM price_sheet_lines v
             WHERE v.venue_id = $1 AND v.sku_id = s.sku_id AND v.approval_seq IS NOT NULL AND v.effective_from <= current_date
             ORDER BY v.approval_seq DESC LIMIT 1) l`,
          [zz(), [f.branded.id, f.plain.id]],
        );
        expect(plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toMatch(/Index (Only )?Scan using price_versions_lookup_idx/);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });

  describe('who may see prices', () => {
    it('shows a factory its own prices, and venue staff theirs, showroom staff included (labels)', async () => {
      for (const caller of [f.token, 'operatorAdmin', 'pricingReviewer', 'showroomStaff', 'warehouseStaff', 'platformAdmin', 'regionalManager'] as Caller[]) {
        expect((await effective(f.branded.id, undefined, caller)).id).toBe(v2.lineIds[0]);
      }
    });

    it("answers NOT_FOUND to another factory and to another venue's operator", async () => {
      for (const caller of ['factory2Admin', 'operator2Admin'] as Caller[]) {
        expect((await t.fails(EFFECTIVE, { venueId: zz(), skuId: f.branded.id }, caller)).extensions.code).toBe('NOT_FOUND');
        expect((await t.fails(HISTORY, { venueId: zz(), skuId: f.branded.id }, caller)).extensions.code).toBe('NOT_FOUND');
      }
      const other = await pricedFactory(t, given);
      expect((await t.fails(EFFECTIVE, { venueId: zz(), skuId: f.branded.id }, other.token)).extensions.code).toBe('NOT_FOUND');
    });

    it('never shows a government viewer a price (FORBIDDEN)', async () => {
      expect((await t.fails(EFFECTIVE, { venueId: zz(), skuId: f.branded.id }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(HISTORY, { venueId: zz(), skuId: f.branded.id }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
      const gov = await given.user(Role.GOVERNMENT_VIEWER, t.demo.orgs.govYk);
      expect((await t.fails(EFFECTIVE, { venueId: zz(), skuId: f.branded.id }, { token: gov.token })).extensions.code).toBe('FORBIDDEN');
    });

    it('answers NOT_FOUND for a SKU not admitted at the venue, a missing SKU, and a missing venue', async () => {
      expect((await t.fails(EFFECTIVE, { venueId: t.demo.venues.yk, skuId: f.branded.id }, 'platformAdmin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(EFFECTIVE, { venueId: zz(), skuId: '00000000-0000-4000-8000-000000000000' }, 'platformAdmin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(EFFECTIVE, { venueId: '00000000-0000-4000-8000-000000000000', skuId: f.branded.id }, 'platformAdmin')).extensions.code).toBe(
        'NOT_FOUND',
      );
    });
  });
});
