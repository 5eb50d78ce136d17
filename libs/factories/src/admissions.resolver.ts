import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, byForeignKeyLoader, byIdLoader, Ctx, Public, RequestContext, Role, Transactional } from '@xp/core';
import { Organization, Venue } from '@xp/venues';
import { AdmissionsService } from './admissions.service';
import {
  ApplyToVenueInput,
  RegisterFactoryInput,
  RegisterFactoryPayload,
  ReinstateVenueFactoryInput,
  ReviewVenueFactoryInput,
  SubmitVenueFactoryInput,
  SuspendVenueFactoryInput,
  UpdateVenueFactoryInput,
  VenueFactoryListArgs,
  VenueFactoryPage,
} from './dto/factories.dto';
import { Document } from './entities/document.entity';
import { VenueFactory, VenueFactoryCategory, VenueFactoryDocument, VenueFactoryEvent } from './entities/venue-factory.entity';
import { RegistrationService } from './registration.service';

const REVIEWERS = [Role.OPERATOR_ADMIN, Role.OPERATOR_BD] as const;

@Resolver(() => VenueFactory)
export class AdmissionsResolver {
  constructor(
    private readonly admissions: AdmissionsService,
    private readonly registration: RegistrationService,
  ) {}

  @Mutation(() => RegisterFactoryPayload, { description: 'A factory signs itself up: its organization and first FACTORY_ADMIN.' })
  @Public()
  @Transactional()
  registerFactory(@Ctx() ctx: RequestContext, @Args('input') input: RegisterFactoryInput) {
    return this.registration.registerFactory(ctx, input);
  }

  @Query(() => VenueFactoryPage, {
    description: "Applications: a factory's own; a venue's review queue for its staff (filter status: [SUBMITTED]).",
  })
  @Authenticated()
  venueFactories(@Ctx() ctx: RequestContext, @Args() args: VenueFactoryListArgs) {
    return this.admissions.list(ctx, args);
  }

  @Query(() => VenueFactory)
  @Authenticated()
  venueFactory(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.admissions.findOne(ctx, id);
  }

  @Mutation(() => VenueFactory, { description: 'Starts an application (DRAFT) to a venue, with the agreement terms.' })
  @Allow(Role.FACTORY_ADMIN)
  @Transactional()
  applyToVenue(@Ctx() ctx: RequestContext, @Args('input') input: ApplyToVenueInput) {
    return this.admissions.apply(ctx, input);
  }

  @Mutation(() => VenueFactory, { description: 'Changes a DRAFT or CHANGES_REQUESTED application.' })
  @Allow(Role.FACTORY_ADMIN)
  @Transactional()
  updateVenueFactory(@Ctx() ctx: RequestContext, @Args('input') input: UpdateVenueFactoryInput) {
    return this.admissions.update(ctx, input);
  }

  @Mutation(() => VenueFactory, { description: 'Submits (or resubmits after a change request) an application for review.' })
  @Allow(Role.FACTORY_ADMIN)
  @Transactional()
  submitVenueFactory(@Ctx() ctx: RequestContext, @Args('input') input: SubmitVenueFactoryInput) {
    return this.admissions.submit(ctx, input);
  }

  @Mutation(() => VenueFactory, { description: 'APPROVE, REJECT or REQUEST_CHANGES (the last two with a reason).' })
  @Allow(...REVIEWERS)
  @Transactional()
  reviewVenueFactory(@Ctx() ctx: RequestContext, @Args('input') input: ReviewVenueFactoryInput) {
    return this.admissions.review(ctx, input);
  }

  @Mutation(() => VenueFactory, { description: 'Suspends an admitted factory at the venue (with a reason).' })
  @Allow(...REVIEWERS)
  @Transactional()
  suspendVenueFactory(@Ctx() ctx: RequestContext, @Args('input') input: SuspendVenueFactoryInput) {
    return this.admissions.suspend(ctx, input);
  }

  @Mutation(() => VenueFactory, { description: 'Lifts a suspension: the factory is APPROVED again.' })
  @Allow(...REVIEWERS)
  @Transactional()
  reinstateVenueFactory(@Ctx() ctx: RequestContext, @Args('input') input: ReinstateVenueFactoryInput) {
    return this.admissions.reinstate(ctx, input);
  }

  @ResolveField(() => Venue)
  venue(@Ctx() ctx: RequestContext, @Parent() vf: VenueFactory) {
    return byIdLoader(ctx, Venue).load(vf.venueId);
  }

  @ResolveField(() => Organization)
  factory(@Ctx() ctx: RequestContext, @Parent() vf: VenueFactory) {
    return byIdLoader(ctx, Organization).load(vf.factoryOrgId);
  }

  @ResolveField(() => [VenueFactoryEvent], { description: 'Every step with its reason, oldest first.' })
  async events(@Ctx() ctx: RequestContext, @Parent() vf: VenueFactory) {
    const events = await byForeignKeyLoader(ctx, VenueFactoryEvent, 'venueFactoryId').load(vf.id);
    return [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  }

  @ResolveField(() => [ID], { description: 'The categories applied for.' })
  async categoryIds(@Ctx() ctx: RequestContext, @Parent() vf: VenueFactory) {
    return (await byForeignKeyLoader(ctx, VenueFactoryCategory, 'venueFactoryId').load(vf.id)).map((c) => c.categoryId);
  }

  @ResolveField(() => [Document], { description: 'The papers attached to the application.' })
  async documents(@Ctx() ctx: RequestContext, @Parent() vf: VenueFactory) {
    const links = await byForeignKeyLoader(ctx, VenueFactoryDocument, 'venueFactoryId').load(vf.id);
    const documents = await byIdLoader(ctx, Document).loadMany(links.map((l) => l.documentId));
    return documents.filter((d): d is Document => d instanceof Document);
  }
}
