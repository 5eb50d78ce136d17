import { OrganizationKind, Role } from './roles';

export interface PrincipalMembership {
  membershipId: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationName: string;
  /** For REGIONAL_MANAGER: the region overseen. */
  regionId: string | null;
  /** Venues this membership reaches, resolved at sign-in (operator's venues, region's venues…). */
  venueIds: string[];
}

/** The signed-in user as every service sees it: who, and what they may reach. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  memberships: PrincipalMembership[];
  /** True for internal work (demo data, jobs); never for a request. */
  system?: boolean;
}
