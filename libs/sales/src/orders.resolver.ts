import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Sku } from '@xp/catalog';
import { Allow, byForeignKeyLoader, byIdLoader, Ctx, DateScalar, RequestContext, Role, Transactional } from '@xp/core';
import { Venue } from '@xp/venues';
import {
  CancelOrderInput,
  CancelReturnInput,
  MarkOrderDeliveredInput,
  MarkOrderPaidInput,
  PlaceOrderInput,
  ReceiveReturnInput,
  RequestReturnInput,
  SalesOrderListArgs,
  SalesOrderPage,
  SalesReturnListArgs,
  SalesReturnPage,
  SetReturnPolicyInput,
  ShipOrderInput,
  UpdateVenueSalesSettingsInput,
} from './dto/orders.dto';
import { FactoryOrderLine, FactoryOrderLineListArgs, FactoryOrderLinePage } from './dto/factory-lines.dto';
import { Buyer } from './entities/buyer.entity';
import { SalesOrder, SalesOrderLine, VenueSalesSettings } from './entities/sales-order.entity';
import { ReturnPolicy, SalesReturn, SalesReturnLine } from './entities/sales-return.entity';
import { OrdersService } from './orders.service';
import { ReturnsService } from './returns.service';
import { SalesQueriesService } from './sales-queries.service';
import { SalesSettingsService } from './sales-settings.service';
import { lastReturnDay } from './sales.rules';
import { FINANCE_ROLES, FULFIL_ROLES, SALES_READ_ROLES, SELL_ROLES } from './sales.scope';

@Resolver(() => SalesOrder)
export class OrdersResolver {
  constructor(
    private readonly orders: OrdersService,
    private readonly queries: SalesQueriesService,
    private readonly settings: SalesSettingsService,
  ) {}

  @Query(() => SalesOrderPage)
  @Allow(...SALES_READ_ROLES)
  salesOrders(@Ctx() ctx: RequestContext, @Args() args: SalesOrderListArgs) {
    return this.queries.list(ctx, args);
  }

  @Query(() => SalesOrder)
  @Allow(...SALES_READ_ROLES)
  salesOrder(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.queries.findOne(ctx, id);
  }

  @Mutation(() => SalesOrder, { description: 'Staff order for a buyer: priced at the wholesale tier in force, stock reserved.' })
  @Allow(...SELL_ROLES)
  @Transactional()
  placeOrder(@Ctx() ctx: RequestContext, @Args('input') input: PlaceOrderInput) {
    return this.orders.place(ctx, input);
  }

  @Mutation(() => SalesOrder)
  @Allow(...FINANCE_ROLES)
  @Transactional()
  markOrderPaid(@Ctx() ctx: RequestContext, @Args('input') input: MarkOrderPaidInput) {
    return this.orders.markPaid(ctx, input);
  }

  @Mutation(() => SalesOrder, { description: 'Ships a paid order from the warehouse (SALE movements).' })
  @Allow(...FULFIL_ROLES)
  @Transactional()
  shipOrder(@Ctx() ctx: RequestContext, @Args('input') input: ShipOrderInput) {
    return this.orders.ship(ctx, input);
  }

  @Mutation(() => SalesOrder)
  @Allow(...FULFIL_ROLES)
  @Transactional()
  markOrderDelivered(@Ctx() ctx: RequestContext, @Args('input') input: MarkOrderDeliveredInput) {
    return this.orders.markDelivered(ctx, input);
  }

  @Mutation(() => SalesOrder, { description: 'Cancels an order not yet shipped and releases its stock.' })
  @Allow(...SELL_ROLES)
  @Transactional()
  cancelOrder(@Ctx() ctx: RequestContext, @Args('input') input: CancelOrderInput) {
    return this.orders.cancel(ctx, input);
  }

  @ResolveField(() => [SalesOrderLine])
  async lines(@Ctx() ctx: RequestContext, @Parent() o: SalesOrder) {
    const lines = await byForeignKeyLoader(ctx, SalesOrderLine, 'orderId').load(o.id);
    return [...lines].sort((a, b) => a.lineNo - b.lineNo);
  }

  @ResolveField(() => [SalesReturn])
  async returns(@Ctx() ctx: RequestContext, @Parent() o: SalesOrder) {
    const returns = await byForeignKeyLoader(ctx, SalesReturn, 'orderId').load(o.id);
    return [...returns].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  }

  @ResolveField(() => Buyer)
  buyer(@Ctx() ctx: RequestContext, @Parent() o: SalesOrder) {
    return byIdLoader(ctx, Buyer).load(o.buyerId);
  }

  @ResolveField(() => Venue)
  venue(@Ctx() ctx: RequestContext, @Parent() o: SalesOrder) {
    return byIdLoader(ctx, Venue).load(o.venueId);
  }

  @ResolveField(() => DateScalar, { nullable: true, description: "The last day a return may be requested under the venue's policy." })
  async returnWindowEndsOn(@Ctx() ctx: RequestContext, @Parent() o: SalesOrder) {
    if (!o.deliveredAt) return null;
    const policy = await ctx
      .loader<string, ReturnPolicy>('sales.currentPolicy', (venueIds) => Promise.all(venueIds.map((v) => this.settings.currentPolicy(ctx, v))))
      .load(o.venueId);
    return lastReturnDay(o.deliveredAt, policy.windowDays);
  }
}

