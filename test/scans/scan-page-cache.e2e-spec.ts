import { Client, Notification, Pool } from 'pg';
import { today } from '@xp/core';
import { ScanEventWriter, ScanLookupService, ScanPageCache } from '@xp/scans';
import { Given, GivenPricing } from '../support/given';
import { TestApp } from '../support/test-app';
import { CREATE_JOB, LABELS, labelWorld, LabelWorld, POST } from '../labels/support/world';

const REVIEW = 'mutation($input: ReviewPriceSheetInput!) { reviewPriceSheet(input: $input) { id status } }';
const SHEET_VERSION = 'query($id: ID!) { priceSheet(id: $id) { version } }';
const END = 'mutation($input: EndSlotAssignmentInput!) { endSlotAssignment(input: $input) { id status } }';
const RETIRE = 'mutation($input: RetireLabelsInput!) { retireLabels(input: $input) { id status } }';
const SUSPEND = 'mutation($input: SuspendVenueFactoryInput!) { suspendVenueFactory(input: $input) { id status } }';

type LabelRow = { id: string; code: string; status: string; slotId: string };

/** Waits (no assertion on time) until a condition holds, then asserts it. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(condition()).toBe(true);
}

describe('the scan page cache: served from memory, dropped by notifications after commit', () => {
  let t: TestApp;
  let w: LabelWorld;
  let cache: ScanPageCache;
  let lookup: ScanLookupService;
  let reads: jest.SpyInstance;

  /** The label of a slot that is live now. */
  const labelOf = async (slot: number): Promise<LabelRow> =>
    (await t.ok(LABELS, { filter: { slotId: w.shelf.slots[slot].id } }, 'showroomStaff')).labels.items.find((l: LabelRow) => l.status !== 'RETIRED');
  /** A buyer's view once the notifications of everything committed so far have arrived. */
  const view = async (code: string) => {
    await cache.sync();
    return t.http().get(`/s/${code}`);
  };
  const approveNewPrice = async (skuId: string) => {
    const sheet = await new GivenPricing(t).priceSheet(w.venueId, t.demo.orgs.factoryA, [{ skuId, tiers: [[6, 1100]], retail: 2990 }], {
      status: 'SUBMITTED',
      effectiveFrom: today(),
    });
    const { priceSheet } = await t.ok(SHEET_VERSION, { id: sheet.id }, 'pricingReviewer');
    await t.ok(REVIEW, { input: { id: sheet.id, version: priceSheet.version, lines: [], approveUnlisted: true } }, 'pricingReviewer');
  };

  beforeAll(async () => {
    t = await TestApp.start();
    w = await labelWorld(t);
    await new Given(t).stock(w.venueId, w.skus[0].id, 100);
    const { createLabelPrintJob: job } = await t.ok(
      CREATE_JOB,
      { input: { venueId: w.venueId, templateId: w.template, format: 'ZPL', selection: { shelfIds: [w.shelf.shelfId] } } },
      'showroomStaff',
    );
    const labels = (await t.ok(LABELS, { filter: { jobId: job.id } }, 'showroomStaff')).labels.items as LabelRow[];
    await t.ok(POST, { input: { labelIds: labels.map((l) => l.id) } }, 'showroomStaff');
    cache = t.app.get(ScanPageCache);
    lookup = t.app.get(ScanLookupService);
    reads = jest.spyOn(lookup, 'read');
    await cache.whenListening();
  });
  beforeEach(() => reads.mockClear());
  afterAll(() => t.close());

  it('reads PostgreSQL once for repeated views and listings of a label, and still records every view', async () => {
    const { code } = await labelOf(0);
    const before = Number((await t.dataSource.query('SELECT count(*) AS n FROM scan_events WHERE code = $1', [code]))[0].n);
    const pages = [await view(code), await view(code), await view(code)];
    const listing = await t.http().get(`/s/${code}/listing.json`);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
    expect(new Set(pages.map((p) => p.text)).size).toBe(1);
    expect(pages[0].text).toContain(w.skus[0].title);
    expect(listing.status).toBe(200);
    await t.app.get(ScanEventWriter).flush();
    const kinds = await t.dataSource.query('SELECT kind, count(*)::int AS n FROM scan_events WHERE code = $1 GROUP BY kind ORDER BY kind', [code]);
    expect(kinds).toEqual([
      { kind: 'LISTING', n: 1 },
      { kind: 'VIEW', n: before + 3 },
    ]);
  });

  it('shows a newly approved price and the stale warning on the next view after the notification', async () => {
    const { code } = await labelOf(0);
    expect((await view(code)).text).not.toContain('标签已过期');
    expect(reads).toHaveBeenCalledTimes(0); // still cached from the test before
    await approveNewPrice(w.skus[0].id);
    const page = await view(code);
    expect(page.text).toContain('标签已过期：价格已更新');
    expect(page.text).toContain('¥13.75'); // 1100 fen + 25 % apparel markup
    expect(reads).toHaveBeenCalledTimes(1);
    await view(code);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('shows a change of warehouse stock, and only the labels of that SKU are read again', async () => {
    const [one, zero] = [await labelOf(1), await labelOf(0)];
    expect((await view(one.code)).text).toContain('暂时缺货');
    await view(zero.code);
    reads.mockClear();
    await new Given(t).stock(w.venueId, w.skus[1].id, 20);
    expect((await view(one.code)).text).toContain('库存紧张');
    await view(zero.code);
    expect(reads.mock.calls.map((c) => c[0])).toEqual([one.code]);
  });

  it('shows a retired slot assignment as a stale label at once', async () => {
    const label = await labelOf(2);
    expect((await view(label.code)).text).not.toContain('标签已过期');
    const [{ id: assignment }] = await t.dataSource.query(`SELECT assignment_id AS id FROM labels WHERE id = $1`, [label.id]);
    await t.ok(END, { input: { assignmentId: assignment, on: today() } }, 'showroomStaff');
    expect((await view(label.code)).text).toContain('标签已过期：该货位已更换商品');
  });

  it('shows a reprinted label as replaced and a voided one as retired', async () => {
    const old = await labelOf(0);
    expect((await view(old.code)).status).toBe(200);
    await t.ok(CREATE_JOB, { input: { venueId: w.venueId, templateId: w.template, format: 'ZPL', selection: { slotIds: [w.shelf.slots[0].id] } } }, 'showroomStaff');
    const replaced = await view(old.code);
    expect(replaced.status).toBe(404);
    expect(replaced.text).toContain('此标签已更换');
    const fresh = await labelOf(0);
    const page = await view(fresh.code);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('标签已过期');

    const voided = await labelOf(2);
    expect((await view(voided.code)).status).toBe(200);
    await t.ok(RETIRE, { input: { labelIds: [voided.id] } }, 'showroomStaff');
    expect((await view(voided.code)).text).toContain('此标签已更换');
  });

  it("shows a product's new title, and a venue's new name (which drops every entry)", async () => {
    const { code } = await labelOf(0);
    await view(code);
    await t.dataSource.query(`UPDATE products SET title_zh = title_zh || '（新款）' WHERE id = (SELECT product_id FROM skus WHERE id = $1)`, [w.skus[0].id]);
    expect((await view(code)).text).toContain(`${w.skus[0].title}（新款）`);
    expect(cache.size).toBeGreaterThan(0);
    await t.dataSource.query(`UPDATE venues SET name = name || ' ' WHERE id = $1`, [w.venueId]);
    await cache.sync();
    expect(cache.size).toBe(0);
    await t.dataSource.query(`UPDATE venues SET name = rtrim(name) WHERE id = $1`, [w.venueId]);
  });

  it('does not keep a read that began before a change arrived, and expires a record when its label goes stale', async () => {
    const { code } = await labelOf(1);
    const now = new Date();
    const token = cache.begin();
    const record = (await lookup.read(code, now))!;
    await new Given(t).stock(w.venueId, w.skus[1].id, 100);
    await cache.sync();
    cache.set(code, record, token, now);
    expect(cache.get(code, now)).toBeUndefined();

    const fresh = cache.begin();
    const staleSoon = { ...record, staleAt: new Date(now.getTime() + 1000), staleReason: 'PRICE_CHANGED' as const };
    cache.set(code, staleSoon, fresh, now);
    expect(cache.get(code, new Date(now.getTime() + 999))).toBe(staleSoon);
    expect(cache.get(code, new Date(now.getTime() + 1000))).toBeUndefined();
  });

  describe('the notifications', () => {
    let listener: Client;
    let received: string[];
    /** The payloads notified by what `fn` commits (a marker notified after it closes the window). */
    const notified = async (fn: () => Promise<unknown>): Promise<string[]> => {
      received = [];
      await fn();
      const marker = `test:${Math.random()}`;
      const seen = new Promise<void>((resolve) => listener.on('notification', (m: Notification) => m.payload === marker && resolve()));
      await listener.query('SELECT pg_notify($1, $2)', [ScanPageCache.CHANNEL, marker]);
      await seen;
      return received.filter((p) => p !== marker);
    };

    beforeAll(async () => {
      listener = new Client((t.dataSource.driver as unknown as { master: Pool }).master.options);
      await listener.connect();
      listener.on('notification', (m: Notification) => received.push(m.payload ?? ''));
      await listener.query(`LISTEN ${ScanPageCache.CHANNEL}`);
    });
    afterAll(() => listener.end());

    it("name the labels, SKUs and slots a statement changed, but not a label's scan counters nor a draft price", async () => {
      const label = await labelOf(1);
      expect(await notified(() => t.dataSource.query('UPDATE labels SET stale_scans = stale_scans + 1 WHERE id = $1', [label.id]))).toEqual([]);
      expect(
        await notified(() => new GivenPricing(t).priceSheet(w.venueId, t.demo.orgs.factoryA, [{ skuId: w.skus[1].id, tiers: [[6, 900]], retail: 2990 }], { status: 'SUBMITTED' })),
      ).toEqual([]);
      expect(await notified(() => t.dataSource.query('UPDATE skus SET moq = moq WHERE id = $1', [w.skus[1].id]))).toEqual([`sku:${w.skus[1].id}`]);
      expect(await notified(() => t.dataSource.query('UPDATE slots SET level = level WHERE id = $1', [w.shelf.slots[1].id]))).toEqual([`slot:${w.shelf.slots[1].id}`]);
      expect(await notified(() => t.ok(RETIRE, { input: { labelIds: [label.id] } }, 'showroomStaff'))).toEqual([`label:${label.id}`]);
    });

    it('say "*" for a statement touching more than 100 keys', async () => {
      expect(await notified(() => t.dataSource.query(`SELECT xp_scan_page_notify('sku', ARRAY(SELECT gen_random_uuid() FROM generate_series(1, 100)))`))).toEqual([
        expect.stringMatching(/^sku:/),
      ]);
      expect(await notified(() => t.dataSource.query(`SELECT xp_scan_page_notify('sku', ARRAY(SELECT gen_random_uuid() FROM generate_series(1, 101)))`))).toEqual([
        '*',
      ]);
    });
  });

  it('reads PostgreSQL on every view while its connection is down, and uses the cache again once it is back', async () => {
    const { code } = await labelOf(0);
    await view(code);
    await view(code);
    expect(reads).toHaveBeenCalledTimes(1);
    await t.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'xuanpin-scan-page-cache'`,
    );
    await until(() => !cache.listening);
    expect(cache.size).toBe(0);
    // 4 left: under one minimum order of 6
    await t.dataSource.query(`UPDATE stock_balances SET on_hand = 4 WHERE venue_id = $1 AND sku_id = $2 AND location = 'WAREHOUSE'`, [w.venueId, w.skus[0].id]);
    expect((await t.http().get(`/s/${code}`)).text).toContain('暂时缺货');
    await t.http().get(`/s/${code}`);
    expect(reads).toHaveBeenCalledTimes(3);
    await cache.whenListening();
    await view(code);
    await view(code);
    expect(reads).toHaveBeenCalledTimes(4);
  });

  it("shows a factory's suspension at the venue (its slots end today) on the next view", async () => {
    const { code } = await labelOf(0);
    expect((await view(code)).text).not.toContain('标签已过期');
    const [vf] = await t.dataSource.query('SELECT id FROM venue_factories WHERE venue_id = $1 AND factory_org_id = $2', [w.venueId, t.demo.orgs.factoryA]);
    await t.ok(SUSPEND, { input: { id: vf.id, reason: '抽检不合格，暂停销售' } }, 'operatorAdmin');
    expect((await view(code)).text).toContain('标签已过期：该货位已更换商品');
  });
});
