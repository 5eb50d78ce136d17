import {
  DomainError,
  factoryOrgIds,
  isPlatformAdmin,
  isUuid,
  OPERATOR_ROLES,
  FACTORY_ROLES,
  reachableVenueIds,
  RequestContext,
  Role,
} from '@xp/core';

/** Who may read stock at all (government viewers see no per-factory stock). */
export const STOCK_READ_ROLES: Role[] = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER, ...OPERATOR_ROLES, ...FACTORY_ROLES];
/** Venue-scoped roles that see every factory's stock at their venues. */
export const STOCK_VENUE_READ_ROLES: Role[] = [Role.REGIONAL_MANAGER, ...OPERATOR_ROLES];
/** Warehouse work: receiving, transfers, counts, returns, write-offs. */
export const WAREHOUSE_ROLES: Role[] = [Role.OPERATOR_ADMIN, Role.WAREHOUSE_STAFF];
/** Operator roles that may see receipts and counts of their venues. */
export const OPERATOR_READ_ROLES: Role[] = [...OPERATOR_ROLES];

export interface Scope {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The stock rows a caller may see: platform admins all; venue staff (operator roles and
 * regional managers) those at their venues; a factory its own goods wherever they are.
 * Fails closed: nobody else sees a row.
 */
export function stockScope(ctx: RequestContext, venueColumn: string, ownerColumn: string, venueRoles = STOCK_VENUE_READ_ROLES): Scope | null {
  if (isPlatformAdmin(ctx.requirePrincipal())) return null;
  return {
    sql: `(${venueColumn} = ANY(:scopeVenueIds) OR ${ownerColumn} = ANY(:scopeFactoryIds))`,
    params: { scopeVenueIds: reachableVenueIds(ctx, venueRoles) as string[], scopeFactoryIds: factoryOrgIds(ctx) },
  };
}

/** NOT_FOUND for ids that are not UUIDs (as for missing rows). */
export function assertId(id: string, what: string): void {
  if (!isUuid(id)) throw DomainError.notFound(what);
}
