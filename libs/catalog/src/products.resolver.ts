import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, byForeignKeyLoader, byIdLoader, Ctx, RequestContext, Role, Transactional } from '@xp/core';
import { Brand } from '@xp/factories';
import { Organization } from '@xp/venues';
import { CreateProductInput, ProductListArgs, ProductPage, UpdateProductInput } from './dto/catalog.dto';
import { Category } from './entities/category.entity';
import { Product } from './entities/product.entity';
import { Sku } from './entities/sku.entity';
import { ProductsService } from './products.service';

const FACTORY = [Role.FACTORY_ADMIN, Role.FACTORY_STAFF] as const;

@Resolver(() => Product)
export class ProductsResolver {
  constructor(private readonly service: ProductsService) {}

  @Query(() => ProductPage)
  @Authenticated()
  products(@Ctx() ctx: RequestContext, @Args() args: ProductListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => Product)
  @Authenticated()
  product(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Mutation(() => Product)
  @Allow(...FACTORY)
  @Transactional()
  createProduct(@Ctx() ctx: RequestContext, @Args('input') input: CreateProductInput) {
    return this.service.create(ctx, input);
  }

  @Mutation(() => Product)
  @Allow(...FACTORY)
  @Transactional()
  updateProduct(@Ctx() ctx: RequestContext, @Args('input') input: UpdateProductInput) {
    return this.service.update(ctx, input);
  }

  @ResolveField(() => [Sku])
  async skus(@Ctx() ctx: RequestContext, @Parent() product: Product) {
    const skus = await byForeignKeyLoader(ctx, Sku, 'productId').load(product.id);
    return [...skus].sort((a, b) => a.code.localeCompare(b.code));
  }

  @ResolveField(() => Category)
  category(@Ctx() ctx: RequestContext, @Parent() product: Product) {
    return byIdLoader(ctx, Category).load(product.categoryId);
  }

  @ResolveField(() => Brand, { nullable: true })
  brand(@Ctx() ctx: RequestContext, @Parent() product: Product) {
    return product.brandId ? byIdLoader(ctx, Brand).load(product.brandId) : null;
  }

  @ResolveField(() => Organization)
  factory(@Ctx() ctx: RequestContext, @Parent() product: Product) {
    return byIdLoader(ctx, Organization).load(product.factoryOrgId);
  }
}
