import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Sku } from '@xp/catalog';
import { Allow, byIdLoader, Ctx, RequestContext, Transactional } from '@xp/core';
import { Slot } from '@xp/showroom';
import { LabelListArgs, LabelPage, MarkLabelsPostedInput, RetireLabelsInput, StaleLabelQueue } from './dto/print-jobs.dto';
import { Label } from './entities/label.entity';
import { LabelRenderer } from './label-renderer';
import { LABEL_PRINTERS, LABEL_READERS } from './labels.access';
import { isStaleAt } from './print.rules';
import { PrintedLabelsService } from './printed-labels.service';

@Resolver(() => Label)
export class PrintedLabelsResolver {
  constructor(
    private readonly service: PrintedLabelsService,
    private readonly renderer: LabelRenderer,
  ) {}

  @Query(() => LabelPage, { description: 'Printed labels (live ones unless a status is asked for).' })
  @Allow(...LABEL_READERS)
  labels(@Ctx() ctx: RequestContext, @Args() args: LabelListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => Label)
  @Allow(...LABEL_READERS)
  label(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Query(() => StaleLabelQueue, { description: 'The reprint queue by zone and shelf: stale labels and printed labels not yet posted.' })
  @Allow(...LABEL_READERS)
  staleLabels(@Ctx() ctx: RequestContext, @Args('venueId', { type: () => ID }) venueId: string) {
    return this.service.staleQueue(ctx, venueId);
  }

  @Mutation(() => [Label], { description: 'Showroom staff confirm these labels are on the shelf.' })
  @Allow(...LABEL_PRINTERS)
  @Transactional()
  markLabelsPosted(@Ctx() ctx: RequestContext, @Args('input') input: MarkLabelsPostedInput) {
    return this.service.markPosted(ctx, input);
  }

  @Mutation(() => [Label], { description: 'Labels taken off the shelf without a replacement (e.g. their slot is empty now).' })
  @Allow(...LABEL_PRINTERS)
  @Transactional()
  retireLabels(@Ctx() ctx: RequestContext, @Args('input') input: RetireLabelsInput) {
    return this.service.retire(ctx, input);
  }

  @ResolveField(() => Boolean, { description: 'Stale now: its slot shows another SKU or its price has a newer version.' })
  stale(@Ctx() ctx: RequestContext, @Parent() label: Label): boolean {
    return label.status !== 'RETIRED' && isStaleAt(label.staleAt, ctx.startedAt);
  }

  @ResolveField(() => String, { description: 'What the QR code encodes: the public scan page.' })
  scanUrl(@Parent() label: Label): string {
    return this.renderer.scanUrl(label.code);
  }

  @ResolveField(() => Slot)
  slot(@Ctx() ctx: RequestContext, @Parent() label: Label) {
    return byIdLoader(ctx, Slot).load(label.slotId);
  }

  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() label: Label) {
    return byIdLoader(ctx, Sku).load(label.skuId);
  }
}
