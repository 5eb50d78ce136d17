import type { ComponentType } from 'react';
import ApartmentIcon from '@mui/icons-material/Apartment';
import { hasAnyRole, ownOrganization, Permissions } from '../access/permissions';
import { FACTORY_ROLES, OPERATOR_ROLES, Role } from '../access/roles';

/**
 * Menu entries that are not a resource list: pages of a role's own things. Each names the roles
 * that see it and where it leads for this user (null hides it). Areas add a line here for their
 * custom pages (a report, a print queue).
 */
export interface MenuLink {
  label: string;
  icon: ComponentType;
  roles: readonly Role[];
  to: (p: Permissions) => string | null;
}

export const MENU_LINKS: readonly MenuLink[] = [
  {
    label: 'xp.menu.myOrganization',
    icon: ApartmentIcon,
    roles: [...FACTORY_ROLES, ...OPERATOR_ROLES, 'GOVERNMENT_VIEWER'],
    to: (p) => {
      const org = ownOrganization(p, ['FACTORY', 'OPERATOR', 'GOVERNMENT']);
      return org ? `/organizations/${org.id}/show` : null;
    },
  },
];

export function menuLinksFor(p: Permissions | undefined): { label: string; icon: ComponentType; to: string }[] {
  if (!p) return [];
  return MENU_LINKS.filter((l) => hasAnyRole(p, l.roles))
    .map((l) => ({ label: l.label, icon: l.icon, to: l.to(p) }))
    .filter((l): l is { label: string; icon: ComponentType; to: string } => l.to !== null);
}
