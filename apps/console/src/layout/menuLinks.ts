import type { ComponentType } from 'react';
import ApartmentIcon from '@mui/icons-material/Apartment';
import GridViewIcon from '@mui/icons-material/GridView';
import BarChartIcon from '@mui/icons-material/BarChart';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import HourglassBottomIcon from '@mui/icons-material/HourglassBottom';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import PrintIcon from '@mui/icons-material/Print';
import TimelineIcon from '@mui/icons-material/Timeline';
import AssessmentIcon from '@mui/icons-material/Assessment';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import { hasAnyRole, ownOrganization, Permissions } from '../access/permissions';
import { FACTORY_ROLES, OPERATOR_ROLES, Role } from '../access/roles';
import type { MenuGroup } from '../resources/types';

/**
 * Menu entries that are not a resource list: pages of a role's own things. Each names the roles
 * that see it, its menu section and where it leads for this user (null hides it). Areas add a
 * line here for their custom pages (a report, a print queue).
 */
export interface MenuLink {
  label: string;
  icon: ComponentType;
  roles: readonly Role[];
  group: MenuGroup;
  /** Listed before the section's resources (the slot map leads the showroom). */
  first?: boolean;
  to: (p: Permissions) => string | null;
}

/** Who looks at the showroom floor with its occupants (the API's SHOWROOM_VIEWERS). */
export const SHOWROOM_VIEWERS: readonly Role[] = ['OPERATOR_ADMIN', 'SHOWROOM_STAFF', 'OPERATOR_BD', 'PRICING_REVIEWER', 'WAREHOUSE_STAFF', 'PLATFORM_ADMIN', 'REGIONAL_MANAGER'];
/** Stock readers on the venue side (the API's STOCK_READ_ROLES without factories). */
export const STOCK_STAFF_READERS: readonly Role[] = ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', ...OPERATOR_ROLES];
/** Who moves goods between a venue's locations (showroom staff: samples only). */
export const TRANSFER_ROLES: readonly Role[] = ['OPERATOR_ADMIN', 'WAREHOUSE_STAFF', 'SHOWROOM_STAFF'];
/** Who reads effective prices (the API's PRICE_ROLES without factories). */
export const PRICE_READERS: readonly Role[] = ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', 'OPERATOR_ADMIN', 'OPERATOR_BD', 'PRICING_REVIEWER', 'SHOWROOM_STAFF', 'WAREHOUSE_STAFF'];
/** Who prints shelf labels (the API's LABEL_PRINTERS). */
export const LABEL_PRINTERS: readonly Role[] = ['OPERATOR_ADMIN', 'SHOWROOM_STAFF'];

const always = (path: string) => () => path;

export const MENU_LINKS: readonly MenuLink[] = [
  { label: 'xp.menu.catalogImport', icon: UploadFileIcon, roles: FACTORY_ROLES, group: 'catalog', to: always('/catalog-import') },
  { label: 'xp.menu.priceImport', icon: UploadFileIcon, roles: FACTORY_ROLES, group: 'pricing', to: always('/price-import') },
  { label: 'xp.menu.priceHistory', icon: TimelineIcon, roles: [...PRICE_READERS, ...FACTORY_ROLES], group: 'pricing', to: always('/price-history') },
  { label: 'xp.menu.slotMap', icon: GridViewIcon, roles: SHOWROOM_VIEWERS, group: 'showroom', first: true, to: always('/slot-map') },
  { label: 'xp.menu.occupancy', icon: BarChartIcon, roles: [...SHOWROOM_VIEWERS, 'GOVERNMENT_VIEWER'], group: 'showroom', to: always('/occupancy') },
  { label: 'xp.menu.transfer', icon: SwapHorizIcon, roles: TRANSFER_ROLES, group: 'stock', to: always('/stock-transfer') },
  { label: 'xp.menu.stockAge', icon: HourglassBottomIcon, roles: [...STOCK_STAFF_READERS, ...FACTORY_ROLES], group: 'stock', to: always('/stock-age') },
  { label: 'xp.menu.printLabels', icon: PrintIcon, roles: LABEL_PRINTERS, group: 'labels', first: true, to: always('/label-printing') },
  { label: 'xp.menu.regionReport', icon: CompareArrowsIcon, roles: ['PLATFORM_ADMIN', 'REGIONAL_MANAGER'], group: 'reports', first: true, to: always('/reports/region') },
  { label: 'xp.menu.venueReport', icon: AssessmentIcon, roles: ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', 'GOVERNMENT_VIEWER', ...OPERATOR_ROLES], group: 'reports', to: always('/reports/venue') },
  { label: 'xp.menu.factoryReport', icon: AssessmentIcon, roles: FACTORY_ROLES, group: 'reports', to: always('/reports/factory') },
  { label: 'xp.scans.menu', icon: QrCodeScannerIcon, roles: ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', ...OPERATOR_ROLES, ...FACTORY_ROLES], group: 'labels', to: always('/scan-stats') },
  {
    label: 'xp.menu.myOrganization',
    icon: ApartmentIcon,
    roles: [...FACTORY_ROLES, ...OPERATOR_ROLES, 'GOVERNMENT_VIEWER'],
    group: 'system',
    to: (p) => {
      const org = ownOrganization(p, ['FACTORY', 'OPERATOR', 'GOVERNMENT']);
      return org ? `/organizations/${org.id}/show` : null;
    },
  },
];

export interface ResolvedMenuLink {
  label: string;
  icon: ComponentType;
  group: MenuGroup;
  first: boolean;
  to: string;
}

export function menuLinksFor(p: Permissions | undefined): ResolvedMenuLink[] {
  if (!p) return [];
  return MENU_LINKS.filter((l) => hasAnyRole(p, l.roles))
    .map((l) => ({ label: l.label, icon: l.icon, group: l.group, first: !!l.first, to: l.to(p) }))
    .filter((l): l is ResolvedMenuLink => l.to !== null);
}
