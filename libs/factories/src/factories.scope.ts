import {
  DomainError,
  factoryOrgIds,
  isPlatformAdmin,
  OPERATOR_ROLES,
  reachableVenueIds,
  RequestContext,
  Role,
} from '@xp/core';

/** Operator staff and regional managers see the factories that applied to the venues they reach. */
export const VENUE_STAFF_ROLES: readonly Role[] = [...OPERATOR_ROLES, Role.REGIONAL_MANAGER];

/** Who reviews admissions and brands at a venue. */
export const REVIEWER_ROLES: readonly Role[] = [Role.OPERATOR_ADMIN, Role.OPERATOR_BD];

/**
 * Admissions a venue's staff may see: once submitted (a DRAFT is the factory's own), or, for
 * the catalog, only while APPROVED ("only an admitted factory's products are shown").
 */
export type AdmissionReach = 'APPLIED' | 'APPROVED';

const REACH_SQL: Record<AdmissionReach, string> = {
  APPLIED: "status <> 'DRAFT'",
  APPROVED: "status = 'APPROVED'",
};

let counter = 0;

/**
 * A WHERE clause limiting rows with a factory organization column to those the caller may
 * see: platform admins all; members of the factory their own; venue staff (operators,
 * regional managers) those of factories that applied to (or are admitted at) their venues.
 * Government viewers and strangers see none. Fails closed.
 */
export function factoryScopeClause(
  ctx: RequestContext,
  column: string,
  reach: AdmissionReach = 'APPLIED',
): { clause: string; params: Record<string, unknown> } {
  const principal = ctx.requirePrincipal();
  if (isPlatformAdmin(principal)) return { clause: 'TRUE', params: {} };
  const n = ++counter % 1_000_000;
  const own = `scopeOwn${n}`;
  const venues = `scopeVenues${n}`;
  return {
    clause: `(${column} = ANY(:${own}) OR ${column} IN (SELECT factory_org_id FROM venue_factories WHERE venue_id = ANY(:${venues}) AND ${REACH_SQL[reach]}))`,
    params: { [own]: factoryOrgIds(ctx), [venues]: reachableVenueIds(ctx, VENUE_STAFF_ROLES) as string[] },
  };
}

/**
 * The factory a factory user acts for: the one given (which they must belong to with one of
 * `roles`), or their only one. NOT_FOUND for a factory they do not belong to.
 */
export function actingFactory(ctx: RequestContext, given: string | undefined | null, roles: readonly Role[], path = 'input.factoryOrgId'): string {
  const principal = ctx.requirePrincipal();
  const mine = factoryOrgIds(ctx, roles);
  if (given) {
    if (mine.includes(given) || principal.system) return given;
    if (factoryOrgIds(ctx).includes(given)) {
      throw DomainError.forbidden(`Your role at this factory does not allow this. It needs one of: ${roles.join(', ')}.`);
    }
    throw DomainError.notFound('Factory');
  }
  if (mine.length === 1) return mine[0];
  if (mine.length === 0) {
    if (factoryOrgIds(ctx).length > 0) {
      throw DomainError.forbidden(`Your role at this factory does not allow this. It needs one of: ${roles.join(', ')}.`);
    }
    throw DomainError.forbidden(
      principal.system ? 'Say which factory this is for.' : 'Only a factory’s own people can do this.',
    );
  }
  throw DomainError.field(path, 'is required: you work for more than one factory');
}
