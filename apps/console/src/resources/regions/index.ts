import MapIcon from '@mui/icons-material/Map';
import type { ResourceDefinition } from '../types';
import { regionQueries } from './queries';
import { RegionCreate } from './RegionCreate';
import { RegionList } from './RegionList';
import { RegionShow } from './RegionShow';

/** Regions (大区) group venues for the platform's regional managers. */
export const regions: ResourceDefinition = {
  name: 'regions',
  group: 'system',
  icon: MapIcon,
  list: RegionList,
  show: RegionShow,
  create: RegionCreate,
  queries: regionQueries,
  recordRepresentation: 'name',
  access: {
    list: ['PLATFORM_ADMIN', 'REGIONAL_MANAGER'],
    show: ['PLATFORM_ADMIN', 'REGIONAL_MANAGER'],
    create: ['PLATFORM_ADMIN'],
  },
};
