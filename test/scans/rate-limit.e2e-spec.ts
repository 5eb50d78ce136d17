import { TestApp } from '../support/test-app';

/** Its own API with PUBLIC_RATE_LIMIT=3 a minute. */
describe('rate limits of the public scan routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ publicRateLimit: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 with RATE_LIMITED past the limit per client, in Chinese on the page and as JSON on the exports', async () => {
    for (let i = 0; i < 3; i++) expect((await t.http().get('/s/000000000000')).status).toBe(404);
    const page = await t.http().get('/s/000000000000');
    expect(page.status).toBe(429);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
    expect(page.text).toContain('访问过于频繁');
    const json = await t.http().get('/s/000000000000/listing.json');
    expect(json.status).toBe(429);
    expect(json.body.error.code).toBe('RATE_LIMITED');
    // The limit is the public routes': GraphQL and health are not affected.
    expect((await t.http().get('/health')).status).toBe(200);
  });
});
