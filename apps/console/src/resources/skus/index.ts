import QrCode2Icon from '@mui/icons-material/QrCode2';
import { FACTORY_ROLES, OPERATOR_ROLES } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { skuQueries } from './queries';
import { SkuCreate, SkuEdit, SkuList } from './SkuViews';

const READERS = ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', ...OPERATOR_ROLES, ...FACTORY_ROLES] as const;

/** SKUs: a factory's own; venue staff see those of factories admitted at their venues. */
export const skus: ResourceDefinition = {
  name: 'skus',
  group: 'catalog',
  icon: QrCode2Icon,
  list: SkuList,
  create: SkuCreate,
  edit: SkuEdit,
  queries: skuQueries,
  recordRepresentation: (r) => `${r.code}${r.product?.titleZh ? ` · ${r.product.titleZh}` : ''}`,
  access: {
    list: READERS,
    create: FACTORY_ROLES,
    edit: FACTORY_ROLES,
  },
};
