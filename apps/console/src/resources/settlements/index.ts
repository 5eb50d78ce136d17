import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import type { Role } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { settlementQueries } from './queries';
import { SETTLEMENT_STEP_ROLES } from './rules';
import { SettlementCreate, SettlementList, SettlementShow } from './SettlementViews';

/** Who reads statements (the API's SETTLEMENT_READ_ROLES): platform, regional, the operator admin, the factory's people. */
export const SETTLEMENT_READERS: readonly Role[] = ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', 'OPERATOR_ADMIN', 'FACTORY_ADMIN', 'FACTORY_STAFF'];

/** Monthly settlement (月度结算): generated and issued by the operator admin, confirmed or disputed by the factory, then paid. */
export const settlements: ResourceDefinition = {
  name: 'settlements',
  group: 'sales',
  icon: AccountBalanceIcon,
  list: SettlementList,
  show: SettlementShow,
  create: SettlementCreate,
  queries: settlementQueries,
  recordRepresentation: (r) => `${r.factory?.name ?? ''} ${String(r.month ?? '').slice(0, 7)}`,
  access: {
    list: SETTLEMENT_READERS,
    show: SETTLEMENT_READERS,
    create: ['OPERATOR_ADMIN'],
    ...SETTLEMENT_STEP_ROLES,
  },
};
