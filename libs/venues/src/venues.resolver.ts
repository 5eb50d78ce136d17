import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, byIdLoader, Ctx, RequestContext, Role, Transactional } from '@xp/core';
import { CreateVenueInput, VenueListArgs, VenuePage } from './dto/venues.dto';
import { Organization } from './entities/organization.entity';
import { Region } from './entities/region.entity';
import { Venue } from './entities/venue.entity';
import { VenuesService } from './venues.service';

@Resolver(() => Venue)
export class VenuesResolver {
  constructor(private readonly service: VenuesService) {}

  @Query(() => VenuePage)
  @Authenticated()
  venues(@Ctx() ctx: RequestContext, @Args() args: VenueListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => Venue)
  @Authenticated()
  venue(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Mutation(() => Venue)
  @Allow(Role.PLATFORM_ADMIN)
  @Transactional()
  createVenue(@Ctx() ctx: RequestContext, @Args('input') input: CreateVenueInput) {
    return this.service.create(ctx, input);
  }

  @ResolveField(() => Region)
  region(@Ctx() ctx: RequestContext, @Parent() venue: Venue) {
    return byIdLoader(ctx, Region).load(venue.regionId);
  }

  @ResolveField(() => Organization, { description: 'The chain-lead operator (链主) running the venue.' })
  operator(@Ctx() ctx: RequestContext, @Parent() venue: Venue) {
    return byIdLoader(ctx, Organization).load(venue.operatorOrgId);
  }

  @ResolveField(() => Organization, { nullable: true, description: 'The government hosting the venue.' })
  government(@Ctx() ctx: RequestContext, @Parent() venue: Venue) {
    return venue.governmentOrgId ? byIdLoader(ctx, Organization).load(venue.governmentOrgId) : null;
  }
}
