import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@xp/audit';
import {
  addDays,
  assertVenueRole,
  domainEvent,
  DomainError,
  factoryOrgIds,
  isPlatformAdmin,
  isUuid,
  Page,
  paginate,
  reachableVenueIds,
  RequestContext,
  Role,
  SortOrder,
  startOfBusinessDay,
  today,
} from '@xp/core';
import { likePattern, VenuesService, VenueStatus } from '@xp/venues';
import { DocumentsService } from './documents/documents.service';
import {
  ApplyToVenueInput,
  ReinstateVenueFactoryInput,
  ReviewVenueFactoryInput,
  SubmitVenueFactoryInput,
  SuspendVenueFactoryInput,
  UpdateVenueFactoryInput,
  VenueFactoryListArgs,
} from './dto/factories.dto';
import { DocumentKind } from './entities/document.entity';
import {
  VenueFactory,
  VenueFactoryCategory,
  VenueFactoryDocument,
  VenueFactoryEvent,
  VenueFactoryStatus,
} from './entities/venue-factory.entity';
import { actingFactory, REVIEWER_ROLES, VENUE_STAFF_ROLES } from './factories.scope';
import {
  AdmissionAction,
  assertAdmissionEditable,
  checkReason,
  DECISION_ACTION,
  nextAdmissionStatus,
} from './factories.rules';

/** Domain events of the admission workflow, published after commit. */
export const VENUE_FACTORY_APPROVED = 'VenueFactoryApproved';
export const VENUE_FACTORY_SUSPENDED = 'VenueFactorySuspended';
export const VENUE_FACTORY_REINSTATED = 'VenueFactoryReinstated';

/** Payload of VenueFactorySuspended: the showroom ends the factory's slot assignments from `on`. */
export interface VenueFactorySuspendedPayload {
  venueId: string;
  factoryOrgId: string;
  venueFactoryId: string;
  /** The business day the suspension takes effect (Asia/Shanghai). */
  on: string;
}

const APPLICANT_ROLES = [Role.FACTORY_ADMIN];

/**
 * A factory's admission to a venue (入驻): the factory applies and submits; the venue's
 * OPERATOR_ADMIN / OPERATOR_BD review, suspend and reinstate. Every step is an event on
 * the admission (with its reason, shown to the factory) and an audit entry.
 */
