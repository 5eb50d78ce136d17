import { ACCESS_ENTITIES } from '@xp/access';
import { AUDIT_ENTITIES } from '@xp/audit';
import { CATALOG_ENTITIES } from '@xp/catalog';
import { FACTORIES_ENTITIES } from '@xp/factories';
import { PRICING_ENTITIES } from '@xp/pricing';
import { VENUES_ENTITIES } from '@xp/venues';

/** Every entity of every area, for the one DataSource. */
export const ENTITIES = [...VENUES_ENTITIES, ...ACCESS_ENTITIES, ...AUDIT_ENTITIES, ...FACTORIES_ENTITIES, ...CATALOG_ENTITIES, ...PRICING_ENTITIES];
