import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { FACTORY_ROLES } from '../../access/roles';
import { STOCK_STAFF_READERS } from '../../layout/menuLinks';
import type { ResourceDefinition } from '../types';
import { consignmentReceiptQueries } from './queries';
import { ReceiptCreate, ReceiptList, ReceiptShow } from './ReceiptViews';

const WAREHOUSE = ['OPERATOR_ADMIN', 'WAREHOUSE_STAFF'] as const;

/** Consignment receipts (寄售入库): the factory declares a delivery note, the warehouse receives it. */
export const consignmentReceipts: ResourceDefinition = {
  name: 'consignmentReceipts',
  group: 'stock',
  icon: LocalShippingIcon,
  list: ReceiptList,
  show: ReceiptShow,
  create: ReceiptCreate,
  queries: consignmentReceiptQueries,
  recordRepresentation: 'deliveryNoteNo',
  access: {
    list: [...STOCK_STAFF_READERS, ...FACTORY_ROLES],
    show: [...STOCK_STAFF_READERS, ...FACTORY_ROLES],
    create: [...FACTORY_ROLES, ...WAREHOUSE],
    receive: WAREHOUSE,
    cancel: [...FACTORY_ROLES, ...WAREHOUSE],
  },
};
