import DataLoader from 'dataloader';
import { EntityTarget, In, ObjectLiteral } from 'typeorm';
import { RequestContext } from '../context/request-context';

/**
 * A per-request loader of rows by id, for field resolvers (Venue.operator, Sku.product…).
 * It is not tenant-scoped by itself: it may only be reached from a parent the caller was
 * already allowed to see.
 */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(
  ctx: RequestContext,
  entity: EntityTarget<T>,
  name = typeof entity === 'function' ? entity.name : String(entity),
): DataLoader<string, T | null> {
  return ctx.loader<string, T | null>(`byId:${name}`, async (ids) => {
    const rows = await ctx.manager.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** A per-request loader of child rows grouped by a foreign key (Product.skus…). */
export function byForeignKeyLoader<T extends ObjectLiteral>(
  ctx: RequestContext,
  entity: EntityTarget<T>,
  foreignKey: keyof T & string,
  name = `${typeof entity === 'function' ? entity.name : String(entity)}.${foreignKey}`,
): DataLoader<string, T[]> {
  return ctx.loader<string, T[]>(`byFk:${name}`, async (keys) => {
    const rows = await ctx.manager.getRepository(entity).findBy({ [foreignKey]: In([...keys]) } as never);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = row[foreignKey] as string;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
