import { Client, types } from 'pg';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { AppConfig } from '../config/config';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { SnakeNamingStrategy } from './naming.strategy';

// Dates stay 'YYYY-MM-DD' strings (node-postgres would turn them into local-midnight Dates),
// and int8 (counts, fen) becomes a number when it is exactly representable.
types.setTypeParser(types.builtins.DATE, (value) => value);
types.setTypeParser(types.builtins.INT8, (value) => {
  const n = Number(value);
  // Beyond 2^53 the text is kept; money columns' transformer then refuses it loudly.
  return Number.isSafeInteger(n) ? n : value;
});

export const DATABASE_NAME = 'xuanpin';

export interface OpenedDatabase {
  url: string;
  embedded?: EmbeddedPostgres;
}

/** Creates a database on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(
        `CREATE DATABASE ${client.escapeIdentifier(name)} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`,
      );
    }
  } finally {
    await client.end();
  }
}

/** Refuses a non-UTF-8 database: Chinese names would be stored as bytes and break. */
export async function assertUtf8(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_encoding: string }>('SHOW server_encoding');
    if (rows[0].server_encoding !== 'UTF8') {
      throw new Error(
        `The database uses encoding ${rows[0].server_encoding}; Xuanpin needs UTF8 for Chinese text. ` +
          'Create the database with ENCODING \'UTF8\' (the embedded PostgreSQL does this itself).',
      );
    }
  } finally {
    await client.end();
  }
}

/** The external server of DATABASE_URL, or the embedded one under DATA_DIR. */
export async function openDatabase(
  config: AppConfig,
  log: (line: string) => void,
  serverLog: (line: string) => void = () => undefined,
): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    await assertUtf8(config.databaseUrl);
    return { url: config.databaseUrl };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log, serverLog });
  try {
    await ensureDatabase(embedded.urlFor('postgres'), DATABASE_NAME);
    const url = embedded.urlFor(DATABASE_NAME);
    await assertUtf8(url);
    return { url, embedded };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

export interface DataSourceOptions {
  url: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'all',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'xuanpin',
    extra: {
      // Business dates are Shanghai days; now()::date and date_trunc follow suit.
      options: '-c TimeZone=Asia/Shanghai',
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 10_000,
    },
  });
}

const MIGRATION_LOCK = 72_616_001;

/** Applies pending migrations under an advisory lock, so replicas starting together do not race. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
