import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, AppConfig, APP_CONFIG, BusinessDate, RequestContext, today } from '@xp/core';
import { ReportsService } from './reports.service';
import { isDaySettled, warmUpPeriods } from './reports.rules';

const EVERY_MS = 60_000;

/**
 * Keeps the daily rollups up to date. Writes mark their (venue, day) dirty in PostgreSQL (see the
 * Reports migration); this job recomputes the dirty days that are over (before today) every
 * minute and at start-up, so the rollups trail the raw rows by about a minute for closed days,
 * while reports read dirty days (today always) from the raw rows and are never stale.
 * The work is idempotent and safe with several API replicas (an advisory lock per venue).
 *
 * Each morning (from ten minutes past midnight, once per process and day) it then makes the
 * reports of the periods the console offers first, for every venue and region, so that their
 * closed days are kept (report_period_cache) before anyone asks: the first report of the day
 * costs what the second does. Kept periods older than 35 days are forgotten.
 */
@Injectable()
export class RollupsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RollupsService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  private warmedFor?: BusinessDate;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const work = async () => {
      await this.refresh();
      if (this.config.reportWarmup && !this.stopped) await this.warmUp();
    };
    void this.guarded(work);
    this.timer = setInterval(() => void this.guarded(work), EVERY_MS);
    this.timer.unref();
  }

  /**
   * Makes the reports of the usual periods (warmUpPeriods) for every venue and region, one after
   * another, once per day from ten minutes past midnight, and forgets kept periods made more than
   * 35 days ago; answers how many reports it made.
   */
  async warmUp(now: Date = new Date()): Promise<number> {
    const day = today(now);
    if (this.warmedFor === day || !isDaySettled(now)) return 0;
    await this.dataSource.query(`DELETE FROM report_period_cache WHERE made_at < now() - interval '35 days'`);
    const ctx = RequestContext.system(this.dataSource);
    const venues: { id: string }[] = await this.dataSource.query('SELECT id FROM venues ORDER BY code');
    const regions: { id: string }[] = await this.dataSource.query('SELECT DISTINCT region_id AS id FROM venues ORDER BY 1');
    let made = 0;
    for (const p of warmUpPeriods(day)) {
      for (const v of venues) {
        if (this.stopped) return made;
        await this.reports.venueReport(ctx, v.id, p.from, p.to);
        made++;
      }
      for (const r of regions) {
        if (this.stopped) return made;
        await this.reports.regionReport(ctx, r.id, p.from, p.to);
        made++;
      }
    }
    this.warmedFor = day;
    return made;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Recomputes every dirty day before `before` (default: today, so closed days only) for one
   * venue or all; answers how many venue-days it recomputed.
   */
  async refresh(before: BusinessDate = today(), venueId?: string): Promise<number> {
    const [{ done }] = await this.dataSource.transaction((m) =>
      m.query('SELECT xp_report_refresh($1::date, $2::uuid) AS done', [before, venueId ?? null]),
    );
    // The closed-day changes appended since the last run, folded into the venues' versions.
    await this.dataSource.query('SELECT xp_report_closed_fold()');
    return Number(done);
  }

  /** Recomputes everything dirty, today included (tests, and after bulk loads). */
  refreshAll(venueId?: string): Promise<number> {
    return this.refresh(addDays(today(), 2), venueId);
  }

  private async guarded(work: () => Promise<unknown>): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = work();
    try {
      await this.running;
    } catch (error) {
      if (!this.stopped) this.logger.error(`Report rollups could not be refreshed: ${(error as Error).stack ?? String(error)}`);
    } finally {
      this.running = undefined;
    }
  }
}
