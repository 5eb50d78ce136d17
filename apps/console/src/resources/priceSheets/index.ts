import PriceCheckIcon from '@mui/icons-material/PriceCheck';
import { hasAnyRole } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { PriceSheetCreate } from './PriceSheetCreate';
import { PriceSheetList } from './PriceSheetList';
import { PriceSheetShow } from './PriceSheetShow';
import { priceSheetQueries } from './queries';

const READERS = ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', 'OPERATOR_ADMIN', 'OPERATOR_BD', 'PRICING_REVIEWER', ...FACTORY_ROLES] as const;

/** Price sheets: factories price their SKUs at a venue; pricing reviewers decide each line and the floors (four eyes). */
export const priceSheets: ResourceDefinition = {
  name: 'priceSheets',
  group: 'pricing',
  icon: PriceCheckIcon,
  list: PriceSheetList,
  show: PriceSheetShow,
  create: PriceSheetCreate,
  queries: priceSheetQueries,
  recordRepresentation: (r) => `${r.factory?.name ?? ''} v${r.versionNo ?? ''}`,
  menuLabel: (p) => (hasAnyRole(p, ['PRICING_REVIEWER']) ? 'xp.pricing.review_queue' : undefined),
  access: {
    list: READERS,
    show: READERS,
    create: FACTORY_ROLES,
    submit: FACTORY_ROLES,
    remove: FACTORY_ROLES,
    importSheet: FACTORY_ROLES,
    review: ['PRICING_REVIEWER'],
    decideFloors: ['PRICING_REVIEWER'],
  },
};
