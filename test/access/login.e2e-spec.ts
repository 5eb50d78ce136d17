import { DEMO_USER_KEYS, DEMO_USERS, TestApp } from '../support/test-app';
import { Given, TEST_PASSWORD } from '../support/given';
import { Role } from '@xp/core';

const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { accessToken expiresAt user { id email } }
}`;
const ME = `{ me { id email displayName memberships { role organization { id kind name } region { code } venues { code } } } }`;

const EXPECTED_ROLE: Record<string, { role: Role; kind: string; venues: string[] }> = {
  platformAdmin: { role: Role.PLATFORM_ADMIN, kind: 'PLATFORM', venues: [] },
  regionalManager: { role: Role.REGIONAL_MANAGER, kind: 'PLATFORM', venues: ['YK-HARDWARE', 'ZZ-AIRPORT'] },
  govViewer: { role: Role.GOVERNMENT_VIEWER, kind: 'GOVERNMENT', venues: ['ZZ-AIRPORT'] },
  operatorAdmin: { role: Role.OPERATOR_ADMIN, kind: 'OPERATOR', venues: ['ZZ-AIRPORT'] },
  pricingReviewer: { role: Role.PRICING_REVIEWER, kind: 'OPERATOR', venues: ['ZZ-AIRPORT'] },
  showroomStaff: { role: Role.SHOWROOM_STAFF, kind: 'OPERATOR', venues: ['ZZ-AIRPORT'] },
  warehouseStaff: { role: Role.WAREHOUSE_STAFF, kind: 'OPERATOR', venues: ['ZZ-AIRPORT'] },
  factoryAdmin: { role: Role.FACTORY_ADMIN, kind: 'FACTORY', venues: [] },
  factory2Admin: { role: Role.FACTORY_ADMIN, kind: 'FACTORY', venues: [] },
  operator2Admin: { role: Role.OPERATOR_ADMIN, kind: 'OPERATOR', venues: ['YK-HARDWARE'] },
};

describe('signing in', () => {
  let t: TestApp;
  let given: Given;

  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  it.each(DEMO_USER_KEYS)('lets the demo user %s sign in and see its role in me', async (key) => {
    const { login } = await t.ok(LOGIN, { input: { email: DEMO_USERS[key], password: 'xuanpin-demo' } });
    expect(login.user.email).toBe(DEMO_USERS[key]);
    expect(new Date(login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const { me } = await t.ok(ME, {}, { token: login.accessToken });
    const expected = EXPECTED_ROLE[key];
    expect(me.memberships).toHaveLength(1);
    expect(me.memberships[0].role).toBe(expected.role);
    expect(me.memberships[0].organization.kind).toBe(expected.kind);
    expect(me.memberships[0].venues.map((v: { code: string }) => v.code).sort()).toEqual(expected.venues);
  });

  it('accepts the e-mail in any case and with spaces around it', async () => {
    const { login } = await t.ok(LOGIN, { input: { email: '  Operator.Admin@Demo.Xuanpin.Test ', password: 'xuanpin-demo' } });
    expect(login.user.email).toBe(DEMO_USERS.operatorAdmin);
  });

  it('refuses a wrong password and an unknown e-mail with the same answer', async () => {
    const wrong = await t.fails(LOGIN, { input: { email: DEMO_USERS.operatorAdmin, password: 'not-the-password' } });
    const unknown = await t.fails(LOGIN, { input: { email: 'nobody@demo.xuanpin.test', password: 'xuanpin-demo' } });
    expect(wrong.extensions.code).toBe('UNAUTHENTICATED');
    expect(unknown.extensions.code).toBe('UNAUTHENTICATED');
    expect(wrong.message).toBe(unknown.message);
  });

  it('refuses an anonymous me with UNAUTHENTICATED', async () => {
    const error = await t.fails(ME);
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged, a malformed and an expired token', async () => {
    const jwt = await import('jsonwebtoken');
    const forged = jwt.sign({ ver: 0 }, 'another-secret-that-is-also-long-enough!', {
      subject: t.demo.users.platformAdmin,
      issuer: 'xuanpin',
      expiresIn: 60,
    });
    const expired = jwt.sign({ ver: 0 }, t.config.jwtSecret, {
      subject: t.demo.users.platformAdmin,
      issuer: 'xuanpin',
      expiresIn: -10,
    });
    for (const token of [forged, expired, 'not-a-token']) {
      expect((await t.fails(ME, {}, { token })).extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('stops a deactivated user at once, token and all', async () => {
    const factory = await given.organization('FACTORY' as never);
    const { user, token } = await given.user(Role.FACTORY_STAFF, factory.id);
    await t.ok(ME, {}, { token });
    await t.ok(
      `mutation($input: SetUserActiveInput!) { setUserActive(input: $input) { id active } }`,
      { input: { userId: user.id, active: false } },
      'platformAdmin',
    );
    expect((await t.fails(ME, {}, { token })).extensions.code).toBe('UNAUTHENTICATED');
    const relogin = await t.fails(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(relogin.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('invalidates older tokens when the password changes', async () => {
    const factory = await given.organization('FACTORY' as never);
    const { user, token } = await given.user(Role.FACTORY_STAFF, factory.id);
    await t.ok(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'another-pass-2' } },
      { token },
    );
    expect((await t.fails(ME, {}, { token })).extensions.code).toBe('UNAUTHENTICATED');
    const { login } = await t.ok(LOGIN, { input: { email: user.email, password: 'another-pass-2' } });
    expect(login.user.id).toBe(user.id);
  });

  it('limits sign-in attempts per address and e-mail with RATE_LIMITED', async () => {
    const limited = await TestApp.start({ loginRateLimit: 3 });
    try {
      const attempt = () => limited.gql(LOGIN, { input: { email: 'someone@test.xuanpin.test', password: 'wrong-password' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      const blocked = await attempt();
      expect(blocked.errors?.[0].extensions.code).toBe('RATE_LIMITED');
      expect(blocked.errors?.[0].message).toMatch(/wait \d+ seconds/);
    } finally {
      await limited.close();
    }
  });

  it('refuses an over-long password field as VALIDATION_FAILED naming it', async () => {
    const error = await t.fails(LOGIN, { input: { email: DEMO_USERS.operatorAdmin, password: 'x'.repeat(500) } });
    expect(error.extensions.code).toBe('VALIDATION_FAILED');
    expect(error.extensions.fields).toEqual([{ path: 'input.password', message: expect.any(String) }]);
  });
});
