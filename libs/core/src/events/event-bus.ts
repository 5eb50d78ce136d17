import { Injectable, Logger } from '@nestjs/common';
import { DomainEvent } from './domain-event';

export type EventHandler = (event: DomainEvent) => Promise<void> | void;

/**
 * In-process event bus. Events are published only after the transaction that raised them
 * commits (see TransactionInterceptor); a failing handler is logged and never undoes the commit.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger(EventBus.name);
  private readonly handlers = new Map<string, EventHandler[]>();

  on(type: string, handler: EventHandler): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler);
    this.handlers.set(type, list);
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const handler of this.handlers.get(event.type) ?? []) {
        try {
          await handler(event);
        } catch (error) {
          this.logger.error(`Handler for ${event.type} failed: ${(error as Error).stack ?? String(error)}`);
        }
      }
    }
  }
}
