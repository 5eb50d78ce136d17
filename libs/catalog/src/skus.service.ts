import { Injectable } from '@nestjs/common';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@xp/audit';
import { DomainError, FACTORY_ROLES, FieldError, isUuid, Page, paginate, RequestContext, SortOrder } from '@xp/core';
import { actingFactory, factoryScopeClause } from '@xp/factories';
import { likePattern } from '@xp/venues';
import { attributesProblem, gtinProblem, normalizeGtin, packProblems, skuCodeProblem } from './catalog.rules';
import { categorySubtreeSql } from './categories.service';
import { CreateSkuInput, SkuListArgs, UpdateSkuInput } from './dto/catalog.dto';
import { Sku } from './entities/sku.entity';
import { ProductsService } from './products.service';

/**
 * SKUs: what is priced, shelved, stocked and sold. Scoped like products: the factory's own,
 * venue staff those of factories admitted (APPROVED) at their venues, platform admins all.
 */
@Injectable()
export class SkusService {
  constructor(
    private readonly products: ProductsService,
    private readonly audit: AuditService,
  ) {}

  private scoped(ctx: RequestContext): SelectQueryBuilder<Sku> {
    const { clause, params } = factoryScopeClause(ctx, 's.factory_org_id', 'APPROVED');
    return ctx.manager.getRepository(Sku).createQueryBuilder('s').andWhere(clause, params);
  }

  async list(ctx: RequestContext, args: SkuListArgs): Promise<Page<Sku>> {
    const qb = this.scoped(ctx);
    const f = args.filter ?? {};
    if (f.factoryOrgId) qb.andWhere('s.factoryOrgId = :factoryOrgId', { factoryOrgId: f.factoryOrgId });
    if (f.productId) qb.andWhere('s.productId = :productId', { productId: f.productId });
    if (f.categoryId) {
      qb.andWhere(`s.productId IN (SELECT id FROM products WHERE category_id IN (${categorySubtreeSql('categoryId')}))`, {
        categoryId: f.categoryId,
      });
    }
    if (f.brandId) qb.andWhere('s.productId IN (SELECT id FROM products WHERE brand_id = :brandId)', { brandId: f.brandId });
    if (f.status) qb.andWhere('s.status = :status', { status: f.status });
    if (f.gtin) qb.andWhere('s.gtin = :gtin', { gtin: normalizeGtin(f.gtin) });
    if (f.search) {
      qb.andWhere('(s.code ILIKE :search OR s.productId IN (SELECT id FROM products WHERE title_zh ILIKE :search))', {
        search: likePattern(f.search),
      });
    }
    if (f.venueId) {
      qb.andWhere("s.factoryOrgId IN (SELECT factory_org_id FROM venue_factories WHERE venue_id = :venueId AND status = 'APPROVED')", {
        venueId: f.venueId,
      });
    }
    return paginate(qb, args, { code: 's.code', createdAt: 's.createdAt', updatedAt: 's.updatedAt' }, {
      field: 'code',
      order: SortOrder.ASC,
    });
  }

  async findOne(ctx: RequestContext, id: string): Promise<Sku> {
    if (!isUuid(id)) throw DomainError.notFound('SKU');
    const sku = await this.scoped(ctx).andWhere('s.id = :id', { id }).getOne();
    if (!sku) throw DomainError.notFound('SKU');
    return sku;
  }

  async create(ctx: RequestContext, input: CreateSkuInput): Promise<Sku> {
    const product = await this.products.findOne(ctx, input.productId);
    actingFactory(ctx, product.factoryOrgId, FACTORY_ROLES);
    const moq = input.moq ?? input.packSize;
    const gtin = input.gtin ? normalizeGtin(input.gtin) : null;
    const problems: FieldError[] = [];
    const codeProblem = skuCodeProblem(input.code);
    if (codeProblem) problems.push({ path: 'input.code', message: codeProblem });
    if (gtin && gtinProblem(gtin)) problems.push({ path: 'input.gtin', message: gtinProblem(gtin)! });
    const attributes = input.attributes ?? {};
    const attrProblem = attributesProblem(attributes);
    if (attrProblem) problems.push({ path: 'input.attributes', message: attrProblem });
    for (const p of packProblems(input.packSize, moq)) problems.push({ path: `input.${p.field}`, message: p.message });
    if (problems.length) throw DomainError.validation(problems);
    await this.assertUnique(ctx, product.factoryOrgId, input.code, gtin);
    const repo = ctx.manager.getRepository(Sku);
    const sku = await repo.save(
      repo.create({
        productId: product.id,
        factoryOrgId: product.factoryOrgId,
        code: input.code,
        gtin,
        attributes,
        unit: input.unit,
        packSize: input.packSize,
        moq,
        weightGrams: input.weightGrams ?? null,
      }),
    );
    await this.audit.record(ctx, { action: 'sku.created', entityType: 'Sku', entityId: sku.id, actorOrgId: sku.factoryOrgId, after: { ...input, moq, gtin } });
    return sku;
  }

