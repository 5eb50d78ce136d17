import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Sku } from '@xp/catalog';
import { Allow, byIdLoader, Ctx, DateScalar, DateTimeScalar, RequestContext, Role, Transactional, venueRoles } from '@xp/core';
import { Organization, Venue } from '@xp/venues';
import {
  CreatePriceSheetInput,
  DecidePriceFloorsInput,
  DeletePriceSheetInput,
  ImportPriceSheetInput,
  PriceHistoryArgs,
  PriceSheetLineListArgs,
  PriceSheetListArgs,
  RemoveMarkupPolicyInput,
  ReviewPriceSheetInput,
  SetMarkupPolicyInput,
  SetPricingSettingsInput,
  SubmitPriceSheetInput,
  UpdatePriceSheetInput,
} from './dto/pricing.inputs';
import {
  PriceChange,
  PriceSheetImportReport,
  PriceSheetLinePage,
  PriceSheetPage,
  PriceTier,
  PriceTierQuote,
  PriceVersion,
  PriceVersionPage,
  PricingSettings,
} from './dto/pricing.types';
import { MarkupPolicy, PriceSheet, PriceSheetLine } from './entities/price-sheet.entity';
import { PriceImportService } from './price-import.service';
import { PriceReviewService } from './price-review.service';
import { PriceSheetsService } from './price-sheets.service';
import { POLICY_ROLES, PRICE_ROLES, PRICE_READER_ROLES, SHEET_ROLES } from './pricing.access';
import { changeBasisPoints, isLargeChange, markupTiers, PriceSheetStatus } from './pricing.rules';
import { PricingService } from './pricing.service';

const FACTORY = [Role.FACTORY_ADMIN, Role.FACTORY_STAFF];

@Resolver(() => PriceSheet)
export class PriceSheetResolver {
  constructor(
    private readonly sheets: PriceSheetsService,
    private readonly review: PriceReviewService,
    private readonly imports: PriceImportService,
  ) {}

  @Query(() => PriceSheetPage)
  @Allow(...SHEET_ROLES)
  priceSheets(@Ctx() ctx: RequestContext, @Args() args: PriceSheetListArgs) {
    return this.sheets.list(ctx, args);
  }

  @Query(() => PriceSheet)
  @Allow(...SHEET_ROLES)
  priceSheet(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.sheets.findOne(ctx, id);
  }

  @Mutation(() => PriceSheet)
  @Allow(...FACTORY)
  @Transactional()
  createPriceSheet(@Ctx() ctx: RequestContext, @Args('input') input: CreatePriceSheetInput) {
    return this.sheets.create(ctx, input);
  }

  @Mutation(() => PriceSheet)
  @Allow(...FACTORY)
  @Transactional()
  updatePriceSheet(@Ctx() ctx: RequestContext, @Args('input') input: UpdatePriceSheetInput) {
    return this.sheets.update(ctx, input);
  }

  @Mutation(() => Boolean)
  @Allow(...FACTORY)
  @Transactional()
  deletePriceSheet(@Ctx() ctx: RequestContext, @Args('input') input: DeletePriceSheetInput) {
    return this.sheets.remove(ctx, input);
  }

  @Mutation(() => PriceSheet)
  @Allow(...FACTORY)
  @Transactional()
  submitPriceSheet(@Ctx() ctx: RequestContext, @Args('input') input: SubmitPriceSheetInput) {
    return this.sheets.submit(ctx, input);
  }

  @Mutation(() => PriceSheetImportReport, { description: 'A DRAFT sheet from an uploaded spreadsheet: every row or none.' })
  @Allow(...FACTORY)
  @Transactional()
  importPriceSheet(@Ctx() ctx: RequestContext, @Args('input') input: ImportPriceSheetInput) {
    return this.imports.importSheet(ctx, input);
  }

  @Mutation(() => PriceSheet)
  @Allow(Role.PRICING_REVIEWER)
  @Transactional()
  reviewPriceSheet(@Ctx() ctx: RequestContext, @Args('input') input: ReviewPriceSheetInput) {
    return this.review.review(ctx, input);
  }

