import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, byIdLoader, Ctx, RequestContext, Role, Transactional } from '@xp/core';
import { Organization } from '@xp/venues';
import { BrandsService } from './brands.service';
import { BrandListArgs, BrandPage, DeclareBrandInput, ReviewBrandInput } from './dto/factories.dto';
import { Brand } from './entities/brand.entity';
import { Document } from './entities/document.entity';

@Resolver(() => Brand)
export class BrandsResolver {
  constructor(private readonly service: BrandsService) {}

  @Query(() => BrandPage, { description: "A factory's own brands; an operator's, those of factories that applied to its venues." })
  @Authenticated()
  brands(@Ctx() ctx: RequestContext, @Args() args: BrandListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => Brand)
  @Authenticated()
  brand(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Mutation(() => Brand, { description: 'Declares a brand with its trademark certificate; the operator verifies it.' })
  @Allow(Role.FACTORY_ADMIN, Role.FACTORY_STAFF)
  @Transactional()
  declareBrand(@Ctx() ctx: RequestContext, @Args('input') input: DeclareBrandInput) {
    return this.service.declare(ctx, input);
  }

  @Mutation(() => Brand, { description: 'VERIFY or REJECT (with a reason) a PENDING brand.' })
  @Allow(Role.OPERATOR_ADMIN, Role.OPERATOR_BD)
  @Transactional()
  reviewBrand(@Ctx() ctx: RequestContext, @Args('input') input: ReviewBrandInput) {
    return this.service.review(ctx, input);
  }

  @ResolveField(() => Organization)
  factory(@Ctx() ctx: RequestContext, @Parent() brand: Brand) {
    return byIdLoader(ctx, Organization).load(brand.factoryOrgId);
  }

  @ResolveField(() => Document, { nullable: true, description: 'The trademark certificate.' })
  certificate(@Ctx() ctx: RequestContext, @Parent() brand: Brand) {
    return brand.certificateDocumentId ? byIdLoader(ctx, Document).load(brand.certificateDocumentId) : null;
  }
}
