import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { Role } from '../../access/roles';
import { OPERATOR_ROLES } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { OrderCreate } from './OrderCreate';
import { OrderList, OrderShow } from './OrderViews';
import { salesOrderQueries } from './queries';
import { ORDER_STEP_ROLES } from './rules';

/** Who reads orders, returns and buyers (the API's SALES_READ_ROLES). */
export const SALES_READERS: readonly Role[] = ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', ...OPERATOR_ROLES];
/** Who sells at the counter (the API's SELL_ROLES). */
export const SELLERS: readonly Role[] = ['OPERATOR_ADMIN', 'SHOWROOM_STAFF'];
/** Who fulfils (the API's FULFIL_ROLES). */
export const FULFILLERS: readonly Role[] = ['OPERATOR_ADMIN', 'WAREHOUSE_STAFF'];

/** Wholesale orders (批发订单): placed for a buyer, paid, shipped, delivered — or cancelled. */
export const salesOrders: ResourceDefinition = {
  name: 'salesOrders',
  group: 'sales',
  icon: ReceiptLongIcon,
  list: OrderList,
  show: OrderShow,
  create: OrderCreate,
  queries: salesOrderQueries,
  recordRepresentation: 'orderNo',
  access: {
    list: SALES_READERS,
    show: SALES_READERS,
    create: SELLERS,
    ...ORDER_STEP_ROLES,
  },
};
