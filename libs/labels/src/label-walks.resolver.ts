import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, RequestContext, Transactional } from '@xp/core';
import { FinishLabelWalkInput, LabelWalkListArgs, LabelWalkPage, StartLabelWalkInput, VerifyLabelInput, VerifyLabelPayload } from './dto/walks.dto';
import { LabelWalk, LabelWalkCheck } from './entities/label-walk.entity';
import { LabelWalksService } from './label-walks.service';
import { LABEL_PRINTERS, LABEL_READERS } from './labels.access';
import { userDisplayName } from './user-names';

@Resolver(() => LabelWalk)
export class LabelWalksResolver {
  constructor(private readonly walks: LabelWalksService) {}

  @Mutation(() => LabelWalk, { description: 'Starts a verify walk along a shelf.' })
  @Allow(...LABEL_PRINTERS)
  @Transactional()
  startLabelWalk(@Ctx() ctx: RequestContext, @Args('input') input: StartLabelWalkInput) {
    return this.walks.start(ctx, input);
  }

  @Mutation(() => VerifyLabelPayload, { description: 'Checks one scanned label: current, stale (and what replaces it), retired or unknown.' })
  @Allow(...LABEL_PRINTERS)
  @Transactional()
  verifyLabel(@Ctx() ctx: RequestContext, @Args('input') input: VerifyLabelInput) {
    return this.walks.verify(ctx, input);
  }

  @Mutation(() => LabelWalk)
  @Allow(...LABEL_PRINTERS)
  @Transactional()
  finishLabelWalk(@Ctx() ctx: RequestContext, @Args('input') input: FinishLabelWalkInput) {
    return this.walks.finish(ctx, input);
  }

  @Query(() => LabelWalkPage)
  @Allow(...LABEL_READERS)
  labelWalks(@Ctx() ctx: RequestContext, @Args() args: LabelWalkListArgs) {
    return this.walks.list(ctx, args);
  }

  @Query(() => LabelWalk)
  @Allow(...LABEL_READERS)
  labelWalk(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.walks.findOne(ctx, id);
  }

  @ResolveField(() => [LabelWalkCheck])
  checks(@Ctx() ctx: RequestContext, @Parent() walk: LabelWalk) {
    return this.walks.checksLoader(ctx).load(walk.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'The display name of who walked the shelf.' })
  startedByName(@Ctx() ctx: RequestContext, @Parent() walk: LabelWalk): Promise<string | null> {
    return userDisplayName(ctx, walk.startedBy);
  }
}
