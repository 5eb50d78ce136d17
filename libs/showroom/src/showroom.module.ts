import { Module, OnModuleInit } from '@nestjs/common';
import { PricingModule } from '@xp/pricing';
import { DataSource } from 'typeorm';
import { ErrorCode, EventBus, registerConstraintErrors, RequestContext, runInTransaction } from '@xp/core';
import { AllocationService } from './allocation.service';
import { FloorService } from './floor.service';
import { LayoutService } from './layout.service';
import {
  ShowroomResolver,
  SlotAssignmentFieldsResolver,
  SlotFieldsResolver,
  SlotMapSlotFieldsResolver,
  SlotRequestFieldsResolver,
} from './showroom.resolver';

registerConstraintErrors({
  slot_assignments_no_overlap: {
    code: ErrorCode.SLOT_OCCUPIED,
    message: 'This slot is already taken for part of that period. Reload the slot map and pick another period or slot.',
  },
  zones_venue_code_key: { code: ErrorCode.DUPLICATE, message: 'A zone with this code already exists in this venue.' },
  shelves_zone_number_key: { code: ErrorCode.DUPLICATE, message: 'Some of these shelves already exist in this zone.' },
  slots_venue_code_key: { code: ErrorCode.DUPLICATE, message: 'A slot with this code already exists in this venue.' },
});

/** Showroom slots: layout, allocation, the slot map and occupancy. */
@Module({
  imports: [PricingModule],
  providers: [
    LayoutService,
    AllocationService,
    FloorService,
    ShowroomResolver,
    SlotFieldsResolver,
    SlotAssignmentFieldsResolver,
    SlotRequestFieldsResolver,
    SlotMapSlotFieldsResolver,
  ],
  exports: [LayoutService, AllocationService, FloorService],
})
export class ShowroomModule implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly dataSource: DataSource,
    private readonly allocation: AllocationService,
  ) {}

  onModuleInit(): void {
    // A suspended factory's slots end on the suspension day (raised by the factories area).
    this.events.on('VenueFactorySuspended', async (event) => {
      const { venueId, factoryOrgId, on } = event.payload as { venueId: string; factoryOrgId: string; on: string };
      const ctx = RequestContext.system(this.dataSource);
      await runInTransaction(ctx, {}, () => this.allocation.endForSuspendedFactory(ctx, venueId, factoryOrgId, on));
      await this.events.publish(ctx.takeEvents());
    });
  }
}
