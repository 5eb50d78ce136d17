import { Client } from 'pg';

/** A generation step: set-based SQL run inside the bench database. */
export interface Step {
  name: string;
  /** Tables the step writes; the step is skipped while one of them does not exist yet. */
  requires?: string[];
  run(db: GenContext): Promise<string | void>;
}

export interface GenContext {
  client: Client;
  log(line: string): void;
}

export async function tableExists(client: Client, table: string): Promise<boolean> {
  const { rows } = await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [`public.${table}`]);
  return rows[0].present as boolean;
}

export async function count(client: Client, sql: string): Promise<number> {
  const { rows } = await client.query(sql);
  return Number(Object.values(rows[0])[0]);
}

/**
 * Bulk loading the way PostgreSQL does it fastest without weakening anything: the table's
 * plain (non-unique) indexes are dropped for the load and built again afterwards in one sort
 * each. Indexes that back a constraint (primary keys, UNIQUE, EXCLUDE) stay, and so do
 * foreign keys, CHECKs and triggers: every row is still checked as it arrives.
 */
export async function withPlainIndexesDeferred<T>(client: Client, table: string, load: () => Promise<T>): Promise<T> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = $1::regclass AND NOT x.indisunique AND NOT x.indisexclusion
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`,
    [`public.${table}`],
  );
  for (const index of rows) await client.query(`DROP INDEX ${client.escapeIdentifier(index.name)}`);
  try {
    return await load();
  } finally {
    // a partitioned table's index is defined ON ONLY the parent; built again on the whole table
    for (const index of rows) await client.query(index.definition.replace(' ON ONLY ', ' ON '));
  }
}