@Injectable()
export class AdmissionsService {
  constructor(
    private readonly venues: VenuesService,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Platform admins see every admission; a factory its own (drafts too); venue staff
   * (operators, regional managers) those at their venues once submitted. Fails closed.
   */
  private scoped(ctx: RequestContext): SelectQueryBuilder<VenueFactory> {
    const qb = ctx.manager.getRepository(VenueFactory).createQueryBuilder('vf');
    if (isPlatformAdmin(ctx.requirePrincipal())) return qb;
    return qb.andWhere("(vf.factoryOrgId = ANY(:vfOwn) OR (vf.venueId = ANY(:vfVenues) AND vf.status <> 'DRAFT'))", {
      vfOwn: factoryOrgIds(ctx),
      vfVenues: reachableVenueIds(ctx, VENUE_STAFF_ROLES) as string[],
    });
  }

  async list(ctx: RequestContext, args: VenueFactoryListArgs): Promise<Page<VenueFactory>> {
    const qb = this.scoped(ctx);
    const f = args.filter ?? {};
    if (f.venueId) qb.andWhere('vf.venueId = :venueId', { venueId: f.venueId });
    if (f.factoryOrgId) qb.andWhere('vf.factoryOrgId = :factoryOrgId', { factoryOrgId: f.factoryOrgId });
    if (f.status?.length) qb.andWhere('vf.status = ANY(:statuses)', { statuses: f.status });
    if (f.categoryId) {
      qb.andWhere('vf.id IN (SELECT venue_factory_id FROM venue_factory_categories WHERE category_id = :categoryId)', {
        categoryId: f.categoryId,
      });
    }
    if (f.submittedFrom) qb.andWhere('vf.submittedAt >= :from', { from: startOfBusinessDay(f.submittedFrom) });
    if (f.submittedTo) qb.andWhere('vf.submittedAt < :to', { to: startOfBusinessDay(addDays(f.submittedTo, 1)) });
    if (f.search) {
      qb.andWhere("vf.factoryOrgId IN (SELECT id FROM organizations WHERE kind = 'FACTORY' AND name ILIKE :search)", {
        search: likePattern(f.search),
      });
    }
    return paginate(
      qb,
      args,
      { submittedAt: 'vf.submittedAt', createdAt: 'vf.createdAt', updatedAt: 'vf.updatedAt', status: 'vf.status' },
      { field: 'updatedAt', order: SortOrder.DESC },
    );
  }

  /** An admission the caller may see, or NOT_FOUND (another tenant's, a missing or malformed id). */
  async findOne(ctx: RequestContext, id: string): Promise<VenueFactory> {
    if (!isUuid(id)) throw DomainError.notFound('Application');
    const vf = await this.scoped(ctx).andWhere('vf.id = :id', { id }).getOne();
    if (!vf) throw DomainError.notFound('Application');
    return vf;
  }

  async apply(ctx: RequestContext, input: ApplyToVenueInput): Promise<VenueFactory> {
    const factoryOrgId = actingFactory(ctx, input.factoryOrgId, APPLICANT_ROLES);
    const venue = await this.venues.findOne(ctx, input.venueId);
    if (venue.status !== VenueStatus.ACTIVE) throw DomainError.field('input.venueId', 'is closed and does not admit factories');
    const existing = await ctx.manager.getRepository(VenueFactory).findOneBy({ venueId: venue.id, factoryOrgId });
    if (existing) {
      throw DomainError.duplicate('Your factory has already applied to this venue; continue with that application.', {
        venueFactoryId: existing.id,
      });
    }
    await this.assertCategories(ctx, input.categoryIds, 'input.categoryIds');
    await this.documents.assertOwned(ctx, factoryOrgId, input.documentIds, 'input.documentIds', { list: true });
    const repo = ctx.manager.getRepository(VenueFactory);
    const vf = await repo.save(
      repo.create({
        venueId: venue.id,
        factoryOrgId,
        status: VenueFactoryStatus.DRAFT,
        paymentTermDays: input.paymentTermDays,
        note: input.note?.trim() || null,
      }),
    );
    await this.replaceCategories(ctx, vf.id, input.categoryIds);
    await this.replaceDocuments(ctx, vf.id, input.documentIds);
    await this.recordEvent(ctx, vf, 'APPLY', null, VenueFactoryStatus.DRAFT, null);
    await this.audit.record(ctx, {
      action: 'venueFactory.applied',
      entityType: 'VenueFactory',
      entityId: vf.id,
      venueId: vf.venueId,
      actorOrgId: factoryOrgId,
      after: { status: vf.status, paymentTermDays: vf.paymentTermDays, categoryIds: input.categoryIds, documentIds: input.documentIds },
    });
    return vf;
  }

  /** The factory changes its terms, categories or papers while DRAFT or CHANGES_REQUESTED. */
  async update(ctx: RequestContext, input: UpdateVenueFactoryInput): Promise<VenueFactory> {
    const vf = await this.findOne(ctx, input.id);
    actingFactory(ctx, vf.factoryOrgId, APPLICANT_ROLES);
    this.assertVersion(vf, input.version);
    assertAdmissionEditable(vf.status);
    if (input.categoryIds) await this.assertCategories(ctx, input.categoryIds, 'input.categoryIds');
    if (input.documentIds) await this.documents.assertOwned(ctx, vf.factoryOrgId, input.documentIds, 'input.documentIds', { list: true });
    const patch: Partial<VenueFactory> = {};
    if (input.paymentTermDays !== undefined) patch.paymentTermDays = input.paymentTermDays;
    if (input.note !== undefined) patch.note = input.note.trim() || null;
    const updated = await this.write(ctx, vf, vf.status, patch);
    if (input.categoryIds) await this.replaceCategories(ctx, vf.id, input.categoryIds);
    if (input.documentIds) await this.replaceDocuments(ctx, vf.id, input.documentIds);
    await this.recordEvent(ctx, vf, 'UPDATE', vf.status, vf.status, null);
    await this.audit.record(ctx, {
      action: 'venueFactory.updated',
      entityType: 'VenueFactory',
      entityId: vf.id,
      venueId: vf.venueId,
      actorOrgId: vf.factoryOrgId,
      before: { paymentTermDays: vf.paymentTermDays, note: vf.note },
      after: { ...patch, categoryIds: input.categoryIds, documentIds: input.documentIds },
    });
    return updated;
  }

  /** Submits (or resubmits after a change request); needs a business licence and a category. */
  async submit(ctx: RequestContext, input: SubmitVenueFactoryInput): Promise<VenueFactory> {
    const vf = await this.findOne(ctx, input.id);
    actingFactory(ctx, vf.factoryOrgId, APPLICANT_ROLES);
    this.assertVersion(vf, input.version);
    const to = nextAdmissionStatus(vf.status, AdmissionAction.SUBMIT);
    const [{ licences, categories }] = await ctx.manager.query(
      `SELECT (SELECT count(*)::int FROM venue_factory_documents vd JOIN documents d ON d.id = vd.document_id
                WHERE vd.venue_factory_id = $1 AND d.kind = $2) AS licences,
              (SELECT count(*)::int FROM venue_factory_categories WHERE venue_factory_id = $1) AS categories`,
      [vf.id, DocumentKind.BUSINESS_LICENSE],
    );
    const missing = [];
    if (licences === 0) missing.push({ path: 'documentIds', message: 'must include your business licence (a BUSINESS_LICENSE document) before you submit' });
    if (categories === 0) missing.push({ path: 'categoryIds', message: 'must name at least one category before you submit' });
    if (missing.length) throw DomainError.validation(missing);
    return this.move(ctx, vf, AdmissionAction.SUBMIT, to, null, { submittedAt: new Date() });
  }

  /** The venue's OPERATOR_ADMIN / OPERATOR_BD decide on a submitted application. */
  async review(ctx: RequestContext, input: ReviewVenueFactoryInput): Promise<VenueFactory> {
    const vf = await this.findOne(ctx, input.id);
    assertVenueRole(ctx, vf.venueId, REVIEWER_ROLES, 'Application');
    const action = DECISION_ACTION[input.decision];
    const reason = checkReason(action, input.reason);
    this.assertVersion(vf, input.version);
    const to = nextAdmissionStatus(vf.status, action);
    const now = new Date();
    const patch: Partial<VenueFactory> = { decidedAt: now };
    if (action === AdmissionAction.APPROVE) patch.admittedAt = vf.admittedAt ?? now;
    const updated = await this.move(ctx, vf, action, to, reason, patch);
    if (action === AdmissionAction.APPROVE) {
      ctx.emit(domainEvent(VENUE_FACTORY_APPROVED, { venueId: vf.venueId, factoryOrgId: vf.factoryOrgId, venueFactoryId: vf.id }));
    }
    return updated;
  }

  /** Stops an admitted factory at the venue (its goods leave the shelves: see VenueFactorySuspended). */
  async suspend(ctx: RequestContext, input: SuspendVenueFactoryInput): Promise<VenueFactory> {
    const vf = await this.findOne(ctx, input.id);
    assertVenueRole(ctx, vf.venueId, REVIEWER_ROLES, 'Application');
    const reason = checkReason(AdmissionAction.SUSPEND, input.reason);
    this.assertVersion(vf, input.version);
    const to = nextAdmissionStatus(vf.status, AdmissionAction.SUSPEND);
    const updated = await this.move(ctx, vf, AdmissionAction.SUSPEND, to, reason, { suspendedAt: new Date() });
    const payload: VenueFactorySuspendedPayload = { venueId: vf.venueId, factoryOrgId: vf.factoryOrgId, venueFactoryId: vf.id, on: today() };
    ctx.emit(domainEvent(VENUE_FACTORY_SUSPENDED, { ...payload }));
    return updated;
  }

  async reinstate(ctx: RequestContext, input: ReinstateVenueFactoryInput): Promise<VenueFactory> {
    const vf = await this.findOne(ctx, input.id);
    assertVenueRole(ctx, vf.venueId, REVIEWER_ROLES, 'Application');
    const reason = checkReason(AdmissionAction.REINSTATE, input.reason);
    this.assertVersion(vf, input.version);
    const to = nextAdmissionStatus(vf.status, AdmissionAction.REINSTATE);
    const updated = await this.move(ctx, vf, AdmissionAction.REINSTATE, to, reason, { suspendedAt: null });
    ctx.emit(domainEvent(VENUE_FACTORY_REINSTATED, { venueId: vf.venueId, factoryOrgId: vf.factoryOrgId, venueFactoryId: vf.id }));
    return updated;
  }

  /** Whether a factory is admitted (APPROVED) at a venue now; for other areas. */
  async isAdmitted(ctx: RequestContext, venueId: string, factoryOrgId: string): Promise<boolean> {
    return ctx.manager.getRepository(VenueFactory).existsBy({ venueId, factoryOrgId, status: VenueFactoryStatus.APPROVED });
  }

  private assertVersion(vf: VenueFactory, expected: number | undefined): void {
    if (expected !== undefined && expected !== null && expected !== vf.version) {
      throw DomainError.conflict('Someone changed this application since you opened it. Reload it and try again.', {
        currentVersion: vf.version,
      });
    }
  }

  private async move(
    ctx: RequestContext,
    vf: VenueFactory,
    action: AdmissionAction,
    to: VenueFactoryStatus,
    reason: string | null,
    patch: Partial<VenueFactory>,
  ): Promise<VenueFactory> {
    const updated = await this.write(ctx, vf, to, patch);
    await this.recordEvent(ctx, vf, action, vf.status, to, reason);
    await this.audit.record(ctx, {
      action: `venueFactory.${ACTION_AUDIT[action]}`,
      entityType: 'VenueFactory',
      entityId: vf.id,
      venueId: vf.venueId,
      before: { status: vf.status, version: vf.version },
      after: { status: to, version: updated.version, reason },
    });
    return updated;
  }

  /** Optimistic write: only if nobody changed the row since we read it (else CONFLICT). */
  private async write(ctx: RequestContext, vf: VenueFactory, status: VenueFactoryStatus, patch: Partial<VenueFactory>): Promise<VenueFactory> {
    const result = await ctx.manager
      .createQueryBuilder()
      .update(VenueFactory)
      .set({ ...patch, status, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('id = :id AND version = :version', { id: vf.id, version: vf.version })
      .execute();
    if (result.affected !== 1) {
      throw DomainError.conflict('Someone changed this application at the same moment. Reload it and try again.');
    }
    return ctx.manager.getRepository(VenueFactory).findOneByOrFail({ id: vf.id });
  }

  private async recordEvent(
    ctx: RequestContext,
    vf: VenueFactory,
    action: string,
    from: VenueFactoryStatus | null,
    to: VenueFactoryStatus,
    reason: string | null,
  ): Promise<void> {
    await ctx.manager.getRepository(VenueFactoryEvent).insert({
      venueFactoryId: vf.id,
      action,
      fromStatus: from,
      toStatus: to,
      reason,
      actorUserId: ctx.userId,
    });
  }

  private async assertCategories(ctx: RequestContext, ids: readonly string[], path: string): Promise<void> {
    const rows: { id: string }[] = await ctx.manager.query('SELECT id FROM categories WHERE id = ANY($1) AND active', [[...new Set(ids)]]);
    const known = new Set(rows.map((r) => r.id));
    const problems = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `${path}.${i}`, message: 'is not an active category' }]));
    if (problems.length) throw DomainError.validation(problems);
  }

  private async replaceCategories(ctx: RequestContext, venueFactoryId: string, ids: readonly string[]): Promise<void> {
    const repo = ctx.manager.getRepository(VenueFactoryCategory);
    await repo.delete({ venueFactoryId });
    if (ids.length) await repo.insert([...new Set(ids)].map((categoryId) => ({ venueFactoryId, categoryId })));
  }

  private async replaceDocuments(ctx: RequestContext, venueFactoryId: string, ids: readonly string[]): Promise<void> {
    const repo = ctx.manager.getRepository(VenueFactoryDocument);
    await repo.delete({ venueFactoryId });
    if (ids.length) await repo.insert([...new Set(ids)].map((documentId) => ({ venueFactoryId, documentId })));
  }
}

const ACTION_AUDIT: Record<AdmissionAction, string> = {
  SUBMIT: 'submitted',
  APPROVE: 'approved',
  REJECT: 'rejected',
  REQUEST_CHANGES: 'changesRequested',
  SUSPEND: 'suspended',
  REINSTATE: 'reinstated',
};
