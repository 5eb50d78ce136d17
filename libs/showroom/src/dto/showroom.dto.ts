import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DateScalar, IsCode, IsFreeText, IsName, ListArgs, Paginated } from '@xp/core';
import { Shelf, Slot, SlotKind, SlotStatus, Zone } from '../entities/layout.entities';
import { SlotAssignment, SlotAssignmentStatus, SlotRequest, SlotRequestStatus } from '../entities/slot-assignment.entity';
import { SlotState } from '../showroom.rules';
import { registerEnumType } from '@nestjs/graphql';

registerEnumType(SlotState, { name: 'SlotState', description: 'What the slot map shows for a slot on a day.' });

@InputType()
export class CreateZoneInput {
  @Field(() => ID)
  @IsUUID()
  venueId!: string;

  @Field({ description: 'A capital letter, then up to 3 letters or digits: A, B, VIP1.' })
  @Matches(/^[A-Z][A-Z0-9]{0,3}$/, { message: 'must be a capital letter followed by up to 3 capital letters or digits' })
  code!: string;

  @Field()
  @IsName(60)
  name!: string;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(-5)
  @Max(200)
  floor: number = 1;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string;
}

@InputType()
export class CreateShelvesInput {
  @Field(() => ID)
  @IsUUID()
  zoneId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(999)
  fromNumber!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(999)
  toNumber!: number;

  @Field(() => Int, { description: 'Levels per shelf; each level is one slot.' })
  @IsInt()
  @Min(1)
  @Max(20)
  levels!: number;

  @Field(() => SlotKind, { defaultValue: SlotKind.SHELF })
  @IsEnum(SlotKind)
  kind: SlotKind = SlotKind.SHELF;

  @Field(() => Int, { defaultValue: 60 })
  @IsInt()
  @Min(1)
  @Max(10000)
  widthCm: number = 60;
}

@ObjectType()
export class CreateShelvesPayload {
  @Field(() => [Shelf])
  shelves!: Shelf[];

  @Field(() => Int)
  slotCount!: number;
}

@InputType()
export class UpdateSlotInput {
  @Field(() => ID)
  @IsUUID()
  slotId!: string;

  @Field(() => SlotKind, { nullable: true })
  @IsOptional()
  @IsEnum(SlotKind)
  kind?: SlotKind;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  widthCm?: number;

  @Field(() => SlotStatus, { nullable: true, description: 'ACTIVE or MAINTENANCE (retire with retireSlot).' })
  @IsOptional()
  @IsEnum(SlotStatus)
  status?: SlotStatus;
}

@InputType()
export class RetireSlotInput {
  @Field(() => ID)
  @IsUUID()
  slotId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day the slot no longer exists; default today.' })
  @IsOptional()
  on?: string;
}

@InputType()
export class AssignSlotInput {
  @Field(() => ID)
  @IsUUID()
  slotId!: string;

  @Field(() => ID)
  @IsUUID()
  skuId!: string;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Exclusive end; omit for open-ended.' })
  @IsOptional()
  to?: string;
}

@InputType()
export class EndSlotAssignmentInput {
  @Field(() => ID)
  @IsUUID()
  assignmentId!: string;

  @Field(() => DateScalar, { description: 'First day the SKU is no longer on the slot.' })
  on!: string;
}

@InputType()
export class ExtendSlotAssignmentInput {
  @Field(() => ID)
  @IsUUID()
  assignmentId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'New exclusive end; null = open-ended.' })
  @IsOptional()
  to?: string | null;
}

@InputType()
export class MoveSlotAssignmentInput {
  @Field(() => ID)
  @IsUUID()
  assignmentId!: string;

  @Field(() => ID)
  @IsUUID()
  toSlotId!: string;

  @Field(() => DateScalar, { description: 'First day on the new slot (and off the old one).' })
  on!: string;
}

@ObjectType()
export class MoveSlotAssignmentPayload {
  @Field(() => SlotAssignment, { description: 'The old assignment, ended (or cancelled if it had not started).' })
  ended!: SlotAssignment;

  @Field(() => SlotAssignment)
  started!: SlotAssignment;
}

@InputType()
export class RequestSlotInput {
  @Field(() => ID)
  @IsUUID()
  slotId!: string;

  @Field(() => ID)
  @IsUUID()
  skuId!: string;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  to?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(1000)
  note?: string;
}

@InputType()
export class DecideSlotRequestInput {
  @Field(() => ID)
  @IsUUID()
  requestId!: string;

  @Field()
  @IsBoolean()
  approve!: boolean;

  @Field({ nullable: true, description: 'Required when declining.' })
  @IsOptional()
  @IsFreeText(1000)
  reason?: string;
}

@InputType()
export class ZoneFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;
}

@ArgsType()
export class ZoneListArgs extends ListArgs {
  @Field(() => ZoneFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ZoneFilter)
  filter?: ZoneFilter;
}

