import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { Product, Sku } from '@xp/catalog';
import { addDays, byIdLoader, formatYuan, partialEntityReader, primedField, rawEntityReader, today } from '@xp/core';
import { PriceVersion, PricingService } from '@xp/pricing';
import { AllocationService, Slot, SlotAssignment } from '@xp/showroom';
import { Organization } from '@xp/venues';
import { Given, GivenActivity, GivenPricing } from '../support/given';
import { TestApp } from '../support/test-app';

/** The slot list the benchmark measures: the page, relations and prices in one statement. */
const LIST = `query($filter: SlotAssignmentFilter, $page: Int, $perPage: Int, $sort: SortInput) {
  slotAssignments(filter: $filter, page: $page, perPage: $perPage, sort: $sort) {
    total
    items {
      id from to
      slot { code }
      sku { code }
      product { titleZh }
      factory { name }
      priceVersion { id effectiveFrom retailPrice tiers { minQuantity supplyPrice wholesalePrice } }
    }
  }
}`;

/** Resolver-backed fields under the relations, aliases and fragments: the whole entities are needed. */
const RICH = `query($filter: SlotAssignmentFilter, $perPage: Int) {
  slotAssignments(filter: $filter, perPage: $perPage) {
    total
    items {
      ...Place
      id
      where: slot { id code zone { code } shelf { code } }
      product { titleZh skus { code } }
      ... on SlotAssignment { sku { id code attributes product { titleZh } } }
    }
  }
}
fragment Place on SlotAssignment { factory { id name kind } priceVersion { id } }`;

