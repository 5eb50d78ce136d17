import { assertVenueRole, DomainError, factoryOrgIds, isUuid, RequestContext, Role } from '@xp/core';
import { VenueFactory, VenueFactoryStatus } from '@xp/factories';

/** Who lays out the floor and allocates slots. */
export const SHOWROOM_MANAGERS: readonly Role[] = [Role.OPERATOR_ADMIN, Role.SHOWROOM_STAFF];

/** Who may look at the floor with its occupants (never government viewers: no factory names). */
export const SHOWROOM_VIEWERS: readonly Role[] = [
  Role.OPERATOR_ADMIN,
  Role.SHOWROOM_STAFF,
  Role.OPERATOR_BD,
  Role.PRICING_REVIEWER,
  Role.WAREHOUSE_STAFF,
  Role.PLATFORM_ADMIN,
  Role.REGIONAL_MANAGER,
];

/** Aggregate occupancy is fine for government viewers too. */
export const OCCUPANCY_VIEWERS: readonly Role[] = [...SHOWROOM_VIEWERS, Role.GOVERNMENT_VIEWER];

/** The factories of the caller that are admitted (APPROVED) at the venue. */
export async function admittedFactoryIds(ctx: RequestContext, venueId: string): Promise<string[]> {
  const mine = factoryOrgIds(ctx);
  if (mine.length === 0 || !isUuid(venueId)) return [];
  const rows = await ctx.manager
    .getRepository(VenueFactory)
    .createQueryBuilder('vf')
    .select('vf.factoryOrgId', 'factoryOrgId')
    .where('vf.venueId = :venueId AND vf.status = :status AND vf.factoryOrgId = ANY(:mine)', {
      venueId,
      status: VenueFactoryStatus.APPROVED,
      mine,
    })
    .getRawMany<{ factoryOrgId: string }>();
  return rows.map((r) => r.factoryOrgId);
}

/**
 * Venue staff with one of `roles`, or (when `factories` is true) a factory admitted to the venue.
 * Answers what the caller is, or NOT_FOUND / FORBIDDEN.
 */
export async function assertShowroomAccess(
  ctx: RequestContext,
  venueId: string,
  roles: readonly Role[],
  factories = false,
): Promise<{ staff: boolean; factoryIds: string[] }> {
  if (!isUuid(venueId)) throw DomainError.notFound('Venue');
  if (factories) {
    const factoryIds = await admittedFactoryIds(ctx, venueId);
    if (factoryIds.length > 0) return { staff: false, factoryIds };
  }
  assertVenueRole(ctx, venueId, roles);
  return { staff: true, factoryIds: [] };
}
