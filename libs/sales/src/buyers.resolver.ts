import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, byIdLoader, Ctx, Public, RequestContext, Role, Transactional } from '@xp/core';
import { Venue } from '@xp/venues';
import { BuyersService } from './buyers.service';
import {
  BuyerListArgs,
  BuyerPage,
  MemberLevelBasis,
  MemberLevelPolicy,
  RecomputeMemberLevelsInput,
  RegisterBuyerInput,
  UpdateMemberLevelPolicyInput,
} from './dto/buyers.dto';
import { Buyer, MemberLevelRun } from './entities/buyer.entity';
import { MemberLevelsService } from './member-levels.service';
import { SALES_READ_ROLES } from './sales.scope';

@Resolver(() => Buyer)
export class BuyersResolver {
  constructor(
    private readonly service: BuyersService,
    private readonly levels: MemberLevelsService,
  ) {}

  @Mutation(() => Buyer, { description: 'Public: a wholesale buyer registers (one per mobile number); rate-limited.' })
  @Public()
  @Transactional()
  registerBuyer(@Ctx() ctx: RequestContext, @Args('input') input: RegisterBuyerInput) {
    return this.service.register(ctx, input);
  }

  @Query(() => BuyerPage, { description: 'Buyers of your venues (registered or ordered there); a full phone number finds any buyer.' })
  @Allow(...SALES_READ_ROLES)
  buyers(@Ctx() ctx: RequestContext, @Args() args: BuyerListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => Buyer)
  @Allow(...SALES_READ_ROLES)
  buyer(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Query(() => MemberLevelPolicy, { description: 'The platform thresholds of member levels L0–L6.' })
  @Allow(...SALES_READ_ROLES)
  memberLevelPolicy(@Ctx() ctx: RequestContext) {
    return this.levels.policy(ctx);
  }

  @Mutation(() => MemberLevelPolicy)
  @Allow(Role.PLATFORM_ADMIN)
  @Transactional()
  updateMemberLevelPolicy(@Ctx() ctx: RequestContext, @Args('input') input: UpdateMemberLevelPolicyInput) {
    return this.levels.updatePolicy(ctx, input);
  }

  @Mutation(() => MemberLevelRun, { description: "Recomputes every buyer's level for a month (default: the last one). Idempotent." })
  @Allow(Role.PLATFORM_ADMIN)
  @Transactional()
  recomputeMemberLevels(@Ctx() ctx: RequestContext, @Args('input') input: RecomputeMemberLevelsInput) {
    return this.levels.recompute(ctx, input);
  }

  @ResolveField(() => MemberLevelBasis, { nullable: true, description: 'Null until a month was computed for the buyer.' })
  memberLevelBasis(@Ctx() ctx: RequestContext, @Parent() buyer: Buyer) {
    return this.service.basis(ctx, buyer);
  }

  @ResolveField(() => [Venue], { description: 'The venues of yours where the buyer registered or ordered.' })
  async venues(@Ctx() ctx: RequestContext, @Parent() buyer: Buyer): Promise<Venue[]> {
    if (!ctx.principal) return [];
    const ids = await this.service.venueIds(ctx, buyer.id);
    const venues = await byIdLoader(ctx, Venue).loadMany(ids);
    return venues.filter((v): v is Venue => v instanceof Venue);
  }
}
