import { rm } from 'node:fs/promises';
import type { EmbeddedPostgres } from '../../libs/core/src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as Record<string, unknown>).__XP_TEST_PG__ as { pg: EmbeddedPostgres; dataDir: string } | undefined;
  if (!handle) return;
  await handle.pg.stop();
  await rm(handle.dataDir, { recursive: true, force: true });
}