describe('the slot assignment list (one statement per page)', () => {
  let t: TestApp;
  let given: Given;
  const skus: Sku[] = [];
  let futureId: string;
  const day = today();

  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    const activity = new GivenActivity(t);
    const factoryA = t.demo.orgs.factoryA;
    for (let i = 0; i < 24; i++) skus.push(await given.sku(factoryA, { code: `LIST-${i}` }));
    // 20 of them priced now; the last four have no price in force.
    await new GivenPricing(t).priceSheet(
      t.demo.venues.zz,
      factoryA,
      skus.slice(0, 20).map((s, i) => ({ skuId: s.id, tiers: [[1, 1000 + i], [10, 900 + i]] as [number, number][], retail: 2000 + i })),
      { at: new Date(Date.now() - 60_000) },
    );
    const first = await activity.slot(t.demo.venues.zz, { code: 'L-01-1' });
    for (const [i, sku] of skus.entries()) {
      const slot = i === 0 ? first : await activity.slot(t.demo.venues.zz, { zoneId: first.zoneId, code: `L-${String(i + 1).padStart(2, '0')}-1` });
      await activity.assignment(slot.id, sku.id, addDays(day, -1 - i), null);
    }
    // One yet to start, whose price takes effect on its first day: the list answers that one.
    const futureSlot = await activity.slot(t.demo.venues.zz, { zoneId: first.zoneId, code: 'L-99-1' });
    futureId = await activity.assignment(futureSlot.id, skus[0].id, addDays(day, 3), null);
    await new GivenPricing(t).priceSheet(t.demo.venues.zz, factoryA, [{ skuId: skus[0].id, tiers: [[1, 777]], retail: 1555 }], {
      effectiveFrom: addDays(day, 3),
    });
  });
  afterAll(() => t.close());

  const filter = () => ({ venueId: t.demo.venues.zz, activeOn: day });

  it('answers a page with slots, SKUs, products, factories and prices in two statements (sign-in and the page), whatever its size', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    // The test harness reads the token version to sign the caller's token: not the server's work.
    const served = () => spy.mock.calls.filter((c) => !String(c[0]).startsWith('SELECT token_version FROM users')).length;
    try {
      const statementsFor = async (perPage: number) => {
        spy.mockClear();
        const { slotAssignments } = await t.ok(LIST, { filter: filter(), perPage }, 'showroomStaff');
        expect(slotAssignments.items).toHaveLength(perPage);
        expect(slotAssignments.items.every((i: { slot: unknown; sku: unknown; product: unknown; factory: unknown }) => i.slot && i.sku && i.product && i.factory)).toBe(true);
        return served();
      };
      const small = await statementsFor(5);
      expect(small).toBeLessThanOrEqual(2);
      expect(await statementsFor(20)).toBe(small);
      // The richer selection (zones, shelves, product SKUs) adds one batched statement per loader, not per item.
      spy.mockClear();
      await t.ok(RICH, { filter: filter(), perPage: 20 }, 'showroomStaff');
      const rich20 = served();
      spy.mockClear();
      await t.ok(RICH, { filter: filter(), perPage: 5 }, 'showroomStaff');
      expect(served()).toBe(rich20);
      expect(rich20).toBeLessThanOrEqual(5);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers what the entities and the price service answer, item by item', async () => {
    const { slotAssignments } = await t.ok(LIST, { filter: filter(), perPage: 200 }, 'showroomStaff');
    const mine = slotAssignments.items.filter((i: { sku: { code: string } }) => i.sku.code.startsWith('LIST-'));
    expect(mine).toHaveLength(24);
    const pricing = t.app.get(PricingService);
    for (const item of mine) {
      const a = await t.dataSource.getRepository(SlotAssignment).findOneByOrFail({ id: item.id });
      const slot = await t.dataSource.getRepository(Slot).findOneByOrFail({ id: a.slotId });
      const sku = await t.dataSource.getRepository(Sku).findOneByOrFail({ id: a.skuId });
      const product = await t.dataSource.getRepository(Product).findOneByOrFail({ id: sku.productId });
      const factory = await t.dataSource.getRepository(Organization).findOneByOrFail({ id: a.factoryOrgId });
      const [price] = await pricing.effectivePrices(t.dataSource.manager, a.venueId, [a.skuId]);
      expect(item).toEqual({
        id: a.id,
        from: a.from,
        to: a.to,
        slot: { code: slot.code },
        sku: { code: sku.code },
        product: { titleZh: product.titleZh },
        factory: { name: factory.name },
        priceVersion: price
          ? {
              id: price.versionId,
              effectiveFrom: price.effectiveFrom,
              retailPrice: expect.any(String),
              tiers: price.supplyTiers.map((tier, i) => ({ minQuantity: tier.minQuantity, supplyPrice: expect.any(String), wholesalePrice: expect.any(String) })),
            }
          : null,
      });
      if (price) expect(item.priceVersion.retailPrice).toBe(formatYuan(price.retailPrice));
    }
    expect(mine.filter((i: { priceVersion: unknown }) => i.priceVersion === null)).toHaveLength(4);
  });

  it("answers an assignment yet to start with the price in force on its first day", async () => {
    const { slotAssignments } = await t.ok(LIST, { filter: { venueId: t.demo.venues.zz, skuId: skus[0].id }, perPage: 10 }, 'showroomStaff');
    const future = slotAssignments.items.find((i: { id: string }) => i.id === futureId);
    const current = slotAssignments.items.find((i: { id: string }) => i.id !== futureId);
    expect(future.from).toBe(addDays(day, 3));
    expect(future.priceVersion.retailPrice).toBe('15.55');
    expect(current.priceVersion.retailPrice).toBe('20.00');
  });

  it('answers resolver-backed fields under the relations, through aliases and fragments', async () => {
    const { slotAssignments } = await t.ok(RICH, { filter: filter(), perPage: 50 }, 'showroomStaff');
    const item = slotAssignments.items.find((i: { sku: { code: string } }) => i.sku.code === 'LIST-3');
    const a = await t.dataSource.getRepository(SlotAssignment).findOneByOrFail({ id: item.id });
    const sku = await t.dataSource.getRepository(Sku).findOneByOrFail({ id: a.skuId });
    expect(item.where.id).toBe(a.slotId);
    expect(item.where.code).toBe('L-04-1');
    expect(item.where.zone.code).toEqual(expect.any(String));
    expect(item.where.shelf.code).toEqual(expect.any(String));
    expect(item.sku).toEqual({ id: sku.id, code: 'LIST-3', attributes: sku.attributes, product: { titleZh: item.product.titleZh } });
    expect(item.product.skus.map((s: { code: string }) => s.code)).toContain('LIST-3');
    expect(item.factory).toEqual({ id: t.demo.orgs.factoryA, name: expect.any(String), kind: 'FACTORY' });
    expect(item.priceVersion.id).toEqual(expect.any(String));
  });

  it('reads whole entities exactly as the repositories load them (priming the loaders), and partial ones only into the fields', async () => {
    const ctx = await t.contextFor('showroomStaff');
    const page = await t.app.get(AllocationService).list(ctx, { page: 1, perPage: 30, filter: filter() } as never);
    expect(page.items).toHaveLength(Math.min(30, page.total));
    for (const a of page.items.slice(0, 10)) {
      expect(a).toEqual(await t.dataSource.getRepository(SlotAssignment).findOneByOrFail({ id: a.id }));
      expect(primedField(a, 'slot')).toEqual(await t.dataSource.getRepository(Slot).findOneByOrFail({ id: a.slotId }));
      const sku = await t.dataSource.getRepository(Sku).findOneByOrFail({ id: a.skuId });
      expect(primedField(a, 'sku')).toEqual(sku);
      expect(primedField(a, 'product')).toEqual(await t.dataSource.getRepository(Product).findOneByOrFail({ id: sku.productId }));
      expect(primedField(a, 'factory')).toEqual(await t.dataSource.getRepository(Organization).findOneByOrFail({ id: a.factoryOrgId }));
      // the compact price read with the page is the version the price service answers, field by field
      const [price] = await t.app.get(PricingService).effectivePrices(t.dataSource.manager, a.venueId, [a.skuId], ctx.startedAt);
      expect(primedField(a, 'priceVersion')).toEqual(price ? PriceVersion.of(price) : null);
    }
    expect(page.items.filter((a) => primedField(a, 'priceVersion') !== null).length).toBeGreaterThan(0);
    // The whole ones were primed into the per-request loaders: reading them again sends nothing.
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const first = page.items[0];
      expect(await byIdLoader(ctx, Slot).load(first.slotId)).toBe(primedField(first, 'slot'));
      expect(await byIdLoader(ctx, Organization).load(first.factoryOrgId)).toBe(primedField(first, 'factory'));
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    // A partial reader answers the id and the properties asked for, nothing else; a computed one is refused.
    const reader = partialEntityReader(t.dataSource, Sku, ['code'])!;
    const [{ v }] = await t.dataSource.query(`SELECT ${reader.json('s')} AS v FROM skus s WHERE s.id = $1`, [skus[2].id]);
    const partial = reader.read(v)!;
    expect(partial).toBeInstanceOf(Sku);
    expect({ ...partial }).toEqual({ id: skus[2].id, code: 'LIST-2' });
    expect(partialEntityReader(t.dataSource, SlotAssignment, ['from'])).toBeNull();
    expect(partialEntityReader(t.dataSource, Sku, ['product'])).toBeNull();
    expect(rawEntityReader(t.dataSource, Sku).read(null)).toBeNull();
  });

  it('counts a page past the end, and pages never overlap', async () => {
    const one = await t.ok(LIST, { filter: filter(), perPage: 10, page: 1 }, 'showroomStaff');
    const two = await t.ok(LIST, { filter: filter(), perPage: 10, page: 2 }, 'showroomStaff');
    const past = await t.ok(LIST, { filter: filter(), perPage: 10, page: 50 }, 'showroomStaff');
    expect(one.slotAssignments.total).toBeGreaterThanOrEqual(24);
    expect(past.slotAssignments).toEqual({ total: one.slotAssignments.total, items: [] });
    const ids = [...one.slotAssignments.items, ...two.slotAssignments.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(20);
    // newest first by default: the first day never increases along the pages
    const froms = [...one.slotAssignments.items, ...two.slotAssignments.items].map((i: { from: string }) => i.from);
    expect([...froms].sort().reverse()).toEqual(froms);
    const asc = await t.ok(LIST, { filter: filter(), perPage: 5, sort: { field: 'createdAt', order: 'ASC' } }, 'showroomStaff');
    expect(asc.slotAssignments.items).toHaveLength(5);
    const bad = await t.fails(LIST, { filter: filter(), sort: { field: 'slot', order: 'ASC' } }, 'showroomStaff');
    expect(bad.extensions.code).toBe('VALIDATION_FAILED');
  });

  it('shows another tenant none of them, relations and prices included', async () => {
    for (const caller of ['factory2Admin', 'operator2Admin'] as const) {
      const { slotAssignments } = await t.ok(LIST, { filter: filter(), perPage: 50 }, caller);
      expect(slotAssignments).toEqual({ total: 0, items: [] });
    }
    // the factory whose SKUs stand there sees its own, with their prices
    const own = await t.ok(LIST, { filter: filter(), perPage: 50 }, 'factoryAdmin');
    expect(own.slotAssignments.items.filter((i: { sku: { code: string } }) => i.sku.code.startsWith('LIST-'))).toHaveLength(24);
  });
});
