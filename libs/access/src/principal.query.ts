import { EntityManager } from 'typeorm';
import { OrganizationKind, Principal, Role } from '@xp/core';

/**
 * The venues each membership reaches: an operator's or a government's venues, a regional
 * manager's region, narrowed to the membership's listed venues when it lists any. One
 * statement, shared by sign-in and by Membership.venues.
 */
export const MEMBERSHIP_VENUES_SQL = `
  SELECT m.id AS membership_id, v.id AS venue_id
  FROM memberships m
  JOIN venues v ON (
       (m.role = 'REGIONAL_MANAGER' AND v.region_id = m.region_id)
    OR (m.organization_kind = 'OPERATOR' AND v.operator_org_id = m.organization_id)
    OR (m.organization_kind = 'GOVERNMENT' AND v.government_org_id = m.organization_id))
  WHERE m.id = ANY($1)
    AND (NOT EXISTS (SELECT 1 FROM membership_venues mv WHERE mv.membership_id = m.id)
         OR EXISTS (SELECT 1 FROM membership_venues mv WHERE mv.membership_id = m.id AND mv.venue_id = v.id))`;

interface PrincipalRow {
  id: string;
  email: string;
  display_name: string;
  active: boolean;
  token_version: number;
  membership_id: string | null;
  role: Role | null;
  organization_id: string | null;
  organization_kind: OrganizationKind | null;
  organization_name: string | null;
  region_id: string | null;
  venue_ids: string[];
}

export interface LoadedPrincipal {
  principal: Principal;
  active: boolean;
  tokenVersion: number;
}

/** The user with memberships and the venues each reaches, in one query. */
export async function loadPrincipal(manager: EntityManager, userId: string): Promise<LoadedPrincipal | null> {
  const rows: PrincipalRow[] = await manager.query(
    `SELECT u.id, u.email, u.display_name, u.active, u.token_version,
            m.id AS membership_id, m.role, m.organization_id, m.organization_kind,
            o.name AS organization_name, m.region_id,
            COALESCE(array_agg(mv.venue_id) FILTER (WHERE mv.venue_id IS NOT NULL), '{}') AS venue_ids
     FROM users u
     LEFT JOIN memberships m ON m.user_id = u.id
     LEFT JOIN organizations o ON o.id = m.organization_id
     LEFT JOIN LATERAL (
       SELECT v.id AS venue_id FROM venues v
       WHERE (m.role = 'REGIONAL_MANAGER' AND v.region_id = m.region_id)
          OR (m.organization_kind = 'OPERATOR' AND v.operator_org_id = m.organization_id)
          OR (m.organization_kind = 'GOVERNMENT' AND v.government_org_id = m.organization_id)
     ) mv ON NOT EXISTS (SELECT 1 FROM membership_venues s WHERE s.membership_id = m.id)
          OR EXISTS (SELECT 1 FROM membership_venues s WHERE s.membership_id = m.id AND s.venue_id = mv.venue_id)
     WHERE u.id = $1
     GROUP BY u.id, m.id, o.name`,
    [userId],
  );
  if (rows.length === 0) return null;
  const first = rows[0];
  return {
    active: first.active,
    tokenVersion: first.token_version,
    principal: {
      userId: first.id,
      email: first.email,
      displayName: first.display_name,
      memberships: rows
        .filter((r) => r.membership_id)
        .map((r) => ({
          membershipId: r.membership_id!,
          role: r.role!,
          organizationId: r.organization_id!,
          organizationKind: r.organization_kind!,
          organizationName: r.organization_name!,
          regionId: r.region_id,
          venueIds: r.venue_ids,
        })),
    },
  };
}
