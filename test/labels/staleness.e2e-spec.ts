import { addDays, startOfBusinessDay, today } from '@xp/core';
import { LabelStalenessService } from '@xp/labels';
import { ScanPageCache } from '@xp/scans';
import { GivenPricing, givenAssignment } from '../support/given';
import { Caller, TestApp } from '../support/test-app';
import { CREATE_JOB, LABELS, labelWorld, LabelWorld, POST, QUEUE } from './support/world';

const REVIEW = 'mutation($input: ReviewPriceSheetInput!) { reviewPriceSheet(input: $input) { id status } }';
const SHEET_VERSION = 'query($id: ID!) { priceSheet(id: $id) { version } }';
const END = 'mutation($input: EndSlotAssignmentInput!) { endSlotAssignment(input: $input) { id status } }';
const RETIRE = 'mutation($input: RetireLabelsInput!) { retireLabels(input: $input) { id status } }';
const START_WALK = 'mutation($input: StartLabelWalkInput!) { startLabelWalk(input: $input) { id shelfId status } }';
const VERIFY = `mutation($input: VerifyLabelInput!) { verifyLabel(input: $input) {
  walk { id shelfId labelsChecked currentFound staleFound retiredFound unknownFound }
  check { code result message slotCode skuCode staleReason reprintNeeded currentPriceVersionId nowOnSlotSkuCode replacement { id status } label { id } } } }`;
const FINISH = 'mutation($input: FinishLabelWalkInput!) { finishLabelWalk(input: $input) { id status finishedAt labelsChecked staleFound } }';
const WALK = 'query($id: ID!) { labelWalk(id: $id) { id status startedByName checks { code result } } }';

type LabelRow = { id: string; code: string; status: string; stale: boolean; staleAt: string | null; staleReason: string | null; slotId: string; priceVersionId: string };

