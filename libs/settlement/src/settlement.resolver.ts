import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Sku } from '@xp/catalog';
import { Allow, byIdLoader, Ctx, MoneyScalar, RequestContext, Role, Transactional } from '@xp/core';
import { Organization, Venue } from '@xp/venues';
import {
  ConfirmSettlementInput,
  DisputeSettlementInput,
  GenerateSettlementInput,
  IssueSettlementInput,
  MarkSettlementPaidInput,
  SettlementListArgs,
  SettlementPage,
} from './dto/settlement.dto';
import { Settlement, SettlementSalesLine, SettlementStockLine } from './entities/settlement.entity';
import { SETTLEMENT_READ_ROLES, SettlementService } from './settlement.service';

const OPERATOR_ONLY = "Operator's side only (the operator admin, regional managers, platform admins); null for the factory.";

@Resolver(() => Settlement)
export class SettlementResolver {
  constructor(private readonly service: SettlementService) {}

  @Query(() => SettlementPage)
  @Allow(...SETTLEMENT_READ_ROLES)
  settlements(@Ctx() ctx: RequestContext, @Args() args: SettlementListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => Settlement)
  @Allow(...SETTLEMENT_READ_ROLES)
  settlement(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Mutation(() => Settlement, { description: 'Generates (or regenerates a DRAFT or DISPUTED) statement of an ended month.' })
  @Allow(Role.OPERATOR_ADMIN)
  @Transactional()
  generateSettlement(@Ctx() ctx: RequestContext, @Args('input') input: GenerateSettlementInput) {
    return this.service.generate(ctx, input);
  }

  @Mutation(() => Settlement, { description: 'Issues the statement to the factory: the month is closed.' })
  @Allow(Role.OPERATOR_ADMIN)
  @Transactional()
  issueSettlement(@Ctx() ctx: RequestContext, @Args('input') input: IssueSettlementInput) {
    return this.service.issue(ctx, input);
  }

  @Mutation(() => Settlement, { description: "The factory's admin confirms the statement." })
  @Allow(Role.FACTORY_ADMIN)
  @Transactional()
  confirmSettlement(@Ctx() ctx: RequestContext, @Args('input') input: ConfirmSettlementInput) {
    return this.service.confirm(ctx, input);
  }

  @Mutation(() => Settlement, { description: "The factory's admin disputes the statement, with a reason." })
  @Allow(Role.FACTORY_ADMIN)
  @Transactional()
  disputeSettlement(@Ctx() ctx: RequestContext, @Args('input') input: DisputeSettlementInput) {
    return this.service.dispute(ctx, input);
  }

  @Mutation(() => Settlement)
  @Allow(Role.OPERATOR_ADMIN)
  @Transactional()
  markSettlementPaid(@Ctx() ctx: RequestContext, @Args('input') input: MarkSettlementPaidInput) {
    return this.service.markPaid(ctx, input);
  }

  @ResolveField(() => MoneyScalar, { nullable: true, description: `What buyers paid for the units settled. ${OPERATOR_ONLY}` })
  wholesaleAmount(@Ctx() ctx: RequestContext, @Parent() s: Settlement) {
    return this.service.canSeeSpread(ctx, s.venueId) ? s.wholesaleAmount : null;
  }

  @ResolveField(() => MoneyScalar, { nullable: true, description: `The spread the venue kept (wholesale − supply). ${OPERATOR_ONLY}` })
  spreadAmount(@Ctx() ctx: RequestContext, @Parent() s: Settlement) {
    return this.service.canSeeSpread(ctx, s.venueId) ? s.spreadAmount : null;
  }

  @ResolveField(() => [SettlementStockLine], { description: "Per SKU, the ledger's account of the month." })
  stockLines(@Ctx() ctx: RequestContext, @Parent() s: Settlement) {
    return this.service.stockLines(ctx, s.id);
  }

  @ResolveField(() => [SettlementSalesLine], { description: 'Per SKU and recorded price: units sold and returned and their money.' })
  salesLines(@Ctx() ctx: RequestContext, @Parent() s: Settlement) {
    return this.service.salesLines(ctx, s.id);
  }

  @ResolveField(() => Venue)
  venue(@Ctx() ctx: RequestContext, @Parent() s: Settlement) {
    return byIdLoader(ctx, Venue).load(s.venueId);
  }

  @ResolveField(() => Organization)
  factory(@Ctx() ctx: RequestContext, @Parent() s: Settlement) {
    return byIdLoader(ctx, Organization).load(s.factoryOrgId);
  }

  @ResolveField(() => String, { description: 'GET this path for the statement as a PDF (add .csv instead for CSV).' })
  pdfPath(@Parent() s: Settlement) {
    return `/api/settlements/${s.id}.pdf`;
  }
}

@Resolver(() => SettlementStockLine)
export class SettlementStockLineResolver {
  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() l: SettlementStockLine) {
    return byIdLoader(ctx, Sku).load(l.skuId);
  }
}

@Resolver(() => SettlementSalesLine)
export class SettlementSalesLineResolver {
  constructor(private readonly service: SettlementService) {}

  private async operatorSide(ctx: RequestContext, l: SettlementSalesLine): Promise<boolean> {
    const settlement = await byIdLoader(ctx, Settlement).load(l.settlementId);
    return !!settlement && this.service.canSeeSpread(ctx, settlement.venueId);
  }

  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() l: SettlementSalesLine) {
    return byIdLoader(ctx, Sku).load(l.skuId);
  }

  @ResolveField(() => MoneyScalar, { nullable: true, description: OPERATOR_ONLY })
  async wholesaleUnitPrice(@Ctx() ctx: RequestContext, @Parent() l: SettlementSalesLine) {
    return (await this.operatorSide(ctx, l)) ? l.wholesaleUnitPrice : null;
  }

  @ResolveField(() => MoneyScalar, { nullable: true, description: OPERATOR_ONLY })
  async wholesaleAmount(@Ctx() ctx: RequestContext, @Parent() l: SettlementSalesLine) {
    return (await this.operatorSide(ctx, l)) ? l.wholesaleAmount : null;
  }

  @ResolveField(() => MoneyScalar, { nullable: true, description: OPERATOR_ONLY })
  async spreadAmount(@Ctx() ctx: RequestContext, @Parent() l: SettlementSalesLine) {
    return (await this.operatorSide(ctx, l)) ? l.spreadAmount : null;
  }
}
