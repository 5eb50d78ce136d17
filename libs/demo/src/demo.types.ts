import { RequestContext } from '@xp/core';

export const DEMO_PASSWORD = 'xuanpin-demo';

/** Ids of demo objects by a readable key, shared between parts (venues.zz, orgs.factoryA…). */
export type DemoRefs = Record<string, string>;

/** One area's share of the demo; parts run in order, in one transaction. */
export interface DemoPart {
  name: string;
  run(ctx: RequestContext, refs: DemoRefs): Promise<void>;
}

export interface DemoLogin {
  email: string;
  role: string;
  note: string;
}

/** The demo logins of API.md, printed at start. */
export const DEMO_LOGINS: DemoLogin[] = [
  { email: 'platform.admin@demo.xuanpin.test', role: 'PLATFORM_ADMIN', note: 'platform staff' },
  { email: 'regional.manager@demo.xuanpin.test', role: 'REGIONAL_MANAGER', note: 'region of both demo venues' },
  { email: 'gov.viewer@demo.xuanpin.test', role: 'GOVERNMENT_VIEWER', note: 'Zhengzhou venue' },
  { email: 'operator.admin@demo.xuanpin.test', role: 'OPERATOR_ADMIN', note: 'Zhengzhou airport full-category venue' },
  { email: 'pricing.reviewer@demo.xuanpin.test', role: 'PRICING_REVIEWER', note: 'Zhengzhou venue' },
  { email: 'pricing.reviewer2@demo.xuanpin.test', role: 'PRICING_REVIEWER', note: 'Zhengzhou venue, second pair of eyes for price floors' },
  { email: 'showroom.staff@demo.xuanpin.test', role: 'SHOWROOM_STAFF', note: 'Zhengzhou venue' },
  { email: 'warehouse.staff@demo.xuanpin.test', role: 'WAREHOUSE_STAFF', note: 'Zhengzhou venue' },
  { email: 'factory.admin@demo.xuanpin.test', role: 'FACTORY_ADMIN', note: 'factory A, Henan knitwear' },
  { email: 'factory2.admin@demo.xuanpin.test', role: 'FACTORY_ADMIN', note: 'factory B, Yiwu luggage' },
  { email: 'factory3.admin@demo.xuanpin.test', role: 'FACTORY_ADMIN', note: 'factory C, application awaiting review' },
  { email: 'operator2.admin@demo.xuanpin.test', role: 'OPERATOR_ADMIN', note: 'Yongkang hardware venue' },
];
