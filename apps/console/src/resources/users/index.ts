import PeopleIcon from '@mui/icons-material/People';
import type { Role } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { userQueries } from './queries';
import { UserCreate } from './UserCreate';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

/** Admins manage their organization's people; the platform admin everyone's. */
const ADMINS: readonly Role[] = ['PLATFORM_ADMIN', 'OPERATOR_ADMIN', 'FACTORY_ADMIN'];

export const users: ResourceDefinition = {
  name: 'users',
  group: 'system',
  icon: PeopleIcon,
  list: UserList,
  show: UserShow,
  create: UserCreate,
  queries: userQueries,
  recordRepresentation: 'displayName',
  access: {
    list: ADMINS,
    show: ADMINS,
    create: ADMINS,
    setActive: ADMINS,
    grantMembership: ADMINS,
    revokeMembership: ADMINS,
  },
};
