export * from './allocation.service';
export * from './dto/showroom.dto';
export * from './entities/layout.entities';
export * from './entities/slot-assignment.entity';
export * from './floor.service';
export * from './layout.service';
export * from './showroom.access';
export * from './showroom.module';
export * from './showroom.rules';

import { Shelf, Slot, Zone } from './entities/layout.entities';
import { SlotAssignment, SlotRequest } from './entities/slot-assignment.entity';
export const SHOWROOM_ENTITIES = [Zone, Shelf, Slot, SlotAssignment, SlotRequest];