describe('stale labels, the reprint queue and verify walks', () => {
  let t: TestApp;
  let w: LabelWorld;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await labelWorld(t);
  });
  afterAll(() => t.close());

  const print = async (selection: Record<string, unknown>, caller: Caller = 'showroomStaff') =>
    (await t.ok(CREATE_JOB, { input: { venueId: w.venueId, templateId: w.template, format: 'PDF', selection } }, caller)).createLabelPrintJob;
  const labelOf = async (slotIndex: number): Promise<LabelRow> =>
    (await t.ok(LABELS, { filter: { slotId: w.shelf.slots[slotIndex].id } }, 'showroomStaff')).labels.items[0];
  const queue = async () => (await t.ok(QUEUE, { venueId: w.venueId }, 'showroomStaff')).staleLabels;
  const myShelf = async () =>
    ((await queue()).zones.find((z: { zoneCode: string }) => z.zoneCode === w.shelf.zoneCode)?.shelves[0] ?? { stale: [], awaitingPosting: [] }) as {
      shelfCode: string;
      stale: { slotCode: string; nowOnSlotSkuCode: string | null; label: { id: string; staleReason: string } }[];
      awaitingPosting: { label: { id: string } }[];
    };
  /** A newer price for one SKU, submitted by the factory and approved by the pricing reviewer through the API. */
  const approveNewPrice = async (skuId: string, effectiveFrom: string) => {
    const sheet = await new GivenPricing(t).priceSheet(w.venueId, t.demo.orgs.factoryA, [{ skuId, tiers: [[6, 1100]], retail: 2990 }], {
      status: 'SUBMITTED',
      effectiveFrom,
    });
    const { priceSheet } = await t.ok(SHEET_VERSION, { id: sheet.id }, 'pricingReviewer');
    await t.ok(REVIEW, { input: { id: sheet.id, version: priceSheet.version, lines: [], approveUnlisted: true } }, 'pricingReviewer');
    return sheet;
  };

  beforeAll(async () => {
    const job = await print({ shelfIds: [w.shelf.shelfId] });
    const labels = (await t.ok(LABELS, { filter: { jobId: job.id } }, 'showroomStaff')).labels.items as LabelRow[];
    await t.ok(POST, { input: { labelIds: labels.map((l) => l.id) } }, 'showroomStaff');
  });

  it('starts with current, posted labels and an empty queue for the shelf', async () => {
    const shelf = await myShelf();
    expect(shelf.stale).toEqual([]);
    expect(shelf.awaitingPosting).toEqual([]);
    expect(await labelOf(0)).toMatchObject({ status: 'POSTED', stale: false, staleAt: null });
  });

  it('makes the labels of a SKU stale at once when a newer price is approved, and the queue shows them by zone and shelf', async () => {
    const before = await labelOf(0);
    await approveNewPrice(w.skus[0].id, today());
    const after = await labelOf(0);
    expect(after).toMatchObject({ id: before.id, stale: true, staleReason: 'PRICE_CHANGED' });
    expect((await labelOf(1)).stale).toBe(false);
    const shelf = await myShelf();
    expect(shelf.shelfCode).toBe(w.shelf.shelfCode);
    expect(shelf.stale.map((s) => [s.slotCode, s.label.id, s.label.staleReason])).toEqual([[w.shelf.slots[0].code, before.id, 'PRICE_CHANGED']]);
    const { labels } = await t.ok(LABELS, { filter: { venueId: w.venueId, stale: true } }, 'showroomStaff');
    expect(labels.items.map((l: LabelRow) => l.id)).toContain(before.id);
  });

  it('flags the stale label on the scan page, with the current price', async () => {
    const label = await labelOf(0);
    await t.app.get(ScanPageCache).sync(); // the change's notification has reached the page's cache
    const page = await t.http().get(`/s/${label.code}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('标签已过期');
    expect(page.text).toContain('¥13.75'); // the newer version's wholesale price (1100 fen + 25 % apparel markup)
    expect(page.text).not.toContain('¥13.50');
  });

  it('turns a label stale only from the day a future-dated price takes effect', async () => {
    const nextWeek = addDays(today(), 7);
    await approveNewPrice(w.skus[1].id, nextWeek);
    const label = await labelOf(1);
    expect(label.stale).toBe(false);
    expect(new Date(label.staleAt!).getTime()).toBe(startOfBusinessDay(nextWeek).getTime());
    expect(label.staleReason).toBe('PRICE_CHANGED');
    expect((await myShelf()).stale.map((s) => s.label.id)).not.toContain(label.id);
    await t.app.get(ScanPageCache).sync(); // the change's notification has reached the page's cache
    const page = await t.http().get(`/s/${label.code}`);
    expect(page.text).not.toContain('标签已过期');
    // That very instant, the one definition of staleness turns it stale.
    const [{ stale }] = await t.dataSource.query(
      `SELECT (s.stale_at <= $2) AS stale FROM labels l CROSS JOIN LATERAL xp_label_staleness(l.assignment_id, l.slot_id, l.sku_id, l.price_version_id) s WHERE l.id = $1`,
      [label.id, startOfBusinessDay(nextWeek)],
    );
    expect(stale).toBe(true);
  });

  it('turns labels stale when their slot stops showing the SKU: from the end day on, or at once when cancelled', async () => {
    // Slot 3 (index 2): the assignment ends tomorrow → stale from tomorrow.
    const [{ id: assignment }] = await t.dataSource.query(`SELECT assignment_id AS id FROM labels WHERE slot_id = $1 AND status <> 'RETIRED'`, [w.shelf.slots[2].id]);
    await t.ok(END, { input: { assignmentId: assignment, on: addDays(today(), 1) } }, 'showroomStaff');
    const label = await labelOf(2);
    expect(label).toMatchObject({ stale: false, staleReason: 'SLOT_CHANGED' });
    expect(new Date(label.staleAt!).getTime()).toBe(startOfBusinessDay(addDays(today(), 1)).getTime());
    // A SKU placed today on the empty slot 5 and cancelled the same day: its label is stale at once.
    await givenAssignment(t, w.venueId, w.shelf.slots[4].id, w.skus[2].id, { fromDaysAgo: 0 });
    const job = await print({ slotIds: [w.shelf.slots[4].id] });
    expect(job.labelCount).toBe(1);
    const [{ id: today_ }] = await t.dataSource.query(`SELECT assignment_id AS id FROM labels WHERE job_id = $1`, [job.id]);
    await t.ok(END, { input: { assignmentId: today_, on: today() } }, 'showroomStaff');
    const cancelled = await labelOf(4);
    expect(cancelled).toMatchObject({ stale: true, staleReason: 'SLOT_CHANGED' });
    const item = (await myShelf()).stale.find((s) => s.label.id === cancelled.id)!;
    expect(item.nowOnSlotSkuCode).toBeNull();
  });

  it('derives staleness live in the queue even when an event was missed, and the recheck stores it', async () => {
    // A price written straight into the database raises no event.
    await new GivenPricing(t).priceSheet(w.venueId, t.demo.orgs.factoryA, [{ skuId: w.skus[2].id, tiers: [[6, 1200]], retail: 2990 }], {
      at: new Date(Date.now() - 1000),
    });
    const label = await labelOf(2);
    expect(label.stale).toBe(false); // the stored value has not caught up
    expect((await myShelf()).stale.find((s) => s.label.id === label.id)?.label.staleReason).toBe('PRICE_CHANGED');
    const fixed = await t.app.get(LabelStalenessService).recheckAll(t.dataSource.manager);
    expect(fixed).toBeGreaterThanOrEqual(1);
    expect(await labelOf(2)).toMatchObject({ stale: true, staleReason: 'PRICE_CHANGED' });
  });

  describe('a verify walk along the shelf', () => {
    let walkId: string;

    it('tells for each scanned label whether it is current, stale (and what replaces it), retired or unknown', async () => {
      const { startLabelWalk } = await t.ok(START_WALK, { input: { venueId: w.venueId } }, 'showroomStaff');
      walkId = startLabelWalk.id;
      const current = await labelOf(1); // slot 2: its future price has not come yet
      const stale = await labelOf(0);
      const verify = async (code: string) => (await t.ok(VERIFY, { input: { walkId, code } }, 'showroomStaff')).verifyLabel;
      const first = await verify(`http://xuanpin.test/s/${current.code.toLowerCase()}`);
      expect(first.check).toMatchObject({ result: 'CURRENT', code: current.code, reprintNeeded: false });
      expect(first.walk.shelfId).toBe(w.shelf.shelfId);
      const second = await verify(stale.code);
      expect(second.check).toMatchObject({ result: 'STALE', staleReason: 'PRICE_CHANGED', reprintNeeded: true });
      expect(second.check.currentPriceVersionId).not.toBe(stale.priceVersionId);
      expect(second.check.message).toContain('标签已过期');
      const unknown = await verify('NOT-A-LABEL');
      expect(unknown.check.result).toBe('UNKNOWN');
      const again = await verify(stale.code);
      expect(again.walk).toMatchObject({ labelsChecked: 3, currentFound: 1, staleFound: 1, unknownFound: 1 });
    });

    it('clears the queue by printing a stale-only job and posting it; the old code then reads as retired with its replacement', async () => {
      const staleBefore = (await myShelf()).stale.map((s) => s.label.id);
      expect(staleBefore.length).toBeGreaterThanOrEqual(2);
      const job = await print({ shelfIds: [w.shelf.shelfId], staleOnly: true });
      // The cancelled slot shows nothing: reported, not printed.
      expect(job.skipped.map((s: { slotCode: string; reason: string }) => [s.slotCode, s.reason])).toEqual([[w.shelf.slots[4].code, 'NO_ASSIGNMENT']]);
      let shelf = await myShelf();
      expect(shelf.stale.map((s) => s.slotCode)).toEqual([w.shelf.slots[4].code]);
      expect(shelf.awaitingPosting).toHaveLength(job.labelCount);
      await t.ok(POST, { input: { labelIds: shelf.awaitingPosting.map((a) => a.label.id) } }, 'showroomStaff');
      await t.ok(RETIRE, { input: { labelIds: [shelf.stale[0].label.id] } }, 'showroomStaff');
      shelf = await myShelf();
      expect(shelf.stale).toEqual([]);
      expect(shelf.awaitingPosting).toEqual([]);

      const old = (await t.ok(LABELS, { filter: { slotId: w.shelf.slots[0].id, status: 'RETIRED' } }, 'showroomStaff')).labels.items[0];
      const { verifyLabel } = await t.ok(VERIFY, { input: { walkId, code: old.code } }, 'showroomStaff');
      expect(verifyLabel.check).toMatchObject({ result: 'RETIRED', replacement: { status: 'POSTED' } });
      expect(verifyLabel.check.message).toContain('新标签已上架');
    });

    it('records the finished walk and refuses to continue it', async () => {
      const { finishLabelWalk } = await t.ok(FINISH, { input: { walkId } }, 'showroomStaff');
      // The stale label scanned again after its replacement counts once, as what it is now: retired.
      expect(finishLabelWalk).toMatchObject({ status: 'FINISHED', labelsChecked: 3, staleFound: 0 });
      const { labelWalk } = await t.ok(WALK, { id: walkId }, 'operatorAdmin');
      const [walker] = await t.dataSource.query(`SELECT display_name FROM users WHERE email = 'showroom.staff@demo.xuanpin.test'`);
      expect(labelWalk.startedByName).toBe(walker.display_name);
      expect(labelWalk.checks.map((c: { result: string }) => c.result).sort()).toEqual(['CURRENT', 'RETIRED', 'UNKNOWN']);
      const before = await t.count('label_walk_checks');
      expect((await t.fails(VERIFY, { input: { walkId, code: 'X' } }, 'showroomStaff')).extensions.code).toBe('INVALID_TRANSITION');
      expect((await t.fails(FINISH, { input: { walkId } }, 'showroomStaff')).extensions.code).toBe('INVALID_TRANSITION');
      expect(await t.count('label_walk_checks')).toBe(before);
    });

    it('starts a walk on the first scan, and needs a venue for that', async () => {
      const label = await labelOf(1);
      const { verifyLabel } = await t.ok(VERIFY, { input: { venueId: w.venueId, code: label.code } }, 'showroomStaff');
      expect(verifyLabel.walk).toMatchObject({ labelsChecked: 1, shelfId: w.shelf.shelfId });
      const error = await t.fails(VERIFY, { input: { code: label.code } }, 'showroomStaff');
      expect(error.extensions.fields?.[0].path).toBe('input.venueId');
    });

    it('keeps other tenants out of walks', async () => {
      const { startLabelWalk } = await t.ok(START_WALK, { input: { venueId: w.venueId } }, 'operatorAdmin');
      const walks = await t.count('label_walks');
      for (const caller of ['operator2Admin', 'factoryAdmin'] as const) {
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain((await t.fails(VERIFY, { input: { walkId: startLabelWalk.id, code: 'X' } }, caller)).extensions.code);
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain((await t.fails(WALK, { id: startLabelWalk.id }, caller)).extensions.code);
      }
      expect((await t.fails(START_WALK, { input: { venueId: w.venueId } }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(START_WALK, { input: { venueId: w.venueId } }, 'warehouseStaff')).extensions.code).toBe('FORBIDDEN');
      expect(await t.count('label_walks')).toBe(walks);
      const { labelWalks } = await t.ok('{ labelWalks(perPage: 200) { total } }', {}, 'operator2Admin');
      expect(labelWalks.total).toBe(0);
    });
  });

  describe('posting and retiring refusals (nothing changed)', () => {
    it("refuses another venue's operator, roles that do not post, and a retired label", async () => {
      const live = await labelOf(1);
      const retired = (await t.ok(LABELS, { filter: { slotId: w.shelf.slots[0].id, status: 'RETIRED' } }, 'showroomStaff')).labels.items[0];
      const audit = await t.count('audit_events');
      expect((await t.fails(POST, { input: { labelIds: [live.id] } }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(POST, { input: { labelIds: [live.id] } }, 'warehouseStaff')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(POST, { input: { labelIds: [live.id] } }, 'factoryAdmin')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(POST, { input: { labelIds: [live.id, retired.id] } }, 'showroomStaff')).extensions.code).toBe('INVALID_TRANSITION');
      expect((await t.fails(RETIRE, { input: { labelIds: [retired.id] } }, 'showroomStaff')).extensions.code).toBe('INVALID_TRANSITION');
      expect((await t.fails(RETIRE, { input: { labelIds: [live.id] } }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      expect(await t.count('audit_events')).toBe(audit);
      expect((await labelOf(1)).status).toBe('POSTED');
    });

    it('hides the reprint queue from other tenants', async () => {
      expect((await t.fails(QUEUE, { venueId: w.venueId }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      for (const caller of ['factoryAdmin', 'govViewer'] as const) expect((await t.fails(QUEUE, { venueId: w.venueId }, caller)).extensions.code).toBe('FORBIDDEN');
    });
  });
});
