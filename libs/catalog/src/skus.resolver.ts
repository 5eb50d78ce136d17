import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, byIdLoader, Ctx, RequestContext, Role, Transactional } from '@xp/core';
import { CatalogImportReport, CreateSkuInput, ImportCatalogInput, SkuListArgs, SkuPage, UpdateSkuInput } from './dto/catalog.dto';
import { Product } from './entities/product.entity';
import { Sku } from './entities/sku.entity';
import { CatalogImportService } from './import/catalog-import.service';
import { SkusService } from './skus.service';

const FACTORY = [Role.FACTORY_ADMIN, Role.FACTORY_STAFF] as const;

@Resolver(() => Sku)
export class SkusResolver {
  constructor(
    private readonly service: SkusService,
    private readonly importer: CatalogImportService,
  ) {}

  @Query(() => SkuPage, { description: "A factory's own SKUs; venue staff see those of factories admitted at their venues." })
  @Authenticated()
  skus(@Ctx() ctx: RequestContext, @Args() args: SkuListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => Sku)
  @Authenticated()
  sku(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Mutation(() => Sku)
  @Allow(...FACTORY)
  @Transactional()
  createSku(@Ctx() ctx: RequestContext, @Args('input') input: CreateSkuInput) {
    return this.service.create(ctx, input);
  }

  @Mutation(() => Sku)
  @Allow(...FACTORY)
  @Transactional()
  updateSku(@Ctx() ctx: RequestContext, @Args('input') input: UpdateSkuInput) {
    return this.service.update(ctx, input);
  }

  @Mutation(() => CatalogImportReport, {
    description: 'Imports products and SKUs from an uploaded SPREADSHEET document: all rows or none, with a row-level report.',
  })
  @Allow(...FACTORY)
  @Transactional()
  importCatalog(@Ctx() ctx: RequestContext, @Args('input') input: ImportCatalogInput) {
    return this.importer.importCatalog(ctx, input);
  }

  @ResolveField(() => Product)
  product(@Ctx() ctx: RequestContext, @Parent() sku: Sku) {
    return byIdLoader(ctx, Product).load(sku.productId);
  }
}
