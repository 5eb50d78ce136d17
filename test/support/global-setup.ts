import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// Only the launcher: the application's modules must load in jest's registry (TestApp), never
// in this process, or their metadata would be registered twice.
import { startEmbeddedPostgres } from '../../libs/core/src/database/embedded-postgres';
import { TEMPLATE_DATABASE, TEST_ENV_VAR, TestDatabaseInfo } from './test-env';

/**
 * Once per run: a PostgreSQL server, embedded (or TEST_DATABASE_URL's). The first test file
 * to start builds the migrated, demo-loaded template database; every file clones it.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'xuanpin-test-pg-'));
    const pg = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    (globalThis as Record<string, unknown>).__XP_TEST_PG__ = { pg, dataDir };
    serverUrl = pg.urlFor('postgres');
  }
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Leftovers of earlier runs against an external server; the template is rebuilt each run.
    const old = await admin.query(
      "SELECT datname FROM pg_database WHERE datname LIKE 'xp\\_template%' OR datname LIKE 'xp\\_test\\_%'",
    );
    for (const row of old.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const info: TestDatabaseInfo = { serverUrl, template: TEMPLATE_DATABASE };
  process.env[TEST_ENV_VAR] = JSON.stringify(info);
}
