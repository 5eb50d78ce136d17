import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, byIdLoader, Ctx, RequestContext, Role, Transactional } from '@xp/core';
import { CreateOrganizationInput, OrganizationListArgs, OrganizationPage } from './dto/venues.dto';
import { Organization } from './entities/organization.entity';
import { Region } from './entities/region.entity';
import { OrganizationsService } from './organizations.service';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Query(() => OrganizationPage)
  @Authenticated()
  organizations(@Ctx() ctx: RequestContext, @Args() args: OrganizationListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => Organization)
  @Authenticated()
  organization(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Mutation(() => Organization)
  @Allow(Role.PLATFORM_ADMIN)
  @Transactional()
  createOrganization(@Ctx() ctx: RequestContext, @Args('input') input: CreateOrganizationInput) {
    return this.service.create(ctx, input);
  }

  @ResolveField(() => Region, { nullable: true })
  region(@Ctx() ctx: RequestContext, @Parent() org: Organization) {
    return org.regionId ? byIdLoader(ctx, Region).load(org.regionId) : null;
  }
}
