import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import { assertVenueRole, DomainError, isUuid, RequestContext } from '@xp/core';
import { Venue } from '@xp/venues';
import { SetReturnPolicyInput, UpdateVenueSalesSettingsInput } from './dto/orders.dto';
import { VenueSalesSettings } from './entities/sales-order.entity';
import { ReturnPolicy } from './entities/sales-return.entity';
import { FINANCE_ROLES, nowOf, SALES_READ_ROLES } from './sales.scope';

export const DEFAULT_HOLD_MINUTES = 1440;

/** A venue's sales rules: how long unpaid orders hold stock, and its versioned return policy. */
@Injectable()
export class SalesSettingsService {
  constructor(private readonly audit: AuditService) {}

  private async requireVenue(ctx: RequestContext, venueId: string, roles = SALES_READ_ROLES): Promise<Venue> {
    if (!isUuid(venueId)) throw DomainError.notFound('Venue');
    assertVenueRole(ctx, venueId, roles);
    const venue = await ctx.manager.getRepository(Venue).findOneBy({ id: venueId });
    if (!venue) throw DomainError.notFound('Venue');
    return venue;
  }

  /** Not scoped: for use cases that checked the caller. */
  async holdMinutes(ctx: RequestContext, venueId: string): Promise<number> {
    const row = await ctx.manager.getRepository(VenueSalesSettings).findOneBy({ venueId });
    return row?.reservationHoldMinutes ?? DEFAULT_HOLD_MINUTES;
  }

  async settings(ctx: RequestContext, venueId: string): Promise<VenueSalesSettings> {
    await this.requireVenue(ctx, venueId);
    const row = await ctx.manager.getRepository(VenueSalesSettings).findOneBy({ venueId });
    return row ?? Object.assign(new VenueSalesSettings(), { venueId, reservationHoldMinutes: DEFAULT_HOLD_MINUTES, updatedBy: null, updatedAt: null });
  }

  async update(ctx: RequestContext, input: UpdateVenueSalesSettingsInput): Promise<VenueSalesSettings> {
    await this.requireVenue(ctx, input.venueId, FINANCE_ROLES);
    const before = await this.holdMinutes(ctx, input.venueId);
    await ctx.manager.query(
      `INSERT INTO venue_sales_settings (venue_id, reservation_hold_minutes, updated_by, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (venue_id) DO UPDATE SET reservation_hold_minutes = EXCLUDED.reservation_hold_minutes,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [input.venueId, input.reservationHoldMinutes, ctx.userId, nowOf(ctx)],
    );
    await this.audit.record(ctx, {
      action: 'venueSalesSettings.changed',
      entityType: 'Venue',
      entityId: input.venueId,
      venueId: input.venueId,
      before: { reservationHoldMinutes: before },
      after: { reservationHoldMinutes: input.reservationHoldMinutes },
    });
    return this.settings(ctx, input.venueId);
  }

  /** The policy in force at a venue: its latest own version, else the platform default. Not scoped. */
  async currentPolicy(ctx: RequestContext, venueId: string): Promise<ReturnPolicy> {
    const own = await ctx.manager.getRepository(ReturnPolicy).findOne({ where: { venueId }, order: { version: 'DESC' } });
    if (own) return own;
    return ctx.manager
      .getRepository(ReturnPolicy)
      .createQueryBuilder('p')
      .where('p.venueId IS NULL')
      .orderBy('p.version', 'DESC')
      .getOneOrFail();
  }

  async returnPolicy(ctx: RequestContext, venueId: string): Promise<ReturnPolicy> {
    await this.requireVenue(ctx, venueId);
    return this.currentPolicy(ctx, venueId);
  }

  /** A new version of the venue's return policy; returns already requested keep the version they cite. */
  async setReturnPolicy(ctx: RequestContext, input: SetReturnPolicyInput): Promise<ReturnPolicy> {
    await this.requireVenue(ctx, input.venueId, FINANCE_ROLES);
    await ctx.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`return-policy:${input.venueId}`]);
    const [{ id }] = await ctx.manager.query(
      `INSERT INTO return_policies (venue_id, version, window_days, text, created_by, created_at)
       SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4, $5 FROM return_policies WHERE venue_id = $1
       RETURNING id`,
      [input.venueId, input.windowDays, input.text, ctx.userId, nowOf(ctx)],
    );
    const policy = await ctx.manager.getRepository(ReturnPolicy).findOneByOrFail({ id });
    await this.audit.record(ctx, {
      action: 'returnPolicy.set',
      entityType: 'ReturnPolicy',
      entityId: id,
      venueId: input.venueId,
      after: { version: policy.version, windowDays: policy.windowDays, text: policy.text },
    });
    return policy;
  }
}
