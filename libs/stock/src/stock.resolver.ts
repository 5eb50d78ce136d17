import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Sku } from '@xp/catalog';
import { Allow, byIdLoader, Ctx, OPERATOR_ROLES, RequestContext, Role, Transactional } from '@xp/core';
import { Organization, Venue } from '@xp/venues';
import {
  ReturnToFactoryInput,
  SkuStockAge,
  StockAgeArgs,
  StockAgePage,
  StockBalanceListArgs,
  StockBalancePage,
  StockMovementListArgs,
  StockMovementPage,
  StockOperationResult,
  TransferStockInput,
  UpdateVenueStockSettingsInput,
  WriteOffStockInput,
} from './dto/stock.dto';
import { StockLocation, VenueStockSettings } from './entities/stock-location.entity';
import { StockBalance, StockMovement } from './entities/stock-movement.entity';
import { StockAgeService } from './stock-age.service';
import { StockService } from './stock.service';
import { STOCK_READ_ROLES } from './stock.scope';

const VENUE_READERS = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER, ...OPERATOR_ROLES];

@Resolver(() => StockBalance)
export class StockBalanceResolver {
  constructor(private readonly service: StockService) {}

  @Query(() => StockBalancePage, { description: 'What is where: on hand and reserved per venue, SKU and location.' })
  @Allow(...STOCK_READ_ROLES)
  stockBalances(@Ctx() ctx: RequestContext, @Args() args: StockBalanceListArgs) {
    return this.service.balances(ctx, args);
  }

  @ResolveField(() => Int, { description: 'onHand − reserved: what can still be reserved or moved.' })
  available(@Parent() b: StockBalance) {
    return b.onHand - b.reserved;
  }

  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() b: StockBalance) {
    return byIdLoader(ctx, Sku).load(b.skuId);
  }

  @ResolveField(() => Organization)
  ownerFactory(@Ctx() ctx: RequestContext, @Parent() b: StockBalance) {
    return byIdLoader(ctx, Organization).load(b.ownerFactoryOrgId);
  }

  @ResolveField(() => Venue)
  venue(@Ctx() ctx: RequestContext, @Parent() b: StockBalance) {
    return byIdLoader(ctx, Venue).load(b.venueId);
  }
}

@Resolver(() => StockMovement)
export class StockMovementResolver {
  constructor(private readonly service: StockService) {}

  @Query(() => StockMovementPage, { description: 'The stock ledger, newest first.' })
  @Allow(...STOCK_READ_ROLES)
  stockMovements(@Ctx() ctx: RequestContext, @Args() args: StockMovementListArgs) {
    return this.service.movements(ctx, args);
  }

  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() m: StockMovement) {
    return byIdLoader(ctx, Sku).load(m.skuId);
  }

  @ResolveField(() => Organization)
  ownerFactory(@Ctx() ctx: RequestContext, @Parent() m: StockMovement) {
    return byIdLoader(ctx, Organization).load(m.ownerFactoryOrgId);
  }
}

@Resolver(() => StockLocation)
export class StockLocationResolver {
  constructor(private readonly service: StockService) {}

  @Query(() => [StockLocation], { description: "A venue's stock locations." })
  @Allow(...STOCK_READ_ROLES)
  stockLocations(@Ctx() ctx: RequestContext, @Args('venueId', { type: () => ID }) venueId: string) {
    return this.service.locations(ctx, venueId);
  }

  @Query(() => VenueStockSettings)
  @Allow(...VENUE_READERS)
  venueStockSettings(@Ctx() ctx: RequestContext, @Args('venueId', { type: () => ID }) venueId: string) {
    return this.service.settings(ctx, venueId);
  }

  @Mutation(() => VenueStockSettings)
  @Allow(Role.OPERATOR_ADMIN)
  @Transactional()
  updateVenueStockSettings(@Ctx() ctx: RequestContext, @Args('input') input: UpdateVenueStockSettingsInput) {
    return this.service.updateSettings(ctx, input);
  }

  @Mutation(() => StockOperationResult, { description: 'Moves goods between two locations of a venue (e.g. samples to the SHOWROOM).' })
  @Allow(Role.OPERATOR_ADMIN, Role.WAREHOUSE_STAFF, Role.SHOWROOM_STAFF)
  @Transactional()
  transferStock(@Ctx() ctx: RequestContext, @Args('input') input: TransferStockInput) {
    return this.service.transfer(ctx, input);
  }

  @Mutation(() => StockOperationResult, { description: "Sends a factory's goods back to it." })
  @Allow(Role.OPERATOR_ADMIN, Role.WAREHOUSE_STAFF)
  @Transactional()
  returnToFactory(@Ctx() ctx: RequestContext, @Args('input') input: ReturnToFactoryInput) {
    return this.service.returnToFactory(ctx, input);
  }

  @Mutation(() => StockOperationResult, { description: 'Writes off goods (from DAMAGED by default), with a reason.' })
  @Allow(Role.OPERATOR_ADMIN)
  @Transactional()
  writeOffStock(@Ctx() ctx: RequestContext, @Args('input') input: WriteOffStockInput) {
    return this.service.writeOff(ctx, input);
  }
}

@Resolver(() => SkuStockAge)
export class StockAgeResolver {
  constructor(private readonly ages: StockAgeService) {}

  @Query(() => StockAgePage, { description: 'Units per SKU by days since receipt (first in, first out), oldest first.' })
  @Allow(...STOCK_READ_ROLES)
  stockAge(@Ctx() ctx: RequestContext, @Args() args: StockAgeArgs) {
    return this.ages.list(ctx, args);
  }

  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() a: SkuStockAge) {
    return byIdLoader(ctx, Sku).load(a.skuId);
  }

  @ResolveField(() => Organization)
  ownerFactory(@Ctx() ctx: RequestContext, @Parent() a: SkuStockAge) {
    return byIdLoader(ctx, Organization).load(a.ownerFactoryOrgId);
  }
}
