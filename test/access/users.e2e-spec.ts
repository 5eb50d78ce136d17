import { Role } from '@xp/core';
import { Given } from '../support/given';
import { TestApp } from '../support/test-app';

const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email memberships { role organization { id } venues { code } } } }';
const USERS = '{ users(perPage: 200) { total items { id email } } }';
const USER = 'query($id: ID!) { user(id: $id) { id email } }';
const GRANT = 'mutation($input: GrantMembershipInput!) { grantMembership(input: $input) { id memberships { role } } }';
const REVOKE = 'mutation($input: RevokeMembershipInput!) { revokeMembership(input: $input) { id memberships { role } } }';

describe('users and memberships', () => {
  let t: TestApp;
  let given: Given;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  const staff = (email: string, orgId: string, role: Role, extra: Record<string, unknown> = {}) => ({
    input: {
      email,
      displayName: '新员工',
      password: 'good-password-9',
      memberships: [{ organizationId: orgId, role, ...extra }],
    },
  });

  it('lets an operator admin add staff to its own organization, limited to a venue', async () => {
    const { createUser } = await t.ok(
      CREATE_USER,
      staff('New.Staff@Test.Xuanpin.Test', t.demo.orgs.operatorA, Role.SHOWROOM_STAFF, { venueIds: [t.demo.venues.zz] }),
      'operatorAdmin',
    );
    expect(createUser.email).toBe('new.staff@test.xuanpin.test');
    expect(createUser.memberships).toEqual([
      { role: 'SHOWROOM_STAFF', organization: { id: t.demo.orgs.operatorA }, venues: [{ code: 'ZZ-AIRPORT' }] },
    ]);
    const login = await t.ok(
      'mutation($input: LoginInput!) { login(input: $input) { user { id } } }',
      { input: { email: 'new.staff@test.xuanpin.test', password: 'good-password-9' } },
    );
    expect(login.login.user.id).toBe(createUser.id);
  });

  it("refuses to add staff to another operator's organization (NOT_FOUND) and writes nothing", async () => {
    const before = await t.count('users');
    const error = await t.fails(CREATE_USER, staff('x1@test.xuanpin.test', t.demo.orgs.operatorB, Role.SHOWROOM_STAFF), 'operatorAdmin');
    expect(error.extensions.code).toBe('NOT_FOUND');
    expect(await t.count('users')).toBe(before);
  });

  it('refuses a role that does not fit the organization, naming the field', async () => {
    const error = await t.fails(CREATE_USER, staff('x2@test.xuanpin.test', t.demo.orgs.factoryA, Role.OPERATOR_ADMIN), 'platformAdmin');
    expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.memberships.0.role' }] });
  });

  it('refuses venues outside the membership organization', async () => {
    const error = await t.fails(
      CREATE_USER,
      staff('x3@test.xuanpin.test', t.demo.orgs.operatorA, Role.SHOWROOM_STAFF, { venueIds: [t.demo.venues.yk] }),
      'operatorAdmin',
    );
    expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.memberships.0.venueIds' }] });
  });

  it('refuses a weak password and a duplicate e-mail', async () => {
    const weak = staff('x4@test.xuanpin.test', t.demo.orgs.factoryA, Role.FACTORY_STAFF);
    weak.input.password = 'short';
    expect((await t.fails(CREATE_USER, weak, 'factoryAdmin')).extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'input.password' }],
    });
    const dup = staff('FACTORY.ADMIN@demo.xuanpin.test', t.demo.orgs.factoryA, Role.FACTORY_STAFF);
    expect((await t.fails(CREATE_USER, dup, 'factoryAdmin')).extensions.code).toBe('DUPLICATE');
  });

  it('lists only the people of the organizations a caller administers', async () => {
    const emails = async (caller: 'factoryAdmin' | 'factory2Admin' | 'operator2Admin') =>
      (await t.ok(USERS, {}, caller)).users.items.map((u: { email: string }) => u.email);
    expect(await emails('factory2Admin')).toEqual(['factory2.admin@demo.xuanpin.test']);
    expect(await emails('operator2Admin')).toEqual(['operator2.admin@demo.xuanpin.test']);
    expect(await emails('factoryAdmin')).not.toContain('factory2.admin@demo.xuanpin.test');
    const error = await t.fails(USER, { id: t.demo.users.factoryAdmin }, 'factory2Admin');
    expect(error.extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(USERS, {}, 'showroomStaff')).extensions.code).toBe('FORBIDDEN');
  });

  it('grants and revokes memberships within the admin organization only', async () => {
    const factory = await given.organization('FACTORY' as never);
    const { user } = await given.user(Role.FACTORY_STAFF, factory.id);
    const grant = { input: { userId: user.id, organizationId: t.demo.orgs.factoryA, role: 'FACTORY_STAFF' } };
    // factory A's admin cannot see a user of another factory
    expect((await t.fails(GRANT, grant, 'factoryAdmin')).extensions.code).toBe('NOT_FOUND');
    const { grantMembership } = await t.ok(GRANT, grant, 'platformAdmin');
    expect(grantMembership.memberships.map((m: { role: string }) => m.role)).toEqual(['FACTORY_STAFF', 'FACTORY_STAFF']);
    expect((await t.fails(GRANT, grant, 'platformAdmin')).extensions.code).toBe('DUPLICATE');
    const [{ id: membershipId }] = await t.dataSource.query(
      'SELECT id FROM memberships WHERE user_id = $1 AND organization_id = $2',
      [user.id, t.demo.orgs.factoryA],
    );
    expect((await t.fails(REVOKE, { input: { membershipId } }, 'factory2Admin')).extensions.code).toBe('NOT_FOUND');
    const { revokeMembership } = await t.ok(REVOKE, { input: { membershipId } }, 'factoryAdmin');
    expect(revokeMembership.memberships).toHaveLength(1);
  });

  it("refuses to deactivate another organization's user", async () => {
    const error = await t.fails(
      'mutation($input: SetUserActiveInput!) { setUserActive(input: $input) { id } }',
      { input: { userId: t.demo.users.factoryAdmin, active: false } },
      'operator2Admin',
    );
    expect(error.extensions.code).toBe('NOT_FOUND');
    const [{ active }] = await t.dataSource.query('SELECT active FROM users WHERE id = $1', [t.demo.users.factoryAdmin]);
    expect(active).toBe(true);
  });
});
