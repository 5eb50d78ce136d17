import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import { FULFILLERS, SALES_READERS, SELLERS } from '../salesOrders';
import type { ResourceDefinition } from '../types';
import { salesReturnQueries } from './queries';
import { ReturnCreate, ReturnList, ReturnShow } from './ReturnViews';

/** Customer returns (客户退货): requested on a delivered order, received back to stock or as damaged. */
export const salesReturns: ResourceDefinition = {
  name: 'salesReturns',
  group: 'sales',
  icon: AssignmentReturnIcon,
  list: ReturnList,
  show: ReturnShow,
  create: ReturnCreate,
  queries: salesReturnQueries,
  recordRepresentation: 'returnNo',
  access: { list: SALES_READERS, show: SALES_READERS, create: SELLERS, receive: FULFILLERS, cancel: SELLERS },
};
