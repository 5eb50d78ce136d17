import { loadConfig } from '@xp/core';
import { TestApp } from '../support/test-app';

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ env: 'production' });
  });
  afterAll(() => t.close());

  it('turns GraphQL introspection off', async () => {
    const res = await t.gql('{ __schema { queryType { name } } }', {}, 'platformAdmin');
    expect(res.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/introspection/i);
  });

  it('serves no GraphiQL page', async () => {
    const res = await t.http().get('/graphql').set('accept', 'text/html');
    expect(res.text).not.toMatch(/graphiql/i);
  });

  it('still answers normal operations', async () => {
    const { me } = await t.ok('{ me { email } }', {}, 'platformAdmin');
    expect(me.email).toBe('platform.admin@demo.xuanpin.test');
  });
});

describe('production configuration', () => {
  it('requires a JWT secret and loads demo data only when asked', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const secret = 'x'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('names a bad value clearly', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATA_DIR: '/tmp/xp-cfg' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', DATA_DIR: '/tmp/xp-cfg' })).toThrow(/DATABASE_URL: must be a postgres/);
  });
});