  @Mutation(() => PriceSheet, { description: "The second reviewer's decision on requested price floors (four eyes)." })
  @Allow(Role.PRICING_REVIEWER)
  @Transactional()
  decidePriceFloors(@Ctx() ctx: RequestContext, @Args('input') input: DecidePriceFloorsInput) {
    return this.review.decideFloors(ctx, input);
  }

  @ResolveField(() => PriceSheetStatus, { description: 'SUPERSEDED once every approved line has a newer version in force.' })
  status(@Ctx() ctx: RequestContext, @Parent() sheet: PriceSheet) {
    return this.sheets.statusLoader(ctx).load(sheet.id);
  }

  @ResolveField(() => Int)
  lineCount(@Ctx() ctx: RequestContext, @Parent() sheet: PriceSheet) {
    return this.sheets.lineCountLoader(ctx).load(sheet.id);
  }

  @ResolveField(() => PriceSheetLinePage)
  lines(@Ctx() ctx: RequestContext, @Parent() sheet: PriceSheet, @Args() args: PriceSheetLineListArgs) {
    return this.sheets.lines(ctx, sheet, args);
  }

  @ResolveField(() => Venue)
  venue(@Ctx() ctx: RequestContext, @Parent() sheet: PriceSheet) {
    return byIdLoader(ctx, Venue).load(sheet.venueId);
  }

  @ResolveField(() => Organization)
  factory(@Ctx() ctx: RequestContext, @Parent() sheet: PriceSheet) {
    return byIdLoader(ctx, Organization).load(sheet.factoryOrgId);
  }
}

@Resolver(() => PriceSheetLine)
export class PriceSheetLineResolver {
  constructor(private readonly pricing: PricingService) {}

  @ResolveField(() => [PriceTier], { description: 'Supply tiers with the wholesale price of each once reviewed.' })
  tiers(@Parent() line: PriceSheetLine): PriceTier[] {
    return line.tierQuantities.map((minQuantity, i) => ({
      minQuantity,
      supplyPrice: line.supplyPrices[i],
      wholesalePrice: line.wholesalePrices?.[i] ?? null,
    }));
  }

  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() line: PriceSheetLine) {
    return byIdLoader(ctx, Sku).load(line.skuId);
  }

  @ResolveField(() => PriceVersion, {
    nullable: true,
    description: "The price in force now for this SKU at this venue, not counting this sheet's own lines.",
  })
  async currentVersion(@Ctx() ctx: RequestContext, @Parent() line: PriceSheetLine) {
    const price = await this.pricing.effectivePriceLoader(ctx, line.venueId, ctx.startedAt, line.sheetId).load(line.skuId);
    return price ? PriceVersion.of(price) : null;
  }

  @ResolveField(() => PriceChange, { description: 'The proposal against the price in force now, flagged beyond the venue threshold.' })
  async change(@Ctx() ctx: RequestContext, @Parent() line: PriceSheetLine): Promise<PriceChange> {
    const [current, threshold] = await Promise.all([
      this.pricing.effectivePriceLoader(ctx, line.venueId, ctx.startedAt, line.sheetId).load(line.skuId),
      ctx.loader<string, number>('pricing.threshold', (ids) => Promise.all(ids.map((id) => this.pricing.largeChangeThreshold(ctx, id)))).load(line.venueId),
    ]);
    const bp = (before: number | undefined, after: number | undefined) =>
      before !== undefined && after !== undefined ? changeBasisPoints(before, after) : null;
    const supply = bp(current?.supplyTiers[0]?.unitPrice, line.supplyPrices[0]);
    const retail = bp(current?.retailPrice, line.retailPrice);
    const wholesale = bp(current?.wholesaleTiers[0]?.unitPrice, line.wholesalePrices?.[0]);
    const percent = (v: number | null) => (v === null ? null : v / 100);
    return {
      supplyPercent: percent(supply),
      retailPercent: percent(retail),
      wholesalePercent: percent(wholesale),
      large: [supply, retail, wholesale].some((v) => isLargeChange(v, threshold)),
      thresholdBasisPoints: threshold,
    };
  }

  @ResolveField(() => [PriceTierQuote], {
    nullable: true,
    description: "Wholesale tiers from the venue's markup policy (venue staff only; null without a policy).",
  })
  async suggestedWholesaleTiers(@Ctx() ctx: RequestContext, @Parent() line: PriceSheetLine): Promise<PriceTierQuote[] | null> {
    const held = venueRoles(ctx, line.venueId);
    if (!POLICY_ROLES.some((r) => held.has(r))) return null;
    const markup = await ctx
      .loader<string, number | null>(`pricing.markup:${line.venueId}`, async (skuIds) => {
        const map = await this.pricing.markupFor(ctx, line.venueId, skuIds);
        return skuIds.map((id) => map.get(id) ?? null);
      })
      .load(line.skuId);
    if (markup === null) return null;
    return markupTiers(line.tierQuantities.map((q, i) => ({ minQuantity: q, unitPrice: line.supplyPrices[i] })), markup);
  }

  @ResolveField(() => DateScalar, { nullable: true, description: 'For an approved line: the day a newer version takes over.' })
  supersededFrom(@Ctx() ctx: RequestContext, @Parent() line: PriceSheetLine) {
    return line.approvalSeq === null ? null : this.pricing.supersededFromLoader(ctx).load(line.id);
  }
}

