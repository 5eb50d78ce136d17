import type { DataProvider, Identifier, RaRecord } from 'ra-core';
import { graphql } from '../graphql/client';
import type { ResourceQueries } from '../resources/queries.types';
import { toHttpError, Translate } from './errors';

/** The API answers pages of at most 200 (API.md); react-admin never asks for more here. */
export const MAX_PER_PAGE = 200;

export interface XpDataProvider extends DataProvider {
  /** A workflow mutation of a resource (e.g. users → setActive), answering `{ data }`. */
  run<T = RaRecord>(resource: string, action: string, input: Record<string, unknown>): Promise<{ data: T }>;
}

export interface DataProviderOptions {
  queries: Record<string, ResourceQueries>;
  translate: Translate;
  locale: () => string;
  /** Runs an operation (the API client; replaced in unit tests). */
  request?: typeof graphql;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Drops empty values (react-admin keeps cleared inputs as '' or null). */
export function compact(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !isEmpty(v)));
}

/** Only the values that changed, with the id: what an `updateX(input)` takes. */
export function changedValues(data: Record<string, unknown>, previous: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = { id: previous.id ?? data.id };
  for (const [key, value] of Object.entries(data)) {
    if (key === 'id' || typeof value === 'object' && value !== null && !Array.isArray(value)) continue;
    if (JSON.stringify(value) !== JSON.stringify(previous[key])) changed[key] = value === '' ? null : value;
  }
  return changed;
}

/**
 * react-admin's calls onto the API's conventions (API.md), one set of documents per resource:
 * getList → `xs(filter, page, perPage, sort)` answering `{ items, total }` (react-admin's pages
 * count from 1 like the API's); getOne → `x(id)`; getMany → parallel getOne calls, deduplicated
 * through a short-lived cache (the API offers no `ids` filter; a reference list shows a few
 * ids at a time), leaving out ids the caller may not see; getManyReference → getList with the
 * target as a filter; create/update → `createX(input)` / `updateX(input)`; `run` for workflow
 * mutations. Errors become react-admin HttpErrors (see errors.ts).
 */
export function createDataProvider({ queries, translate, locale, request = graphql }: DataProviderOptions): XpDataProvider {
  const cache = new Map<string, { at: number; promise: Promise<RaRecord> }>();
  const CACHE_MS = 5_000;

  function documents(resource: string): ResourceQueries {
    const q = queries[resource];
    if (!q) throw new Error(`No GraphQL documents registered for resource "${resource}"`);
    return q;
  }

  function document(resource: string, kind: 'list' | 'one' | 'create' | 'update'): string {
    const doc = documents(resource)[kind];
    if (!doc) throw new Error(`Resource "${resource}" has no "${kind}" document`);
    return doc;
  }

  async function call<T>(resource: string, query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    try {
      const data = await request<{ result: T }>(query, variables, { signal });
      return data.result;
    } catch (error) {
      throw toHttpError(error, translate, locale(), resource);
    }
  }

  function listVariables(resource: string, params: { pagination?: { page: number; perPage: number }; sort?: { field: string; order: string }; filter?: Record<string, unknown> }) {
    const q = documents(resource);
    const filter = q.filterToApi ? q.filterToApi(params.filter ?? {}) : compact(params.filter ?? {});
    const page = params.pagination?.page ?? 1;
    const perPage = Math.min(params.pagination?.perPage ?? 25, MAX_PER_PAGE);
    const sortable = q.sortable ?? [];
    const sort = params.sort && sortable.includes(params.sort.field) ? { field: params.sort.field, order: params.sort.order === 'DESC' ? 'DESC' : 'ASC' } : undefined;
    return { filter: Object.keys(filter).length ? filter : undefined, page, perPage, sort };
  }

  function getOne(resource: string, id: Identifier, signal?: AbortSignal): Promise<RaRecord> {
    return call<RaRecord>(resource, document(resource, 'one'), { id: String(id) }, signal);
  }

  const provider: XpDataProvider = {
    supportAbortSignal: true,

    async getList(resource, params) {
      const page = await call<{ items: RaRecord[]; total: number }>(resource, document(resource, 'list'), listVariables(resource, params), params.signal);
      return { data: page.items as never[], total: page.total };
    },

    async getOne(resource, params) {
      return { data: (await getOne(resource, params.id, params.signal)) as never };
    },

    async getMany(resource, params) {
      const now = Date.now();
      const found = await Promise.all(
        params.ids.map((id) => {
          const key = `${resource}:${id}`;
          const hit = cache.get(key);
          if (hit && now - hit.at < CACHE_MS) return hit.promise.catch(() => null);
          const promise = getOne(resource, id);
          cache.set(key, { at: now, promise });
          promise.catch(() => cache.delete(key));
          return promise.catch((error: { status?: number }) => {
            // Not found (or another tenant's): leave it out, as react-admin expects of getMany.
            if (error?.status === 404) return null;
            throw error;
          });
        }),
      );
      return { data: found.filter((r): r is RaRecord => r !== null) as never[] };
    },

    async getManyReference(resource, params) {
      const page = await call<{ items: RaRecord[]; total: number }>(
        resource,
        document(resource, 'list'),
        listVariables(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } }),
        params.signal,
      );
      return { data: page.items as never[], total: page.total };
    },

    async create(resource, params) {
      const q = documents(resource);
      const input = q.toCreateInput ? q.toCreateInput(params.data) : compact(params.data);
      delete input.id;
      cache.clear();
      return { data: (await call<RaRecord>(resource, document(resource, 'create'), { input })) as never };
    },

    async update(resource, params) {
      const q = documents(resource);
      const previous = (params.previousData ?? {}) as Record<string, unknown>;
      const input = q.toUpdateInput ? q.toUpdateInput(params.data, previous) : changedValues(params.data, { ...previous, id: params.id });
      cache.clear();
      return { data: (await call<RaRecord>(resource, document(resource, 'update'), { input })) as never };
    },

    async updateMany() {
      throw new Error('updateMany is not offered by the API');
    },

    async delete() {
      throw new Error('delete is not offered by the API');
    },

    async deleteMany() {
      throw new Error('deleteMany is not offered by the API');
    },

    async run<T>(resource: string, action: string, input: Record<string, unknown>) {
      const doc = documents(resource).actions?.[action];
      if (!doc) throw new Error(`Resource "${resource}" has no action "${action}"`);
      cache.clear();
      return { data: await call<T>(resource, doc, { input }) };
    },
  };
  return provider;
}
