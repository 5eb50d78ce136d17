import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, byForeignKeyLoader, byIdLoader, Ctx, RequestContext, Role, Transactional } from '@xp/core';
import { VenueFactory, VenueFactoryCategory } from '@xp/factories';
import { CategoriesService } from './categories.service';
import { CategoryListArgs, CategoryPage, CreateCategoryInput } from './dto/catalog.dto';
import { Category } from './entities/category.entity';

@Resolver(() => Category)
export class CategoriesResolver {
  constructor(private readonly service: CategoriesService) {}

  @Query(() => CategoryPage, { description: 'The category tree (use parent/children, or filter by parentId / rootsOnly).' })
  @Authenticated()
  categories(@Ctx() ctx: RequestContext, @Args() args: CategoryListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => Category)
  @Authenticated()
  category(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }

  @Mutation(() => Category)
  @Allow(Role.PLATFORM_ADMIN)
  @Transactional()
  createCategory(@Ctx() ctx: RequestContext, @Args('input') input: CreateCategoryInput) {
    return this.service.create(ctx, input);
  }

  @ResolveField(() => Category, { nullable: true })
  parent(@Ctx() ctx: RequestContext, @Parent() category: Category) {
    return category.parentId ? byIdLoader(ctx, Category).load(category.parentId) : null;
  }

  @ResolveField(() => [Category])
  async children(@Ctx() ctx: RequestContext, @Parent() category: Category) {
    const children = await byForeignKeyLoader(ctx, Category, 'parentId').load(category.id);
    return [...children].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  }
}

/** The categories an application names (the catalog owns the Category type). */
@Resolver(() => VenueFactory)
export class VenueFactoryCategoriesResolver {
  @ResolveField(() => [Category], { description: 'The categories applied for.' })
  async categories(@Ctx() ctx: RequestContext, @Parent() vf: VenueFactory) {
    const links = await byForeignKeyLoader(ctx, VenueFactoryCategory, 'venueFactoryId').load(vf.id);
    const categories = await byIdLoader(ctx, Category).loadMany(links.map((l) => l.categoryId));
    return categories.filter((c): c is Category => c instanceof Category);
  }
}
