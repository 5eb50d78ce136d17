import { isPlatformAdmin, OPERATOR_ROLES, reachableVenueIds, RequestContext, Role } from '@xp/core';

/** Who reads orders, returns and buyers: platform staff and the venues' operator staff. */
export const SALES_READ_ROLES: Role[] = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER, ...OPERATOR_ROLES];
/** Venue-scoped roles that read their venues' orders and buyers. */
export const SALES_VENUE_READ_ROLES: Role[] = [Role.REGIONAL_MANAGER, ...OPERATOR_ROLES];
/**
 * Who sells for a buyer at the counter: the operator admin and showroom staff, who meet buyers
 * on the floor (scan → order). Warehouse staff fulfil and do not sell: the person who takes an
 * order is not the one who ships it.
 */
export const SELL_ROLES: Role[] = [Role.OPERATOR_ADMIN, Role.SHOWROOM_STAFF];
/** Who fulfils: ships, records delivery, receives returned goods. */
export const FULFIL_ROLES: Role[] = [Role.OPERATOR_ADMIN, Role.WAREHOUSE_STAFF];
/** Money: recording payments, cancelling a paid order (a refund), sales settings. */
export const FINANCE_ROLES: Role[] = [Role.OPERATOR_ADMIN];

/** The venues whose sales a caller sees, or null for all (platform admins). Fails closed. */
export function salesVenueScope(ctx: RequestContext): string[] | null {
  if (isPlatformAdmin(ctx.requirePrincipal())) return null;
  return reachableVenueIds(ctx, SALES_VENUE_READ_ROLES) as string[];
}

/** "Now" for a use case: the instant the request started (internal callers may set it). */
export function nowOf(ctx: RequestContext): Date {
  return ctx.startedAt;
}

/** A context acting at another instant (jobs, demo history): the services take "now" from it. */
export function contextAt(ctx: RequestContext, at: Date): RequestContext {
  const acting = new RequestContext(ctx.dataSource, { principal: ctx.principal, ip: ctx.ip });
  acting.manager = ctx.manager;
  Object.defineProperty(acting, 'startedAt', { value: at });
  return acting;
}
