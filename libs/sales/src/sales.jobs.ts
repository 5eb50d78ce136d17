import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventBus, RequestContext, runInTransaction } from '@xp/core';
import { MemberLevelsService } from './member-levels.service';
import { OrdersService } from './orders.service';
import { MemberLevelTrigger } from './sales.enums';
import { lastMonthBefore, monthBounds, nextMonth } from './sales.rules';
import { contextAt } from './sales.scope';

export const MEMBER_LEVELS_JOB = 'sales.memberLevels';
export const EXPIRE_RESERVATIONS_JOB = 'sales.expireReservations';
const TICK_MS = 60_000;
const EXPIRY_EVERY_MS = 60_000;

export interface JobRunReport {
  memberLevelsComputed: string | null;
  ordersExpired: number;
}

/**
 * Background work on a PostgreSQL-backed schedule (`scheduled_jobs`): each job row has its next
 * run; a runner claims a due row with FOR UPDATE SKIP LOCKED, so with several replicas exactly
 * one runs it. Every minute: unpaid orders past their hold expire. On the first of each month:
 * member levels for the month just ended. At start-up the runner catches up on missed runs
 * (member levels of the last month if they were never computed). Every run is idempotent.
 */
@Injectable()
export class SalesJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SalesJobs.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventBus,
    private readonly orders: OrdersService,
    private readonly levels: MemberLevelsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.guarded(() => this.catchUp(new Date()));
    this.timer = setInterval(() => void this.guarded(() => this.runDue(new Date())), TICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async guarded(work: () => Promise<unknown>): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = work();
    try {
      await this.running;
    } catch (error) {
      this.logger.error(`Scheduled sales work failed: ${(error as Error).stack ?? String(error)}`);
    } finally {
      this.running = undefined;
    }
  }

  /** At start-up: the last month's member levels if never computed, then whatever is due. */
  async catchUp(now: Date): Promise<JobRunReport> {
    const month = lastMonthBefore(now);
    const computed = await this.inTransaction(now, (ctx) => this.levels.ensureComputed(ctx, month, MemberLevelTrigger.STARTUP));
    const due = await this.runDue(now);
    return { memberLevelsComputed: computed ? month : due.memberLevelsComputed, ordersExpired: due.ordersExpired };
  }

  /** Runs the jobs whose time has come (as of `now`) and schedules their next runs. */
  async runDue(now: Date): Promise<JobRunReport> {
    const report: JobRunReport = { memberLevelsComputed: null, ordersExpired: 0 };
    await this.claim(MEMBER_LEVELS_JOB, now, async () => {
      const month = lastMonthBefore(now);
      const run = await this.inTransaction(now, (ctx) => this.levels.ensureComputed(ctx, month, MemberLevelTrigger.SCHEDULE));
      if (run) report.memberLevelsComputed = month;
      return monthBounds(nextMonth(month)).to;
    });
    await this.claim(EXPIRE_RESERVATIONS_JOB, now, async () => {
      report.ordersExpired = await this.expireOverdue(now);
      return new Date(now.getTime() + EXPIRY_EVERY_MS);
    });
    return report;
  }

  /** Expires every unpaid order past its hold, one order per transaction. */
  async expireOverdue(now: Date): Promise<number> {
    const ids = await this.inTransaction(now, (ctx) => this.orders.overdue(ctx));
    let expired = 0;
    for (const id of ids) {
      try {
        if (await this.inTransaction(now, (ctx) => this.orders.expire(ctx, id))) expired++;
      } catch (error) {
        this.logger.error(`Could not expire order ${id}: ${(error as Error).message}`);
      }
    }
    return expired;
  }

  /** Claims a due job row (skipping one another runner holds), runs it, and records its next run. */
  private async claim(name: string, now: Date, run: () => Promise<Date>): Promise<void> {
    const claimed = await this.dataSource.transaction(async (m) => {
      // (in a CTE so that the driver answers the rows of a SELECT; the lease covers a crashed run)
      const rows = await m.query(
        `WITH claimed AS (
           UPDATE scheduled_jobs SET last_started_at = $2, next_run_at = $2 + interval '10 minutes'
           WHERE name = (SELECT name FROM scheduled_jobs WHERE name = $1 AND next_run_at <= $2 FOR UPDATE SKIP LOCKED)
           RETURNING name)
         SELECT name FROM claimed`,
        [name, now],
      );
      return rows.length > 0;
    });
    if (!claimed) return;
    try {
      const next = await run();
      await this.dataSource.query(
        'UPDATE scheduled_jobs SET next_run_at = $2, last_finished_at = now(), last_error = NULL, runs = runs + 1 WHERE name = $1',
        [name, next],
      );
    } catch (error) {
      await this.dataSource.query('UPDATE scheduled_jobs SET last_error = $2 WHERE name = $1', [name, String((error as Error).message).slice(0, 2000)]);
      throw error;
    }
  }

  private async inTransaction<T>(now: Date, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    const ctx = contextAt(RequestContext.system(this.dataSource), now);
    const result = await runInTransaction(ctx, {}, () => work(ctx));
    await this.events.publish(ctx.takeEvents());
    return result;
  }
}