  /** Changes a SKU; its code stays (labels, price sheets and stock refer to it). */
  async update(ctx: RequestContext, input: UpdateSkuInput): Promise<Sku> {
    const sku = await this.findOne(ctx, input.id);
    actingFactory(ctx, sku.factoryOrgId, FACTORY_ROLES);
    const patch: Partial<Sku> = {};
    const problems: FieldError[] = [];
    if (input.clearGtin) patch.gtin = null;
    else if (input.gtin !== undefined) {
      const gtin = normalizeGtin(input.gtin);
      const p = gtinProblem(gtin);
      if (p) problems.push({ path: 'input.gtin', message: p });
      else if (gtin !== sku.gtin) patch.gtin = gtin;
    }
    if (input.attributes !== undefined) {
      const p = attributesProblem(input.attributes);
      if (p) problems.push({ path: 'input.attributes', message: p });
      else patch.attributes = input.attributes;
    }
    if (input.unit !== undefined) patch.unit = input.unit;
    if (input.weightGrams !== undefined) patch.weightGrams = input.weightGrams;
    if (input.status) patch.status = input.status;
    const packSize = input.packSize ?? sku.packSize;
    const moq = input.moq ?? sku.moq;
    if (input.packSize !== undefined || input.moq !== undefined) {
      for (const p of packProblems(packSize, moq)) problems.push({ path: `input.${p.field}`, message: p.message });
      patch.packSize = packSize;
      patch.moq = moq;
    }
    if (problems.length) throw DomainError.validation(problems);
    if (patch.gtin) await this.assertUnique(ctx, sku.factoryOrgId, null, patch.gtin);
    if (Object.keys(patch).length === 0) return sku;
    await ctx.manager.getRepository(Sku).update(sku.id, patch);
    await this.audit.record(ctx, {
      action: 'sku.updated',
      entityType: 'Sku',
      entityId: sku.id,
      actorOrgId: sku.factoryOrgId,
      before: Object.fromEntries(Object.keys(patch).map((k) => [k, sku[k as keyof Sku]])),
      after: patch,
    });
    return ctx.manager.getRepository(Sku).findOneByOrFail({ id: sku.id });
  }

  private async assertUnique(ctx: RequestContext, factoryOrgId: string, code: string | null, gtin: string | null): Promise<void> {
    const repo = ctx.manager.getRepository(Sku);
    if (code && (await repo.existsBy({ factoryOrgId, code }))) {
      throw DomainError.duplicate(`You already have a SKU with code ${code}.`);
    }
    if (gtin && (await repo.existsBy({ factoryOrgId, gtin }))) {
      throw DomainError.duplicate(`Another of your SKUs already carries the barcode ${gtin}.`);
    }
  }

  /**
   * Of `skuIds`, those that may be shown at `venueId`: active SKUs of factories admitted
   * (APPROVED) there. For the showroom ("only an admitted factory's products are shown").
   */
  async admittedSkus(manager: EntityManager, venueId: string, skuIds: readonly string[]): Promise<Map<string, Sku>> {
    const ids = [...new Set(skuIds)].filter(isUuid);
    if (ids.length === 0) return new Map();
    const skus = await manager
      .getRepository(Sku)
      .createQueryBuilder('s')
      .where({ id: In(ids) })
      .andWhere("s.status = 'ACTIVE'")
      .andWhere("s.factoryOrgId IN (SELECT factory_org_id FROM venue_factories WHERE venue_id = :venueId AND status = 'APPROVED')", { venueId })
      .getMany();
    return new Map(skus.map((s) => [s.id, s]));
  }
}
