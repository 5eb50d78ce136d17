import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { interruptedBefore } from './print.rules';
import { rowsOf } from './sql';

export interface StalenessScope {
  venueId?: string;
  slotIds?: readonly string[];
  skuIds?: readonly string[];
  labelIds?: readonly string[];
}

/**
 * Keeps `labels.stale_at` / `stale_reason` equal to `xp_label_staleness()` — the one definition
 * of staleness, in SQL. Stored as an instant that may lie ahead, so a price approved today and
 * effective next week turns its labels stale next week without any timer. Refreshed at once by
 * the domain events (SlotAssignmentChanged, PriceVersionChanged), and for every live label at
 * start-up and every few minutes, so that a missed event (a crash between commit and delivery,
 * rows written outside the services) cannot leave a wrong answer for long.
 */
@Injectable()
export class LabelStalenessService {
  private readonly logger = new Logger(LabelStalenessService.name);

  /** Re-derives the live labels in `scope` in one statement; answers the ids whose staleness changed. */
  async refresh(manager: EntityManager, scope: StalenessScope = {}): Promise<string[]> {
    const rows: unknown = await manager.query(
      `UPDATE labels l SET stale_at = s.stale_at, stale_reason = s.stale_reason
       FROM labels x CROSS JOIN LATERAL xp_label_staleness(x.assignment_id, x.slot_id, x.sku_id, x.price_version_id) s
       WHERE l.id = x.id AND x.status <> 'RETIRED'
         AND ($1::uuid IS NULL OR x.venue_id = $1)
         AND ($2::uuid[] IS NULL OR x.slot_id = ANY($2))
         AND ($3::uuid[] IS NULL OR x.sku_id = ANY($3))
         AND ($4::uuid[] IS NULL OR x.id = ANY($4))
         AND (l.stale_at IS DISTINCT FROM s.stale_at OR l.stale_reason IS DISTINCT FROM s.stale_reason)
       RETURNING l.id`,
      [scope.venueId ?? null, scope.slotIds ? [...scope.slotIds] : null, scope.skuIds ? [...scope.skuIds] : null, scope.labelIds ? [...scope.labelIds] : null],
    );
    return rowsOf<{ id: string }>(rows).map((r) => r.id);
  }

  /** The periodic and start-up recheck of every live label; logs what it had to correct. */
  async recheckAll(manager: EntityManager): Promise<number> {
    const fixed = await this.refresh(manager);
    if (fixed.length) this.logger.log(`Recheck corrected the staleness of ${fixed.length} label(s)`);
    return fixed.length;
  }

  /**
   * Marks FAILED the print jobs left RUNNING by a process that died while rendering them: a live
   * job keeps its row locked while it renders (on any replica), so SKIP LOCKED leaves it alone;
   * an unlocked RUNNING job a few seconds old is dead. Its labels were never committed: a job's
   * labels, file and DONE commit together.
   */
  async failInterruptedJobs(manager: EntityManager, now = new Date()): Promise<number> {
    const rows: unknown = await manager.query(
      `UPDATE label_print_jobs SET status = 'FAILED', finished_at = now(),
              error = 'Interrupted: the server stopped while this job was being rendered. Print it again.'
       WHERE id IN (SELECT id FROM label_print_jobs WHERE status = 'RUNNING' AND created_at < $1 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [interruptedBefore(now)],
    );
    const list = rowsOf<{ id: string }>(rows);
    if (list.length) this.logger.warn(`Marked ${list.length} interrupted label print job(s) FAILED`);
    return list.length;
  }
}
