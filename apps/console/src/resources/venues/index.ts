import StoreIcon from '@mui/icons-material/Storefront';
import { OPERATOR_ROLES } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { venueQueries } from './queries';
import { VenueCreate } from './VenueCreate';
import { VenueList } from './VenueList';
import { VenueShow } from './VenueShow';

/** Selection centers: the platform sets them up; everyone on the venue side sees theirs. */
export const venues: ResourceDefinition = {
  name: 'venues',
  group: 'system',
  icon: StoreIcon,
  list: VenueList,
  show: VenueShow,
  create: VenueCreate,
  queries: venueQueries,
  recordRepresentation: 'name',
  access: {
    list: ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', 'GOVERNMENT_VIEWER', ...OPERATOR_ROLES],
    show: ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', 'GOVERNMENT_VIEWER', ...OPERATOR_ROLES],
    export: ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', 'GOVERNMENT_VIEWER', ...OPERATOR_ROLES],
    create: ['PLATFORM_ADMIN'],
  },
};
