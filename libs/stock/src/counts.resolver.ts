import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Sku } from '@xp/catalog';
import { Allow, byForeignKeyLoader, byIdLoader, Ctx, OPERATOR_ROLES, RequestContext, Role, Transactional } from '@xp/core';
import { Venue } from '@xp/venues';
import {
  ApproveStockCountInput,
  CancelStockCountInput,
  StartStockCountInput,
  StockCountListArgs,
  StockCountPage,
  SubmitStockCountInput,
} from './dto/counts.dto';
import { StockCount, StockCountLine } from './entities/stock-count.entity';
import { CountsService } from './counts.service';
import { varianceNeedsAdmin } from './stock.rules';

const READERS = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER, ...OPERATOR_ROLES];

@Resolver(() => StockCount)
export class CountsResolver {
  constructor(private readonly service: CountsService) {}

  @Query(() => StockCountPage)
  @Allow(...READERS)
  stockCounts(@Ctx() ctx: RequestContext, @Args() args: StockCountListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => StockCount)
  @Allow(...READERS)
  stockCount(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Mutation(() => StockCount, { description: 'Starts a count of a location: snapshots the expected quantities.' })
  @Allow(Role.OPERATOR_ADMIN, Role.WAREHOUSE_STAFF)
  @Transactional()
  startStockCount(@Ctx() ctx: RequestContext, @Args('input') input: StartStockCountInput) {
    return this.service.start(ctx, input);
  }

  @Mutation(() => StockCount, { description: 'Records the counted quantities.' })
  @Allow(Role.OPERATOR_ADMIN, Role.WAREHOUSE_STAFF)
  @Transactional()
  submitStockCount(@Ctx() ctx: RequestContext, @Args('input') input: SubmitStockCountInput) {
    return this.service.submit(ctx, input);
  }

  @Mutation(() => StockCount, {
    description: "Turns the variances into ADJUSTMENT movements. Above the venue's threshold only an OPERATOR_ADMIN may approve.",
  })
  @Allow(Role.OPERATOR_ADMIN, Role.WAREHOUSE_STAFF)
  @Transactional()
  approveStockCount(@Ctx() ctx: RequestContext, @Args('input') input: ApproveStockCountInput) {
    return this.service.approve(ctx, input);
  }

  @Mutation(() => StockCount)
  @Allow(Role.OPERATOR_ADMIN, Role.WAREHOUSE_STAFF)
  @Transactional()
  cancelStockCount(@Ctx() ctx: RequestContext, @Args('input') input: CancelStockCountInput) {
    return this.service.cancel(ctx, input);
  }

  @ResolveField(() => [StockCountLine])
  async lines(@Ctx() ctx: RequestContext, @Parent() c: StockCount) {
    const lines = await byForeignKeyLoader(ctx, StockCountLine, 'countId').load(c.id);
    return [...lines].sort((a, b) => (a.skuId < b.skuId ? -1 : 1)).map((l) =>
      Object.assign(Object.create(StockCountLine.prototype) as StockCountLine, l, {
        aboveThreshold: l.variance === null ? null : varianceNeedsAdmin(l.variance, c.varianceThreshold),
      }),
    );
  }

  @ResolveField(() => Venue)
  venue(@Ctx() ctx: RequestContext, @Parent() c: StockCount) {
    return byIdLoader(ctx, Venue).load(c.venueId);
  }
}

@Resolver(() => StockCountLine)
export class CountLineResolver {
  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() l: StockCountLine) {
    return byIdLoader(ctx, Sku).load(l.skuId);
  }
}
