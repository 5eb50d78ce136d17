import { Injectable } from '@nestjs/common';
import {
  isPlatformAdmin,
  memberOrgIds,
  Page,
  paginate,
  reachableVenueIds,
  RequestContext,
  Role,
  SortOrder,
} from '@xp/core';
import { AuditEvent } from './audit-event.entity';
import { AuditEventListArgs } from './audit.dto';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  venueId?: string | null;
  /** The organization the actor acted for; defaults to the actor's only organization. */
  actorOrgId?: string | null;
  before?: object | null;
  after?: object | null;
}

@Injectable()
export class AuditService {
  /** Records a state change inside the caller's transaction: it commits or rolls back with it. */
  async record(ctx: RequestContext, entry: AuditEntry): Promise<void> {
    if (!ctx.inTransaction) throw new Error(`Audit entry ${entry.action} written outside a transaction`);
    const orgs = memberOrgIds(ctx);
    await ctx.manager.getRepository(AuditEvent).insert({
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      venueId: entry.venueId ?? null,
      actorUserId: ctx.userId,
      actorOrgId: entry.actorOrgId ?? (orgs.length === 1 ? orgs[0] : null),
      before: (entry.before ?? null) as never,
      after: (entry.after ?? null) as never,
      requestId: ctx.requestId,
    });
  }

  /** Platform admins see every event; an operator admin those at its venues or by its own people. */
  async list(ctx: RequestContext, args: AuditEventListArgs): Promise<Page<AuditEvent>> {
    const qb = ctx.manager.getRepository(AuditEvent).createQueryBuilder('e');
    if (!isPlatformAdmin(ctx.requirePrincipal())) {
      const venueIds = reachableVenueIds(ctx, [Role.OPERATOR_ADMIN]) as string[];
      const orgIds = memberOrgIds(ctx, [Role.OPERATOR_ADMIN]);
      qb.andWhere('(e.venueId = ANY(:venueIds) OR e.actorOrgId = ANY(:orgIds))', { venueIds, orgIds });
    }
    const f = args.filter ?? {};
    if (f.venueId) qb.andWhere('e.venueId = :venueId', { venueId: f.venueId });
    if (f.entityType) qb.andWhere('e.entityType = :entityType', { entityType: f.entityType });
    if (f.entityId) qb.andWhere('e.entityId = :entityId', { entityId: f.entityId });
    if (f.action) qb.andWhere('e.action = :action', { action: f.action });
    if (f.actorUserId) qb.andWhere('e.actorUserId = :actorUserId', { actorUserId: f.actorUserId });
    if (f.from) qb.andWhere('e.occurredAt >= :from', { from: f.from });
    if (f.to) qb.andWhere('e.occurredAt < :to', { to: f.to });
    return paginate(qb, args, { occurredAt: 'e.occurredAt', action: 'e.action' }, { field: 'occurredAt', order: SortOrder.DESC });
  }
}
