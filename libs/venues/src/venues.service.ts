import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@xp/audit';
import {
  DomainError,
  factoryOrgIds,
  isPlatformAdmin,
  isUuid,
  OrganizationKind,
  Page,
  paginate,
  reachableVenueIds,
  RequestContext,
  SortOrder,
} from '@xp/core';
import { CreateRegionInput, CreateVenueInput, RegionListArgs, VenueListArgs } from './dto/venues.dto';
import { Organization } from './entities/organization.entity';
import { Region } from './entities/region.entity';
import { Venue, VenueStatus } from './entities/venue.entity';

export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class VenuesService {
  constructor(private readonly audit: AuditService) {}

  /**
   * Who sees which venue: platform staff all; a regional manager its region's; operator staff
   * and government viewers their own; a factory the directory of active venues (to apply to)
   * plus any it works with. Anonymous callers see none.
   */
  scopeVenues(ctx: RequestContext, qb: SelectQueryBuilder<Venue>, alias = qb.alias): void {
    const principal = ctx.requirePrincipal();
    if (isPlatformAdmin(principal)) return;
    const ids = reachableVenueIds(ctx) as string[];
    if (factoryOrgIds(ctx).length > 0) {
      qb.andWhere(`(${alias}.status = :activeStatus OR ${alias}.id = ANY(:scopeVenueIds))`, {
        activeStatus: VenueStatus.ACTIVE,
        scopeVenueIds: ids,
      });
    } else {
      qb.andWhere(`${alias}.id = ANY(:scopeVenueIds)`, { scopeVenueIds: ids });
    }
  }

  async list(ctx: RequestContext, args: VenueListArgs): Promise<Page<Venue>> {
    const qb = ctx.manager.getRepository(Venue).createQueryBuilder('v');
    this.scopeVenues(ctx, qb);
    const f = args.filter ?? {};
    if (f.regionId) qb.andWhere('v.regionId = :regionId', { regionId: f.regionId });
    if (f.operatorOrgId) qb.andWhere('v.operatorOrgId = :operatorOrgId', { operatorOrgId: f.operatorOrgId });
    if (f.status) qb.andWhere('v.status = :status', { status: f.status });
    if (f.search) {
      qb.andWhere('(v.code ILIKE :search OR v.name ILIKE :search OR v.city ILIKE :search)', {
        search: likePattern(f.search),
      });
    }
    return paginate(qb, args, { code: 'v.code', name: 'v.name', city: 'v.city', createdAt: 'v.createdAt' }, {
      field: 'code',
      order: SortOrder.ASC,
    });
  }

  /** A venue the caller may see, or NOT_FOUND (also for another tenant's). */
  async findOne(ctx: RequestContext, id: string): Promise<Venue> {
    if (!isUuid(id)) throw DomainError.notFound('Venue');
    const qb = ctx.manager.getRepository(Venue).createQueryBuilder('v').where('v.id = :id', { id });
    this.scopeVenues(ctx, qb);
    const venue = await qb.getOne();
    if (!venue) throw DomainError.notFound('Venue');
    return venue;
  }

  async create(ctx: RequestContext, input: CreateVenueInput): Promise<Venue> {
    const repo = ctx.manager.getRepository(Venue);
    await this.requireOrganization(ctx, input.operatorOrgId, OrganizationKind.OPERATOR, 'operatorOrgId');
    if (input.governmentOrgId) {
      await this.requireOrganization(ctx, input.governmentOrgId, OrganizationKind.GOVERNMENT, 'governmentOrgId');
    }
    if (!(await ctx.manager.getRepository(Region).existsBy({ id: input.regionId }))) {
      throw DomainError.field('input.regionId', 'no such region');
    }
    if (await repo.existsBy({ code: input.code })) throw DomainError.duplicate(`A venue with code ${input.code} already exists.`);
    const venue = await repo.save(repo.create({ ...input, governmentOrgId: input.governmentOrgId ?? null }));
    await this.audit.record(ctx, { action: 'venue.created', entityType: 'Venue', entityId: venue.id, venueId: venue.id, after: input });
    return venue;
  }

  private async requireOrganization(ctx: RequestContext, id: string, kind: OrganizationKind, field: string) {
    const org = await ctx.manager.getRepository(Organization).findOneBy({ id });
    if (!org || org.kind !== kind) throw DomainError.field(`input.${field}`, `must be an organization of kind ${kind}`);
  }

  /** Regions with at least one venue the caller sees, and the regions it manages. */
  private regionQuery(ctx: RequestContext): SelectQueryBuilder<Region> {
    const principal = ctx.requirePrincipal();
    const qb = ctx.manager.getRepository(Region).createQueryBuilder('r');
    if (!isPlatformAdmin(principal)) {
      const managed = principal.memberships.map((m) => m.regionId).filter((id): id is string => !!id);
      const venues = ctx.manager.getRepository(Venue).createQueryBuilder('sv').select('sv.regionId');
      this.scopeVenues(ctx, venues, 'sv');
      qb.andWhere(`(r.id = ANY(:managed) OR r.id IN (${venues.getQuery()}))`, { managed, ...venues.getParameters() });
    }
    return qb;
  }

  async listRegions(ctx: RequestContext, args: RegionListArgs): Promise<Page<Region>> {
    const qb = this.regionQuery(ctx);
    if (args.filter?.search) {
      qb.andWhere('(r.code ILIKE :search OR r.name ILIKE :search)', { search: likePattern(args.filter.search) });
    }
    return paginate(qb, args, { code: 'r.code', name: 'r.name' }, { field: 'code', order: SortOrder.ASC });
  }

  async findRegion(ctx: RequestContext, id: string): Promise<Region> {
    if (!isUuid(id)) throw DomainError.notFound('Region');
    const region = await this.regionQuery(ctx).andWhere('r.id = :id', { id }).getOne();
    if (!region) throw DomainError.notFound('Region');
    return region;
  }

  async createRegion(ctx: RequestContext, input: CreateRegionInput): Promise<Region> {
    const repo = ctx.manager.getRepository(Region);
    if (await repo.existsBy({ code: input.code })) throw DomainError.duplicate(`A region with code ${input.code} already exists.`);
    const region = await repo.save(repo.create(input));
    await this.audit.record(ctx, { action: 'region.created', entityType: 'Region', entityId: region.id, after: input });
    return region;
  }
}
