import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, BusinessDate, today } from '@xp/core';

const EVERY_MS = 60_000;

/**
 * Keeps the daily rollups up to date. Writes mark their (venue, day) dirty in PostgreSQL (see the
 * Reports migration); this job recomputes the dirty days that are over (before today) every
 * minute and at start-up, so the rollups trail the raw rows by about a minute for closed days,
 * while reports read dirty days (today always) from the raw rows and are never stale.
 * The work is idempotent and safe with several API replicas (an advisory lock per venue).
 */
@Injectable()
export class RollupsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RollupsService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    void this.guarded(() => this.refresh());
    this.timer = setInterval(() => void this.guarded(() => this.refresh()), EVERY_MS);
    this.timer.unref();
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
