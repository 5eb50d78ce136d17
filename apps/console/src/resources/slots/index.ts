import GridViewIcon from '@mui/icons-material/GridView';
import { FACTORY_ROLES } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { slotQueries } from './queries';
import { FreeSlotList } from './SlotViews';

const STAFF = ['OPERATOR_ADMIN', 'SHOWROOM_STAFF'] as const;

/**
 * Slots: staff work on the slot map (pages/slotMap) and lay out zones and shelves from there;
 * the list is a factory's view of free slots in its venues.
 */
export const slots: ResourceDefinition = {
  name: 'slots',
  group: 'showroom',
  icon: GridViewIcon,
  list: FreeSlotList,
  queries: slotQueries,
  recordRepresentation: 'code',
  menuLabel: () => 'xp.menu.freeSlots',
  access: {
    list: FACTORY_ROLES,
    createZone: STAFF,
    createShelves: STAFF,
    updateSlot: STAFF,
  },
};
