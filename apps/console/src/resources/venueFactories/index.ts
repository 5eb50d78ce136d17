import HowToRegIcon from '@mui/icons-material/HowToReg';
import { hasAnyRole } from '../../access/permissions';
import { FACTORY_ROLES, OPERATOR_ROLES } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { venueFactoryQueries } from './queries';
import { VenueFactoryCreate, VenueFactoryEdit } from './VenueFactoryCreate';
import { VenueFactoryList } from './VenueFactoryList';
import { VenueFactoryShow } from './VenueFactoryShow';

const REVIEWERS = ['OPERATOR_ADMIN', 'OPERATOR_BD'] as const;
const READERS = ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', ...OPERATOR_ROLES, ...FACTORY_ROLES] as const;

/**
 * Admissions (入驻申请): a factory applies to a venue and submits; the venue's operator admin or
 * BD reviews it (approve, reject, request changes), suspends and reinstates it.
 */
export const venueFactories: ResourceDefinition = {
  name: 'venueFactories',
  group: 'onboarding',
  icon: HowToRegIcon,
  list: VenueFactoryList,
  show: VenueFactoryShow,
  create: VenueFactoryCreate,
  edit: VenueFactoryEdit,
  queries: venueFactoryQueries,
  recordRepresentation: (r) => `${r.factory?.name ?? ''} · ${r.venue?.name ?? ''}`,
  menuLabel: (p) => (hasAnyRole(p, FACTORY_ROLES) ? 'xp.onboarding.my_applications' : hasAnyRole(p, REVIEWERS) ? 'xp.onboarding.review_queue' : undefined),
  access: {
    list: READERS,
    show: READERS,
    create: ['FACTORY_ADMIN'],
    edit: ['FACTORY_ADMIN'],
    submit: ['FACTORY_ADMIN'],
    review: REVIEWERS,
    suspend: REVIEWERS,
    reinstate: REVIEWERS,
  },
};
