import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { DomainError, factoryOrgIds, isPlatformAdmin, reachableVenueIds, RequestContext, Role, venueRoles } from '@xp/core';

/**
 * Who sees prices. A factory sees its own sheets and prices; operator staff their venues';
 * platform staff (a regional manager: its region) everything they oversee. A government viewer
 * never sees a price: every pricing operation refuses the role outright (FORBIDDEN), because
 * the refusal is about the role, not about one object it might or might not reach.
 */
export const FACTORY_PRICING_ROLES: readonly Role[] = [Role.FACTORY_ADMIN, Role.FACTORY_STAFF];
/** Operator and platform roles that read price sheets (the review queue and its history). */
export const SHEET_READER_ROLES: readonly Role[] = [
  Role.REGIONAL_MANAGER,
  Role.OPERATOR_ADMIN,
  Role.OPERATOR_BD,
  Role.PRICING_REVIEWER,
];
/** ...and those who read effective prices too (labels, stock value, orders). */
export const PRICE_READER_ROLES: readonly Role[] = [...SHEET_READER_ROLES, Role.SHOWROOM_STAFF, Role.WAREHOUSE_STAFF];
/** Roles allowed at the resolvers (coarse); the service scopes to objects. */
export const SHEET_ROLES: Role[] = [Role.PLATFORM_ADMIN, ...SHEET_READER_ROLES, ...FACTORY_PRICING_ROLES];
export const PRICE_ROLES: Role[] = [Role.PLATFORM_ADMIN, ...PRICE_READER_ROLES, ...FACTORY_PRICING_ROLES];
export const POLICY_ROLES: Role[] = [Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN, Role.PRICING_REVIEWER];

/** Restricts a query over a table with venue_id and factory_org_id to what the caller may see. */
export function scopePriced<T extends ObjectLiteral>(
  ctx: RequestContext,
  qb: SelectQueryBuilder<T>,
  readerRoles: readonly Role[],
  alias = qb.alias,
): SelectQueryBuilder<T> {
  const principal = ctx.requirePrincipal();
  if (isPlatformAdmin(principal)) return qb;
  return qb.andWhere(`(${alias}.factory_org_id = ANY(:scopeFactoryIds) OR ${alias}.venue_id = ANY(:scopeVenueIds))`, {
    scopeFactoryIds: factoryOrgIds(ctx, FACTORY_PRICING_ROLES),
    scopeVenueIds: reachableVenueIds(ctx, readerRoles) as string[],
  });
}

/** May the caller see prices of this factory at this venue? */
export function canSeePrices(ctx: RequestContext, venueId: string, factoryOrgId: string, readerRoles: readonly Role[]): boolean {
  const principal = ctx.principal;
  if (!principal) return false;
  if (isPlatformAdmin(principal)) return true;
  if (factoryOrgIds(ctx, FACTORY_PRICING_ROLES).includes(factoryOrgId)) return true;
  const held = venueRoles(ctx, venueId);
  return readerRoles.some((r) => held.has(r));
}

/** The caller's factory for a factory-side action: the given one, or its only one. */
export function callerFactory(ctx: RequestContext, given: string | undefined, path = 'input.factoryOrgId'): string {
  const mine = factoryOrgIds(ctx, FACTORY_PRICING_ROLES);
  if (given) {
    if (!mine.includes(given)) throw DomainError.notFound('Factory');
    return given;
  }
  if (mine.length === 1) return mine[0];
  if (mine.length === 0) throw DomainError.forbidden('Only factory staff submit price sheets.');
  throw DomainError.field(path, 'you work for several factories: say which one');
}
