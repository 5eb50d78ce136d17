import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, byForeignKeyLoader, byIdLoader, Ctx, Public, RequestContext, Role, Transactional } from '@xp/core';
import { Organization, Region, Venue } from '@xp/venues';
import { AccessService } from './access.service';
import {
  ChangePasswordInput,
  CreateUserInput,
  GrantMembershipInput,
  LoginInput,
  LoginPayload,
  RevokeMembershipInput,
  SetUserActiveInput,
  UserListArgs,
  UserPage,
} from './dto/access.dto';
import { Membership } from './entities/membership.entity';
import { User } from './entities/user.entity';
import { MEMBERSHIP_VENUES_SQL } from './principal.query';
import { UsersService } from './users.service';

@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly access: AccessService,
    private readonly usersService: UsersService,
  ) {}

  @Mutation(() => LoginPayload, { description: 'Signs in; the token expires (see expiresAt).' })
  @Public()
  @Transactional()
  login(@Ctx() ctx: RequestContext, @Args('input') input: LoginInput) {
    return this.access.login(ctx, input);
  }

  @Query(() => User, { description: 'The signed-in user with its memberships.' })
  @Authenticated()
  me(@Ctx() ctx: RequestContext) {
    return this.access.me(ctx);
  }

  @Query(() => UserPage)
  @Allow(Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN, Role.FACTORY_ADMIN)
  users(@Ctx() ctx: RequestContext, @Args() args: UserListArgs) {
    return this.usersService.list(ctx, args);
  }

  @Query(() => User)
  @Allow(Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN, Role.FACTORY_ADMIN)
  user(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.usersService.findOne(ctx, id);
  }

  @Mutation(() => User)
  @Allow(Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN, Role.FACTORY_ADMIN)
  @Transactional()
  createUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateUserInput) {
    return this.usersService.create(ctx, input);
  }

  @Mutation(() => User)
  @Allow(Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN, Role.FACTORY_ADMIN)
  @Transactional()
  grantMembership(@Ctx() ctx: RequestContext, @Args('input') input: GrantMembershipInput) {
    return this.usersService.grantMembership(ctx, input);
  }

  @Mutation(() => User)
  @Allow(Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN, Role.FACTORY_ADMIN)
  @Transactional()
  revokeMembership(@Ctx() ctx: RequestContext, @Args('input') input: RevokeMembershipInput) {
    return this.usersService.revokeMembership(ctx, input.membershipId);
  }

  @Mutation(() => User, { description: 'Deactivation takes effect at once: the user is signed out everywhere.' })
  @Allow(Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN, Role.FACTORY_ADMIN)
  @Transactional()
  setUserActive(@Ctx() ctx: RequestContext, @Args('input') input: SetUserActiveInput) {
    return this.usersService.setActive(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Changes your password and signs you out everywhere else.' })
  @Authenticated()
  @Transactional()
  changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput) {
    return this.usersService.changePassword(ctx, input);
  }

  @ResolveField(() => [Membership])
  memberships(@Ctx() ctx: RequestContext, @Parent() user: User) {
    return byForeignKeyLoader(ctx, Membership, 'userId').load(user.id);
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @ResolveField(() => Organization)
  organization(@Ctx() ctx: RequestContext, @Parent() m: Membership) {
    return byIdLoader(ctx, Organization).load(m.organizationId);
  }

  @ResolveField(() => Region, { nullable: true })
  region(@Ctx() ctx: RequestContext, @Parent() m: Membership) {
    return m.regionId ? byIdLoader(ctx, Region).load(m.regionId) : null;
  }

  @ResolveField(() => [Venue], { description: 'The venues this membership reaches.' })
  async venues(@Ctx() ctx: RequestContext, @Parent() m: Membership): Promise<Venue[]> {
    const ids = await ctx
      .loader<string, string[]>('membershipVenueIds', async (membershipIds) => {
        const rows: { membership_id: string; venue_id: string }[] = await ctx.manager.query(MEMBERSHIP_VENUES_SQL, [
          [...membershipIds],
        ]);
        return membershipIds.map((id) => rows.filter((r) => r.membership_id === id).map((r) => r.venue_id));
      })
      .load(m.id);
    if (ids.length === 0) return [];
    const venues = await byIdLoader(ctx, Venue).loadMany(ids);
    return venues.filter((v): v is Venue => v instanceof Venue);
  }
}
