import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Product, Sku } from '@xp/catalog';
import { Allow, byIdLoader, Ctx, DateScalar, RequestContext, Role, selectionTree, startOfBusinessDay, today, Transactional } from '@xp/core';
import { PriceVersion, PricingService } from '@xp/pricing';
import { Organization } from '@xp/venues';
import { AllocationService } from './allocation.service';
import {
  AssignSlotInput,
  CreateShelvesInput,
  CreateShelvesPayload,
  CreateZoneInput,
  DecideSlotRequestInput,
  EndSlotAssignmentInput,
  ExtendSlotAssignmentInput,
  MoveSlotAssignmentInput,
  MoveSlotAssignmentPayload,
  Occupancy,
  RequestSlotInput,
  RetireSlotInput,
  SlotAssignmentListArgs,
  SlotAssignmentPage,
  SlotListArgs,
  SlotMap,
  SlotMapSlot,
  SlotPage,
  SlotRequestListArgs,
  SlotRequestPage,
  UpdateSlotInput,
  ZoneListArgs,
  ZonePage,
} from './dto/showroom.dto';
import { Shelf, Slot, Zone } from './entities/layout.entities';
import { SlotAssignment, SlotRequest } from './entities/slot-assignment.entity';
import { FloorService } from './floor.service';
import { LayoutService } from './layout.service';

const STAFF = [Role.OPERATOR_ADMIN, Role.SHOWROOM_STAFF];
const VIEWERS = [
  Role.OPERATOR_ADMIN,
  Role.SHOWROOM_STAFF,
  Role.OPERATOR_BD,
  Role.PRICING_REVIEWER,
  Role.WAREHOUSE_STAFF,
  Role.PLATFORM_ADMIN,
  Role.REGIONAL_MANAGER,
];
const FACTORY = [Role.FACTORY_ADMIN, Role.FACTORY_STAFF];

@Resolver()
export class ShowroomResolver {
  constructor(
    private readonly layout: LayoutService,
    private readonly allocation: AllocationService,
    private readonly floor: FloorService,
  ) {}

  @Mutation(() => Zone)
  @Allow(...STAFF)
  @Transactional()
  createZone(@Ctx() ctx: RequestContext, @Args('input') input: CreateZoneInput) {
    return this.layout.createZone(ctx, input);
  }

  @Mutation(() => CreateShelvesPayload, { description: "Creates a zone's shelves fromNumber..toNumber with `levels` slots each." })
  @Allow(...STAFF)
  @Transactional()
  createShelves(@Ctx() ctx: RequestContext, @Args('input') input: CreateShelvesInput) {
    return this.layout.createShelves(ctx, input);
  }

  @Mutation(() => Slot)
  @Allow(...STAFF)
  @Transactional()
  updateSlot(@Ctx() ctx: RequestContext, @Args('input') input: UpdateSlotInput) {
    return this.layout.updateSlot(ctx, input);
  }

  @Mutation(() => Slot, { description: 'Refused (CONFLICT, with the assignments in the way) while the slot has current or future assignments.' })
  @Allow(...STAFF)
  @Transactional()
  retireSlot(@Ctx() ctx: RequestContext, @Args('input') input: RetireSlotInput) {
    return this.layout.retireSlot(ctx, input);
  }

  @Query(() => ZonePage)
  @Allow(...VIEWERS)
  zones(@Ctx() ctx: RequestContext, @Args() args: ZoneListArgs) {
    return this.layout.listZones(ctx, args);
  }

  @Query(() => SlotPage, { description: 'Factories admitted to the venue may list its slots (filter.venueId) to find a free one.' })
  @Allow(...VIEWERS, ...FACTORY)
  slots(@Ctx() ctx: RequestContext, @Args() args: SlotListArgs) {
    return this.layout.listSlots(ctx, args);
  }

  @Query(() => SlotMap)
  @Allow(...VIEWERS)
  slotMap(
    @Ctx() ctx: RequestContext,
    @Args('venueId', { type: () => ID }) venueId: string,
    @Args('date', { type: () => DateScalar }) date: string,
  ) {
    return this.floor.slotMap(ctx, venueId, date);
  }

