import { loadPrincipal } from '@xp/access';
import { RequestContext } from '@xp/core';

/**
 * A context acting as a demo user inside the demo's transaction, optionally at a past instant:
 * the demo's history happened earlier, and services take "now" from the context.
 */
export async function actingAs(ctx: RequestContext, userId: string, at?: Date): Promise<RequestContext> {
  const loaded = await loadPrincipal(ctx.manager, userId);
  if (!loaded) throw new Error(`Demo user ${userId} is missing`);
  const acting = new RequestContext(ctx.dataSource, { principal: loaded.principal });
  acting.manager = ctx.manager;
  if (at) Object.defineProperty(acting, 'startedAt', { value: at });
  return acting;
}

/** Events raised by a demo user's context are published with the demo's, after it commits. */
export function handOver(from: RequestContext, to: RequestContext): void {
  for (const event of from.takeEvents()) to.emit(event);
}
