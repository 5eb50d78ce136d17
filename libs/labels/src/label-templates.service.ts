import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import {
  assertVenueRole,
  DomainError,
  isUuid,
  OPERATOR_ROLES,
  Page,
  paginate,
  reachableVenueIds,
  RequestContext,
  Role,
  SortOrder,
} from '@xp/core';
import { Venue } from '@xp/venues';
import { CreateLabelTemplateInput, LabelTemplateListArgs } from './dto/label-templates.dto';
import { LabelTemplate } from './entities/label-template.entity';
import { templateShapeProblems } from './labels.rules';
import { ScanSymbology } from './render/types';

/** Who may see label templates: platform staff and every operator role (factories and governments print no labels). */
export const LABEL_TEMPLATE_READERS: readonly Role[] = [Role.PLATFORM_ADMIN, Role.REGIONAL_MANAGER, ...OPERATOR_ROLES];

/** Who may add a venue's own templates. */
export const LABEL_TEMPLATE_EDITORS: readonly Role[] = [Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN];

@Injectable()
export class LabelTemplatesService {
  constructor(private readonly audit: AuditService) {}

  /**
   * The global templates plus those of the venues the caller reaches as platform or operator
   * staff (with `filter.venueId`: the global ones plus that venue's; NOT_FOUND for a venue out of reach).
   */
  async list(ctx: RequestContext, args: LabelTemplateListArgs): Promise<Page<LabelTemplate>> {
    const qb = ctx.manager.getRepository(LabelTemplate).createQueryBuilder('t');
    const f = args.filter ?? {};
    if (f.venueId) {
      await this.assertVenueReachable(ctx, f.venueId);
      qb.andWhere('(t.venueId IS NULL OR t.venueId = :venueId)', { venueId: f.venueId });
    } else {
      const reach = this.reach(ctx);
      if (reach !== 'ALL') qb.andWhere('(t.venueId IS NULL OR t.venueId = ANY(:venueIds))', { venueIds: reach });
    }
    if (f.layout) qb.andWhere('t.layout = :layout', { layout: f.layout });
    if (!f.includeInactive) qb.andWhere('t.active');
    return paginate(
      qb,
      args,
      { sortOrder: 't.sortOrder', code: 't.code', name: 't.name', widthMm: 't.widthMm', createdAt: 't.createdAt' },
      { field: 'sortOrder', order: SortOrder.ASC },
    );
  }

  /**
   * An active template a print job at `venueId` may use (a global one or the venue's own), or
   * NOT_FOUND. The caller checks the caller's rights at the venue first.
   */
  async findUsable(ctx: RequestContext, id: string, venueId: string): Promise<LabelTemplate> {
    if (!isUuid(id)) throw DomainError.notFound('Label template');
    const template = await ctx.manager
      .getRepository(LabelTemplate)
      .createQueryBuilder('t')
      .where('t.id = :id AND t.active AND (t.venueId IS NULL OR t.venueId = :venueId)', { id, venueId })
      .getOne();
    if (!template) throw DomainError.notFound('Label template');
    return template;
  }

  /** Adds a template of the venue's own (its operator admin, or platform staff). */
  async create(ctx: RequestContext, input: CreateLabelTemplateInput): Promise<LabelTemplate> {
    assertVenueRole(ctx, input.venueId, LABEL_TEMPLATE_EDITORS);
    await this.assertVenueReachable(ctx, input.venueId);
    const problems = templateShapeProblems(input);
    if (problems.length) throw DomainError.validation(problems);
    const repo = ctx.manager.getRepository(LabelTemplate);
    if (await repo.existsBy({ venueId: input.venueId, code: input.code })) {
      throw DomainError.duplicate(`This venue already has a label template ${input.code}; choose another code.`);
    }
    const { sheet, ...rest } = input;
    const template = await repo.save(
      repo.create({
        ...rest,
        ...(sheet ?? {}),
        symbology: ScanSymbology.QR,
        fields: [...input.fields],
      }),
    );
    await this.audit.record(ctx, {
      action: 'labelTemplate.created',
      entityType: 'LabelTemplate',
      entityId: template.id,
      venueId: input.venueId,
      after: { ...input },
    });
    return template;
  }

  private reach(ctx: RequestContext): 'ALL' | string[] {
    ctx.requirePrincipal();
    return reachableVenueIds(ctx, LABEL_TEMPLATE_READERS);
  }

  private async assertVenueReachable(ctx: RequestContext, venueId: string): Promise<void> {
    const reach = this.reach(ctx);
    const visible = reach === 'ALL' ? await ctx.manager.getRepository(Venue).existsBy({ id: venueId }) : reach.includes(venueId);
    if (!visible) throw DomainError.notFound('Venue');
  }
}
