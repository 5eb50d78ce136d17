import { RequestContext } from '@xp/core';

/**
 * The display name of a user who acted on labels (printed a job, walked a shelf), batched per
 * request. Only reached from a job or walk the caller may already see.
 */
export function userDisplayName(ctx: RequestContext, userId: string | null): Promise<string | null> {
  if (!userId) return Promise.resolve(null);
  return ctx
    .loader<string, string | null>('labels.userDisplayName', async (ids) => {
      const rows: { id: string; display_name: string }[] = await ctx.manager.query('SELECT id, display_name FROM users WHERE id = ANY($1)', [[...ids]]);
      const byId = new Map(rows.map((r) => [r.id, r.display_name]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(userId);
}
