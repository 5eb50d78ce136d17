import { GRAPHQL_LIMITS } from '../../apps/api/src/app.module';
import { TestApp } from '../support/test-app';

describe('API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('answers /health when the database is reachable', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('refuses perPage above 200 as VALIDATION_FAILED rather than clipping it', async () => {
    const error = await t.fails('{ venues(perPage: 201) { total } }', {}, 'platformAdmin');
    expect(error.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'perPage', message: 'must be at most 200' }],
    });
  });

  it('refuses page 0 and perPage 0', async () => {
    for (const args of ['page: 0', 'perPage: 0']) {
      const error = await t.fails(`{ venues(${args}) { total } }`, {}, 'platformAdmin');
      expect(error.extensions.code).toBe('VALIDATION_FAILED');
    }
  });

  it('pages with a total and never repeats an item across pages', async () => {
    const first = await t.ok('{ organizations(page: 1, perPage: 4) { total items { id } } }', {}, 'platformAdmin');
    const second = await t.ok('{ organizations(page: 2, perPage: 4) { total items { id } } }', {}, 'platformAdmin');
    const total = await t.count('organizations');
    expect(total).toBeGreaterThan(4);
    expect(total).toBeLessThanOrEqual(8);
    expect(first.organizations.total).toBe(total);
    expect(first.organizations.items).toHaveLength(4);
    expect(second.organizations.items).toHaveLength(total - 4);
    const ids = [...first.organizations.items, ...second.organizations.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(total);
  });

  it('sorts by an allowed field and refuses an unknown one', async () => {
    const { venues } = await t.ok('{ venues(sort: { field: "code", order: DESC }) { items { code } } }', {}, 'platformAdmin');
    expect(venues.items.map((v: { code: string }) => v.code)).toEqual(['ZZ-AIRPORT', 'YK-HARDWARE']);
    const error = await t.fails('{ venues(sort: { field: "password" }) { total } }', {}, 'platformAdmin');
    expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'sort.field' }] });
  });

  it('answers a query of the wrong shape with VALIDATION_FAILED and no stack trace', async () => {
    const res = await t.gql('{ venues(perPage: "many") { total } }', {}, 'platformAdmin');
    expect(res.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at Object\.|\.ts:\d+/);
  });

  it('refuses a query with more aliases than the limit', async () => {
    const within = Array.from({ length: 3 }, (_, i) => `m${i}: me { id }`).join(' ');
    await t.ok(`{ ${within} }`, {}, 'operatorAdmin');
    const flood = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `m${i}: me { id }`).join(' ');
    const error = await t.fails(`{ ${flood} }`, {}, 'operatorAdmin');
    expect(error.extensions.code).toBe('VALIDATION_FAILED');
  });

  it('refuses batched operations in one request', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
  });

  it('refuses a JSON body over 1 MB with HTTP 413', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }', variables: { padding: 'x'.repeat(1024 * 1024 + 10) } });
    expect(res.status).toBe(413);
  });
});
