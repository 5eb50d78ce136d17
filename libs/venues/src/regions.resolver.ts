import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, Ctx, RequestContext, Role, Transactional } from '@xp/core';
import { CreateRegionInput, RegionListArgs, RegionPage } from './dto/venues.dto';
import { Region } from './entities/region.entity';
import { VenuesService } from './venues.service';

@Resolver(() => Region)
export class RegionsResolver {
  constructor(private readonly service: VenuesService) {}

  @Query(() => RegionPage)
  @Authenticated()
  regions(@Ctx() ctx: RequestContext, @Args() args: RegionListArgs) {
    return this.service.listRegions(ctx, args);
  }

  @Query(() => Region)
  @Authenticated()
  region(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findRegion(ctx, id);
  }

  @Mutation(() => Region)
  @Allow(Role.PLATFORM_ADMIN)
  @Transactional()
  createRegion(@Ctx() ctx: RequestContext, @Args('input') input: CreateRegionInput) {
    return this.service.createRegion(ctx, input);
  }
}
