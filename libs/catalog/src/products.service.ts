import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@xp/audit';
import { DomainError, FACTORY_ROLES, isUuid, Page, paginate, RequestContext, SortOrder } from '@xp/core';
import { actingFactory, Brand, BrandStatus, DocumentKind, DocumentsService, factoryScopeClause } from '@xp/factories';
import { likePattern } from '@xp/venues';
import { CategoriesService, categorySubtreeSql } from './categories.service';
import { CreateProductInput, ProductListArgs, UpdateProductInput } from './dto/catalog.dto';
import { Product } from './entities/product.entity';

/**
 * A factory's products. The factory sees its own; venue staff those of factories admitted
 * (APPROVED) at their venues; platform admins all; anyone else none (NOT_FOUND).
 */
@Injectable()
export class ProductsService {
  constructor(
    private readonly categories: CategoriesService,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
  ) {}

  scoped(ctx: RequestContext, alias = 'p'): SelectQueryBuilder<Product> {
    const { clause, params } = factoryScopeClause(ctx, `${alias}.factory_org_id`, 'APPROVED');
    return ctx.manager.getRepository(Product).createQueryBuilder(alias).andWhere(clause, params);
  }

  async list(ctx: RequestContext, args: ProductListArgs): Promise<Page<Product>> {
    const qb = this.scoped(ctx);
    const f = args.filter ?? {};
    if (f.factoryOrgId) qb.andWhere('p.factoryOrgId = :factoryOrgId', { factoryOrgId: f.factoryOrgId });
    if (f.categoryId) qb.andWhere(`p.categoryId IN (${categorySubtreeSql('categoryId')})`, { categoryId: f.categoryId });
    if (f.brandId) qb.andWhere('p.brandId = :brandId', { brandId: f.brandId });
    if (f.status) qb.andWhere('p.status = :status', { status: f.status });
    if (f.search) qb.andWhere('(p.titleZh ILIKE :search OR p.titleEn ILIKE :search)', { search: likePattern(f.search) });
    if (f.venueId) {
      qb.andWhere("p.factoryOrgId IN (SELECT factory_org_id FROM venue_factories WHERE venue_id = :venueId AND status = 'APPROVED')", {
        venueId: f.venueId,
      });
    }
    return paginate(qb, args, { createdAt: 'p.createdAt', updatedAt: 'p.updatedAt', titleZh: 'p.titleZh' }, {
      field: 'createdAt',
      order: SortOrder.DESC,
    });
  }

  async findOne(ctx: RequestContext, id: string): Promise<Product> {
    if (!isUuid(id)) throw DomainError.notFound('Product');
    const product = await this.scoped(ctx).andWhere('p.id = :id', { id }).getOne();
    if (!product) throw DomainError.notFound('Product');
    return product;
  }

  async create(ctx: RequestContext, input: CreateProductInput): Promise<Product> {
    const factoryOrgId = actingFactory(ctx, input.factoryOrgId, FACTORY_ROLES);
    await this.categories.assertLeaf(ctx, input.categoryId, 'input.categoryId');
    if (input.brandId) await this.assertBrand(ctx, factoryOrgId, input.brandId);
    await this.documents.assertOwned(ctx, factoryOrgId, input.imageDocumentIds, 'input.imageDocumentIds', {
      kinds: [DocumentKind.PRODUCT_IMAGE],
      list: true,
    });
    const repo = ctx.manager.getRepository(Product);
    const product = await repo.save(
      repo.create({
        factoryOrgId,
        categoryId: input.categoryId,
        brandId: input.brandId ?? null,
        titleZh: input.titleZh,
        titleEn: input.titleEn ?? null,
        description: input.description ?? null,
        imageDocumentIds: [...new Set(input.imageDocumentIds)],
      }),
    );
    await this.audit.record(ctx, { action: 'product.created', entityType: 'Product', entityId: product.id, actorOrgId: factoryOrgId, after: input });
    return product;
  }

  async update(ctx: RequestContext, input: UpdateProductInput): Promise<Product> {
    const product = await this.findOne(ctx, input.id);
    actingFactory(ctx, product.factoryOrgId, FACTORY_ROLES);
    const patch: Partial<Product> = {};
    if (input.categoryId && input.categoryId !== product.categoryId) {
      await this.categories.assertLeaf(ctx, input.categoryId, 'input.categoryId');
      patch.categoryId = input.categoryId;
    }
    if (input.clearBrand) patch.brandId = null;
    else if (input.brandId) {
      await this.assertBrand(ctx, product.factoryOrgId, input.brandId);
      patch.brandId = input.brandId;
    }
    if (input.titleZh !== undefined) patch.titleZh = input.titleZh;
    if (input.titleEn !== undefined) patch.titleEn = input.titleEn || null;
    if (input.description !== undefined) patch.description = input.description || null;
    if (input.status) patch.status = input.status;
    if (input.imageDocumentIds) {
      await this.documents.assertOwned(ctx, product.factoryOrgId, input.imageDocumentIds, 'input.imageDocumentIds', {
        kinds: [DocumentKind.PRODUCT_IMAGE],
        list: true,
      });
      patch.imageDocumentIds = [...new Set(input.imageDocumentIds)];
    }
    if (Object.keys(patch).length === 0) return product;
    await ctx.manager.getRepository(Product).update(product.id, patch);
    await this.audit.record(ctx, {
      action: 'product.updated',
      entityType: 'Product',
      entityId: product.id,
      actorOrgId: product.factoryOrgId,
      before: Object.fromEntries(Object.keys(patch).map((k) => [k, product[k as keyof Product]])),
      after: patch,
    });
    return ctx.manager.getRepository(Product).findOneByOrFail({ id: product.id });
  }

  private async assertBrand(ctx: RequestContext, factoryOrgId: string, brandId: string): Promise<void> {
    const brand = await ctx.manager.getRepository(Brand).findOneBy({ id: brandId, factoryOrgId });
    if (!brand) throw DomainError.field('input.brandId', 'is not one of your brands');
    if (brand.status === BrandStatus.REJECTED) throw DomainError.field('input.brandId', 'was rejected by the operator and cannot be used');
  }
}
