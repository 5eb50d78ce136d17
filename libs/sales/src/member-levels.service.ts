import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import { DomainError, RequestContext } from '@xp/core';
import { MemberLevelPolicy, RecomputeMemberLevelsInput, UpdateMemberLevelPolicyInput } from './dto/buyers.dto';
import { MemberLevelPolicyRow, MemberLevelRun } from './entities/buyer.entity';
import { MEMBER_LEVELS, MemberLevelTrigger } from './sales.enums';
import { lastMonthBefore, Month, monthBounds, parseMonth, thresholdsProblem } from './sales.rules';
import { nowOf } from './sales.scope';

/** Serializes computations of member levels across replicas (pg_advisory_xact_lock key). */
const MEMBER_LEVEL_LOCK = 72_616_101;

/**
 * Member levels L0–L6 from a buyer's purchases in a calendar month: delivered orders (by
 * delivery day) less returns received in that month, against the platform's thresholds.
 * Computed for the last month on the first of each month (a job), at start-up when that run
 * was missed, and on demand by platform admins; each computation is one set of statements.
 */
@Injectable()
export class MemberLevelsService {
  constructor(private readonly audit: AuditService) {}

  async thresholds(ctx: RequestContext): Promise<MemberLevelPolicyRow> {
    return ctx.manager.getRepository(MemberLevelPolicyRow).findOneByOrFail({ id: true });
  }

  async policy(ctx: RequestContext): Promise<MemberLevelPolicy> {
    ctx.requirePrincipal();
    const row = await this.thresholds(ctx);
    return {
      levels: MEMBER_LEVELS.map((level, i) => ({ level, minimum: i === 0 ? 0 : row.thresholds[i - 1] })),
      updatedAt: row.updatedAt,
    };
  }

  /** Platform admins set L2–L6 (L1 stays at ¥2,000); levels change at the next computation. */
  async updatePolicy(ctx: RequestContext, input: UpdateMemberLevelPolicyInput): Promise<MemberLevelPolicy> {
    const problem = thresholdsProblem(input.thresholds);
    if (problem) throw DomainError.field('input.thresholds', problem);
    const before = await this.thresholds(ctx);
    await ctx.manager.query('UPDATE member_level_policy SET thresholds = $1, updated_by = $2, updated_at = $3 WHERE id', [
      input.thresholds,
      ctx.userId,
      nowOf(ctx),
    ]);
    await this.audit.record(ctx, {
      action: 'memberLevelPolicy.changed',
      entityType: 'MemberLevelPolicy',
      before: { thresholds: before.thresholds },
      after: { thresholds: input.thresholds },
    });
    return this.policy(ctx);
  }

  /** Platform admins recompute a month (default: the last one); the same data give the same levels. */
  async recompute(ctx: RequestContext, input: RecomputeMemberLevelsInput): Promise<MemberLevelRun> {
    const month = input.month ? parseMonth(input.month) : lastMonthBefore(nowOf(ctx));
    if (!month) throw DomainError.field('input.month', 'must be a month, YYYY-MM');
    if (month > lastMonthBefore(nowOf(ctx))) {
      throw DomainError.field('input.month', 'must be a month that has ended');
    }
    return this.compute(ctx, month, MemberLevelTrigger.MANUAL);
  }

  /** The scheduled or start-up run: computes the month unless it was computed already (idempotent). */
  async ensureComputed(ctx: RequestContext, month: Month, trigger: MemberLevelTrigger): Promise<MemberLevelRun | null> {
    await ctx.manager.query('SELECT pg_advisory_xact_lock($1)', [MEMBER_LEVEL_LOCK]);
    if (await ctx.manager.getRepository(MemberLevelRun).existsBy({ month })) return null;
    return this.compute(ctx, month, trigger);
  }

  /** Computes every buyer's level for a month in a few set-based statements. */
  async compute(ctx: RequestContext, month: Month, trigger: MemberLevelTrigger): Promise<MemberLevelRun> {
    await ctx.manager.query('SELECT pg_advisory_xact_lock($1)', [MEMBER_LEVEL_LOCK]);
    const { thresholds } = await this.thresholds(ctx);
    const { from, to } = monthBounds(month);
    await ctx.manager.query(
      `INSERT INTO member_level_runs (month, thresholds, buyers_count, trigger, computed_by, computed_at)
       VALUES ($1, $2, 0, $3, $4, $5)
       ON CONFLICT (month) DO UPDATE SET thresholds = EXCLUDED.thresholds, trigger = EXCLUDED.trigger,
         computed_by = EXCLUDED.computed_by, computed_at = EXCLUDED.computed_at`,
      [month, thresholds, trigger, ctx.userId, nowOf(ctx)],
    );
    const [{ n }] = await ctx.manager.query(
      `WITH delivered AS (
         SELECT buyer_id, sum(total_amount) AS amount FROM sales_orders
         WHERE delivered_at >= $2 AND delivered_at < $3 GROUP BY buyer_id),
       returned AS (
         SELECT buyer_id, sum(amount) AS amount FROM sales_returns
         WHERE received_at >= $2 AND received_at < $3 GROUP BY buyer_id),
       amounts AS (
         SELECT b.id AS buyer_id, COALESCE(d.amount, 0) - COALESCE(r.amount, 0) AS amount
         FROM buyers b LEFT JOIN delivered d ON d.buyer_id = b.id LEFT JOIN returned r ON r.buyer_id = b.id
         WHERE b.created_at < $3),
       levels AS (
         INSERT INTO buyer_member_levels (buyer_id, month, level, amount)
         SELECT buyer_id, $1, (SELECT count(*) FROM unnest($4::bigint[]) t WHERE amounts.amount >= t), amount FROM amounts
         ON CONFLICT (buyer_id, month) DO UPDATE SET level = EXCLUDED.level, amount = EXCLUDED.amount
         RETURNING buyer_id, level, amount)
       , current AS (
         UPDATE buyers b SET member_level = l.level, level_month = $1, level_amount = l.amount, updated_at = now()
         FROM levels l WHERE b.id = l.buyer_id AND (b.level_month IS NULL OR b.level_month <= $1)
         RETURNING b.id)
       SELECT count(*)::int AS n FROM levels`,
      [month, from, to, thresholds],
    );
    await ctx.manager.query('UPDATE member_level_runs SET buyers_count = $2 WHERE month = $1', [month, n]);
    await this.audit.record(ctx, {
      action: 'memberLevels.computed',
      entityType: 'MemberLevelRun',
      after: { month, trigger, buyers: n, thresholds },
    });
    return ctx.manager.getRepository(MemberLevelRun).findOneByOrFail({ month });
  }
}
