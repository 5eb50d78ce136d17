import BusinessIcon from '@mui/icons-material/Business';
import { ALL_ROLES } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { OrganizationCreate } from './OrganizationCreate';
import { OrganizationList } from './OrganizationList';
import { organizationQueries } from './queries';
import { OrganizationShow } from './OrganizationShow';

/**
 * Organizations of the four parties. The platform lists and creates them; everyone may open the
 * ones the API lets them see (their own, their venues' operator and government).
 */
export const organizations: ResourceDefinition = {
  name: 'organizations',
  group: 'system',
  icon: BusinessIcon,
  list: OrganizationList,
  show: OrganizationShow,
  create: OrganizationCreate,
  queries: organizationQueries,
  recordRepresentation: 'name',
  access: {
    list: ['PLATFORM_ADMIN', 'REGIONAL_MANAGER'],
    show: ALL_ROLES,
    create: ['PLATFORM_ADMIN'],
  },
};
