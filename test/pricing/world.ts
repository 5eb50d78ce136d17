import { BrandStatus, VenueFactoryStatus } from '@xp/factories';
import { Given, GivenPricing } from '../support/given';
import { TestApp } from '../support/test-app';

/** An admission that may already exist (the factories demo part admits the demo factories). */
export async function ensureAdmission(t: TestApp, venueId: string, factoryOrgId: string, status = VenueFactoryStatus.APPROVED) {
  await t.dataSource.query(
    `INSERT INTO venue_factories (venue_id, factory_org_id, status, submitted_at, decided_at, admitted_at)
     VALUES ($1, $2, $3, now(), now(), CASE WHEN $3 = 'APPROVED' THEN now() END)
     ON CONFLICT (venue_id, factory_org_id) DO UPDATE SET status = EXCLUDED.status,
       submitted_at = coalesce(venue_factories.submitted_at, now()),
       admitted_at = coalesce(venue_factories.admitted_at, EXCLUDED.admitted_at),
       suspended_at = CASE WHEN EXCLUDED.status = 'SUSPENDED' THEN now() ELSE venue_factories.suspended_at END`,
    [venueId, factoryOrgId, status],
  );
}

/**
 * A new factory admitted to a venue, with a SKU of its own verified brand (MOQ 10) and an
 * unbranded SKU (MOQ 6 in packs of 6).
 */
export async function pricedFactory(t: TestApp, given: Given, venueId = t.demo.venues.zz, brandStatus = BrandStatus.VERIFIED) {
  const { org, admin } = await given.factory();
  await ensureAdmission(t, venueId, org.id);
  const brand = await given.brand(org.id, { status: brandStatus });
  const branded = await given.sku(org.id, { moq: 10, productId: (await given.product(org.id, { brandId: brand.id })).id });
  const plain = await given.sku(org.id, { moq: 6, packSize: 6 });
  return { org, token: { token: admin.token }, userId: admin.user.id, brand, branded, plain };
}

export type PricedFactory = Awaited<ReturnType<typeof pricedFactory>>;

export function pricing(t: TestApp) {
  return new GivenPricing(t);
}
