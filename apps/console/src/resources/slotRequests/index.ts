import PendingActionsIcon from '@mui/icons-material/PendingActions';
import { FACTORY_ROLES } from '../../access/roles';
import { SHOWROOM_VIEWERS } from '../../layout/menuLinks';
import type { ResourceDefinition } from '../types';
import { slotRequestQueries } from './queries';
import { SlotRequestCreate, SlotRequestList } from './SlotRequestViews';

/** Factories request free slots; showroom staff approve (the assignment is made) or decline with a reason. */
export const slotRequests: ResourceDefinition = {
  name: 'slotRequests',
  group: 'showroom',
  icon: PendingActionsIcon,
  list: SlotRequestList,
  create: SlotRequestCreate,
  queries: slotRequestQueries,
  access: {
    list: [...SHOWROOM_VIEWERS, ...FACTORY_ROLES],
    create: FACTORY_ROLES,
    decide: ['OPERATOR_ADMIN', 'SHOWROOM_STAFF'],
  },
};
