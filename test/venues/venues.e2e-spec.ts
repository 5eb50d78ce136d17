import { OrganizationKind, Role } from '@xp/core';
import { Given, randomCreditCode } from '../support/given';
import { Caller, DemoUserKey, TestApp } from '../support/test-app';

const VENUES = '{ venues(perPage: 200) { total items { code operator { name } government { name } region { code } } } }';
const VENUE = 'query($id: ID!) { venue(id: $id) { code } }';
const ORGS = '{ organizations(perPage: 200) { total items { id name kind } } }';
const ORG = 'query($id: ID!) { organization(id: $id) { id name } }';
const REGIONS = '{ regions { total items { code } } }';

describe('venues, organizations and regions', () => {
  let t: TestApp;
  let given: Given;
  beforeAll(async () => {
    t = await TestApp.start();
    given = new Given(t);
  });
  afterAll(() => t.close());

  const codes = async (caller: Caller) =>
    (await t.ok(VENUES, {}, caller)).venues.items.map((v: { code: string }) => v.code).sort();

  it.each<[DemoUserKey, string[]]>([
    ['platformAdmin', ['YK-HARDWARE', 'ZZ-AIRPORT']],
    ['regionalManager', ['YK-HARDWARE', 'ZZ-AIRPORT']],
    ['govViewer', ['ZZ-AIRPORT']],
    ['operatorAdmin', ['ZZ-AIRPORT']],
    ['showroomStaff', ['ZZ-AIRPORT']],
    ['operator2Admin', ['YK-HARDWARE']],
    ['factoryAdmin', ['YK-HARDWARE', 'ZZ-AIRPORT']],
  ])('shows %s the venues it may see', async (caller, expected) => {
    expect(await codes(caller)).toEqual(expected);
  });

  it('shows a venue with its operator, government and region', async () => {
    const { venues } = await t.ok(VENUES, {}, 'operatorAdmin');
    expect(venues.items[0]).toEqual({
      code: 'ZZ-AIRPORT',
      operator: { name: '郑州空港链主供应链管理有限公司' },
      government: { name: '郑州航空港经济综合实验区管理委员会' },
      region: { code: 'CENTRAL-EAST' },
    });
  });

  it("answers NOT_FOUND for another operator's venue, a missing id and a malformed id", async () => {
    for (const id of [t.demo.venues.yk, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const error = await t.fails(VENUE, { id }, 'operatorAdmin');
      expect(error.extensions.code).toBe('NOT_FOUND');
    }
    expect((await t.fails(VENUE, { id: t.demo.venues.yk }, 'govViewer')).extensions.code).toBe('NOT_FOUND');
    expect((await t.ok(VENUE, { id: t.demo.venues.yk }, 'operator2Admin')).venue.code).toBe('YK-HARDWARE');
  });

  it('keeps a regional manager to its region', async () => {
    const region = await given.region();
    const platform = t.demo.orgs.platform;
    const { token } = await given.user(Role.REGIONAL_MANAGER, platform, { regionId: region.id });
    expect(await codes({ token })).toEqual([]);
    const venue = await given.venue({ regionId: region.id });
    expect(await codes({ token })).toEqual([venue.code]);
    expect((await t.fails(VENUE, { id: t.demo.venues.zz }, { token })).extensions.code).toBe('NOT_FOUND');
    const { regions } = await t.ok(REGIONS, {}, { token });
    expect(regions.items.map((r: { code: string }) => r.code)).toEqual([region.code]);
  });

  it('limits a membership listing venues to those venues', async () => {
    const { operator, venue } = await given.operatedVenue();
    await given.venue({ operatorOrgId: operator.id });
    const { token } = await given.user(Role.SHOWROOM_STAFF, operator.id, { venueIds: [venue.id] });
    expect(await codes({ token })).toEqual([venue.code]);
  });

  it('shows organizations by scope and never another factory', async () => {
    const names = async (caller: Caller) =>
      (await t.ok(ORGS, {}, caller)).organizations.items.map((o: { name: string }) => o.name).sort();
    const all = (await t.ok(ORGS, {}, 'platformAdmin')).organizations.items.map((o: { id: string }) => o.id);
    expect(all).toEqual(expect.arrayContaining(Object.values(t.demo.orgs)));
    // Operator staff also see the factories that applied to their venues (the demo's A, B and C at Zhengzhou).
    expect(await names('operatorAdmin')).toEqual(
      ['郑州空港链主供应链管理有限公司', '郑州航空港经济综合实验区管理委员会', '河南豫暖针织服饰有限公司', '义乌行远箱包有限公司', '新郑市好日子日用品厂'].sort(),
    );
    expect(await names('govViewer')).toEqual(['郑州空港链主供应链管理有限公司', '郑州航空港经济综合实验区管理委员会'].sort());
    expect(await names('factoryAdmin')).toEqual(['河南豫暖针织服饰有限公司']);
    expect(await names('factory2Admin')).toEqual(['义乌行远箱包有限公司']);
    const error = await t.fails(ORG, { id: t.demo.orgs.factoryA }, 'factory2Admin');
    expect(error.extensions.code).toBe('NOT_FOUND');
    expect((await t.fails(ORG, { id: t.demo.orgs.operatorA }, 'operator2Admin')).extensions.code).toBe('NOT_FOUND');
  });

  it('finds organizations by a Chinese substring of the name', async () => {
    const { organizations } = await t.ok(
      '{ organizations(filter: { search: "针织" }) { items { name } } }',
      {},
      'platformAdmin',
    );
    expect(organizations.items).toEqual([{ name: '河南豫暖针织服饰有限公司' }]);
  });

  describe('set-up by platform staff', () => {
    const CREATE_ORG = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id creditCode kind } }';
    const CREATE_VENUE = 'mutation($input: CreateVenueInput!) { createVenue(input: $input) { id code operator { id } } }';
    const CREATE_REGION = 'mutation($input: CreateRegionInput!) { createRegion(input: $input) { id code } }';

    it('creates a region, an operator and a venue, each audited', async () => {
      const { createRegion } = await t.ok(CREATE_REGION, { input: { code: 'NORTH-X', name: '华北大区' } }, 'platformAdmin');
      const code = randomCreditCode();
      const { createOrganization } = await t.ok(
        CREATE_ORG,
        { input: { kind: 'OPERATOR', name: '北方链主有限公司', creditCode: code.toLowerCase(), regionId: createRegion.id } },
        'platformAdmin',
      );
      expect(createOrganization.creditCode).toBe(code);
      const { createVenue } = await t.ok(
        CREATE_VENUE,
        {
          input: {
            code: 'BJ-3C',
            name: '北京3C选品中心',
            city: '北京',
            regionId: createRegion.id,
            categoryFocus: '3C',
            operatorOrgId: createOrganization.id,
          },
        },
        'platformAdmin',
      );
      expect(createVenue.operator.id).toBe(createOrganization.id);
      expect(await t.count('audit_events', 'entity_id = ANY($1)', [[createRegion.id, createOrganization.id, createVenue.id]])).toBe(3);
    });

    it('refuses set-up from anyone but platform staff', async () => {
      for (const caller of ['operatorAdmin', 'regionalManager', 'factoryAdmin', 'govViewer'] as const) {
        const error = await t.fails(CREATE_REGION, { input: { code: 'NOPE', name: '不行' } }, caller);
        expect(error.extensions.code).toBe('FORBIDDEN');
      }
      expect((await t.fails(CREATE_REGION, { input: { code: 'NOPE', name: '不行' } }, null)).extensions.code).toBe(
        'UNAUTHENTICATED',
      );
      expect(await t.count('regions', "code = 'NOPE'")).toBe(0);
    });

    it('refuses a credit code with a wrong check character and names the field', async () => {
      const good = randomCreditCode();
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const error = await t.fails(CREATE_ORG, { input: { kind: 'GOVERNMENT', name: '某政府', creditCode: bad } }, 'platformAdmin');
      expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.creditCode' }] });
    });

    it('refuses a second organization with the same credit code as DUPLICATE', async () => {
      const existing = (await t.dataSource.query('SELECT credit_code FROM organizations WHERE id = $1', [t.demo.orgs.operatorA]))[0]
        .credit_code;
      const before = await t.count('organizations');
      const error = await t.fails(CREATE_ORG, { input: { kind: 'OPERATOR', name: '重复公司', creditCode: existing } }, 'platformAdmin');
      expect(error.extensions.code).toBe('DUPLICATE');
      expect(await t.count('organizations')).toBe(before);
    });

    it('refuses a venue whose operator is not an operator', async () => {
      const error = await t.fails(
        CREATE_VENUE,
        {
          input: {
            code: 'BAD-1',
            name: '错误',
            city: '某地',
            regionId: t.demo.regions.south,
            categoryFocus: '全品类',
            operatorOrgId: t.demo.orgs.factoryA,
          },
        },
        'platformAdmin',
      );
      expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.operatorOrgId' }] });
    });

    it('keeps factories out of createOrganization (they register themselves)', async () => {
      const error = await t.fails(CREATE_ORG, { input: { kind: 'FACTORY', name: '某工厂' } }, 'platformAdmin');
      expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.kind' }] });
    });

    it('refuses names with control characters or emoji, naming the field', async () => {
      for (const name of ['坏\u0000名字', '开心😀公司', ' 前后空格 ', '']) {
        const error = await t.fails(CREATE_ORG, { input: { kind: 'GOVERNMENT', name } }, 'platformAdmin');
        expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.name' }] });
      }
    });

    it('holds the organization kind rule in the database too', async () => {
      await expect(
        t.dataSource.query(
          `INSERT INTO venues (code, name, city, region_id, category_focus, operator_org_id) VALUES ('DB-1', 'x', 'y', $1, 'z', $2)`,
          [t.demo.regions.south, t.demo.orgs.factoryA],
        ),
      ).rejects.toThrow(/foreign key/);
      await expect(
        t.dataSource.query(`INSERT INTO organizations (kind, name, credit_code) VALUES ('OPERATOR', 'x', '91330100799655058X')`),
      ).rejects.toThrow(/organizations_credit_code_check/);
    });
  });

  it('stores Chinese text as UTF-8 characters', async () => {
    const [{ n }] = await t.dataSource.query("SELECT length('针织围巾') AS n");
    expect(n).toBe(4);
    const [{ sim }] = await t.dataSource.query("SELECT similarity('河南豫暖针织服饰有限公司', '针织服饰') > 0 AS sim");
    expect(sim).toBe(true);
  });

  it('gives government and factory organizations the right kinds in the demo', async () => {
    const { organizations } = await t.ok(ORGS, {}, 'platformAdmin');
    const demoIds: string[] = Object.values(t.demo.orgs);
    const kinds = organizations.items
      .filter((o: { id: string }) => demoIds.includes(o.id))
      .map((o: { kind: OrganizationKind }) => o.kind)
      .sort();
    expect(kinds).toEqual(['FACTORY', 'FACTORY', 'GOVERNMENT', 'GOVERNMENT', 'OPERATOR', 'OPERATOR', 'PLATFORM']);
  });
});
