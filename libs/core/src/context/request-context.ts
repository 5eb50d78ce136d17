import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../auth/principal';
import { DomainError } from '../errors/domain-error';
import { DomainEvent } from '../events/domain-event';

/**
 * Everything a use case needs to know about the call it serves: who is calling, the
 * transaction to work in, per-request DataLoaders, and events to publish after commit.
 * Every service method takes it first.
 */
export class RequestContext {
  readonly requestId: string;
  readonly startedAt = new Date();
  /** The transaction's manager inside a mutation, the pool's outside one. */
  manager: EntityManager;
  principal?: Principal;
  ip?: string;
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private pending: DomainEvent[] = [];

  constructor(
    readonly dataSource: DataSource,
    options: { requestId?: string; principal?: Principal; ip?: string } = {},
  ) {
    this.manager = dataSource.manager;
    this.requestId = options.requestId ?? randomUUID();
    this.principal = options.principal;
    this.ip = options.ip;
  }

  /** A context for internal work (demo data, scheduled jobs). */
  static system(dataSource: DataSource): RequestContext {
    return new RequestContext(dataSource, {
      principal: { userId: '', email: 'system', displayName: 'system', memberships: [], system: true },
    });
  }

  get inTransaction(): boolean {
    return this.manager.queryRunner?.isTransactionActive ?? false;
  }

  /** The caller, or UNAUTHENTICATED. */
  requirePrincipal(): Principal {
    if (!this.principal) throw DomainError.unauthenticated();
    return this.principal;
  }

  get userId(): string | null {
    return this.principal && !this.principal.system ? this.principal.userId : null;
  }

  /** One DataLoader per name per request, so field resolvers batch instead of querying per row. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Clears cached loads, e.g. after a mutation changed what they hold. */
  clearLoaders(): void {
    this.loaders.clear();
  }

  /** Queues an event for delivery after the current transaction commits. */
  emit(event: DomainEvent): void {
    this.pending.push(event);
  }

  takeEvents(): DomainEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }
}
