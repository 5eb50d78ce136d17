import HistoryIcon from '@mui/icons-material/History';
import type { ResourceDefinition } from '../types';
import { AuditEventList } from './AuditEventList';
import { auditEventQueries } from './queries';

/** The audit trail: platform admins see all of it; an operator admin its venues' and people's. */
export const auditEvents: ResourceDefinition = {
  name: 'auditEvents',
  group: 'system',
  icon: HistoryIcon,
  list: AuditEventList,
  queries: auditEventQueries,
  access: {
    list: ['PLATFORM_ADMIN', 'OPERATOR_ADMIN'],
  },
};
