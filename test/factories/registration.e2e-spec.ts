import { Given, randomCreditCode, uniqueSuffix } from '../support/given';
import { TestApp } from '../support/test-app';
import { LOGIN, REGISTER } from './ops';

describe('registerFactory (public)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
    new Given(t);
  });
  afterAll(() => t.close());

  const input = (overrides: Record<string, unknown> = {}, admin: Record<string, unknown> = {}) => ({
    name: `测试针织厂${uniqueSuffix()}`,
    creditCode: randomCreditCode(),
    address: '河南省郑州市测试路1号',
    industryBelt: '河南针织',
    contactName: '张三',
    contactPhone: '13800000000',
    ...overrides,
    admin: { email: `new-${uniqueSuffix().toLowerCase()}@factory.test`, displayName: '张三', password: 'knit-2026-ok', ...admin },
  });
  const counts = async () => ({ orgs: await t.count('organizations'), users: await t.count('users'), memberships: await t.count('memberships') });

  it('creates the factory and its first FACTORY_ADMIN, who can sign in at once', async () => {
    const data = input({ creditCode: randomCreditCode().toLowerCase() });
    const { registerFactory } = await t.ok(REGISTER, { input: data }, null);
    expect(registerFactory.organization).toMatchObject({ kind: 'FACTORY', name: data.name, creditCode: data.creditCode.toUpperCase() });
    expect(registerFactory.user.email).toBe(data.admin.email);
    const { login } = await t.ok(LOGIN, { input: { email: data.admin.email, password: data.admin.password } }, null);
    const { me } = await t.ok('{ me { memberships { role organization { id kind } } } }', {}, { token: login.accessToken });
    expect(me.memberships).toEqual([{ role: 'FACTORY_ADMIN', organization: { id: registerFactory.organization.id, kind: 'FACTORY' } }]);
    const audit = await t.dataSource.query('SELECT action, actor_org_id FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at', [
      registerFactory.organization.id,
    ]);
    expect(audit).toEqual([
      { action: 'organization.created', actor_org_id: registerFactory.organization.id },
      { action: 'factory.registered', actor_org_id: registerFactory.organization.id },
    ]);
  });

  it('refuses a credit code already registered as DUPLICATE and creates nothing', async () => {
    const [{ credit_code }] = await t.dataSource.query('SELECT credit_code FROM organizations WHERE id = $1', [t.demo.orgs.factoryA]);
    const before = await counts();
    const error = await t.fails(REGISTER, { input: input({ creditCode: credit_code }) }, null);
    expect(error.extensions.code).toBe('DUPLICATE');
    expect(await counts()).toEqual(before);
  });

  it('refuses an e-mail already in use as DUPLICATE (any case) and creates nothing', async () => {
    const before = await counts();
    const error = await t.fails(REGISTER, { input: input({}, { email: 'Factory.Admin@demo.xuanpin.test' }) }, null);
    expect(error.extensions.code).toBe('DUPLICATE');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a credit code with a wrong check character', { creditCode: '91350100M000100Y44' }, {}, 'input.creditCode'],
    ['a weak password', {}, { password: 'short' }, 'input.admin.password'],
    ['a password that is only letters', {}, { password: 'onlyletterspassword' }, 'input.admin.password'],
    ['a malformed e-mail', {}, { email: 'not-an-email' }, 'input.admin.email'],
    ['a malformed phone', { contactPhone: 'call me' }, {}, 'input.contactPhone'],
    ['a name with control characters', { name: '工厂\u0007' }, {}, 'input.name'],
  ])('refuses %s naming the field', async (_name, overrides, admin, path) => {
    const before = await counts();
    const error = await t.fails(REGISTER, { input: input(overrides, admin) }, null);
    expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: expect.arrayContaining([expect.objectContaining({ path })]) });
    expect(await counts()).toEqual(before);
  });
});
