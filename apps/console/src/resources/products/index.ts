import Inventory2Icon from '@mui/icons-material/Inventory2';
import { FACTORY_ROLES, OPERATOR_ROLES } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { ProductCreate, ProductEdit, ProductList, ProductShow } from './ProductViews';
import { productQueries } from './queries';

const READERS = ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', ...OPERATOR_ROLES, ...FACTORY_ROLES] as const;

/** Products (商品): a factory's catalog; venue staff see those of factories admitted at their venues. */
export const products: ResourceDefinition = {
  name: 'products',
  group: 'catalog',
  icon: Inventory2Icon,
  list: ProductList,
  show: ProductShow,
  create: ProductCreate,
  edit: ProductEdit,
  queries: productQueries,
  recordRepresentation: 'titleZh',
  access: {
    list: READERS,
    show: READERS,
    create: FACTORY_ROLES,
    edit: FACTORY_ROLES,
  },
};
