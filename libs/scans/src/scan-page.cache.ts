import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Client, Notification, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ScanView } from './scan-view';

/**
 * What the scan page shows of a label, as read: the view without its staleness at a given
 * instant, with the instant it goes stale (if one is known), so a cached record answers for
 * any instant up to its expiry.
 */
export interface ScanRecord {
  view: Omit<ScanView, 'stale' | 'staleReason'>;
  staleAt: Date | null;
  staleReason: 'SLOT_CHANGED' | 'PRICE_CHANGED' | null;
}

/** The view of a record at an instant: stale from its stale instant on (never for a retired label). */
export function scanViewAt(record: ScanRecord, now: Date): ScanView {
  const stale = record.view.status !== 'RETIRED' && record.staleAt !== null && record.staleAt.getTime() <= now.getTime();
  return { ...record.view, stale, staleReason: stale ? record.staleReason : null };
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The next Shanghai midnight after `at` (no daylight saving there): when dated prices and slot periods turn. */
export function nextShanghaiMidnight(at: Date): number {
  return Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS + DAY_MS - SHANGHAI_OFFSET_MS;
}

interface Entry {
  record: ScanRecord;
  expiresAt: number;
}

/** Opaque: the cache's generation when a read began; a record read under an older one is not kept. */
export type ScanPageCacheToken = number;

/**
 * The scan page's read model in the API process: the record of each label code recently
 * scanned (bounded LRU), kept true by events. Triggers on every table the page reads
 * (migration ScanPageNotify) `pg_notify('xp_scan_page', 'label:…' | 'slot:…' | 'sku:…' | '*')`
 * after commit; this service LISTENs on one dedicated connection and drops the entries of the
 * labels, slots or SKUs named (or all). A view after the notification has arrived reads the
 * new state.
 *
 * Never stale silently:
 * - a read that began before a notification arrived is not kept (the generation moved on),
 *   so a lookup whose snapshot predates a commit cannot re-fill the entry the commit dropped;
 * - until LISTEN is confirmed, and whenever the connection drops, nothing is read from or
 *   kept in the cache (every view reads PostgreSQL); on reconnecting it starts empty;
 * - what changes with time alone — a label's stale instant, a dated price or slot period
 *   (they turn at Shanghai midnight) — bounds an entry's life, and TTL_MS is a safety net.
 */
@Injectable()
export class ScanPageCache implements OnApplicationBootstrap, OnApplicationShutdown {
  static readonly CHANNEL = 'xp_scan_page';
  static readonly MAX_ENTRIES = 20_000;
  static readonly TTL_MS = 30_000;
  static readonly RECONNECT_MS = 500;

  private readonly logger = new Logger(ScanPageCache.name);
  /** label:<id>, slot:<id>, sku:<id> → the codes cached under it. */
  private readonly index = new Map<string, Set<string>>();
  private readonly entries = new LRUCache<string, Entry>({
    max: ScanPageCache.MAX_ENTRIES,
    dispose: (entry, code) => this.unindex(code, entry.record),
  });
  private generation = 0;
  private client: Client | null = null;
  private stopped = false;
  private reconnect?: NodeJS.Timeout;
  /** Set once it has listened: a later connection is a reconnection. */
  private listenedBefore = false;
  private syncs = 0;
  private readonly waiting = new Map<string, () => void>();
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly dataSource: DataSource) {}

  /** Listening now: the cache is in use. */
  get listening(): boolean {
    return this.client !== null;
  }

  get size(): number {
    return this.entries.size;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    const client = this.client;
    this.drop();
    await client?.end().catch(() => undefined);
  }

  /** The cached record of a code, if still true at `now`. */
  get(code: string, now: Date): ScanRecord | undefined {
    if (!this.client) return undefined;
    const entry = this.entries.get(code);
    if (!entry) return undefined;
    if (now.getTime() >= entry.expiresAt) {
      this.entries.delete(code);
      return undefined;
    }
    return entry.record;
  }

  /** Call before reading a record from PostgreSQL; pass the token to `set`. */
  begin(): ScanPageCacheToken {
    return this.generation;
  }

  /** Keeps a record read at `now`, unless a change arrived since `token` or the cache is not listening. */
  set(code: string, record: ScanRecord, token: ScanPageCacheToken, now: Date): void {
    if (!this.client || token !== this.generation) return;
    let expiresAt = Math.min(now.getTime() + ScanPageCache.TTL_MS, nextShanghaiMidnight(now));
    if (record.staleAt && record.staleAt.getTime() > now.getTime()) expiresAt = Math.min(expiresAt, record.staleAt.getTime());
    this.entries.set(code, { record, expiresAt });
    for (const key of keysOf(record)) {
      let codes = this.index.get(key);
      if (!codes) this.index.set(key, (codes = new Set()));
      codes.add(code);
    }
  }

  /**
   * Resolves once every notification committed before the call has been applied (a marker
   * sent through the same queue comes back after them). For tests and tools; views never wait.
   */
  async sync(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const marker = `sync:${++this.syncs}`;
    const arrived = new Promise<void>((resolve) => this.waiting.set(marker, resolve));
    await client.query('SELECT pg_notify($1, $2)', [ScanPageCache.CHANNEL, marker]);
    await arrived;
  }

  /** Resolves when the cache is listening (at once if it is). */
  whenListening(): Promise<void> {
    return this.client ? Promise.resolve() : new Promise((resolve) => this.listeners.push(resolve));
  }

  /** Applies one notification: drops the entries it names (all for '*'). */
  private apply(payload: string): void {
    const resolve = this.waiting.get(payload);
    if (resolve) {
      this.waiting.delete(payload);
      resolve();
      return;
    }
    this.generation++;
    const colon = payload.indexOf(':');
    if (payload === '*' || colon < 0) {
      this.entries.clear();
      return;
    }
    const kind = payload.slice(0, colon);
    for (const id of payload.slice(colon + 1).split(',')) {
      const codes = this.index.get(`${kind}:${id}`);
      if (codes) for (const code of [...codes]) this.entries.delete(code);
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client = new Client({ ...pool.options, application_name: 'xuanpin-scan-page-cache' });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      const wasListening = this.client === client;
      if (wasListening) this.drop();
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      if (wasListening) {
        this.logger.warn(`Scan page cache: lost its LISTEN connection (${error?.message ?? 'closed'}); every view reads PostgreSQL until it is back`);
      }
      if (!this.reconnect) {
        this.reconnect = setTimeout(() => {
          this.reconnect = undefined;
          void this.connect();
        }, ScanPageCache.RECONNECT_MS);
        this.reconnect.unref();
      }
    };
    client.on('notification', (message: Notification) => {
      if (this.client === client) this.apply(message.payload ?? '*');
    });
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${ScanPageCache.CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (lost) return;
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.generation++;
    this.entries.clear();
    if (this.listenedBefore) this.logger.log('Scan page cache: listening again (emptied)');
    this.listenedBefore = true;
    this.client = client;
    for (const resolve of this.listeners.splice(0)) resolve();
  }

  /** Stops using the cache: empty, not listening, reads begun before this are not kept. */
  private drop(): void {
    this.client = null;
    this.generation++;
    this.entries.clear();
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
  }

  private unindex(code: string, record: ScanRecord): void {
    for (const key of keysOf(record)) {
      const codes = this.index.get(key);
      if (!codes) continue;
      codes.delete(code);
      if (codes.size === 0) this.index.delete(key);
    }
  }
}

function keysOf(record: ScanRecord): string[] {
  return [`label:${record.view.labelId}`, `slot:${record.view.slotId}`, `sku:${record.view.skuId}`];
}
