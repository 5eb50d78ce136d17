import { ACCESS_ENTITIES } from '@xp/access';
import { AUDIT_ENTITIES } from '@xp/audit';
import { VENUES_ENTITIES } from '@xp/venues';

/** Every entity of every area, for the one DataSource. */
export const ENTITIES = [...VENUES_ENTITIES, ...ACCESS_ENTITIES, ...AUDIT_ENTITIES];
