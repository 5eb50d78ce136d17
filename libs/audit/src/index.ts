export * from './audit-event.entity';
export * from './audit.module';
export * from './audit.service';

import { AuditEvent } from './audit-event.entity';
export const AUDIT_ENTITIES = [AuditEvent];
