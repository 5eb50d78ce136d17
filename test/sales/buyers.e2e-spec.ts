import { GivenSales, uniquePhone } from '../support/given';
import { TestApp } from '../support/test-app';
import { key, PLACE_ORDER } from './sales.support';

const REGISTER = `mutation($input: RegisterBuyerInput!) { registerBuyer(input: $input) {
  id shopName contactName phone email wechatId city registeredVenueId memberLevel memberLevelBasis { month } } }`;
const BUYERS = `query($filter: BuyerFilter) { buyers(filter: $filter, perPage: 200) { total items { id shopName memberLevel venues { code } } } }`;
const BUYER = `query($id: ID!) { buyer(id: $id) { id shopName phone } }`;

describe('wholesale buyers', () => {
  let t: TestApp;
  let sales: GivenSales;
  beforeAll(async () => {
    t = await TestApp.start();
    sales = new GivenSales(t);
  });
  afterAll(() => t.close());

  it('registers a buyer without signing in, at a venue, at L0 until a month is computed', async () => {
    const phone = uniquePhone();
    const { registerBuyer } = await t.ok(REGISTER, {
      input: { shopName: '开封小商品批发部', contactName: '刘洋', phone, email: 'LiuYang@Example.com', wechatId: 'liuyang_kf', city: '开封', venueId: t.demo.venues.zz },
    });
    expect(registerBuyer).toMatchObject({ phone, email: 'liuyang@example.com', registeredVenueId: t.demo.venues.zz, memberLevel: 'L0', memberLevelBasis: null });
    const { buyers } = await t.ok(BUYERS, { filter: { venueId: t.demo.venues.zz, search: '开封小商品' } }, 'showroomStaff');
    expect(buyers.items).toEqual([expect.objectContaining({ id: registerBuyer.id, venues: [{ code: 'ZZ-AIRPORT' }] })]);
    expect(await t.count('audit_events', "action = 'buyer.registered' AND entity_id = $1", [registerBuyer.id])).toBe(1);
  });

  it('takes one registration per mobile number or WeChat id: a second is DUPLICATE and writes nothing', async () => {
    const phone = uniquePhone();
    await t.ok(REGISTER, { input: { shopName: '一号店', contactName: '甲', phone, wechatId: 'dup_wechat_1', city: '郑州' } });
    const before = await t.count('buyers');
    const samePhone = await t.fails(REGISTER, { input: { shopName: '另一家店', contactName: '乙', phone, city: '郑州' } });
    expect(samePhone.extensions.code).toBe('DUPLICATE');
    const sameWechat = await t.fails(REGISTER, { input: { shopName: '另一家店', contactName: '乙', phone: uniquePhone(), wechatId: 'DUP_WECHAT_1', city: '郑州' } });
    expect(sameWechat.extensions.code).toBe('DUPLICATE');
    expect(await t.count('buyers')).toBe(before);
  });

  it('refuses bad input naming the fields', async () => {
    const error = await t.fails(REGISTER, { input: { shopName: ' ', contactName: '甲', phone: '12345', email: 'not-mail', wechatId: '1abc', city: '郑州' } });
    expect(error.extensions.code).toBe('VALIDATION_FAILED');
    expect(error.extensions.fields!.map((f) => f.path).sort()).toEqual(['input.email', 'input.phone', 'input.shopName', 'input.wechatId']);
    const closed = await t.fails(REGISTER, { input: { shopName: '店', contactName: '甲', phone: uniquePhone(), city: '郑州', venueId: '00000000-0000-4000-8000-000000000000' } });
    expect(closed.extensions.fields).toEqual([{ path: 'input.venueId', message: 'is not an open venue' }]);
  });

  it("shows each venue's staff the buyers of their venues, and a buyer elsewhere only by its full number", async () => {
    const zzBuyer = await sales.buyer([t.demo.venues.zz], { shopName: '郑州专属买家' });
    const ykBuyer = await sales.buyer([t.demo.venues.yk], { shopName: '永康专属买家' });
    const ids = async (caller: 'operatorAdmin' | 'operator2Admin' | 'platformAdmin' | 'regionalManager', filter: object = {}) =>
      ((await t.ok(BUYERS, { filter }, caller)).buyers.items as { id: string }[]).map((b) => b.id);
    expect(await ids('operatorAdmin')).toContain(zzBuyer.id);
    expect(await ids('operatorAdmin')).not.toContain(ykBuyer.id);
    expect(await ids('operator2Admin')).toContain(ykBuyer.id);
    expect(await ids('operator2Admin')).not.toContain(zzBuyer.id);
    expect(await ids('platformAdmin')).toEqual(expect.arrayContaining([zzBuyer.id, ykBuyer.id]));
    expect(await ids('regionalManager')).toEqual(expect.arrayContaining([zzBuyer.id, ykBuyer.id]));
    expect((await t.fails(BUYER, { id: zzBuyer.id }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
    // A newcomer gives staff its number: found, served, and from then on a buyer of the venue.
    expect(await ids('operator2Admin', { phone: zzBuyer.phone })).toEqual([zzBuyer.id]);
    const otherNumber = zzBuyer.phone.slice(0, 10) + (zzBuyer.phone.endsWith('9') ? '8' : '9');
    expect(await ids('operator2Admin', { phone: otherNumber })).not.toContain(zzBuyer.id);
    for (const caller of ['factoryAdmin', 'factory2Admin', 'govViewer'] as const) {
      expect((await t.fails(BUYERS, { filter: {} }, caller)).extensions.code).toBe('FORBIDDEN');
      expect((await t.fails(BUYER, { id: zzBuyer.id }, caller)).extensions.code).toBe('FORBIDDEN');
    }
    const { sku } = await sales.pricedSku(t.demo.venues.zz, t.demo.orgs.factoryA, { stock: 20 });
    await t.ok(PLACE_ORDER, { input: { venueId: t.demo.venues.zz, buyerId: ykBuyer.id, lines: [{ skuId: sku.id, quantity: 10 }], idempotencyKey: key() } }, 'showroomStaff');
    expect(await ids('operatorAdmin')).toContain(ykBuyer.id);
  });
});

describe('buyer registration under a rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ loginRateLimit: 3 });
  });
  afterAll(() => t.close());

  it('answers RATE_LIMITED past the limit per client address, writing nothing', async () => {
    for (let i = 0; i < 3; i++) await t.ok(REGISTER, { input: { shopName: `限流店${i}`, contactName: '甲', phone: uniquePhone(), city: '郑州' } });
    const before = await t.count('buyers');
    const error = await t.fails(REGISTER, { input: { shopName: '限流店X', contactName: '甲', phone: uniquePhone(), city: '郑州' } });
    expect(error.extensions.code).toBe('RATE_LIMITED');
    expect(error.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(await t.count('buyers')).toBe(before);
  });
});
