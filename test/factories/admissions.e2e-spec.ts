import { DomainEvent, EventBus, OrganizationKind, RequestContext, Role, runInTransaction, today } from '@xp/core';
import { AdmissionsService, DocumentKind, ReviewDecision, tinyPdf, VenueFactoryStatus } from '@xp/factories';
import { Given } from '../support/given';
import { Caller, TestApp } from '../support/test-app';
import {
  APPLY,
  categoryIds,
  REINSTATE,
  REVIEW,
  SUBMIT,
  SUSPEND,
  UPDATE_VF,
  uploaded,
  VENUE_FACTORIES,
  VENUE_FACTORY,
} from './ops';

describe('factory admissions (入驻)', () => {
  let t: TestApp;
  let given: Given;
  let cats: Record<string, string>;
  const events: DomainEvent[] = [];
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
    cats = await categoryIds(t);
    const bus = t.app.get(EventBus);
    for (const type of ['VenueFactoryApproved', 'VenueFactorySuspended', 'VenueFactoryReinstated']) bus.on(type, (e) => void events.push(e));
  });
  afterAll(() => t.close());

  /** A new factory with a DRAFT application to Zhengzhou carrying its licence. */
  async function draft(venueId = t.demo.venues.zz) {
    const factory = await given.factory();
    const caller = { token: factory.admin.token };
    const licence = await uploaded(t, caller, DocumentKind.BUSINESS_LICENSE, tinyPdf(), '营业执照.pdf');
    const { applyToVenue } = await t.ok(
      APPLY,
      { input: { venueId, categoryIds: [cats['APPAREL-SCARF']], documentIds: [licence], paymentTermDays: 45, note: '申请入驻' } },
      caller,
    );
    return { factory, caller, licence, vf: applyToVenue };
  }

  async function submitted(venueId = t.demo.venues.zz) {
    const d = await draft(venueId);
    const { submitVenueFactory } = await t.ok(SUBMIT, { input: { id: d.vf.id } }, d.caller);
    return { ...d, vf: submitVenueFactory };
  }

  async function approved() {
    const s = await submitted();
    const { reviewVenueFactory } = await t.ok(REVIEW, { input: { id: s.vf.id, decision: 'APPROVE' } }, 'operatorAdmin');
    return { ...s, vf: reviewVenueFactory };
  }

  const state = async (id: string) => {
    const [row] = await t.dataSource.query('SELECT status, version FROM venue_factories WHERE id = $1', [id]);
    return { ...row, events: await t.count('venue_factory_events', 'venue_factory_id = $1', [id]), audit: await t.count('audit_events', 'entity_id = $1', [id]) };
  };

  describe('applying', () => {
    it('starts a DRAFT with the agreement terms, a first event and an audit entry', async () => {
      const { vf, factory, licence } = await draft();
      expect(vf).toMatchObject({
        status: 'DRAFT',
        factoryOrgId: factory.org.id,
        venueId: t.demo.venues.zz,
        paymentTermDays: 45,
        note: '申请入驻',
        categoryIds: [cats['APPAREL-SCARF']],
        events: [{ action: 'APPLY', fromStatus: null, toStatus: 'DRAFT', reason: null }],
      });
      const { venueFactory } = await t.ok(VENUE_FACTORY, { id: vf.id }, { token: factory.admin.token });
      expect(venueFactory.documents).toEqual([{ id: licence, kind: 'BUSINESS_LICENSE' }]);
      expect(venueFactory.categories).toEqual([{ code: 'APPAREL-SCARF' }]);
      expect(await t.count('audit_events', "entity_id = $1 AND action = 'venueFactory.applied'", [vf.id])).toBe(1);
    });

    it('refuses a second application to the same venue as DUPLICATE', async () => {
      const { caller, factory } = await draft();
      const error = await t.fails(APPLY, { input: { venueId: t.demo.venues.zz, categoryIds: [cats['APPAREL-HAT']] } }, caller);
      expect(error.extensions.code).toBe('DUPLICATE');
      expect(await t.count('venue_factories', 'factory_org_id = $1', [factory.org.id])).toBe(1);
    });

    it('refuses unknown categories, foreign documents and out-of-range terms, naming each field', async () => {
      const { org, admin } = await given.factory();
      const caller = { token: admin.token };
      const foreign = (await draft()).licence;
      const cases: [Record<string, unknown>, string][] = [
        [{ categoryIds: ['00000000-0000-4000-8000-000000000000'] }, 'input.categoryIds.0'],
        [{ categoryIds: [cats['APPAREL-SCARF']], documentIds: [foreign] }, 'input.documentIds.0'],
        [{ categoryIds: [] }, 'input.categoryIds'],
        [{ categoryIds: [cats['APPAREL-SCARF']], paymentTermDays: 181 }, 'input.paymentTermDays'],
      ];
      for (const [input, path] of cases) {
        const error = await t.fails(APPLY, { input: { venueId: t.demo.venues.zz, ...input } }, caller);
        expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path })] });
      }
      expect(await t.count('venue_factories', 'factory_org_id = $1', [org.id])).toBe(0);
    });

    it('hides a closed venue and refuses operators and factory staff', async () => {
      const { org } = await given.factory();
      const { token } = await given.user(Role.FACTORY_ADMIN, org.id);
      const closed = await given.venue({ status: 'CLOSED' as never });
      const input = { venueId: closed.id, categoryIds: [cats['APPAREL-SCARF']] };
      expect((await t.fails(APPLY, { input }, { token })).extensions.code).toBe('NOT_FOUND');
      const staff = await given.user(Role.FACTORY_STAFF, org.id);
      const open = { ...input, venueId: t.demo.venues.zz };
      expect((await t.fails(APPLY, { input: open }, { token: staff.token })).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(APPLY, { input: open }, 'operatorAdmin')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(APPLY, { input: open }, null)).extensions.code).toBe('UNAUTHENTICATED');
      expect(await t.count('venue_factories', 'factory_org_id = $1', [org.id])).toBe(0);
    });
  });

  describe('submitting and reviewing', () => {
    it('refuses to submit without a business licence and changes nothing', async () => {
      const { org, admin } = await given.factory();
      const caller = { token: admin.token };
      const { applyToVenue } = await t.ok(APPLY, { input: { venueId: t.demo.venues.zz, categoryIds: [cats['APPAREL-HAT']] } }, caller);
      const before = await state(applyToVenue.id);
      const error = await t.fails(SUBMIT, { input: { id: applyToVenue.id } }, caller);
      expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'documentIds' }] });
      expect(await state(applyToVenue.id)).toEqual(before);
      expect(org.kind).toBe(OrganizationKind.FACTORY);
    });

    it('walks change request, resubmission and approval, telling the factory every reason', async () => {
      const { vf, caller, licence } = await submitted();
      expect(vf).toMatchObject({ status: 'SUBMITTED', submittedAt: expect.any(String) });
      const noReason = await t.fails(REVIEW, { input: { id: vf.id, decision: 'REQUEST_CHANGES', reason: '  ' } }, 'operatorAdmin');
      expect(noReason.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.reason' }] });
      const asked = await t.ok(REVIEW, { input: { id: vf.id, decision: 'REQUEST_CHANGES', reason: '请补充质检报告' } }, 'operatorAdmin');
      expect(asked.reviewVenueFactory.status).toBe('CHANGES_REQUESTED');

      const report = await uploaded(t, caller, DocumentKind.INSPECTION_REPORT, tinyPdf('report'), '质检报告.pdf');
      const { updateVenueFactory } = await t.ok(UPDATE_VF, { input: { id: vf.id, documentIds: [licence, report], paymentTermDays: 30 } }, caller);
      expect(updateVenueFactory).toMatchObject({ status: 'CHANGES_REQUESTED', paymentTermDays: 30 });
      await t.ok(SUBMIT, { input: { id: vf.id } }, caller);
      const { reviewVenueFactory } = await t.ok(REVIEW, { input: { id: vf.id, decision: 'APPROVE' } }, 'operatorAdmin');
      expect(reviewVenueFactory).toMatchObject({ status: 'APPROVED', admittedAt: expect.any(String), decidedAt: expect.any(String) });

      const { venueFactory } = await t.ok(VENUE_FACTORY, { id: vf.id }, caller);
      expect(venueFactory.events.map((e: { action: string; toStatus: string; reason: string | null }) => [e.action, e.toStatus, e.reason])).toEqual([
        ['APPLY', 'DRAFT', null],
        ['SUBMIT', 'SUBMITTED', null],
        ['REQUEST_CHANGES', 'CHANGES_REQUESTED', '请补充质检报告'],
        ['UPDATE', 'CHANGES_REQUESTED', null],
        ['SUBMIT', 'SUBMITTED', null],
        ['APPROVE', 'APPROVED', null],
      ]);
      const actions = (await t.dataSource.query('SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at', [vf.id])).map(
        (r: { action: string }) => r.action,
      );
      expect(actions).toEqual([
        'venueFactory.applied',
        'venueFactory.submitted',
        'venueFactory.changesRequested',
        'venueFactory.updated',
        'venueFactory.submitted',
        'venueFactory.approved',
      ]);
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'VenueFactoryApproved', payload: { venueId: t.demo.venues.zz, factoryOrgId: vf.factoryOrgId, venueFactoryId: vf.id } }),
      );
    });

    it('rejects with a reason, and a rejection is final', async () => {
      const { vf, caller } = await submitted();
      const error = await t.fails(REVIEW, { input: { id: vf.id, decision: 'REJECT' } }, 'operatorAdmin');
      expect(error.extensions.fields).toEqual([expect.objectContaining({ path: 'input.reason' })]);
      const { reviewVenueFactory } = await t.ok(REVIEW, { input: { id: vf.id, decision: 'REJECT', reason: '类目不符' } }, 'operatorAdmin');
      expect(reviewVenueFactory.status).toBe('REJECTED');
      const before = await state(vf.id);
      expect((await t.fails(SUBMIT, { input: { id: vf.id } }, caller)).extensions.code).toBe('INVALID_TRANSITION');
      expect((await t.fails(UPDATE_VF, { input: { id: vf.id, note: 'x' } }, caller)).extensions.code).toBe('INVALID_TRANSITION');
      expect((await t.fails(REVIEW, { input: { id: vf.id, decision: 'APPROVE' } }, 'operatorAdmin')).extensions.code).toBe('INVALID_TRANSITION');
      expect(await state(vf.id)).toEqual(before);
    });

    it('lets only OPERATOR_ADMIN or OPERATOR_BD of that venue review', async () => {
      const { vf, caller } = await submitted();
      const before = await state(vf.id);
      const input = { id: vf.id, decision: 'APPROVE' };
      expect((await t.fails(REVIEW, { input }, 'pricingReviewer')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(REVIEW, { input }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(REVIEW, { input }, 'govViewer')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(REVIEW, { input }, 'platformAdmin')).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(REVIEW, { input }, caller)).extensions.code).toBe('FORBIDDEN');
      expect(await state(vf.id)).toEqual(before);
      const bd = await given.user(Role.OPERATOR_BD, t.demo.orgs.operatorA);
      expect((await t.ok(REVIEW, { input }, { token: bd.token })).reviewVenueFactory.status).toBe('APPROVED');
    });

    it('hides a DRAFT from the operator, who cannot review it', async () => {
      const { vf } = await draft();
      expect((await t.fails(REVIEW, { input: { id: vf.id, decision: 'APPROVE' } }, 'operatorAdmin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(VENUE_FACTORY, { id: vf.id }, 'operatorAdmin')).extensions.code).toBe('NOT_FOUND');
    });

    it.each<[string, (s: { id: string }) => [string, Record<string, unknown>, Caller]]>([
      ['submit an APPROVED application', (s) => [SUBMIT, { id: s.id }, null]],
      ['approve an APPROVED application', (s) => [REVIEW, { id: s.id, decision: 'APPROVE' }, 'operatorAdmin']],
      ['request changes on an APPROVED application', (s) => [REVIEW, { id: s.id, decision: 'REQUEST_CHANGES', reason: 'x' }, 'operatorAdmin']],
      ['reinstate an APPROVED application', (s) => [REINSTATE, { id: s.id }, 'operatorAdmin']],
      ['change an APPROVED application', (s) => [UPDATE_VF, { id: s.id, note: 'x' }, null]],
    ])('refuses to %s as INVALID_TRANSITION, changing nothing', async (_name, make) => {
      const a = await approved();
      const [doc, input, caller] = make(a.vf);
      const before = await state(a.vf.id);
      const error = await t.fails(doc, { input }, caller ?? a.caller);
      expect(error.extensions.code).toBe('INVALID_TRANSITION');
      expect(await state(a.vf.id)).toEqual(before);
    });

    it('refuses to suspend a SUBMITTED application and to submit it twice', async () => {
      const s = await submitted();
      const before = await state(s.vf.id);
      expect((await t.fails(SUSPEND, { input: { id: s.vf.id, reason: 'x' } }, 'operatorAdmin')).extensions.code).toBe('INVALID_TRANSITION');
      expect((await t.fails(SUBMIT, { input: { id: s.vf.id } }, s.caller)).extensions.code).toBe('INVALID_TRANSITION');
      expect((await t.fails(UPDATE_VF, { input: { id: s.vf.id, note: 'x' } }, s.caller)).extensions.code).toBe('INVALID_TRANSITION');
      expect(await state(s.vf.id)).toEqual(before);
    });
  });

  describe('suspension', () => {
    it('suspends with a reason and reinstates, announcing both after commit', async () => {
      const { vf, caller } = await approved();
      const before = await state(vf.id);
      const noReason = await t.fails(SUSPEND, { input: { id: vf.id, reason: '' } }, 'operatorAdmin');
      expect(noReason.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.reason' }] });
      expect((await t.fails(SUSPEND, { input: { id: vf.id, reason: '质量问题' } }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(SUSPEND, { input: { id: vf.id, reason: '质量问题' } }, caller)).extensions.code).toBe('FORBIDDEN');
      expect(await state(vf.id)).toEqual(before);

      const { suspendVenueFactory } = await t.ok(SUSPEND, { input: { id: vf.id, reason: '抽检不合格，暂停销售' } }, 'operatorAdmin');
      expect(suspendVenueFactory).toMatchObject({ status: 'SUSPENDED', suspendedAt: expect.any(String) });
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'VenueFactorySuspended',
          payload: { venueId: t.demo.venues.zz, factoryOrgId: vf.factoryOrgId, venueFactoryId: vf.id, on: today() },
        }),
      );
      const { reinstateVenueFactory } = await t.ok(REINSTATE, { input: { id: vf.id, reason: '整改完成' } }, 'operatorAdmin');
      expect(reinstateVenueFactory).toMatchObject({ status: 'APPROVED', suspendedAt: null });
      expect(reinstateVenueFactory.events.slice(-2).map((e: { action: string; reason: string }) => [e.action, e.reason])).toEqual([
        ['SUSPEND', '抽检不合格，暂停销售'],
        ['REINSTATE', '整改完成'],
      ]);
      expect(events).toContainEqual(expect.objectContaining({ type: 'VenueFactoryReinstated', payload: expect.objectContaining({ venueFactoryId: vf.id }) }));
    });

    it('publishes no event when the suspension fails', async () => {
      const { vf } = await submitted();
      const count = events.length;
      await t.fails(SUSPEND, { input: { id: vf.id, reason: 'x' } }, 'operatorAdmin');
      expect(events).toHaveLength(count);
    });
  });

  describe('two reviewers at once', () => {
    it('lets one win and answers CONFLICT to the other, who reviewed the same version', async () => {
      const { vf } = await submitted();
      const bd = await given.user(Role.OPERATOR_BD, t.demo.orgs.operatorA);
      const results = await Promise.all([
        t.gql(REVIEW, { input: { id: vf.id, decision: 'APPROVE', version: vf.version } }, 'operatorAdmin'),
        t.gql(REVIEW, { input: { id: vf.id, decision: 'REJECT', reason: '不合适', version: vf.version } }, { token: bd.token }),
      ]);
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers.map((r) => r.errors![0].extensions.code)).toEqual(['CONFLICT']);
      const after = await state(vf.id);
      expect(after.version).toBe(vf.version + 1);
      expect(await t.count('venue_factory_events', "venue_factory_id = $1 AND action IN ('APPROVE', 'REJECT')", [vf.id])).toBe(1);
    });

    it('answers CONFLICT when the row changed between reading and writing', async () => {
      const { vf } = await submitted();
      const service = t.app.get(AdmissionsService);
      const first = await t.contextFor('operatorAdmin');
      const bd = await given.user(Role.OPERATOR_BD, t.demo.orgs.operatorA);
      const second = await t.contextFor(bd.user.id);
      let written!: () => void;
      let commit!: () => void;
      const firstWritten = new Promise<void>((resolve) => (written = resolve));
      const mayCommit = new Promise<void>((resolve) => (commit = resolve));
      // The first reviewer writes and holds its transaction open; the second reads the old
      // version meanwhile and its write waits for the first to commit.
      const one = runInTransaction(first, {}, async () => {
        const result = await service.review(first, { id: vf.id, decision: ReviewDecision.APPROVE });
        written();
        await mayCommit;
        return result;
      });
      await firstWritten;
      const two = runInTransaction(second, {}, () => service.review(second, { id: vf.id, decision: ReviewDecision.REJECT, reason: 'no' }));
      const outcome = two.then(
        () => 'ok',
        (error) => error.code,
      );
      for (let i = 0; i < 200; i++) {
        const [{ n }] = await t.dataSource.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        if (n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      commit();
      await expect(one).resolves.toMatchObject({ status: VenueFactoryStatus.APPROVED });
      expect(await outcome).toBe('CONFLICT');
      expect((await state(vf.id)).status).toBe('APPROVED');
    });

    it('answers CONFLICT to a review of a version someone already moved on', async () => {
      const { vf, caller } = await submitted();
      await t.ok(REVIEW, { input: { id: vf.id, decision: 'REQUEST_CHANGES', reason: '补材料' } }, 'operatorAdmin');
      await t.ok(SUBMIT, { input: { id: vf.id } }, caller);
      const error = await t.fails(REVIEW, { input: { id: vf.id, decision: 'APPROVE', version: vf.version } }, 'operatorAdmin');
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: vf.version + 2 });
    });
  });

  describe('lists and the review queue', () => {
    const ids = async (caller: Caller, filter: Record<string, unknown> = {}) =>
      (await t.ok(VENUE_FACTORIES, { filter, perPage: 200 }, caller)).venueFactories.items.map((i: { id: string }) => i.id);

    it("shows the operator its venue's queue with filters by status, category, submitted day and name", async () => {
      const s = await submitted();
      const d = await draft();
      const zzQueue = await ids('operatorAdmin', { venueId: t.demo.venues.zz, status: ['SUBMITTED'] });
      expect(zzQueue).toContain(s.vf.id);
      expect(zzQueue).not.toContain(d.vf.id);
      const [{ id: demoC }] = await t.dataSource.query("SELECT vf.id FROM venue_factories vf JOIN organizations o ON o.id = vf.factory_org_id WHERE o.name = '新郑市好日子日用品厂'");
      expect(zzQueue).toContain(demoC);
      expect(await ids('operatorAdmin', { status: ['SUBMITTED'], search: '好日子' })).toEqual([demoC]);
      expect(await ids('operatorAdmin', { status: ['SUBMITTED'], categoryId: cats['DAILY-KITCHEN'] })).toEqual([demoC]);
      expect(await ids('operatorAdmin', { categoryId: cats['APPAREL-SCARF'], submittedFrom: today(), submittedTo: today() })).toContain(s.vf.id);
      expect(await ids('operatorAdmin', { submittedTo: '2020-01-01' })).toEqual([]);
      const sorted = await t.ok(VENUE_FACTORIES, { filter: { status: ['SUBMITTED'] }, sort: { field: 'submittedAt', order: 'ASC' }, perPage: 200 }, 'operatorAdmin');
      const times = sorted.venueFactories.items.map((i: { submittedAt: string }) => Date.parse(i.submittedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });

    it("keeps each party to its own: factories, the other operator, government viewers", async () => {
      const s = await submitted();
      expect(await ids(s.caller)).toEqual([s.vf.id]);
      expect(await ids('operator2Admin')).not.toContain(s.vf.id);
      expect(await ids('govViewer')).toEqual([]);
      expect(await ids('regionalManager')).toContain(s.vf.id);
      expect(await ids('platformAdmin')).toContain(s.vf.id);
      expect(await ids('factory2Admin', { venueId: t.demo.venues.zz })).toHaveLength(1);
    });

    it('answers NOT_FOUND for another tenant, a missing and a malformed id', async () => {
      const s = await submitted();
      for (const caller of ['factory2Admin', 'operator2Admin', 'govViewer'] as Caller[]) {
        expect((await t.fails(VENUE_FACTORY, { id: s.vf.id }, caller)).extensions.code).toBe('NOT_FOUND');
      }
      for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
        expect((await t.fails(VENUE_FACTORY, { id }, 'operatorAdmin')).extensions.code).toBe('NOT_FOUND');
      }
    });
  });

  describe('organization visibility', () => {
    const ORG = 'query($id: ID!) { organization(id: $id) { id name } }';

    it('shows venue staff the factories that applied to their venues, not a draft applicant, not to government viewers', async () => {
      const s = await submitted();
      const d = await draft();
      expect((await t.ok(ORG, { id: s.factory.org.id }, 'operatorAdmin')).organization.id).toBe(s.factory.org.id);
      expect((await t.ok(ORG, { id: s.factory.org.id }, 'showroomStaff')).organization.id).toBe(s.factory.org.id);
      expect((await t.ok(ORG, { id: s.factory.org.id }, 'regionalManager')).organization.id).toBe(s.factory.org.id);
      expect((await t.fails(ORG, { id: d.factory.org.id }, 'operatorAdmin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(ORG, { id: s.factory.org.id }, 'govViewer')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(ORG, { id: s.factory.org.id }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.fails(ORG, { id: t.demo.orgs.factoryA }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
      expect((await t.ok(ORG, { id: t.demo.orgs.factoryB }, 'operator2Admin')).organization.id).toBe(t.demo.orgs.factoryB);
    });
  });

  it('keeps the events of an admission append-only in the database', async () => {
    const { vf } = await draft();
    await expect(t.dataSource.query("UPDATE venue_factory_events SET reason = 'x' WHERE venue_factory_id = $1", [vf.id])).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query("INSERT INTO venue_factory_events (venue_factory_id, action, to_status) VALUES ($1, 'REJECT', 'REJECTED')", [vf.id]),
    ).rejects.toThrow(/venue_factory_events_reason_given_check/);
  });

  it('refuses a context without a principal (fails closed)', async () => {
    const anonymous = new RequestContext(t.dataSource);
    await expect(t.app.get(AdmissionsService).list(anonymous, { page: 1, perPage: 10 } as never)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
