import { RequestContext } from '../context/request-context';
import { DomainError } from '../errors/domain-error';
import { Principal } from './principal';
import { FACTORY_ROLES, Role } from './roles';

/**
 * Tenant scoping. Every rule fails closed: no principal, no rows. Reaching an object you
 * may not see answers NOT_FOUND (as if it did not exist); seeing it but lacking the role
 * for an action answers FORBIDDEN.
 */

export function isPlatformAdmin(principal: Principal | undefined): boolean {
  return !!principal && (principal.system === true || principal.memberships.some((m) => m.role === Role.PLATFORM_ADMIN));
}

export function hasAnyRole(principal: Principal | undefined, roles: readonly Role[]): boolean {
  return !!principal && principal.memberships.some((m) => roles.includes(m.role));
}

/** The roles the caller holds at one venue (platform admins hold PLATFORM_ADMIN everywhere). */
export function venueRoles(ctx: RequestContext, venueId: string): Set<Role> {
  const roles = new Set<Role>();
  const principal = ctx.principal;
  if (!principal) return roles;
  for (const m of principal.memberships) {
    if (m.role === Role.PLATFORM_ADMIN || m.venueIds.includes(venueId)) roles.add(m.role);
  }
  if (principal.system) roles.add(Role.PLATFORM_ADMIN);
  return roles;
}

/** Venues the caller reaches through a venue-scoped role, or 'ALL' for platform admins. */
export function reachableVenueIds(ctx: RequestContext, roles?: readonly Role[]): 'ALL' | string[] {
  const principal = ctx.principal;
  if (!principal) return [];
  if (isPlatformAdmin(principal) && (!roles || roles.includes(Role.PLATFORM_ADMIN))) return 'ALL';
  const ids = new Set<string>();
  for (const m of principal.memberships) {
    if (!roles || roles.includes(m.role)) m.venueIds.forEach((id) => ids.add(id));
  }
  return [...ids];
}

/**
 * Asserts the caller may act at a venue: NOT_FOUND when the venue is outside their reach
 * altogether, FORBIDDEN when they see it but hold none of `roles`.
 */
export function assertVenueRole(ctx: RequestContext, venueId: string, roles: readonly Role[], what = 'Venue'): Set<Role> {
  ctx.requirePrincipal();
  const held = venueRoles(ctx, venueId);
  if (held.size === 0) throw DomainError.notFound(what);
  if (!roles.some((r) => held.has(r))) {
    throw DomainError.forbidden(`Your role at this venue does not allow this. It needs one of: ${roles.join(', ')}.`);
  }
  return held;
}

/** Factory organizations the caller works for (with any of `roles`). */
export function factoryOrgIds(ctx: RequestContext, roles: readonly Role[] = FACTORY_ROLES): string[] {
  const principal = ctx.principal;
  if (!principal) return [];
  return [...new Set(principal.memberships.filter((m) => roles.includes(m.role)).map((m) => m.organizationId))];
}

/** Organizations the caller belongs to with any of `roles` (all roles when omitted). */
export function memberOrgIds(ctx: RequestContext, roles?: readonly Role[]): string[] {
  const principal = ctx.principal;
  if (!principal) return [];
  return [
    ...new Set(principal.memberships.filter((m) => !roles || roles.includes(m.role)).map((m) => m.organizationId)),
  ];
}

/** Asserts the caller works for a factory (NOT_FOUND otherwise: a stranger learns nothing). */
export function assertFactoryMember(
  ctx: RequestContext,
  factoryOrgId: string,
  roles: readonly Role[] = FACTORY_ROLES,
  what = 'Factory',
): void {
  ctx.requirePrincipal();
  if (!factoryOrgIds(ctx, roles).includes(factoryOrgId)) {
    if (factoryOrgIds(ctx).includes(factoryOrgId)) {
      throw DomainError.forbidden(`Your role at this factory does not allow this. It needs one of: ${roles.join(', ')}.`);
    }
    throw DomainError.notFound(what);
  }
}
