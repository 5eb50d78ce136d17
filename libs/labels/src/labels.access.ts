import { assertVenueRole, DomainError, isUuid, OPERATOR_ROLES, reachableVenueIds, RequestContext, Role } from '@xp/core';

/** Who prints labels, confirms them posted and walks the shelves: the venue's showroom staff and its admin. */
export const LABEL_PRINTERS: readonly Role[] = [Role.OPERATOR_ADMIN, Role.SHOWROOM_STAFF];

/**
 * Who reads jobs, files, labels, the reprint queue and walks: the venue's staff and the platform
 * staff overseeing it. Labels print wholesale prices, so never factories or government viewers.
 */
export const LABEL_READERS: readonly Role[] = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER, ...OPERATOR_ROLES];

/**
 * Asserts the caller may act on labels at a venue with one of `roles`: NOT_FOUND for a venue out
 * of reach (or missing, or a malformed id), FORBIDDEN for a visible venue without the role.
 */
export async function assertLabelVenue(ctx: RequestContext, venueId: string, roles: readonly Role[], what = 'Venue'): Promise<void> {
  ctx.requirePrincipal();
  if (!isUuid(venueId)) throw DomainError.notFound(what);
  const held = assertVenueRole(ctx, venueId, roles, what);
  if (held.has(Role.PLATFORM_ADMIN)) {
    const [venue] = await ctx.manager.query('SELECT 1 FROM venues WHERE id = $1', [venueId]);
    if (!venue) throw DomainError.notFound(what);
  }
}

/** The venues whose labels the caller may read ('ALL' for platform admins). */
export function labelReach(ctx: RequestContext): 'ALL' | string[] {
  ctx.requirePrincipal();
  return reachableVenueIds(ctx, LABEL_READERS);
}
