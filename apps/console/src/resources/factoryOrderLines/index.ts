import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { FACTORY_ROLES } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { FactoryOrderLineList } from './FactoryOrderLineList';
import { factoryOrderLineQueries } from './queries';

/** The factory portal's orders (订单明细): its own lines on wholesale orders, without the buyer or the wholesale price. */
export const factoryOrderLines: ResourceDefinition = {
  name: 'factoryOrderLines',
  group: 'sales',
  icon: ReceiptLongIcon,
  list: FactoryOrderLineList,
  queries: factoryOrderLineQueries,
  access: { list: FACTORY_ROLES },
};
