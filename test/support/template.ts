import { Client } from 'pg';
import { createDataSource, runMigrations } from '@xp/core';
import { DemoSeeder } from '@xp/demo';
import { MIGRATIONS } from '@xp/migrations';
import { createApp } from '../../apps/api/src/bootstrap';
import { ENTITIES } from '../../apps/api/src/entities';
import { databaseUrl, silentLogger, testConfig, TestDatabaseInfo } from './test-env';

const TEMPLATE_LOCK = 72_616_002;

/**
 * Makes sure the template database exists: migrated and loaded with the demo. The first
 * caller builds it under an advisory lock (as xp_template_building, renamed when complete);
 * the others wait and find it ready.
 */
export async function ensureTemplate(info: TestDatabaseInfo): Promise<void> {
  const admin = new Client({ connectionString: info.serverUrl });
  await admin.connect();
  try {
    const exists = async () =>
      ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [info.template])).rowCount ?? 0) > 0;
    if (await exists()) return;
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      if (await exists()) return;
      const building = `${info.template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(
        `CREATE DATABASE ${building} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
      );
      const dataSource = createDataSource({ url: databaseUrl(info.serverUrl, building), entities: ENTITIES, migrations: MIGRATIONS });
      await dataSource.initialize();
      try {
        await runMigrations(dataSource);
        const app = await createApp({ config: testConfig(), dataSource, logger: silentLogger() });
        await app.get(DemoSeeder).seedIfEmpty();
        await app.close();
      } finally {
        if (dataSource.isInitialized) await dataSource.destroy();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${info.template}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  } finally {
    await admin.end();
  }
}
