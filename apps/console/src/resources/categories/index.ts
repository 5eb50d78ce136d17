import AccountTreeIcon from '@mui/icons-material/AccountTree';
import type { ResourceDefinition } from '../types';
import { CategoryCreate, CategoryTree } from './CategoryViews';
import { categoryQueries } from './queries';

/** The platform's category tree; everyone reads it (pickers), platform admins add to it. */
export const categories: ResourceDefinition = {
  name: 'categories',
  group: 'catalog',
  icon: AccountTreeIcon,
  list: CategoryTree,
  create: CategoryCreate,
  queries: categoryQueries,
  recordRepresentation: 'nameZh',
  access: {
    list: ['PLATFORM_ADMIN'],
    create: ['PLATFORM_ADMIN'],
  },
};
