import EventSeatIcon from '@mui/icons-material/EventSeat';
import { hasAnyRole } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { SHOWROOM_VIEWERS } from '../../layout/menuLinks';
import type { ResourceDefinition } from '../types';
import { slotAssignmentQueries } from './queries';
import { SlotAssignmentList } from './SlotAssignmentList';

const STAFF = ['OPERATOR_ADMIN', 'SHOWROOM_STAFF'] as const;

/** Slot assignments (slot × SKU × period); staff assign, end, extend and move them from the slot map. */
export const slotAssignments: ResourceDefinition = {
  name: 'slotAssignments',
  group: 'showroom',
  icon: EventSeatIcon,
  list: SlotAssignmentList,
  queries: slotAssignmentQueries,
  menuLabel: (p) => (hasAnyRole(p, FACTORY_ROLES) ? 'xp.showroom.my_assignments' : undefined),
  access: {
    list: [...SHOWROOM_VIEWERS, ...FACTORY_ROLES],
    assign: STAFF,
    end: STAFF,
    extend: STAFF,
    move: STAFF,
  },
};
