import {
  assertVenueRole,
  DomainError,
  FACTORY_ROLES,
  factoryOrgIds,
  isPlatformAdmin,
  isUuid,
  OPERATOR_ROLES,
  reachableVenueIds,
  RequestContext,
  Role,
} from '@xp/core';
import { ReportView } from './reports.rules';

/** Who may open a venue's report (factories may not: they have factoryReport). */
export const VENUE_REPORT_ROLES: readonly Role[] = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER, Role.GOVERNMENT_VIEWER, ...OPERATOR_ROLES];

/** Of those, who sees every figure; a government viewer sees aggregates only. */
export const FULL_VIEW_ROLES: readonly Role[] = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER, ...OPERATOR_ROLES];

/** Who may compare a region's venues: platform staff. */
export const REGION_REPORT_ROLES: readonly Role[] = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER];

/** Who may open a factory's report: the factory itself and platform staff. */
export const FACTORY_REPORT_ROLES: readonly Role[] = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER, ...FACTORY_ROLES];

/**
 * Which view of a venue's report the caller gets: NOT_FOUND outside their venues (also for a
 * malformed id), FULL for platform staff and operator staff, AGGREGATE_ONLY for a government
 * viewer (unless another membership gives them more at that venue).
 */
export function venueReportView(ctx: RequestContext, venueId: string): ReportView {
  if (!isUuid(venueId)) throw DomainError.notFound('Venue');
  const held = assertVenueRole(ctx, venueId, VENUE_REPORT_ROLES);
  return FULL_VIEW_ROLES.some((r) => held.has(r)) ? ReportView.FULL : ReportView.AGGREGATE_ONLY;
}

/**
 * The venues of a region the caller may compare: all of them for platform admins, those a
 * regional manager's membership reaches in its own region; NOT_FOUND for another region.
 * `regionVenueIds` are the region's venues.
 */
export function regionVenuesFor(ctx: RequestContext, regionId: string, regionVenueIds: string[]): string[] {
  const principal = ctx.requirePrincipal();
  if (isPlatformAdmin(principal)) return regionVenueIds;
  const manages = principal.memberships.some((m) => m.role === Role.REGIONAL_MANAGER && m.regionId === regionId);
  if (!manages) throw DomainError.notFound('Region');
  const reachable = new Set(reachableVenueIds(ctx, [Role.REGIONAL_MANAGER]) as string[]);
  return regionVenueIds.filter((id) => reachable.has(id));
}

/**
 * The venues of a factory's report the caller may see, out of the venues it was admitted to:
 * all of them for the factory's own people and platform admins, those of a regional manager's
 * region for a regional manager (NOT_FOUND when there are none); NOT_FOUND for anybody else.
 */
export function factoryVenuesFor(ctx: RequestContext, factoryOrgId: string, admittedVenueIds: string[]): string[] {
  const principal = ctx.requirePrincipal();
  if (isPlatformAdmin(principal) || factoryOrgIds(ctx).includes(factoryOrgId)) return admittedVenueIds;
  const reachable = new Set(reachableVenueIds(ctx, [Role.REGIONAL_MANAGER]) as string[]);
  const visible = admittedVenueIds.filter((id) => reachable.has(id));
  if (visible.length === 0) throw DomainError.notFound('Factory');
  return visible;
}
