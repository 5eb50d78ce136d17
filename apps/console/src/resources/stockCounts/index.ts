import FactCheckIcon from '@mui/icons-material/FactCheck';
import { STOCK_STAFF_READERS } from '../../layout/menuLinks';
import type { ResourceDefinition } from '../types';
import { CountCreate, CountList, CountShow } from './CountViews';
import { stockCountQueries } from './queries';

const WAREHOUSE = ['OPERATOR_ADMIN', 'WAREHOUSE_STAFF'] as const;

/** Stock counts (盘点): start (snapshot), enter counted quantities, submit, approve. */
export const stockCounts: ResourceDefinition = {
  name: 'stockCounts',
  group: 'stock',
  icon: FactCheckIcon,
  list: CountList,
  show: CountShow,
  create: CountCreate,
  queries: stockCountQueries,
  access: {
    list: STOCK_STAFF_READERS,
    show: STOCK_STAFF_READERS,
    create: WAREHOUSE,
    submit: WAREHOUSE,
    approve: WAREHOUSE,
    cancel: WAREHOUSE,
  },
};
