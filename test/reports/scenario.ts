import { OrganizationKind, Role } from '@xp/core';
import { VenueFactoryStatus } from '@xp/factories';
import { Given, GivenActivity, GivenPricing, GivenSales } from '../support/given';
import { TestApp } from '../support/test-app';

/** An instant in Shanghai time. */
export const at = (local: string) => new Date(`${local}+08:00`);

/** The reported period [2026-03-01, 2026-04-01) and the previous one [2026-01-29, 2026-03-01). */
export const PERIOD = { from: '2026-03-01', to: '2026-04-01' };

/**
 * A venue with a history small enough to count by hand (see the comments for the expected
 * figures), in a region, government and operator of its own, with a user of every kind.
 */
export async function buildScenario(t: TestApp) {
  const given = new Given(t);
  const activity = new GivenActivity(t);
  const pricing = new GivenPricing(t);
  const region = await given.region();
  const government = await given.organization(OrganizationKind.GOVERNMENT, { name: '测试市人民政府' });
  const { operator, venue, admin: operatorAdmin } = await given.operatedVenue({ regionId: region.id, governmentOrgId: government.id, code: `RPT-${Date.now() % 100000}` });
  const regionalManager = await given.user(Role.REGIONAL_MANAGER, t.demo.orgs.platform, { regionId: region.id });
  const govViewer = await given.user(Role.GOVERNMENT_VIEWER, government.id);
  const showroomStaff = await given.user(Role.SHOWROOM_STAFF, operator.id);

  // Factories: F1 admitted 2026-02-10; F2 2026-03-05; F3 2026-01-05, suspended 2026-03-20;
  // F4 2026-04-05 (after the period); F5 applied, never admitted.
  const f1 = await given.factory({ name: '报表一号针织厂' });
  const f2 = await given.factory({ name: '报表二号箱包厂' });
  const f3 = await given.factory({ name: '报表三号五金厂' });
  const f4 = await given.factory({ name: '报表四号家纺厂' });
  const f5 = await given.factory({ name: '报表五号玩具厂' });
  await activity.admission(venue.id, f1.org.id, at('2026-02-10T10:00:00'));
  await activity.admission(venue.id, f2.org.id, at('2026-03-05T10:00:00'));
  const f3Admission = await activity.admission(venue.id, f3.org.id, at('2026-01-05T10:00:00'));
  await activity.admission(venue.id, f4.org.id, at('2026-04-05T10:00:00'));
  await given.admission(venue.id, f5.org.id, VenueFactoryStatus.SUBMITTED);

  const k1 = await given.sku(f1.org.id, { code: 'RPT-K1' });
  const k2 = await given.sku(f1.org.id, { code: 'RPT-K2' });
  const k3 = await given.sku(f2.org.id, { code: 'RPT-K3' });
  const k4 = await given.sku(f3.org.id, { code: 'RPT-K4' });

  // Slots: S1 from 2026-01-01; S2 from 2026-03-11; S3 from 2026-01-01, retired 2026-03-16.
  const s1 = await activity.slot(venue.id, { code: 'R-01-1', activeFrom: '2026-01-01' });
  const s2 = await activity.slot(venue.id, { code: 'R-02-1', zoneId: s1.zoneId, activeFrom: '2026-03-11' });
  const s3 = await activity.slot(venue.id, { code: 'R-03-1', zoneId: s1.zoneId, activeFrom: '2026-01-01', retiredOn: '2026-03-16' });
  const a1 = await activity.assignment(s1.id, k1.id, '2026-02-20', '2026-03-10'); // P 9 days, Q 9 days
  const a2 = await activity.assignment(s1.id, k2.id, '2026-03-10', null); // P 22 days
  const a3 = await activity.assignment(s2.id, k3.id, '2026-03-11', '2026-03-21'); // P 10 days
  const a4 = await activity.assignment(s3.id, k4.id, '2026-01-01', '2026-04-30'); // slot life: P 15 days, Q 31 days
  await activity.assignment(s2.id, k1.id, '2026-03-25', '2026-03-30', 'CANCELLED'); // never counts

  // Stock. k4 came in while F3 was admitted (stock comes in only from an admitted factory).
  await activity.movement(venue.id, k4.id, 'CONSIGN_IN', 40, { at: at('2025-11-01T09:00:00') });
  await activity.suspend(f3Admission, at('2026-03-20T10:00:00'));
  await activity.movement(venue.id, k1.id, 'CONSIGN_IN', 100, { at: at('2026-01-10T09:00:00') });
  await activity.movement(venue.id, k3.id, 'CONSIGN_IN', 10, { at: at('2026-03-12T09:00:00') });
  await activity.movement(venue.id, k1.id, 'WRITE_OFF', 35, { at: at('2026-03-15T09:00:00') });
  await activity.movement(venue.id, k1.id, 'CONSIGN_IN', 20, { at: at('2026-03-20T09:00:00') });
  await activity.movement(venue.id, k1.id, 'TRANSFER', 5, { from: 'WAREHOUSE', to: 'SHOWROOM', at: at('2026-03-21T09:00:00') });
  await activity.movement(venue.id, k1.id, 'CONSIGN_IN', 5, { at: at('2026-05-01T09:00:00') }); // after the period
  await activity.movement(venue.id, k2.id, 'CONSIGN_IN', 7); // today

  // Price sheets: [submitted, decided] and what they price.
  const sheet = async (
    factoryOrgId: string,
    skuId: string,
    supply: [number, number][],
    submitted: string,
    decided: string | null,
    options: { effectiveFrom?: string; reject?: boolean } = {},
  ) => {
    const s = await pricing.priceSheet(
      venue.id,
      factoryOrgId,
      [{ skuId, tiers: supply, retail: 5000, decision: options.reject ? 'REJECTED' : 'APPROVED' }],
      { status: decided ? 'APPROVED' : 'SUBMITTED', at: at(decided ?? submitted), effectiveFrom: options.effectiveFrom, reviewedBy: t.demo.users.pricingReviewer },
    );
    if (decided) await t.dataSource.query('UPDATE price_sheets SET submitted_at = $2 WHERE id = $1', [s.id, at(submitted)]);
    return s.lineIds[0];
  };
  const v4 = await sheet(f3.org.id, k4.id, [[1, 1500]], '2025-10-24T10:00:00', '2025-10-25T10:00:00'); // before both periods
  const v1 = await sheet(f1.org.id, k1.id, [[1, 800]], '2026-01-04T10:00:00', '2026-01-05T10:00:00', { effectiveFrom: '2026-01-05' }); // 24 h, before Q
  const v2 = await sheet(f1.org.id, k2.id, [[1, 600]], '2026-01-02T10:00:00', '2026-01-03T10:00:00', { effectiveFrom: '2026-01-03' }); // before Q
  await sheet(f1.org.id, k2.id, [[1, 600]], '2026-02-10T09:00:00', '2026-02-12T09:00:00', { reject: true }); // Q: 48 h, partial (all lines rejected)
  await sheet(f2.org.id, k3.id, [[1, 700]], '2026-02-27T10:00:00', '2026-03-02T10:00:00', { reject: true }); // pending at end of Q; P: 72 h
  const v3 = await sheet(f2.org.id, k3.id, [[1, 700]], '2026-03-02T09:00:00', '2026-03-03T15:00:00', { effectiveFrom: '2026-04-02' }); // P: 30 h, in force after P
  await sheet(f1.org.id, k1.id, [[1, 900], [10, 850]], '2026-03-24T08:00:00', '2026-03-25T20:00:00', { effectiveFrom: '2026-03-26' }); // P: 36 h
  await sheet(f1.org.id, k2.id, [[1, 650]], '2026-03-30T12:00:00', null); // pending at end of P

  // Labels: L1 stale from 02-25, taken down 03-10; L2 current; L3 and L4 stale from 03-21 and 03-16.
  const l1 = await activity.label(a1, v1, { printedAt: at('2026-02-20T09:00:00'), postedAt: at('2026-02-20T10:00:00'), staleAt: at('2026-02-25T00:00:00'), retiredAt: at('2026-03-10T09:00:00') });
  const l2 = await activity.label(a2, v2, { printedAt: at('2026-03-10T08:00:00'), postedAt: at('2026-03-10T09:00:00') });
  const l3 = await activity.label(a3, v3, { printedAt: at('2026-03-11T09:00:00'), postedAt: at('2026-03-11T10:00:00'), staleAt: at('2026-03-21T00:00:00') });
  const l4 = await activity.label(a4, v4, { printedAt: at('2026-01-02T09:00:00'), postedAt: at('2026-01-02T10:00:00'), staleAt: at('2026-03-16T00:00:00') });

  // Scans (views unless said; one per device listed).
  await activity.scans(l1.id, at('2026-03-02T10:00:00'), ['d1', 'd2', 'd1']);
  await activity.scans(l1.id, at('2026-03-02T10:05:00'), ['d1'], 'LISTING');
  await activity.scans(l2.id, at('2026-03-15T15:00:00'), ['d2', 'd3', 'd3', 'd4']);
  await activity.scans(l2.id, at('2026-03-31T23:30:00'), ['d5']); // the last evening of P
  await activity.scans(l3.id, at('2026-03-12T11:00:00'), ['d1', 'd6']);
  await activity.scans(l3.id, at('2026-03-12T11:02:00'), ['d6', 'd6'], 'LISTING');
  await activity.scans(l4.id, at('2026-04-01T00:10:00'), ['d7']); // just after P
  await activity.scans(l1.id, at('2026-02-25T16:00:00'), ['d1', 'd8']);
  await activity.scans(l1.id, at('2026-02-25T16:01:00'), ['d8'], 'LISTING');
  await activity.scans(l4.id, at('2026-02-01T09:00:00'), ['d9', 'd9', 'd9', 'd9', 'd9']);
  await activity.scans(l4.id, at('2026-01-28T23:59:00'), ['d10']); // just before Q

  // Orders count on the day they ship, returns on the day they are received (written without
  // their ledger movements: the stock figures above stand on their own).
  const buyer = await new GivenSales(t).buyer([venue.id]);
  const line = (skuId: string, quantity: number, unitPrice: number, supplyPrice: number, versionId: string) => ({ skuId, quantity, unitPrice, supplyPrice, versionId });
  const o1 = await activity.order(venue.id, buyer.id, at('2026-03-05T10:00:00'), [line(k1.id, 10, 1200, 800, v1), line(k3.id, 5, 1000, 700, v3)]);
  const o2 = await activity.order(venue.id, buyer.id, at('2026-03-20T15:00:00'), [line(k2.id, 20, 900, 600, v2)]);
  await activity.order(venue.id, buyer.id, at('2026-04-02T10:00:00'), [line(k1.id, 3, 1200, 800, v1)]); // ships after P
  await activity.order(venue.id, buyer.id, null, [line(k1.id, 4, 1200, 800, v1)], at('2026-03-25T10:00:00')); // paid, never shipped
  await activity.order(venue.id, buyer.id, at('2026-03-31T23:50:00'), [line(k4.id, 2, 2000, 1500, v4)]); // the last evening of P
  const o6 = await activity.order(venue.id, buyer.id, at('2026-02-26T11:00:00'), [line(k1.id, 5, 1100, 800, v1)]); // Q
  await activity.customerReturn(o6.id, at('2026-03-03T14:00:00'), [{ orderLineId: o6.lineIds[k1.id], quantity: 2 }]); // a Q order returned in P
  await activity.customerReturn(o1.id, at('2026-03-10T14:00:00'), [{ orderLineId: o1.lineIds[k3.id], quantity: 1 }]);
  await activity.customerReturn(o2.id, null, [{ orderLineId: o2.lineIds[k2.id], quantity: 5 }]); // requested, not received

  // A second venue of the region (another operator): F1 admitted 2026-01-15, one slot from
  // 2026-02-01 showing K1 for [03-01, 03-06), 12 units of K1 received 2026-02-15 and never priced there.
  const second = await given.operatedVenue({ regionId: region.id, code: `RPT2-${Date.now() % 100000}` });
  await activity.admission(second.venue.id, f1.org.id, at('2026-01-15T10:00:00'));
  const s4 = await activity.slot(second.venue.id, { code: 'Y-01-1', activeFrom: '2026-02-01' });
  await activity.assignment(s4.id, k1.id, '2026-03-01', '2026-03-06');
  await activity.movement(second.venue.id, k1.id, 'CONSIGN_IN', 12, { at: at('2026-02-15T09:00:00') });

  return {
    region,
    second,
    government,
    operator,
    venue,
    factories: { f1, f2, f3, f4, f5 },
    skus: { k1, k2, k3, k4 },
    slots: { s1, s2, s3, s4 },
    labels: { l1, l2, l3, l4 },
    buyer,
    orders: { o1, o2, o6 },
    versions: { v1, v2, v3, v4 },
    users: { operatorAdmin, regionalManager, govViewer, showroomStaff },
  };
}

export type Scenario = Awaited<ReturnType<typeof buildScenario>>;
