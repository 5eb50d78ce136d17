import type { ResourceDefinition } from '../resources/types';
import { hasAnyRole, Permissions } from './permissions';
import type { Role } from './roles';

/**
 * Who may do what, per resource: `access[action]` lists the roles. The standard actions are
 * list, show, create, edit; workflow actions have their own names (users: setActive, grant…).
 * The menu shows a resource to those who may `list` it; react-admin's buttons ask canAccess.
 */
export type Access = Partial<Record<string, readonly Role[]>>;

export function canAccess(resources: readonly ResourceDefinition[], p: Permissions | undefined, resource: string, action: string): boolean {
  const definition = resources.find((r) => r.name === resource);
  if (!definition) return false;
  return hasAnyRole(p, definition.access[action]);
}

/** The resources a user may reach at all (each becomes a react-admin <Resource>). */
export function resourcesFor(resources: readonly ResourceDefinition[], p: Permissions | undefined): ResourceDefinition[] {
  return resources.filter((r) => Object.values(r.access).some((roles) => hasAnyRole(p, roles)));
}

/** The resources in the user's menu, in the registry's order. */
export function menuResourcesFor(resources: readonly ResourceDefinition[], p: Permissions | undefined): ResourceDefinition[] {
  return resources.filter((r) => r.list && r.menu !== false && hasAnyRole(p, r.access.list));
}
