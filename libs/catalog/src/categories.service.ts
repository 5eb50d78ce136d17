import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import { DomainError, isUuid, Page, paginate, RequestContext, SortOrder } from '@xp/core';
import { likePattern } from '@xp/venues';
import { CategoryListArgs, CreateCategoryInput } from './dto/catalog.dto';
import { Category } from './entities/category.entity';

/** SQL selecting a category and every category below it, for `:param`. */
export function categorySubtreeSql(param: string): string {
  return `WITH RECURSIVE subtree AS (
      SELECT id FROM categories WHERE id = :${param}
      UNION ALL SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id)
    SELECT id FROM subtree`;
}

/** The platform's category tree (类目): everyone signed in reads it; platform admins grow it. */
@Injectable()
export class CategoriesService {
  constructor(private readonly audit: AuditService) {}

  async list(ctx: RequestContext, args: CategoryListArgs): Promise<Page<Category>> {
    ctx.requirePrincipal();
    const qb = ctx.manager.getRepository(Category).createQueryBuilder('c');
    const f = args.filter ?? {};
    if (f.parentId) qb.andWhere('c.parentId = :parentId', { parentId: f.parentId });
    if (f.rootsOnly) qb.andWhere('c.parentId IS NULL');
    if (f.active !== undefined) qb.andWhere('c.active = :active', { active: f.active });
    if (f.search) {
      qb.andWhere('(c.code ILIKE :search OR c.nameZh ILIKE :search OR c.nameEn ILIKE :search)', { search: likePattern(f.search) });
    }
    return paginate(qb, args, { sortOrder: 'c.sortOrder', code: 'c.code', nameZh: 'c.nameZh' }, { field: 'sortOrder', order: SortOrder.ASC });
  }

  async findOne(ctx: RequestContext, id: string): Promise<Category> {
    ctx.requirePrincipal();
    const category = isUuid(id) ? await ctx.manager.getRepository(Category).findOneBy({ id }) : null;
    if (!category) throw DomainError.notFound('Category');
    return category;
  }

  async create(ctx: RequestContext, input: CreateCategoryInput): Promise<Category> {
    const repo = ctx.manager.getRepository(Category);
    if (input.parentId && !(await repo.existsBy({ id: input.parentId }))) throw DomainError.field('input.parentId', 'is not a category');
    if (await repo.existsBy({ code: input.code })) throw DomainError.duplicate(`A category with code ${input.code} already exists.`);
    const category = await repo.save(
      repo.create({ code: input.code, nameZh: input.nameZh, nameEn: input.nameEn ?? null, parentId: input.parentId ?? null, sortOrder: input.sortOrder }),
    );
    await this.audit.record(ctx, { action: 'category.created', entityType: 'Category', entityId: category.id, after: input });
    return category;
  }

  /**
   * An active leaf category (products hang from leaves), or VALIDATION_FAILED on `path`
   * naming the subcategories to use instead.
   */
  async assertLeaf(ctx: RequestContext, id: string, path: string): Promise<Category> {
    const category = await ctx.manager.getRepository(Category).findOneBy({ id });
    if (!category || !category.active) throw DomainError.field(path, 'is not an active category');
    const children = await ctx.manager.getRepository(Category).find({ where: { parentId: id }, order: { sortOrder: 'ASC' } });
    if (children.length) {
      throw DomainError.field(path, `is a parent category; choose one of its subcategories: ${children.map((c) => c.code).join(', ')}`);
    }
    return category;
  }
}