  @Query(() => Occupancy)
  @Allow(...VIEWERS, Role.GOVERNMENT_VIEWER)
  occupancy(
    @Ctx() ctx: RequestContext,
    @Args('venueId', { type: () => ID }) venueId: string,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar, description: 'Exclusive.' }) to: string,
  ) {
    return this.floor.occupancy(ctx, venueId, from, to);
  }

  @Mutation(() => SlotAssignment)
  @Allow(...STAFF)
  @Transactional()
  assignSlot(@Ctx() ctx: RequestContext, @Args('input') input: AssignSlotInput) {
    return this.allocation.assign(ctx, input);
  }

  @Mutation(() => SlotAssignment)
  @Allow(...STAFF)
  @Transactional()
  endSlotAssignment(@Ctx() ctx: RequestContext, @Args('input') input: EndSlotAssignmentInput) {
    return this.allocation.end(ctx, input);
  }

  @Mutation(() => SlotAssignment)
  @Allow(...STAFF)
  @Transactional()
  extendSlotAssignment(@Ctx() ctx: RequestContext, @Args('input') input: ExtendSlotAssignmentInput) {
    return this.allocation.extend(ctx, input);
  }

  @Mutation(() => MoveSlotAssignmentPayload)
  @Allow(...STAFF)
  @Transactional()
  moveSlotAssignment(@Ctx() ctx: RequestContext, @Args('input') input: MoveSlotAssignmentInput) {
    return this.allocation.move(ctx, input);
  }

  @Query(() => SlotAssignmentPage)
  @Allow(...VIEWERS, ...FACTORY)
  slotAssignments(@Ctx() ctx: RequestContext, @Args() args: SlotAssignmentListArgs, @Info() info: GraphQLResolveInfo) {
    return this.allocation.list(ctx, args, { items: selectionTree(info).items ?? {}, schema: info.schema });
  }

  @Query(() => SlotAssignment)
  @Allow(...VIEWERS, ...FACTORY)
  slotAssignment(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.allocation.findOne(ctx, id);
  }

  @Mutation(() => SlotRequest)
  @Allow(...FACTORY)
  @Transactional()
  requestSlot(@Ctx() ctx: RequestContext, @Args('input') input: RequestSlotInput) {
    return this.allocation.request(ctx, input);
  }

  @Mutation(() => SlotRequest)
  @Allow(...STAFF)
  @Transactional()
  decideSlotRequest(@Ctx() ctx: RequestContext, @Args('input') input: DecideSlotRequestInput) {
    return this.allocation.decide(ctx, input);
  }

  @Query(() => SlotRequestPage)
  @Allow(...VIEWERS, ...FACTORY)
  slotRequests(@Ctx() ctx: RequestContext, @Args() args: SlotRequestListArgs) {
    return this.allocation.listRequests(ctx, args);
  }
}

@Resolver(() => Slot)
export class SlotFieldsResolver {
  @ResolveField(() => Zone)
  zone(@Ctx() ctx: RequestContext, @Parent() slot: Slot) {
    return byIdLoader(ctx, Zone).load(slot.zoneId);
  }

  @ResolveField(() => Shelf)
  shelf(@Ctx() ctx: RequestContext, @Parent() slot: Slot) {
    return byIdLoader(ctx, Shelf).load(slot.shelfId);
  }
}

/** The price version in force at a venue on a business day (today: now). */
async function priceOn(pricing: PricingService, ctx: RequestContext, venueId: string, skuId: string, day: string) {
  const at = day > today(ctx.startedAt) ? startOfBusinessDay(day) : ctx.startedAt;
  const price = await pricing.effectivePriceLoader(ctx, venueId, at).load(skuId);
  return price ? PriceVersion.of(price) : null;
}

@Resolver(() => SlotMapSlot)
export class SlotMapSlotFieldsResolver {
  constructor(private readonly pricing: PricingService) {}

  @ResolveField(() => PriceVersion, { nullable: true, description: "The SKU's price version in force at the venue on the map's day." })
  priceVersion(@Ctx() ctx: RequestContext, @Parent() cell: SlotMapSlot) {
    return cell.assignment ? priceOn(this.pricing, ctx, cell.venueId, cell.assignment.skuId, cell.date) : null;
  }
}

@Resolver(() => SlotAssignment)
export class SlotAssignmentFieldsResolver {
  constructor(private readonly pricing: PricingService) {}

  @ResolveField(() => PriceVersion, {
    nullable: true,
    description: 'The price version in force today (or on the first day, for an assignment yet to start).',
  })
  priceVersion(@Ctx() ctx: RequestContext, @Parent() a: SlotAssignment) {
    const day = today(ctx.startedAt);
    return priceOn(this.pricing, ctx, a.venueId, a.skuId, a.from > day ? a.from : day);
  }

  @ResolveField(() => Slot)
  slot(@Ctx() ctx: RequestContext, @Parent() a: SlotAssignment) {
    return byIdLoader(ctx, Slot).load(a.slotId);
  }

  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() a: SlotAssignment) {
    return byIdLoader(ctx, Sku).load(a.skuId);
  }

  @ResolveField(() => Product, { description: 'The product of the SKU (title, images).' })
  async product(@Ctx() ctx: RequestContext, @Parent() a: SlotAssignment) {
    const sku = await byIdLoader(ctx, Sku).load(a.skuId);
    return sku ? byIdLoader(ctx, Product).load(sku.productId) : null;
  }

  @ResolveField(() => Organization, { description: 'The factory whose SKU stands there.' })
  factory(@Ctx() ctx: RequestContext, @Parent() a: SlotAssignment) {
    return byIdLoader(ctx, Organization).load(a.factoryOrgId);
  }
}

@Resolver(() => SlotRequest)
export class SlotRequestFieldsResolver {
  @ResolveField(() => Slot)
  slot(@Ctx() ctx: RequestContext, @Parent() r: SlotRequest) {
    return byIdLoader(ctx, Slot).load(r.slotId);
  }

  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() r: SlotRequest) {
    return byIdLoader(ctx, Sku).load(r.skuId);
  }
}
