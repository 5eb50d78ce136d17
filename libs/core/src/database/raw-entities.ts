import { types } from 'pg';
import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Whole entities read from a hand-written statement without TypeORM's query-builder hydration.
 * `json(alias)` is a SQL expression giving the entity's columns as one JSON array; `read(values)`
 * builds the entity from such an array exactly as a repository would (the driver's value
 * preparation and column transformers, then the @AfterLoad hooks), or null when the id is null
 * (an outer join that found nothing).
 *
 * Made for list pages: the page and its relations come back as one JSON document (`json_agg`),
 * parsed natively in one go, instead of node-postgres parsing ~60 text columns per row (its
 * timestamp parser alone cost more than the rest of the request) and the query builder's
 * transformer hydrating each entity (~10 µs apiece).
 *
 * JSON carries most column types as node-postgres would answer them (text, uuid, integers,
 * booleans, json/jsonb, arrays of those; timestamps as ISO text, which the driver turns into
 * Dates to the millisecond as node-postgres does; dates and ranges as their text). int8 and
 * numeric go through text, with node-postgres's own parsers. Other types are refused when the
 * reader is built, so a new column never silently changes shape.
 */
export interface RawEntityReader<T> {
  readonly metadata: EntityMetadata;
  /** `json_build_array(<alias>.<column>, …)`, the columns in the reader's order. */
  json(alias: string): string;
  read(values: unknown[] | null | undefined): T | null;
}

const readers = new WeakMap<EntityMetadata, Map<string, RawEntityReader<ObjectLiteral> | null>>();

/** The reader of whole entities (every selectable column), as a repository loads them. */
export function rawEntityReader<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>): RawEntityReader<T> {
  return cachedReader(dataSource, entity, null)!;
}

/**
 * A reader of only some properties (and the id): a partial entity, for a list that answers a
 * query's selection and nothing else. Null when a property is not a plain column (then read the
 * whole entity). Never put a partial entity where others expect whole ones (loaders, caches).
 */
export function partialEntityReader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  properties: readonly string[],
): RawEntityReader<T> | null {
  return cachedReader(dataSource, entity, [...new Set(properties)].sort());
}

function cachedReader<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, properties: string[] | null): RawEntityReader<T> | null {
  const metadata = dataSource.getMetadata(entity);
  let byProperties = readers.get(metadata);
  if (!byProperties) {
    byProperties = new Map();
    readers.set(metadata, byProperties);
  }
  const key = properties ? properties.join(',') : '*';
  let reader = byProperties.get(key);
  if (reader === undefined) {
    reader = buildReader(dataSource, metadata, properties);
    byProperties.set(key, reader);
  }
  return reader as RawEntityReader<T> | null;
}

/** Types JSON answers as node-postgres does. */
const AS_IS = new Set([
  'uuid',
  'text',
  'character varying',
  'character',
  'citext',
  'integer',
  'smallint',
  'boolean',
  'json',
  'jsonb',
  'enum',
  'simple-enum',
  'date',
  'daterange',
  'tstzrange',
  'int4range',
  'timestamp with time zone',
  'timestamp without time zone',
]);
/** Types sent as text and parsed by node-postgres's parser for them. */
const AS_TEXT: Record<string, number> = {
  bigint: types.builtins.INT8,
  int8: types.builtins.INT8,
  numeric: types.builtins.NUMERIC,
  decimal: types.builtins.NUMERIC,
};
const ARRAY_AS_IS = new Set(['uuid', 'text', 'character varying', 'integer', 'smallint', 'boolean', 'date']);

type Convert = (value: unknown) => unknown;

function buildReader(dataSource: DataSource, metadata: EntityMetadata, properties: string[] | null): RawEntityReader<ObjectLiteral> | null {
  const unsupported = metadata.columns.find((c) => c.relationMetadata || c.embeddedMetadata || c.isVirtual);
  if (unsupported || metadata.primaryColumns.length !== 1) {
    throw new Error(`rawEntityReader: ${metadata.name} has relation, embedded or virtual columns (${unsupported?.propertyName ?? 'key'})`);
  }
  let columns: ColumnMetadata[] = metadata.columns.filter((c) => c.isSelect);
  if (properties) {
    const byProperty = new Map(columns.map((c) => [c.propertyName, c]));
    if (properties.some((p) => !byProperty.has(p))) return null;
    // No @AfterLoad on a partial entity: its hooks may read columns left out.
    if (metadata.afterLoadListeners.length) return null;
    const wanted = new Set([metadata.primaryColumns[0].propertyName, ...properties]);
    columns = columns.filter((c) => wanted.has(c.propertyName));
  }
  if (columns.length > 100) throw new Error(`rawEntityReader: ${metadata.name} has more columns than json_build_array takes`);
  const driver = dataSource.driver;
  const plan = columns.map((column) => {
    const type = driver.normalizeType(column);
    const text = AS_TEXT[type];
    if (column.isArray) {
      if (text !== undefined) {
        const parse = types.getTypeParser(text, 'text') as Convert;
        return { sql: (col: string) => `${col}::text[]`, convert: ((v) => (Array.isArray(v) ? v.map((x) => (x === null ? null : parse(x))) : v)) as Convert };
      }
      if (!ARRAY_AS_IS.has(type)) throw new Error(`rawEntityReader: ${metadata.name}.${column.propertyName} (${type}[]) is not supported`);
      return { sql: (col: string) => col, convert: null };
    }
    if (text !== undefined) {
      const parse = types.getTypeParser(text, 'text') as Convert;
      return { sql: (col: string) => `${col}::text`, convert: ((v) => (v === null ? null : parse(v))) as Convert };
    }
    if (!AS_IS.has(type)) throw new Error(`rawEntityReader: ${metadata.name}.${column.propertyName} (${type}) is not supported`);
    return { sql: (col: string) => col, convert: null };
  });
  const primaryIndex = columns.indexOf(metadata.primaryColumns[0]);
  const listeners = metadata.afterLoadListeners;
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  return {
    metadata,
    json(alias: string): string {
      return `json_build_array(${columns.map((c, i) => plan[i].sql(`${quote(alias)}.${quote(c.databaseName)}`)).join(', ')})`;
    },
    read(values: unknown[] | null | undefined): ObjectLiteral | null {
      if (!values || values[primaryIndex] === null || values[primaryIndex] === undefined) return null;
      const entity = metadata.create(undefined, { fromDeserializer: true }) as Record<string, unknown>;
      for (let i = 0; i < columns.length; i++) {
        const convert = plan[i].convert;
        const value = convert ? convert(values[i]) : values[i];
        entity[columns[i].propertyName] = driver.prepareHydratedValue(value, columns[i]);
      }
      for (const listener of listeners) listener.execute(entity);
      return entity;
    },
  };
}
