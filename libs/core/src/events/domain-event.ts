/** Something that happened in one area that others react to, delivered after commit. */
export interface DomainEvent {
  readonly type: string;
  readonly occurredAt: Date;
  readonly payload: Record<string, unknown>;
}

export function domainEvent(type: string, payload: Record<string, unknown>): DomainEvent {
  return { type, occurredAt: new Date(), payload };
}
