import { registerEnumType } from '@nestjs/graphql';

export enum OrganizationKind {
  GOVERNMENT = 'GOVERNMENT',
  PLATFORM = 'PLATFORM',
  OPERATOR = 'OPERATOR',
  FACTORY = 'FACTORY',
}

export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  REGIONAL_MANAGER = 'REGIONAL_MANAGER',
  GOVERNMENT_VIEWER = 'GOVERNMENT_VIEWER',
  OPERATOR_ADMIN = 'OPERATOR_ADMIN',
  OPERATOR_BD = 'OPERATOR_BD',
  PRICING_REVIEWER = 'PRICING_REVIEWER',
  SHOWROOM_STAFF = 'SHOWROOM_STAFF',
  WAREHOUSE_STAFF = 'WAREHOUSE_STAFF',
  FACTORY_ADMIN = 'FACTORY_ADMIN',
  FACTORY_STAFF = 'FACTORY_STAFF',
}

/** Which kind of organization each role belongs to (also a CHECK in the database). */
export const ROLE_ORGANIZATION_KIND: Record<Role, OrganizationKind> = {
  [Role.PLATFORM_ADMIN]: OrganizationKind.PLATFORM,
  [Role.REGIONAL_MANAGER]: OrganizationKind.PLATFORM,
  [Role.GOVERNMENT_VIEWER]: OrganizationKind.GOVERNMENT,
  [Role.OPERATOR_ADMIN]: OrganizationKind.OPERATOR,
  [Role.OPERATOR_BD]: OrganizationKind.OPERATOR,
  [Role.PRICING_REVIEWER]: OrganizationKind.OPERATOR,
  [Role.SHOWROOM_STAFF]: OrganizationKind.OPERATOR,
  [Role.WAREHOUSE_STAFF]: OrganizationKind.OPERATOR,
  [Role.FACTORY_ADMIN]: OrganizationKind.FACTORY,
  [Role.FACTORY_STAFF]: OrganizationKind.FACTORY,
};

export const OPERATOR_ROLES: readonly Role[] = [
  Role.OPERATOR_ADMIN,
  Role.OPERATOR_BD,
  Role.PRICING_REVIEWER,
  Role.SHOWROOM_STAFF,
  Role.WAREHOUSE_STAFF,
];

export const FACTORY_ROLES: readonly Role[] = [Role.FACTORY_ADMIN, Role.FACTORY_STAFF];

export const ALL_ROLES: readonly Role[] = Object.values(Role);

registerEnumType(Role, { name: 'Role', description: 'What a membership lets its user do.' });
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
