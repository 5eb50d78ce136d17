import type { ComponentType } from 'react';
import type { Access } from '../access/access';
import type { ResourceQueries } from './queries.types';

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
}
