import { FACTORY_ROLES, OPERATOR_ROLES, OrganizationKind, Role } from './roles';

/** One membership of the signed-in user, as `me` answers it. */
export interface MembershipInfo {
  id: string;
  role: Role;
  organization: { id: string; kind: OrganizationKind; name: string };
  region: { id: string; name: string } | null;
  venues: { id: string; code: string; name: string }[];
}

/** What react-admin's getPermissions answers: the roles and organization kinds of the memberships. */
export interface Permissions {
  roles: Role[];
  kinds: OrganizationKind[];
  /** The organizations the user belongs to. */
  organizationIds: string[];
  memberships: MembershipInfo[];
}

export const NO_PERMISSIONS: Permissions = { roles: [], kinds: [], organizationIds: [], memberships: [] };

export function permissionsOf(memberships: MembershipInfo[]): Permissions {
  const unique = <T,>(values: T[]) => [...new Set(values)];
  return {
    roles: unique(memberships.map((m) => m.role)),
    kinds: unique(memberships.map((m) => m.organization.kind)),
    organizationIds: unique(memberships.map((m) => m.organization.id)),
    memberships,
  };
}

/** The home a user lands on: one per kind of work. */
export type Portal = 'platform' | 'regional' | 'government' | 'operator' | 'factory' | 'none';

export function portalOf(p: Permissions): Portal {
  const has = (roles: readonly Role[]) => p.roles.some((r) => roles.includes(r));
  if (has(['PLATFORM_ADMIN'])) return 'platform';
  if (has(['REGIONAL_MANAGER'])) return 'regional';
  if (has(OPERATOR_ROLES)) return 'operator';
  if (has(['GOVERNMENT_VIEWER'])) return 'government';
  if (has(FACTORY_ROLES)) return 'factory';
  return 'none';
}

export function hasAnyRole(p: Permissions | undefined, roles: readonly Role[] | undefined): boolean {
  return !!p && !!roles && p.roles.some((r) => roles.includes(r));
}

/** The organizations whose people this user may manage (the API checks the same). */
export function managedOrganizationIds(p: Permissions): string[] | 'ALL' {
  if (p.roles.includes('PLATFORM_ADMIN')) return 'ALL';
  return p.memberships.filter((m) => m.role === 'OPERATOR_ADMIN' || m.role === 'FACTORY_ADMIN').map((m) => m.organization.id);
}

/** The user's own organization of a kind (the first), e.g. a factory's for its portal. */
export function ownOrganization(p: Permissions, kinds?: readonly OrganizationKind[]) {
  return p.memberships.find((m) => !kinds || kinds.includes(m.organization.kind))?.organization ?? null;
}
