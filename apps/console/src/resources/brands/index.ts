import VerifiedIcon from '@mui/icons-material/Verified';
import { FACTORY_ROLES } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { BrandCreate, BrandList, BrandShow } from './BrandViews';
import { brandQueries } from './queries';

const READERS = ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', 'OPERATOR_ADMIN', 'OPERATOR_BD', 'PRICING_REVIEWER', ...FACTORY_ROLES] as const;

/** Brands: factories declare them with a trademark certificate, operator admins and BD verify them. */
export const brands: ResourceDefinition = {
  name: 'brands',
  group: 'onboarding',
  icon: VerifiedIcon,
  list: BrandList,
  show: BrandShow,
  create: BrandCreate,
  queries: brandQueries,
  recordRepresentation: 'name',
  access: {
    list: READERS,
    show: READERS,
    create: FACTORY_ROLES,
    review: ['OPERATOR_ADMIN', 'OPERATOR_BD'],
  },
};
