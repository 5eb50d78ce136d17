import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AuditService } from '@xp/audit';
import { AppConfig, APP_CONFIG, DomainError, ErrorCode, FieldError, isUuid, Page, paginate, RequestContext, SortOrder } from '@xp/core';
import { Region, Venue, VenueStatus } from '@xp/venues';
import { BuyerListArgs, MemberLevelBasis, RegisterBuyerInput } from './dto/buyers.dto';
import { Buyer, BuyerVenue, MemberLevelRun } from './entities/buyer.entity';
import { MemberLevel } from './sales.enums';
import { nowOf, salesVenueScope } from './sales.scope';

/**
 * Wholesale buyers: public registration (rate-limited like sign-in) and the lists operator
 * staff see. A buyer is one mobile number (or one WeChat id): registering either again is a
 * DUPLICATE. Buyers have no login of their own; venue staff order for them (see README).
 */
@Injectable()
export class BuyersService {
  private readonly limiter: RateLimiterMemory;

  constructor(
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new RateLimiterMemory({ keyPrefix: 'register-buyer', points: config.loginRateLimit, duration: 60 });
  }

  /** Public: registers a buyer (L0 until its first month is computed), linked to the venue it registers at. */
  async register(ctx: RequestContext, input: RegisterBuyerInput): Promise<Buyer> {
    await this.consume(ctx.ip ?? 'unknown');
    const problems: FieldError[] = [];
    if (input.venueId) {
      const venue = await ctx.manager.getRepository(Venue).findOneBy({ id: input.venueId });
      if (!venue || venue.status !== VenueStatus.ACTIVE) problems.push({ path: 'input.venueId', message: 'is not an open venue' });
    }
    if (input.regionId && !(await ctx.manager.getRepository(Region).existsBy({ id: input.regionId }))) {
      problems.push({ path: 'input.regionId', message: 'no such region' });
    }
    if (problems.length > 0) throw DomainError.validation(problems);
    const repo = ctx.manager.getRepository(Buyer);
    if (await repo.existsBy({ phone: input.phone })) {
      throw DomainError.duplicate('A buyer with this mobile number is already registered. Ask the venue staff to find you by your number.');
    }
    const wechatId = input.wechatId ?? null;
    if (wechatId && (await repo.createQueryBuilder('b').where('lower(b.wechatId) = lower(:wechatId)', { wechatId }).getExists())) {
      throw DomainError.duplicate('A buyer with this WeChat id is already registered. Ask the venue staff to find you by your number.');
    }
    const now = nowOf(ctx);
    const [{ id }] = await ctx.manager.query(
      `INSERT INTO buyers (shop_name, contact_name, phone, email, wechat_id, region_id, city, registered_venue_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
      [input.shopName, input.contactName, input.phone, input.email?.toLowerCase() ?? null, wechatId, input.regionId ?? null, input.city, input.venueId ?? null, now],
    );
    if (input.venueId) await this.linkToVenue(ctx, id, input.venueId);
    await this.audit.record(ctx, {
      action: 'buyer.registered',
      entityType: 'Buyer',
      entityId: id,
      venueId: input.venueId ?? null,
      after: { shopName: input.shopName, city: input.city, venueId: input.venueId ?? null },
    });
    return repo.findOneByOrFail({ id });
  }

  private async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const seconds = Math.ceil(rejection.msBeforeNext / 1000);
        throw new DomainError(ErrorCode.RATE_LIMITED, `Too many registrations from here. Please wait ${seconds} seconds.`, {
          retryAfterSeconds: seconds,
        });
      }
      throw rejection;
    }
  }

  /** Records that a buyer is served at a venue (registration or first order); its staff then see it. */
  async linkToVenue(ctx: RequestContext, buyerId: string, venueId: string): Promise<void> {
    await ctx.manager.query(
      'INSERT INTO buyer_venues (buyer_id, venue_id, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [buyerId, venueId, nowOf(ctx)],
    );
  }

  private scoped(ctx: RequestContext, phone?: string) {
    const qb = ctx.manager.getRepository(Buyer).createQueryBuilder('b');
    const venues = salesVenueScope(ctx);
    if (venues) {
      qb.andWhere(
        `(EXISTS (SELECT 1 FROM buyer_venues bv WHERE bv.buyer_id = b.id AND bv.venue_id = ANY(:scopeVenueIds))${
          phone && venues.length > 0 ? ' OR b.phone = :scopePhone' : ''
        })`,
        { scopeVenueIds: venues, scopePhone: phone },
      );
    }
    return qb;
  }

  /**
   * Buyers of the caller's venues (registered there or ordered there); platform admins see all.
   * A full mobile number finds a buyer registered elsewhere, so staff can serve a newcomer.
   */
  async list(ctx: RequestContext, args: BuyerListArgs): Promise<Page<Buyer>> {
    const f = args.filter ?? {};
    const qb = this.scoped(ctx, f.phone);
    if (f.venueId) {
      qb.andWhere('EXISTS (SELECT 1 FROM buyer_venues fv WHERE fv.buyer_id = b.id AND fv.venue_id = :venueId)', { venueId: f.venueId });
    }
    if (f.memberLevel) qb.andWhere('b.memberLevel = :level', { level: Number(f.memberLevel.slice(1)) });
    if (f.regionId) qb.andWhere('b.regionId = :regionId', { regionId: f.regionId });
    if (f.phone) qb.andWhere('b.phone = :phone', { phone: f.phone });
    if (f.search) qb.andWhere('b.shopName ILIKE :search', { search: `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return paginate(
      qb,
      args,
      { createdAt: 'b.createdAt', shopName: 'b.shopName', memberLevel: 'b.memberLevel' },
      { field: 'createdAt', order: SortOrder.DESC },
    );
  }

  /** A buyer the caller may see, or NOT_FOUND. */
  async findOne(ctx: RequestContext, id: string): Promise<Buyer> {
    if (!isUuid(id)) throw DomainError.notFound('Buyer');
    const buyer = await this.scoped(ctx).andWhere('b.id = :id', { id }).getOne();
    if (!buyer) throw DomainError.notFound('Buyer');
    return buyer;
  }

  /** Any registered buyer (for placing an order: staff found it by its number). */
  async requireExisting(ctx: RequestContext, id: string): Promise<Buyer> {
    const buyer = isUuid(id) ? await ctx.manager.getRepository(Buyer).findOneBy({ id }) : null;
    if (!buyer) throw DomainError.notFound('Buyer');
    return buyer;
  }

  /** What each buyer's level rests on (batched). */
  async basis(ctx: RequestContext, buyer: Buyer): Promise<MemberLevelBasis | null> {
    if (!buyer.levelMonth || buyer.levelAmount === null) return null;
    const run = await ctx
      .loader<string, MemberLevelRun | null>('sales.memberLevelRun', async (months) => {
        const rows = await ctx.manager.getRepository(MemberLevelRun).createQueryBuilder('r').where('r.month IN (:...months)', { months: [...months] }).getMany();
        return months.map((m) => rows.find((r) => r.month === m) ?? null);
      })
      .load(buyer.levelMonth);
    if (!run) return null;
    return { month: buyer.levelMonth, amount: buyer.levelAmount, thresholds: run.thresholds, computedAt: run.computedAt };
  }

  /** The venues a buyer is served at that the caller reaches. */
  async venueIds(ctx: RequestContext, buyerId: string): Promise<string[]> {
    const venues = salesVenueScope(ctx);
    const links = await ctx
      .loader<string, BuyerVenue[]>('sales.buyerVenues', async (ids) => {
        const rows = await ctx.manager.getRepository(BuyerVenue).createQueryBuilder('bv').where('bv.buyerId IN (:...ids)', { ids: [...ids] }).getMany();
        return ids.map((id) => rows.filter((r) => r.buyerId === id));
      })
      .load(buyerId);
    return links.map((l) => l.venueId).filter((v) => venues === null || venues.includes(v));
  }
}

export function levelNumber(level: MemberLevel): number {
  return Number(level.slice(1));
}