@Resolver(() => SalesOrderLine)
export class OrderLineResolver {
  constructor(private readonly queries: SalesQueriesService) {}

  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() l: SalesOrderLine) {
    return byIdLoader(ctx, Sku).load(l.skuId);
  }

  @ResolveField(() => Int, { description: 'Units taken by returns that are not cancelled.' })
  returnedQuantity(@Ctx() ctx: RequestContext, @Parent() l: SalesOrderLine) {
    return this.queries.returnedQuantity(ctx, l);
  }
}

/** A factory's own order lines: what of its goods sold where, at its supply price (no buyer, no wholesale price). */
@Resolver(() => FactoryOrderLine)
export class FactoryOrderLinesResolver {
  constructor(private readonly queries: SalesQueriesService) {}

  @Query(() => FactoryOrderLinePage, { description: "The lines of your factory's goods on wholesale orders at every venue (factory users)." })
  @Allow(Role.FACTORY_ADMIN, Role.FACTORY_STAFF)
  factoryOrderLines(@Ctx() ctx: RequestContext, @Args() args: FactoryOrderLineListArgs) {
    return this.queries.factoryLines(ctx, args);
  }

  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() l: FactoryOrderLine) {
    return byIdLoader(ctx, Sku).load(l.skuId);
  }

  @ResolveField(() => Venue)
  venue(@Ctx() ctx: RequestContext, @Parent() l: FactoryOrderLine) {
    return byIdLoader(ctx, Venue).load(l.venueId);
  }

  @ResolveField(() => Int, { description: 'Units taken by returns that are not cancelled.' })
  returnedQuantity(@Ctx() ctx: RequestContext, @Parent() l: FactoryOrderLine) {
    return this.queries.returnedQuantity(ctx, l);
  }
}

@Resolver(() => SalesReturn)
export class ReturnsResolver {
  constructor(
    private readonly returns: ReturnsService,
    private readonly queries: SalesQueriesService,
  ) {}

  @Query(() => SalesReturnPage)
  @Allow(...SALES_READ_ROLES)
  salesReturns(@Ctx() ctx: RequestContext, @Args() args: SalesReturnListArgs) {
    return this.queries.listReturns(ctx, args);
  }

  @Query(() => SalesReturn)
  @Allow(...SALES_READ_ROLES)
  salesReturn(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.queries.findReturn(ctx, id);
  }

  @Mutation(() => SalesReturn, { description: "A return within the venue's return window; the policy version is recorded." })
  @Allow(...SELL_ROLES)
  @Transactional()
  requestReturn(@Ctx() ctx: RequestContext, @Args('input') input: RequestReturnInput) {
    return this.returns.request(ctx, input);
  }

  @Mutation(() => SalesReturn, { description: 'The returned goods arrive: back to the WAREHOUSE or to DAMAGED, per line.' })
  @Allow(...FULFIL_ROLES)
  @Transactional()
  receiveReturn(@Ctx() ctx: RequestContext, @Args('input') input: ReceiveReturnInput) {
    return this.returns.receive(ctx, input);
  }

  @Mutation(() => SalesReturn)
  @Allow(...SELL_ROLES)
  @Transactional()
  cancelReturn(@Ctx() ctx: RequestContext, @Args('input') input: CancelReturnInput) {
    return this.returns.cancel(ctx, input);
  }

  @ResolveField(() => [SalesReturnLine])
  async lines(@Ctx() ctx: RequestContext, @Parent() r: SalesReturn) {
    const lines = await byForeignKeyLoader(ctx, SalesReturnLine, 'returnId').load(r.id);
    return [...lines].sort((a, b) => a.lineNo - b.lineNo);
  }

  @ResolveField(() => ReturnPolicy, { description: 'The policy version the return was requested under.' })
  policy(@Ctx() ctx: RequestContext, @Parent() r: SalesReturn) {
    return byIdLoader(ctx, ReturnPolicy).load(r.policyId);
  }

  @ResolveField(() => SalesOrder)
  order(@Ctx() ctx: RequestContext, @Parent() r: SalesReturn) {
    return byIdLoader(ctx, SalesOrder).load(r.orderId);
  }
}

@Resolver(() => SalesReturnLine)
export class ReturnLineResolver {
  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() l: SalesReturnLine) {
    return byIdLoader(ctx, Sku).load(l.skuId);
  }
}

@Resolver(() => VenueSalesSettings)
export class SalesSettingsResolver {
  constructor(private readonly settings: SalesSettingsService) {}

  @Query(() => VenueSalesSettings)
  @Allow(...SALES_READ_ROLES)
  venueSalesSettings(@Ctx() ctx: RequestContext, @Args('venueId', { type: () => ID }) venueId: string) {
    return this.settings.settings(ctx, venueId);
  }

  @Mutation(() => VenueSalesSettings)
  @Allow(...FINANCE_ROLES)
  @Transactional()
  updateVenueSalesSettings(@Ctx() ctx: RequestContext, @Args('input') input: UpdateVenueSalesSettingsInput) {
    return this.settings.update(ctx, input);
  }

  @Query(() => ReturnPolicy, { description: "The return policy in force at a venue (its own latest version, else the platform's)." })
  @Allow(...SALES_READ_ROLES)
  returnPolicy(@Ctx() ctx: RequestContext, @Args('venueId', { type: () => ID }) venueId: string) {
    return this.settings.returnPolicy(ctx, venueId);
  }

  @Mutation(() => ReturnPolicy, { description: 'A new version of the venue return policy.' })
  @Allow(...FINANCE_ROLES)
  @Transactional()
  setReturnPolicy(@Ctx() ctx: RequestContext, @Args('input') input: SetReturnPolicyInput) {
    return this.settings.setReturnPolicy(ctx, input);
  }
}
