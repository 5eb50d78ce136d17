import WarehouseIcon from '@mui/icons-material/Warehouse';
import { FACTORY_ROLES } from '../../access/roles';
import { STOCK_STAFF_READERS, TRANSFER_ROLES } from '../../layout/menuLinks';
import type { ResourceDefinition } from '../types';
import { stockBalanceQueries } from './queries';
import { StockBalanceList } from './StockBalanceList';

/** Stock balances (on hand and reserved per venue, SKU and location); transfers run from here. */
export const stockBalances: ResourceDefinition = {
  name: 'stockBalances',
  group: 'stock',
  icon: WarehouseIcon,
  list: StockBalanceList,
  queries: stockBalanceQueries,
  menuLabel: (p) => (p.roles.some((r) => FACTORY_ROLES.includes(r)) ? 'xp.stock.my_stock' : undefined),
  access: {
    list: [...STOCK_STAFF_READERS, ...FACTORY_ROLES],
    transfer: TRANSFER_ROLES,
  },
};
