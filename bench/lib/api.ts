import { BENCH_PASSWORD } from '../generate';

/** One GraphQL call; any error in the answer throws (a benchmark must never time failures). */
export async function gql<T = Record<string, unknown>>(base: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: unknown }[] };
  if (!response.ok || body.errors?.length) {
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 2000)}`);
  }
  return body.data as T;
}

export async function login(base: string, email: string): Promise<string> {
  const data = await gql<{ login: { accessToken: string } }>(
    base,
    'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email, password: BENCH_PASSWORD } },
  );
  return data.login.accessToken;
}

/** POST /api/documents (multipart), as the console and factories' scripts upload files. */
export async function uploadDocument(base: string, token: string, file: Buffer, name: string, kind: string): Promise<string> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([file]), name);
  const response = await fetch(`${base}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json()) as { id?: string };
  if (response.status !== 201 || !body.id) throw new Error(`upload ${name}: ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
  return body.id;
}
