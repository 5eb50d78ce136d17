import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@xp/audit';
import {
  domainEvent,
  DomainError,
  FACTORY_ROLES,
  isUuid,
  Page,
  paginate,
  reachableVenueIds,
  RequestContext,
  SortOrder,
} from '@xp/core';
import { likePattern, Venue } from '@xp/venues';
import { DocumentsService } from './documents/documents.service';
import { BrandListArgs, DeclareBrandInput, ReviewBrandInput } from './dto/factories.dto';
import { Brand, BrandStatus } from './entities/brand.entity';
import { DocumentKind } from './entities/document.entity';
import { BrandDecision, nextBrandStatus, normalizeTrademarkRegNo, trademarkRegNoProblem } from './factories.rules';
import { actingFactory, factoryScopeClause, REVIEWER_ROLES } from './factories.scope';

export const BRAND_REVIEWED = 'BrandReviewed';

/**
 * A factory's brands with their trademarks. The operator of a venue the factory applied to
 * verifies them; only a verified brand's owner may later ask for a price floor (控价).
 */
@Injectable()
export class BrandsService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
  ) {}

  private scoped(ctx: RequestContext): SelectQueryBuilder<Brand> {
    const { clause, params } = factoryScopeClause(ctx, 'b.factory_org_id');
    return ctx.manager.getRepository(Brand).createQueryBuilder('b').andWhere(clause, params);
  }

  async list(ctx: RequestContext, args: BrandListArgs): Promise<Page<Brand>> {
    const qb = this.scoped(ctx);
    const f = args.filter ?? {};
    if (f.factoryOrgId) qb.andWhere('b.factoryOrgId = :factoryOrgId', { factoryOrgId: f.factoryOrgId });
    if (f.status) qb.andWhere('b.status = :status', { status: f.status });
    if (f.search) {
      qb.andWhere('(b.name ILIKE :search OR b.trademarkRegNo = :regNo)', {
        search: likePattern(f.search),
        regNo: normalizeTrademarkRegNo(f.search),
      });
    }
    return paginate(qb, args, { name: 'b.name', createdAt: 'b.createdAt', status: 'b.status' }, {
      field: 'createdAt',
      order: SortOrder.DESC,
    });
  }

  async findOne(ctx: RequestContext, id: string): Promise<Brand> {
    if (!isUuid(id)) throw DomainError.notFound('Brand');
    const brand = await this.scoped(ctx).andWhere('b.id = :id', { id }).getOne();
    if (!brand) throw DomainError.notFound('Brand');
    return brand;
  }

  async declare(ctx: RequestContext, input: DeclareBrandInput): Promise<Brand> {
    const factoryOrgId = actingFactory(ctx, input.factoryOrgId, FACTORY_ROLES);
    const trademarkRegNo = normalizeTrademarkRegNo(input.trademarkRegNo);
    const problem = trademarkRegNoProblem(trademarkRegNo);
    if (problem) throw DomainError.field('input.trademarkRegNo', problem);
    await this.documents.assertOwned(ctx, factoryOrgId, [input.certificateDocumentId], 'input.certificateDocumentId', {
      kinds: [DocumentKind.TRADEMARK_CERTIFICATE],
    });
    const repo = ctx.manager.getRepository(Brand);
    const clash = await repo
      .createQueryBuilder('b')
      .where('b.factoryOrgId = :factoryOrgId AND (b.name = :name OR b.trademarkRegNo = :trademarkRegNo)', {
        factoryOrgId,
        name: input.name,
        trademarkRegNo,
      })
      .getOne();
    if (clash) {
      throw DomainError.duplicate(
        clash.name === input.name
          ? `You have already declared the brand "${input.name}".`
          : `You have already declared a brand with trademark number ${trademarkRegNo}.`,
        { brandId: clash.id },
      );
    }
    const brand = await repo.save(
      repo.create({
        factoryOrgId,
        name: input.name,
        trademarkRegNo,
        certificateDocumentId: input.certificateDocumentId,
        status: BrandStatus.PENDING,
      }),
    );
    await this.audit.record(ctx, {
      action: 'brand.declared',
      entityType: 'Brand',
      entityId: brand.id,
      actorOrgId: factoryOrgId,
      after: { name: brand.name, trademarkRegNo, certificateDocumentId: input.certificateDocumentId },
    });
    return brand;
  }

  /**
   * VERIFY or REJECT (with a reason) a PENDING brand, by an OPERATOR_ADMIN / OPERATOR_BD of a
   * venue the factory applied to. Two reviewers at once: one wins, the other gets CONFLICT.
   */
  async review(ctx: RequestContext, input: ReviewBrandInput): Promise<Brand> {
    const brand = await this.findOne(ctx, input.id);
    const reviewVenues = reachableVenueIds(ctx, REVIEWER_ROLES) as string[];
    const venue = await ctx.manager
      .getRepository(Venue)
      .createQueryBuilder('v')
      .where('v.id = ANY(:reviewVenues)', { reviewVenues })
      .andWhere("v.id IN (SELECT venue_id FROM venue_factories WHERE factory_org_id = :factoryOrgId AND status <> 'DRAFT')", {
        factoryOrgId: brand.factoryOrgId,
      })
      .orderBy('v.code')
      .getOne();
    if (!venue) {
      throw DomainError.forbidden(
        'Only an OPERATOR_ADMIN or OPERATOR_BD of a venue this factory applied to can review its brands.',
      );
    }
    const reason = input.reason?.trim() || null;
    if (input.decision === BrandDecision.REJECT && !reason) {
      throw DomainError.field('input.reason', 'is required to reject a brand: tell the factory what is wrong');
    }
    const to = nextBrandStatus(brand.status, input.decision);
    const result = await ctx.manager
      .createQueryBuilder()
      .update(Brand)
      .set({
        status: to,
        reviewReason: reason,
        reviewedBy: ctx.userId,
        reviewerOrgId: venue.operatorOrgId,
        reviewedAt: () => 'now()',
        updatedAt: () => 'now()',
      } as never)
      .where('id = :id AND status = :from', { id: brand.id, from: brand.status })
      .execute();
    if (result.affected !== 1) throw DomainError.conflict('Someone reviewed this brand at the same moment. Reload it.');
    await this.audit.record(ctx, {
      action: to === BrandStatus.VERIFIED ? 'brand.verified' : 'brand.rejected',
      entityType: 'Brand',
      entityId: brand.id,
      venueId: venue.id,
      before: { status: brand.status },
      after: { status: to, reason },
    });
    ctx.emit(domainEvent(BRAND_REVIEWED, { brandId: brand.id, factoryOrgId: brand.factoryOrgId, status: to }));
    return ctx.manager.getRepository(Brand).findOneByOrFail({ id: brand.id });
  }

  /**
   * Whether `factoryOrgId` owns `brandId` and the brand is VERIFIED: the test for asking a
   * price floor (控价). Unscoped; the caller has already scoped the factory.
   */
  async isVerifiedBrandOwner(manager: EntityManager, factoryOrgId: string, brandId: string): Promise<boolean> {
    if (!isUuid(brandId) || !isUuid(factoryOrgId)) return false;
    return manager.getRepository(Brand).existsBy({ id: brandId, factoryOrgId, status: BrandStatus.VERIFIED });
  }
}
