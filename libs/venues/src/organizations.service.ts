import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@xp/audit';
import {
  DomainError,
  isPlatformAdmin,
  isUuid,
  memberOrgIds,
  OrganizationKind,
  Page,
  paginate,
  reachableVenueIds,
  RequestContext,
  SortOrder,
} from '@xp/core';
import { CreateOrganizationInput, OrganizationListArgs } from './dto/venues.dto';
import { Organization } from './entities/organization.entity';
import { Region } from './entities/region.entity';
import { creditCodeProblem, normalizeCreditCode } from './venues.rules';
import { likePattern } from './venues.service';

/**
 * Extra organizations a caller may see, contributed by other areas (e.g. factories admitted
 * to an operator's venues). Each returns SQL selecting organization ids, with its parameters.
 */
export type OrganizationVisibility = (ctx: RequestContext) => { sql: string; params: Record<string, unknown> } | null;

@Injectable()
export class OrganizationsService {
  private readonly visibility: OrganizationVisibility[] = [];

  constructor(private readonly audit: AuditService) {}

  addVisibility(rule: OrganizationVisibility): void {
    this.visibility.push(rule);
  }

  /**
   * Platform staff see every organization; others their own organizations and the operator
   * and government of each venue they reach, plus what other areas add.
   */
  private scoped(ctx: RequestContext): SelectQueryBuilder<Organization> {
    const principal = ctx.requirePrincipal();
    const qb = ctx.manager.getRepository(Organization).createQueryBuilder('o');
    if (isPlatformAdmin(principal)) return qb;
    const clauses = [
      'o.id = ANY(:ownOrgIds)',
      'o.id IN (SELECT operator_org_id FROM venues WHERE id = ANY(:orgScopeVenueIds))',
      'o.id IN (SELECT government_org_id FROM venues WHERE id = ANY(:orgScopeVenueIds))',
    ];
    const params: Record<string, unknown> = {
      ownOrgIds: memberOrgIds(ctx),
      orgScopeVenueIds: reachableVenueIds(ctx) as string[],
    };
    for (const rule of this.visibility) {
      const extra = rule(ctx);
      if (extra) {
        clauses.push(`o.id IN (${extra.sql})`);
        Object.assign(params, extra.params);
      }
    }
    return qb.andWhere(`(${clauses.join(' OR ')})`, params);
  }

  async list(ctx: RequestContext, args: OrganizationListArgs): Promise<Page<Organization>> {
    const qb = this.scoped(ctx);
    const f = args.filter ?? {};
    if (f.kind) qb.andWhere('o.kind = :kind', { kind: f.kind });
    if (f.regionId) qb.andWhere('o.regionId = :regionId', { regionId: f.regionId });
    if (f.search) {
      qb.andWhere('(o.name ILIKE :search OR o.creditCode = :code)', {
        search: likePattern(f.search),
        code: f.search.toUpperCase(),
      });
    }
    return paginate(qb, args, { name: 'o.name', kind: 'o.kind', createdAt: 'o.createdAt' }, {
      field: 'name',
      order: SortOrder.ASC,
    });
  }

  async findOne(ctx: RequestContext, id: string): Promise<Organization> {
    if (!isUuid(id)) throw DomainError.notFound('Organization');
    const org = await this.scoped(ctx).andWhere('o.id = :id', { id }).getOne();
    if (!org) throw DomainError.notFound('Organization');
    return org;
  }

  /** Checks a credit code for a new organization; DUPLICATE when one already holds it. */
  async assertCreditCodeFree(ctx: RequestContext, raw: string, path = 'input.creditCode'): Promise<string> {
    const code = normalizeCreditCode(raw);
    const problem = creditCodeProblem(code);
    if (problem) throw DomainError.field(path, problem);
    if (await ctx.manager.getRepository(Organization).existsBy({ creditCode: code })) {
      throw DomainError.duplicate('An organization with this unified social credit code is already registered.');
    }
    return code;
  }

  /** Creates an organization of any kind (platform admins; factories use registerFactory). */
  async create(ctx: RequestContext, input: CreateOrganizationInput): Promise<Organization> {
    if (input.kind === OrganizationKind.FACTORY) {
      throw DomainError.field('input.kind', 'factories register themselves with registerFactory');
    }
    return this.insert(ctx, input);
  }

  /** Inserts an organization after checking its code and region; used by registration too. */
  async insert(ctx: RequestContext, input: CreateOrganizationInput & { industryBelt?: string }): Promise<Organization> {
    const creditCode = input.creditCode ? await this.assertCreditCodeFree(ctx, input.creditCode) : null;
    if (input.regionId && !(await ctx.manager.getRepository(Region).existsBy({ id: input.regionId }))) {
      throw DomainError.field('input.regionId', 'no such region');
    }
    const repo = ctx.manager.getRepository(Organization);
    const org = await repo.save(
      repo.create({
        kind: input.kind,
        name: input.name,
        creditCode,
        regionId: input.regionId ?? null,
        address: input.address ?? null,
        industryBelt: input.industryBelt ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
      }),
    );
    await this.audit.record(ctx, {
      action: 'organization.created',
      entityType: 'Organization',
      entityId: org.id,
      actorOrgId: ctx.userId ? undefined : org.id,
      after: { kind: org.kind, name: org.name, creditCode: org.creditCode },
    });
    return org;
  }
}