@Resolver(() => PriceVersion)
export class PriceVersionResolver {
  constructor(private readonly pricing: PricingService) {}

  @Query(() => PriceVersion, {
    nullable: true,
    description: 'The approved price in force at `at` (default now), with its version id; null when the SKU has none then.',
  })
  @Allow(...PRICE_ROLES)
  effectivePrice(
    @Ctx() ctx: RequestContext,
    @Args('venueId', { type: () => ID }) venueId: string,
    @Args('skuId', { type: () => ID }) skuId: string,
    @Args('at', { type: () => DateTimeScalar, nullable: true }) at?: Date,
  ) {
    return this.pricing.effectivePrice(ctx, venueId, skuId, at);
  }

  @Query(() => PriceVersionPage, { description: 'Every approved version of a SKU at a venue, newest first.' })
  @Allow(...PRICE_ROLES)
  priceHistory(@Ctx() ctx: RequestContext, @Args() args: PriceHistoryArgs) {
    return this.pricing.history(ctx, args);
  }

  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() version: PriceVersion) {
    return byIdLoader(ctx, Sku).load(version.skuId);
  }
}

@Resolver(() => MarkupPolicy)
export class PricingPolicyResolver {
  constructor(private readonly pricing: PricingService) {}

  @Query(() => [MarkupPolicy], { description: "A venue's markup policies (its default has no category)." })
  @Allow(...POLICY_ROLES)
  markupPolicies(@Ctx() ctx: RequestContext, @Args('venueId', { type: () => ID }) venueId: string) {
    return this.pricing.markupPolicies(ctx, venueId);
  }

  @Mutation(() => MarkupPolicy)
  @Allow(Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN)
  @Transactional()
  setMarkupPolicy(@Ctx() ctx: RequestContext, @Args('input') input: SetMarkupPolicyInput) {
    return this.pricing.setMarkupPolicy(ctx, input);
  }

  @Mutation(() => Boolean)
  @Allow(Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN)
  @Transactional()
  removeMarkupPolicy(@Ctx() ctx: RequestContext, @Args('input') input: RemoveMarkupPolicyInput) {
    return this.pricing.removeMarkupPolicy(ctx, input);
  }

  @Query(() => PricingSettings)
  @Allow(Role.PLATFORM_ADMIN, ...PRICE_READER_ROLES)
  pricingSettings(@Ctx() ctx: RequestContext, @Args('venueId', { type: () => ID }) venueId: string) {
    return this.pricing.settings(ctx, venueId);
  }

  @Mutation(() => PricingSettings)
  @Allow(Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN)
  @Transactional()
  setPricingSettings(@Ctx() ctx: RequestContext, @Args('input') input: SetPricingSettingsInput) {
    return this.pricing.setSettings(ctx, input);
  }
}
