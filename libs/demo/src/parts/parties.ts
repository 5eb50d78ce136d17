import { Membership, MembershipVenue, User, hashPassword } from '@xp/access';
import { OrganizationKind, RequestContext, Role, ROLE_ORGANIZATION_KIND } from '@xp/core';
import { creditCodeCheckCharacter, Organization, Region, Venue } from '@xp/venues';
import { DEMO_PASSWORD, DemoPart, DemoRefs } from '../demo.types';

/** A valid unified social credit code from its first 17 characters. */
export function creditCode(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (!check) throw new Error(`Bad demo credit code ${first17}`);
  return first17 + check;
}

const ORGANIZATIONS: { key: string; kind: OrganizationKind; name: string; code: string; belt?: string; address: string; contact: string; phone: string }[] = [
  { key: 'platform', kind: OrganizationKind.PLATFORM, name: '1688 选品中心平台', code: '91330100799655058', address: '浙江省杭州市余杭区文一西路969号', contact: '平台运营部', phone: '0571-85022088' },
  { key: 'govZz', kind: OrganizationKind.GOVERNMENT, name: '郑州航空港经济综合实验区管理委员会', code: '11410100MB1C7R2A4', address: '河南省郑州市航空港区郑港四街', contact: '商务局', phone: '0371-86198000' },
  { key: 'govYk', kind: OrganizationKind.GOVERNMENT, name: '永康市人民政府', code: '11330784002584311', address: '浙江省永康市金城路1号', contact: '经信局', phone: '0579-87123456' },
  { key: 'operatorA', kind: OrganizationKind.OPERATOR, name: '郑州空港链主供应链管理有限公司', code: '91410100MA9KX3L2Q', address: '河南省郑州市航空港区新港大道88号', contact: '王磊', phone: '13837100001' },
  { key: 'operatorB', kind: OrganizationKind.OPERATOR, name: '永康五金城链主运营有限公司', code: '91330784MA2HQ7N51', address: '浙江省永康市五金城大道1号', contact: '陈静', phone: '13957900002' },
  { key: 'factoryA', kind: OrganizationKind.FACTORY, name: '河南豫暖针织服饰有限公司', code: '91410183MA45TR8K6', belt: '河南针织', address: '河南省新密市针织产业园12号', contact: '李红', phone: '13603710003' },
  { key: 'factoryB', kind: OrganizationKind.FACTORY, name: '义乌行远箱包有限公司', code: '91330782MA2EC5W73', belt: '义乌箱包', address: '浙江省义乌市稠城街道工人北路66号', contact: '周明', phone: '13857900004' },
];

interface DemoUser {
  email: string;
  name: string;
  org: string;
  role: Role;
  region?: string;
}

const USERS: DemoUser[] = [
  { email: 'platform.admin@demo.xuanpin.test', name: '平台管理员 张敏', org: 'platform', role: Role.PLATFORM_ADMIN },
  { email: 'regional.manager@demo.xuanpin.test', name: '大区经理 刘洋', org: 'platform', role: Role.REGIONAL_MANAGER, region: 'centralEast' },
  { email: 'gov.viewer@demo.xuanpin.test', name: '政府观察员 赵静', org: 'govZz', role: Role.GOVERNMENT_VIEWER },
  { email: 'operator.admin@demo.xuanpin.test', name: '运营主管 王磊', org: 'operatorA', role: Role.OPERATOR_ADMIN },
  { email: 'pricing.reviewer@demo.xuanpin.test', name: '价格审核 孙悦', org: 'operatorA', role: Role.PRICING_REVIEWER },
  { email: 'showroom.staff@demo.xuanpin.test', name: '展厅专员 吴涛', org: 'operatorA', role: Role.SHOWROOM_STAFF },
  { email: 'warehouse.staff@demo.xuanpin.test', name: '仓库专员 郑凯', org: 'operatorA', role: Role.WAREHOUSE_STAFF },
  { email: 'factory.admin@demo.xuanpin.test', name: '工厂管理员 李红', org: 'factoryA', role: Role.FACTORY_ADMIN },
  { email: 'factory2.admin@demo.xuanpin.test', name: '工厂管理员 周明', org: 'factoryB', role: Role.FACTORY_ADMIN },
  { email: 'operator2.admin@demo.xuanpin.test', name: '运营主管 陈静', org: 'operatorB', role: Role.OPERATOR_ADMIN },
];

/** Regions, the four parties, the two venues and the ten demo logins. */
export const partiesPart: DemoPart = {
  name: 'parties',
  async run(ctx: RequestContext, refs: DemoRefs) {
    const m = ctx.manager;
    const regions = await m.getRepository(Region).save([
      { code: 'CENTRAL-EAST', name: '华中华东大区' },
      { code: 'SOUTH', name: '华南大区' },
    ]);
    refs['regions.centralEast'] = regions[0].id;
    refs['regions.south'] = regions[1].id;

    for (const o of ORGANIZATIONS) {
      const org = await m.getRepository(Organization).save({
        kind: o.kind,
        name: o.name,
        creditCode: creditCode(o.code),
        regionId: o.kind === OrganizationKind.FACTORY ? null : regions[0].id,
        address: o.address,
        industryBelt: o.belt ?? null,
        contactName: o.contact,
        contactPhone: o.phone,
      });
      refs[`orgs.${o.key}`] = org.id;
    }

    const venues = await m.getRepository(Venue).save([
      {
        code: 'ZZ-AIRPORT',
        name: '郑州航空港全品类选品中心',
        city: '郑州',
        regionId: regions[0].id,
        categoryFocus: '全品类',
        operatorOrgId: refs['orgs.operatorA'],
        governmentOrgId: refs['orgs.govZz'],
      },
      {
        code: 'YK-HARDWARE',
        name: '永康五金选品中心',
        city: '永康',
        regionId: regions[0].id,
        categoryFocus: '五金',
        operatorOrgId: refs['orgs.operatorB'],
        governmentOrgId: refs['orgs.govYk'],
      },
    ]);
    refs['venues.zz'] = venues[0].id;
    refs['venues.yk'] = venues[1].id;

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const u of USERS) {
      const user = await m.getRepository(User).save({ email: u.email, displayName: u.name, passwordHash });
      refs[`users.${u.email.split('@')[0]}`] = user.id;
      const membership = await m.getRepository(Membership).save({
        userId: user.id,
        organizationId: refs[`orgs.${u.org}`],
        organizationKind: ROLE_ORGANIZATION_KIND[u.role],
        role: u.role,
        regionId: u.region ? refs[`regions.${u.region}`] : null,
      });
      if (u.role === Role.GOVERNMENT_VIEWER) {
        await m.getRepository(MembershipVenue).save({ membershipId: membership.id, venueId: refs['venues.zz'] });
      }
    }
  },
};
