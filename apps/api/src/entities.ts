import { ACCESS_ENTITIES } from '@xp/access';
import { AUDIT_ENTITIES } from '@xp/audit';
import { CATALOG_ENTITIES } from '@xp/catalog';
import { FACTORIES_ENTITIES } from '@xp/factories';
import { LABELS_ENTITIES } from '@xp/labels';
import { PRICING_ENTITIES } from '@xp/pricing';
import { SALES_ENTITIES } from '@xp/sales';
import { SETTLEMENT_ENTITIES } from '@xp/settlement';
import { SHOWROOM_ENTITIES } from '@xp/showroom';
import { STOCK_ENTITIES } from '@xp/stock';
import { VENUES_ENTITIES } from '@xp/venues';

/** Every entity of every area, for the one DataSource (one area per line). */
export const ENTITIES = [
  ...VENUES_ENTITIES,
  ...ACCESS_ENTITIES,
  ...AUDIT_ENTITIES,
  ...FACTORIES_ENTITIES,
  ...CATALOG_ENTITIES,
  ...PRICING_ENTITIES,
  ...SHOWROOM_ENTITIES,
  ...STOCK_ENTITIES,
  ...LABELS_ENTITIES,
  ...SALES_ENTITIES,
  ...SETTLEMENT_ENTITIES,
];
