import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { businessDateOf, domainEvent, EventBus } from '@xp/core';
import { LabelStalenessService } from '@xp/labels';

export type ScanKind = 'VIEW' | 'LISTING';
export type ScanLabelState = 'CURRENT' | 'STALE' | 'RETIRED';

export interface ScanEventRow {
  occurredAt: Date;
  kind: ScanKind;
  labelId: string;
  code: string;
  venueId: string;
  slotId: string;
  skuId: string;
  factoryOrgId: string;
  deviceHash: string;
  labelState: ScanLabelState;
  exportFormat: 'JSON' | 'CSV' | null;
}

/** Raised after scans of stale labels are written: the venue's reprint queue shows them. */
export const STALE_LABEL_SCANNED = 'StaleLabelScanned';

/**
 * Writes scan events without slowing the page: the page only appends to a buffer; the buffer
 * is written with one multi-row INSERT every FLUSH_MS or as soon as MAX_ROWS wait, and on
 * shutdown. A crash loses at most the rows of the current buffer (a fraction of a second of
 * scans) — acceptable for statistics, and the price of a page that never waits on a write.
 * The month partitions a batch needs are made first when missing.
 */
@Injectable()
export class ScanEventWriter implements OnModuleDestroy {
  static readonly FLUSH_MS = 250;
  static readonly MAX_ROWS = 500;
  private readonly logger = new Logger(ScanEventWriter.name);
  private buffer: ScanEventRow[] = [];
  private timer?: NodeJS.Timeout;
  private chain: Promise<void> = Promise.resolve();
  private readonly months = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly staleness: LabelStalenessService,
    private readonly events: EventBus,
  ) {}

  record(row: ScanEventRow): void {
    this.buffer.push(row);
    if (this.buffer.length >= ScanEventWriter.MAX_ROWS) {
      void this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), ScanEventWriter.FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes what is buffered now (also waited for by tests and at shutdown). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    this.chain = this.chain.then(() => (batch.length ? this.write(batch) : undefined));
    return this.chain;
  }

  /** Makes the month partitions from `from` for `months` months and remembers them. */
  async ensurePartitions(from: Date, months: number, manager = this.dataSource.manager): Promise<void> {
    await manager.query('SELECT xp_scan_events_ensure_partitions($1, $2)', [from, months]);
    let [y, m] = businessDateOf(from).split('-').map(Number);
    for (let i = 0; i < months; i++) {
      this.months.add(`${y}-${String(m).padStart(2, '0')}`);
      m = m === 12 ? 1 : m + 1;
      if (m === 1) y++;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }

  /**
   * Inserts many rows in one statement (also used by the demo for weeks of history), making a
   * missing month partition first on the same connection (inside the caller's transaction).
   */
  async insert(rows: readonly ScanEventRow[], manager = this.dataSource.manager): Promise<void> {
    if (rows.length === 0) return;
    for (const month of new Set(rows.map((r) => businessDateOf(r.occurredAt).slice(0, 7)))) {
      if (!this.months.has(month)) await this.ensurePartitions(new Date(`${month}-01T00:00:00+08:00`), 1, manager);
    }
    await manager.query(
      `INSERT INTO scan_events (occurred_at, kind, label_id, code, venue_id, slot_id, sku_id, factory_org_id, device_hash, label_state, export_format)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[],
                            $9::text[], $10::text[], $11::text[])`,
      [
        rows.map((r) => r.occurredAt),
        rows.map((r) => r.kind),
        rows.map((r) => r.labelId),
        rows.map((r) => r.code),
        rows.map((r) => r.venueId),
        rows.map((r) => r.slotId),
        rows.map((r) => r.skuId),
        rows.map((r) => r.factoryOrgId),
        rows.map((r) => r.deviceHash),
        rows.map((r) => r.labelState),
        rows.map((r) => r.exportFormat),
      ],
    );
  }

  private async write(batch: ScanEventRow[]): Promise<void> {
    try {
      await this.insert(batch);
      await this.noteStaleScans(batch);
    } catch (error) {
      this.logger.error(`Could not write ${batch.length} scan event(s): ${(error as Error).message}`);
    }
  }

  /**
   * Scans of stale labels are counted on the label (the reprint queue shows them) and raise
   * StaleLabelScanned; the label's stored staleness is corrected if it had not caught up.
   */
  private async noteStaleScans(batch: ScanEventRow[]): Promise<void> {
    const stale = new Map<string, { venueId: string; count: number; last: Date }>();
    for (const r of batch) {
      if (r.labelState !== 'STALE' || r.kind !== 'VIEW') continue;
      const entry = stale.get(r.labelId) ?? { venueId: r.venueId, count: 0, last: r.occurredAt };
      entry.count++;
      if (r.occurredAt > entry.last) entry.last = r.occurredAt;
      stale.set(r.labelId, entry);
    }
    if (stale.size === 0) return;
    const ids = [...stale.keys()];
    await this.staleness.refresh(this.dataSource.manager, { labelIds: ids });
    await this.dataSource.query(
      `UPDATE labels l SET stale_scans = l.stale_scans + n.count,
              last_stale_scan_at = greatest(l.last_stale_scan_at, n.last)
       FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS n(id, count, last)
       WHERE l.id = n.id`,
      [ids, ids.map((id) => stale.get(id)!.count), ids.map((id) => stale.get(id)!.last)],
    );
    await this.events.publish(
      ids.map((id) => domainEvent(STALE_LABEL_SCANNED, { venueId: stale.get(id)!.venueId, labelId: id, scans: stale.get(id)!.count })),
    );
  }
}
