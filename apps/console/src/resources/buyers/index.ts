import StorefrontIcon from '@mui/icons-material/Storefront';
import { SALES_READERS } from '../salesOrders';
import type { ResourceDefinition } from '../types';
import { BuyerList, BuyerShow } from './BuyerViews';
import { buyerQueries } from './queries';

/** Wholesale buyers (采购商) with their member level L0–L6 and why. */
export const buyers: ResourceDefinition = {
  name: 'buyers',
  group: 'sales',
  icon: StorefrontIcon,
  list: BuyerList,
  show: BuyerShow,
  queries: buyerQueries,
  recordRepresentation: 'shopName',
  access: { list: SALES_READERS, show: SALES_READERS },
};
