import { TestApp } from '../support/test-app';

const AUDIT = '{ auditEvents(perPage: 200) { total items { action entityType venueId actorUserId after } } }';

describe('the audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('records a state change with who did it, in the same transaction', async () => {
    const { createRegion } = await t.ok(
      'mutation($input: CreateRegionInput!) { createRegion(input: $input) { id } }',
      { input: { code: 'AUDIT-1', name: '审计大区' } },
      'platformAdmin',
    );
    const { auditEvents } = await t.ok(AUDIT, {}, 'platformAdmin');
    expect(auditEvents.items).toContainEqual({
      action: 'region.created',
      entityType: 'Region',
      venueId: null,
      actorUserId: t.demo.users.platformAdmin,
      after: { code: 'AUDIT-1', name: '审计大区' },
    });
    expect(await t.count('audit_events', 'entity_id = $1', [createRegion.id])).toBe(1);
  });

  it('writes no audit row when the change fails', async () => {
    const before = await t.count('audit_events');
    await t.fails(
      'mutation($input: CreateRegionInput!) { createRegion(input: $input) { id } }',
      { input: { code: 'CENTRAL-EAST', name: '重复' } },
      'platformAdmin',
    );
    expect(await t.count('audit_events')).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database', async () => {
    await expect(t.dataSource.query("UPDATE audit_events SET action = 'tampered'")).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it("shows an operator admin only its venues' and its people's events", async () => {
    await t.dataSource.query(
      `INSERT INTO audit_events (action, entity_type, venue_id) VALUES ('test.zz', 'Test', $1), ('test.yk', 'Test', $2)`,
      [t.demo.venues.zz, t.demo.venues.yk],
    );
    const actions = async (caller: 'operatorAdmin' | 'operator2Admin') =>
      (await t.ok(AUDIT, {}, caller)).auditEvents.items.map((e: { action: string }) => e.action);
    expect(await actions('operatorAdmin')).toContain('test.zz');
    expect(await actions('operatorAdmin')).not.toContain('test.yk');
    // The Yongkang operator also sees the demo's admission of factory B at its venue, never Zhengzhou's.
    const yk = await actions('operator2Admin');
    expect(yk).toContain('test.yk');
    expect(yk).not.toContain('test.zz');
    const zzOnly = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE venue_id = $1 AND action LIKE 'venueFactory.%'",
      [t.demo.venues.zz],
    );
    expect(zzOnly[0].n).toBeGreaterThan(0);
    expect(yk.filter((a: string) => a.startsWith('venueFactory.'))).toHaveLength(3);
  });

  it('is closed to everyone but platform and operator admins', async () => {
    for (const caller of ['factoryAdmin', 'govViewer', 'showroomStaff', 'regionalManager'] as const) {
      expect((await t.fails(AUDIT, {}, caller)).extensions.code).toBe('FORBIDDEN');
    }
  });
});
