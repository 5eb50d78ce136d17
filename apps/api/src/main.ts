import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, createDataSource, createLogger, loadConfig, openDatabase, OpenedDatabase, runMigrations } from '@xp/core';
import { DEMO_LOGINS, DEMO_PASSWORD, DemoSeeder } from '@xp/demo';
import { MIGRATIONS } from '@xp/migrations';
import { createApp } from './bootstrap';
import { ENTITIES } from './entities';

/**
 * Starts everything: the database (embedded unless DATABASE_URL is set), migrations, the
 * demo data on first start, and the API. Ctrl-C / SIGTERM stop the API first, then PostgreSQL.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  let db: OpenedDatabase | undefined;
  let dataSource: DataSource | undefined;
  let closeApp: (() => Promise<void>) | undefined;
  let stopping = false;

  const stop = async (reason: string, code: number) => {
    if (stopping) {
      // A second Ctrl-C means "now"; a repeated SIGTERM (npm and the parent watch both send one)
      // lets the clean stop finish (the 25 s guard below still bounds it).
      if (reason === 'SIGINT') {
        logger.warn('Stopping already; forcing exit.');
        process.exit(1);
      }
      return;
    }
    stopping = true;
    logger.info({ reason }, 'Stopping');
    setTimeout(() => {
      logger.error('Shutdown took too long; exiting.');
      process.exit(1);
    }, 25_000).unref();
    try {
      await closeApp?.();
    } catch (error) {
      logger.error({ err: error }, 'Error while closing the API');
    }
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await db?.embedded?.stop();
    logger.info('Stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'Uncaught exception');
    void stop('uncaughtException', 1);
  });

  try {
    db = await openDatabase(
      config,
      (line) => logger.info({ component: 'embedded-postgres' }, line),
      (line) => logger.debug({ component: 'postgres' }, line),
    );
    dataSource = createDataSource({ url: db.url, entities: ENTITIES, migrations: MIGRATIONS, poolSize: config.dbPoolSize });
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    if (applied.length) logger.info({ migrations: applied }, 'Applied migrations');
    const app = await createApp({ config, dataSource, logger });
    closeApp = () => app.close();
    const seeded = config.demoData ? await app.get(DemoSeeder).seedIfEmpty() : false;
    if (stopping) return;
    await app.listen({ port: config.port, host: config.host });
    const base = config.publicBaseUrl;
    const lines = [
      '',
      `Xuanpin (选品) is ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  Console:   ${base}/`,
      `  GraphQL:   ${base}/graphql${config.env === 'production' ? '' : '  (GraphiQL in the browser)'}`,
      `  Health:    ${base}/health`,
      `  Database:  ${db.embedded ? `embedded PostgreSQL on 127.0.0.1:${db.embedded.port}, data in ${config.dataDir}` : 'DATABASE_URL'}`,
    ];
    if (config.demoData) {
      lines.push(`  Demo data: ${seeded ? 'loaded now' : 'kept from an earlier start'}; every demo login's password is "${DEMO_PASSWORD}":`);
      for (const login of DEMO_LOGINS) lines.push(`    ${login.email.padEnd(38)} ${login.role.padEnd(18)} ${login.note}`);
    }
    lines.push('  Stop with Ctrl-C.', '');
    process.stdout.write(lines.join('\n') + '\n');
  } catch (error) {
    logger.fatal({ err: error }, `Could not start: ${(error as Error).message}`);
    process.stderr.write(`\nCould not start: ${(error as Error).message}\n`);
    await stop('startup failure', 1);
  }
}

void main();
