import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Sku } from '@xp/catalog';
import { Allow, byForeignKeyLoader, byIdLoader, Ctx, FACTORY_ROLES, RequestContext, Role, Transactional } from '@xp/core';
import { Organization, Venue } from '@xp/venues';
import {
  CancelConsignmentReceiptInput,
  ConsignmentReceiptListArgs,
  ConsignmentReceiptPage,
  DeclareConsignmentInput,
  ReceiveConsignmentInput,
} from './dto/receipts.dto';
import { ConsignmentReceipt, ConsignmentReceiptLine } from './entities/consignment-receipt.entity';
import { ReceiptsService } from './receipts.service';
import { STOCK_READ_ROLES, WAREHOUSE_ROLES } from './stock.scope';

@Resolver(() => ConsignmentReceipt)
export class ReceiptsResolver {
  constructor(private readonly service: ReceiptsService) {}

  @Query(() => ConsignmentReceiptPage)
  @Allow(...STOCK_READ_ROLES)
  consignmentReceipts(@Ctx() ctx: RequestContext, @Args() args: ConsignmentReceiptListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => ConsignmentReceipt)
  @Allow(...STOCK_READ_ROLES)
  consignmentReceipt(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Mutation(() => ConsignmentReceipt, { description: 'A delivery note with declared quantities (the factory, or the warehouse for it).' })
  @Allow(...FACTORY_ROLES, ...WAREHOUSE_ROLES)
  @Transactional()
  declareConsignment(@Ctx() ctx: RequestContext, @Args('input') input: DeclareConsignmentInput) {
    return this.service.declare(ctx, input);
  }

  @Mutation(() => ConsignmentReceipt, { description: 'The warehouse records what arrived; the goods enter the WAREHOUSE.' })
  @Allow(Role.OPERATOR_ADMIN, Role.WAREHOUSE_STAFF)
  @Transactional()
  receiveConsignment(@Ctx() ctx: RequestContext, @Args('input') input: ReceiveConsignmentInput) {
    return this.service.receive(ctx, input);
  }

  @Mutation(() => ConsignmentReceipt)
  @Allow(...FACTORY_ROLES, ...WAREHOUSE_ROLES)
  @Transactional()
  cancelConsignmentReceipt(@Ctx() ctx: RequestContext, @Args('input') input: CancelConsignmentReceiptInput) {
    return this.service.cancel(ctx, input);
  }

  @ResolveField(() => [ConsignmentReceiptLine])
  async lines(@Ctx() ctx: RequestContext, @Parent() r: ConsignmentReceipt) {
    const lines = await byForeignKeyLoader(ctx, ConsignmentReceiptLine, 'receiptId').load(r.id);
    return [...lines].sort((a, b) => a.lineNo - b.lineNo);
  }

  @ResolveField(() => Int)
  async declaredTotal(@Ctx() ctx: RequestContext, @Parent() r: ConsignmentReceipt) {
    const lines = await byForeignKeyLoader(ctx, ConsignmentReceiptLine, 'receiptId').load(r.id);
    return lines.reduce((sum, l) => sum + l.declaredQuantity, 0);
  }

  @ResolveField(() => Int, { nullable: true, description: 'Null until received.' })
  async receivedTotal(@Ctx() ctx: RequestContext, @Parent() r: ConsignmentReceipt) {
    if (r.receivedAt === null) return null;
    const lines = await byForeignKeyLoader(ctx, ConsignmentReceiptLine, 'receiptId').load(r.id);
    return lines.reduce((sum, l) => sum + (l.receivedQuantity ?? 0), 0);
  }

  @ResolveField(() => Organization)
  factory(@Ctx() ctx: RequestContext, @Parent() r: ConsignmentReceipt) {
    return byIdLoader(ctx, Organization).load(r.factoryOrgId);
  }

  @ResolveField(() => Venue)
  venue(@Ctx() ctx: RequestContext, @Parent() r: ConsignmentReceipt) {
    return byIdLoader(ctx, Venue).load(r.venueId);
  }
}

@Resolver(() => ConsignmentReceiptLine)
export class ReceiptLineResolver {
  @ResolveField(() => Sku)
  sku(@Ctx() ctx: RequestContext, @Parent() l: ConsignmentReceiptLine) {
    return byIdLoader(ctx, Sku).load(l.skuId);
  }
}
