/** The API's roles and organization kinds (enum Role / OrganizationKind in apps/api/schema.gql). */
export const ROLES = [
  'PLATFORM_ADMIN',
  'REGIONAL_MANAGER',
  'GOVERNMENT_VIEWER',
  'OPERATOR_ADMIN',
  'OPERATOR_BD',
  'PRICING_REVIEWER',
  'SHOWROOM_STAFF',
  'WAREHOUSE_STAFF',
  'FACTORY_ADMIN',
  'FACTORY_STAFF',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ['PLATFORM', 'GOVERNMENT', 'OPERATOR', 'FACTORY'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Which kind of organization each role belongs to (the API checks the same). */
export const ROLE_KIND: Record<Role, OrganizationKind> = {
  PLATFORM_ADMIN: 'PLATFORM',
  REGIONAL_MANAGER: 'PLATFORM',
  GOVERNMENT_VIEWER: 'GOVERNMENT',
  OPERATOR_ADMIN: 'OPERATOR',
  OPERATOR_BD: 'OPERATOR',
  PRICING_REVIEWER: 'OPERATOR',
  SHOWROOM_STAFF: 'OPERATOR',
  WAREHOUSE_STAFF: 'OPERATOR',
  FACTORY_ADMIN: 'FACTORY',
  FACTORY_STAFF: 'FACTORY',
};

export const OPERATOR_ROLES: readonly Role[] = ['OPERATOR_ADMIN', 'OPERATOR_BD', 'PRICING_REVIEWER', 'SHOWROOM_STAFF', 'WAREHOUSE_STAFF'];
export const FACTORY_ROLES: readonly Role[] = ['FACTORY_ADMIN', 'FACTORY_STAFF'];
export const ALL_ROLES: readonly Role[] = ROLES;
/** Everyone who works for the platform, a government or an operator (not factories). */
export const VENUE_SIDE_ROLES: readonly Role[] = ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', 'GOVERNMENT_VIEWER', ...OPERATOR_ROLES];

export function rolesOfKind(kind: OrganizationKind): Role[] {
  return ROLES.filter((role) => ROLE_KIND[role] === kind);
}
