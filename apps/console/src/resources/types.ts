import type { ComponentType } from 'react';
import type { Access } from '../access/access';
import type { ResourceQueries } from './queries.types';

/** The menu's sections, in order (labels under xp.menu.groups). */
export const MENU_GROUPS = ['onboarding', 'catalog', 'pricing', 'showroom', 'stock', 'labels', 'sales', 'reports', 'system'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/**
 * One resource of the console: its screens, its GraphQL documents and who may use it. Each lives
 * in its own folder (resources/<name>/index.ts) and is listed once in resources/index.ts.
 */
export interface ResourceDefinition {
  /** The react-admin resource name: the API's list field (venues, auditEvents, …). */
  name: string;
  icon: ComponentType;
  list?: ComponentType;
  show?: ComponentType;
  create?: ComponentType;
  edit?: ComponentType;
  queries: ResourceQueries;
  access: Access;
  /** How a record is named in titles and references. */
  recordRepresentation?: string | ((record: Record<string, any>) => string);
  /** false keeps it out of the menu (reachable from links only). */
  menu?: boolean;
  /** The menu section it is listed in. */
  group: MenuGroup;
  /** Its menu label when it differs from its name, per portal (e.g. a factory's 我的入驻申请). */
  menuLabel?: (p: import('../access/permissions').Permissions) => string | undefined;
}