@ObjectType()
export class ZonePage extends Paginated(Zone) {}

@InputType()
export class SlotFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  zoneId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  shelfId?: string;

  @Field(() => SlotStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SlotStatus)
  status?: SlotStatus;

  @Field(() => SlotKind, { nullable: true })
  @IsOptional()
  @IsEnum(SlotKind)
  kind?: SlotKind;

  @Field({ nullable: true, description: 'Slot code prefix, e.g. "A-03".' })
  @IsOptional()
  @IsCode(20)
  code?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only slots free from this day (see freeUntil).' })
  @IsOptional()
  freeFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'With freeFrom: free for the whole period [freeFrom, freeUntil).' })
  @IsOptional()
  freeUntil?: string;
}

@ArgsType()
export class SlotListArgs extends ListArgs {
  @Field(() => SlotFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SlotFilter)
  filter?: SlotFilter;
}

@ObjectType()
export class SlotPage extends Paginated(Slot) {}

@InputType()
export class SlotAssignmentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  slotId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  skuId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only assignments in force on this day.' })
  @IsOptional()
  activeOn?: string;

  @Field(() => SlotAssignmentStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SlotAssignmentStatus)
  status?: SlotAssignmentStatus;
}

@ArgsType()
export class SlotAssignmentListArgs extends ListArgs {
  @Field(() => SlotAssignmentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SlotAssignmentFilter)
  filter?: SlotAssignmentFilter;
}

@ObjectType()
export class SlotAssignmentPage extends Paginated(SlotAssignment) {}

@InputType()
export class SlotRequestFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => SlotRequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SlotRequestStatus)
  status?: SlotRequestStatus;
}

@ArgsType()
export class SlotRequestListArgs extends ListArgs {
  @Field(() => SlotRequestFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SlotRequestFilter)
  filter?: SlotRequestFilter;
}

@ObjectType()
export class SlotRequestPage extends Paginated(SlotRequest) {}

@ObjectType()
export class SlotMapSlot {
  @Field(() => Slot)
  slot!: Slot;

  @Field(() => SlotState)
  state!: SlotState;

  @Field(() => SlotAssignment, { nullable: true, description: 'What stands there that day.' })
  assignment!: SlotAssignment | null;

  /** The map's venue and day, for the price version field. */
  venueId!: string;
  date!: string;
}

@ObjectType()
export class SlotMapShelf {
  @Field(() => Shelf)
  shelf!: Shelf;

  @Field(() => [SlotMapSlot])
  slots!: SlotMapSlot[];
}

@ObjectType()
export class SlotMapZone {
  @Field(() => Zone)
  zone!: Zone;

  @Field(() => [SlotMapShelf])
  shelves!: SlotMapShelf[];
}

@ObjectType({ description: 'Every zone, shelf and slot of a venue with what stands there on a day.' })
export class SlotMap {
  @Field(() => ID)
  venueId!: string;

  @Field(() => DateScalar)
  date!: string;

  @Field(() => [SlotMapZone])
  zones!: SlotMapZone[];

  @Field(() => Int)
  free!: number;

  @Field(() => Int)
  occupied!: number;

  @Field(() => Int)
  endingSoon!: number;

  @Field(() => Int)
  maintenance!: number;
}

@ObjectType()
export class OccupancyGroup {
  @Field({ description: 'Zone code, slot kind or category code.' })
  key!: string;

  @Field({ nullable: true })
  label?: string;

  @Field(() => Int)
  occupiedSlotDays!: number;

  @Field(() => Int)
  availableSlotDays!: number;

  @Field(() => Float, { description: 'occupied / available, 0 when nothing was available (a ratio, not money).' })
  rate!: number;
}

@ObjectType()
export class SlotOccupancy {
  @Field(() => ID)
  slotId!: string;

  @Field()
  slotCode!: string;

  @Field(() => Int)
  occupiedDays!: number;

  @Field(() => Int)
  availableDays!: number;
}

@ObjectType({ description: 'Occupied slot-days over available slot-days for [from, to).' })
export class Occupancy {
  @Field(() => ID)
  venueId!: string;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar, { description: 'Exclusive.' })
  to!: string;

  @Field(() => Int)
  occupiedSlotDays!: number;

  @Field(() => Int)
  availableSlotDays!: number;

  @Field(() => Float)
  rate!: number;

  @Field(() => [OccupancyGroup])
  byZone!: OccupancyGroup[];

  @Field(() => [OccupancyGroup])
  byKind!: OccupancyGroup[];

  @Field(() => [OccupancyGroup], { description: 'By the category of the SKU on the slot (occupied days only).' })
  byCategory!: OccupancyGroup[];

  @Field(() => [SlotOccupancy])
  slots!: SlotOccupancy[];
}
