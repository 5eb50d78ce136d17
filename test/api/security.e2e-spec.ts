import { randomCreditCode } from '../support/given';
import { TestApp } from '../support/test-app';

describe('security headers, CORS and public limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ consoleOrigin: 'https://console.xuanpin.test', publicRateLimit: 3 });
  });
  afterAll(() => t.close());

  it('sends helmet headers with a content security policy', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it("allows the console's origin and no other on the API", async () => {
    const ok = await t
      .http()
      .options('/graphql')
      .set('origin', 'https://console.xuanpin.test')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type,authorization');
    expect(ok.headers['access-control-allow-origin']).toBe('https://console.xuanpin.test');
    const evil = await t.http().post('/graphql').set('origin', 'https://evil.example').send({ query: '{ __typename }' });
    expect(evil.headers['access-control-allow-origin']).not.toBe('https://evil.example');
  });

  it('lets any origin read the public scan routes', async () => {
    const res = await t.http().get('/s/UNKNOWNCODE/listing.json').set('origin', 'https://shop.example');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('limits public operations per address with RATE_LIMITED and writes nothing beyond the limit', async () => {
    const register = (i: number) =>
      t.gql(
        `mutation($input: RegisterFactoryInput!) { registerFactory(input: $input) { __typename } }`,
        {
          input: {
            name: `限流测试工厂${i}`,
            creditCode: randomCreditCode(),
            address: '河南省郑州市',
            industryBelt: '测试',
            contactName: '张三',
            contactPhone: '13800000000',
            admin: { email: `limit-${i}-${Date.now()}@test.xuanpin.test`, displayName: '张三', password: 'limit-pass-123' },
          },
        },
      );
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) codes.push((await register(i)).errors?.[0]?.extensions.code);
    expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(await t.count('organizations', "name LIKE '限流测试工厂%'")).toBe(3);
  });
});
