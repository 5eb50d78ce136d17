import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { FACTORY_ROLES } from '../../access/roles';
import { STOCK_STAFF_READERS } from '../../layout/menuLinks';
import type { ResourceDefinition } from '../types';
import { stockMovementQueries } from './queries';
import { StockMovementList } from './StockMovementList';

/** The stock ledger (append-only movements). */
export const stockMovements: ResourceDefinition = {
  name: 'stockMovements',
  group: 'stock',
  icon: ReceiptLongIcon,
  list: StockMovementList,
  queries: stockMovementQueries,
  access: { list: [...STOCK_STAFF_READERS, ...FACTORY_ROLES] },
};
