import { readSession } from '../authProvider/session';

/** One error of a GraphQL answer, as the API shapes it (API.md: every error has extensions.code). */
export interface ApiErrorBody {
  message: string;
  extensions?: { code?: string; fields?: { path: string; message: string }[]; [key: string]: unknown };
}

/** A failed call: the API's code (or NETWORK when the API could not be reached) and its details. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface GraphqlOptions {
  /** Send this token instead of the session's (sign-in sends none). */
  token?: string | null;
  signal?: AbortSignal;
}

export const GRAPHQL_URL = '/graphql';

/** Runs one operation against the API and answers its `data`, or throws an ApiError. */
export async function graphql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: GraphqlOptions = {},
): Promise<T> {
  const token = options.token === undefined ? readSession()?.accessToken : options.token;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('NETWORK', (error as Error).message);
  }
  let body: { data?: T | null; errors?: ApiErrorBody[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(response.status === 429 ? 'RATE_LIMITED' : 'NETWORK', `HTTP ${response.status}`);
  }
  const first = body?.errors?.[0];
  if (first) {
    const { code = 'INTERNAL', fields = [], ...rest } = first.extensions ?? {};
    throw new ApiError(code, first.message, fields, rest);
  }
  if (!response.ok || !body?.data) throw new ApiError('NETWORK', `HTTP ${response.status}`);
  return body.data;
}
