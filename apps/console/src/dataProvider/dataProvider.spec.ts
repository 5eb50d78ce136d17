import { HttpError } from 'ra-core';
import { ApiError } from '../graphql/client';
import { userQueries } from '../resources/users/queries';
import { auditEventQueries } from '../resources/auditEvents/queries';
import { venueQueries } from '../resources/venues/queries';
import { changedValues, compact, createDataProvider } from './index';
import { errorMessage, formErrors, formFieldOf, toHttpError, translateFieldMessage } from './errors';

/** A translate that shows which key (and arguments) it was asked for. */
const translate = (key: string, options?: Record<string, unknown>) => {
  const args = Object.entries(options ?? {})
    .filter(([k]) => k !== '_')
    .map(([k, v]) => `${k}=${String(v)}`);
  return args.length ? `${key}(${args.join(',')})` : key;
};

function fakeApi(answers: object | ((query: string, variables: Record<string, unknown>) => unknown)) {
  const calls: { query: string; variables: Record<string, unknown> }[] = [];
  const request = (async (query: string, variables: Record<string, unknown> = {}) => {
    calls.push({ query, variables });
    const answer = typeof answers === 'function' ? answers(query, variables) : answers;
    if (answer instanceof Error) throw answer;
    return { result: answer };
  }) as never;
  return { calls, request };
}

const queries = { venues: venueQueries, users: userQueries, auditEvents: auditEventQueries };

describe('the data provider', () => {
  it('maps getList onto filter, 1-based page, perPage and sort, and answers items and total', async () => {
    const api = fakeApi({ items: [{ id: 'v1' }], total: 31 });
    const dp = createDataProvider({ queries, translate, locale: () => 'zh-CN', request: api.request });
    const result = await dp.getList('venues', { pagination: { page: 2, perPage: 25 }, sort: { field: 'name', order: 'DESC' }, filter: { search: '郑州', status: '' } });
    expect(result).toEqual({ data: [{ id: 'v1' }], total: 31 });
    expect(api.calls[0].query).toContain('venues(filter: $filter, page: $page, perPage: $perPage, sort: $sort)');
    expect(api.calls[0].variables).toEqual({ filter: { search: '郑州' }, page: 2, perPage: 25, sort: { field: 'name', order: 'DESC' } });
  });

  it('drops a sort the API does not offer (react-admin defaults to id) and caps perPage at 200', async () => {
    const api = fakeApi({ items: [], total: 0 });
    const dp = createDataProvider({ queries, translate, locale: () => 'zh-CN', request: api.request });
    await dp.getList('venues', { pagination: { page: 1, perPage: 500 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(api.calls[0].variables).toEqual({ filter: undefined, page: 1, perPage: 200, sort: undefined });
  });

  it("applies a resource's filter mapping (audit days become Shanghai instants, to exclusive)", async () => {
    const api = fakeApi({ items: [], total: 0 });
    const dp = createDataProvider({ queries, translate, locale: () => 'zh-CN', request: api.request });
    await dp.getList('auditEvents', { pagination: { page: 1, perPage: 50 }, sort: { field: 'occurredAt', order: 'DESC' }, filter: { from: '2026-03-01', to: '2026-03-31' } });
    expect(api.calls[0].variables.filter).toEqual({ from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' });
  });

  it('getManyReference lists with the target as a filter', async () => {
    const api = fakeApi({ items: [{ id: 'u1' }], total: 1 });
    const dp = createDataProvider({ queries, translate, locale: () => 'zh-CN', request: api.request });
    const result = await dp.getManyReference('users', { target: 'organizationId', id: 'o1', pagination: { page: 1, perPage: 10 }, sort: { field: 'displayName', order: 'ASC' }, filter: {} });
    expect(result.total).toBe(1);
    expect(api.calls[0].variables.filter).toEqual({ organizationId: 'o1' });
  });

  it('getMany fetches each id once, reuses recent answers, and leaves out ids the caller may not see', async () => {
    const api = fakeApi((_q, v) => (v.id === 'gone' ? new ApiError('NOT_FOUND', 'Venue was not found.') : { id: v.id }));
    const dp = createDataProvider({ queries, translate, locale: () => 'zh-CN', request: api.request });
    expect((await dp.getMany('venues', { ids: ['a', 'b', 'gone'] })).data).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect((await dp.getMany('venues', { ids: ['a'] })).data).toEqual([{ id: 'a' }]);
    expect(api.calls.filter((c) => c.variables.id === 'a')).toHaveLength(1);
  });

  it('creates with one input built by the resource (memberships without empty values)', async () => {
    const api = fakeApi({ id: 'u9' });
    const dp = createDataProvider({ queries, translate, locale: () => 'zh-CN', request: api.request });
    await dp.create('users', {
      data: { email: ' a@b.test ', displayName: '新用户', password: 'secret-123x', memberships: [{ organizationId: 'o1', role: 'OPERATOR_ADMIN', regionId: null, venueIds: [] }] },
    });
    expect(api.calls[0].query).toContain('createUser(input: $input)');
    expect(api.calls[0].variables).toEqual({
      input: { email: 'a@b.test', displayName: '新用户', password: 'secret-123x', memberships: [{ organizationId: 'o1', role: 'OPERATOR_ADMIN' }] },
    });
  });

  it('runs workflow mutations by name with their input', async () => {
    const api = fakeApi({ id: 'u1', active: false });
    const dp = createDataProvider({ queries, translate, locale: () => 'zh-CN', request: api.request });
    const { data } = await dp.run('users', 'setActive', { userId: 'u1', active: false });
    expect(data).toEqual({ id: 'u1', active: false });
    expect(api.calls[0].query).toContain('setUserActive(input: $input)');
    expect(api.calls[0].variables).toEqual({ input: { userId: 'u1', active: false } });
    await expect(dp.run('users', 'nothing', {})).rejects.toThrow('no action "nothing"');
  });

  it('turns UNAUTHENTICATED into a 401 (react-admin signs out) with a message in the user language', async () => {
    const api = fakeApi(new ApiError('UNAUTHENTICATED', 'Your session has expired or is no longer valid. Please sign in again.'));
    const dp = createDataProvider({ queries, translate, locale: () => 'zh-CN', request: api.request });
    const error = await dp.getOne('venues', { id: 'v1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 401, message: 'xp.errors.UNAUTHENTICATED' });
  });

  it('puts VALIDATION_FAILED fields onto the form inputs they name', async () => {
    const api = fakeApi(
      new ApiError('VALIDATION_FAILED', 'Some values are not valid.', [
        { path: 'input.code', message: 'must be 2–24 capital letters, digits or dashes' },
        { path: 'input.memberships.0.role', message: 'FACTORY_ADMIN belongs to a FACTORY organization, not OPERATOR' },
      ]),
    );
    const dp = createDataProvider({ queries, translate, locale: () => 'zh-CN', request: api.request });
    const error = (await dp.create('venues', { data: { code: 'x' } }).catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(400);
    expect(error.body.errors.code).toBe('xp.validation.code(min=2,max=24)');
    expect(error.body.errors.memberships).toEqual({ 0: { role: 'xp.validation.roleKind(role=xp.roles.FACTORY_ADMIN,kind=xp.kinds.FACTORY)' } });
    expect(error.body.errors.root.serverError).toContain('xp.errors.VALIDATION_FAILED');
  });
});

describe('error messages', () => {
  it('speaks Chinese by code and passes the API sentence through in English', () => {
    const error = new ApiError('DUPLICATE', 'A region with code SOUTH already exists.');
    expect(errorMessage(error, translate, 'zh-CN')).toBe('xp.errors.DUPLICATE');
    expect(errorMessage(error, translate, 'en')).toBe('A region with code SOUTH already exists.');
    expect(errorMessage(new ApiError('SOMETHING_NEW', 'x'), translate, 'zh-CN')).toBe('xp.errors.INTERNAL');
  });

  it('translates the field messages the API sends and shows unknown ones as sent', () => {
    expect(translateFieldMessage('must be at most 120 characters', translate, 'zh-CN')).toBe('xp.validation.maxLength(max=120)');
    expect(translateFieldMessage('is not your current password', translate, 'zh-CN')).toBe('xp.validation.currentPassword');
    expect(translateFieldMessage('something else entirely', translate, 'zh-CN')).toBe('xp.validation.server(message=something else entirely)');
    expect(translateFieldMessage('must be at most 120 characters', translate, 'en')).toBe('must be at most 120 characters');
  });

  it('maps input paths to form fields and keeps other paths for the summary', () => {
    expect(formFieldOf('input.name')).toBe('name');
    expect(formFieldOf('input.lines.2.price')).toBe('lines.2.price');
    expect(formFieldOf('perPage')).toBeNull();
    const errors = formErrors(new ApiError('VALIDATION_FAILED', 'bad', [{ path: 'sort.field', message: 'must be a field name' }]), translate, 'zh-CN');
    expect(Object.keys(errors)).toEqual(['root']);
    expect((errors.root as { serverError: string }).serverError).toContain('sort.field');
  });

  it('gives every code a status and leaves non-API errors alone', () => {
    expect((toHttpError(new ApiError('FORBIDDEN', 'no'), translate, 'zh-CN') as HttpError).status).toBe(403);
    expect((toHttpError(new ApiError('NETWORK', 'fetch failed'), translate, 'en') as HttpError).message).toBe('xp.errors.NETWORK');
    const plain = new Error('plain');
    expect(toHttpError(plain, translate, 'zh-CN')).toBe(plain);
  });
});

describe('helpers', () => {
  it('compact drops empty values', () => {
    expect(compact({ a: '', b: null, c: undefined, d: [], e: 0, f: false, g: 'x' })).toEqual({ e: 0, f: false, g: 'x' });
  });

  it('changedValues keeps the id and the changed values only', () => {
    expect(changedValues({ id: '1', name: '新', city: '郑州', region: { id: 'r' } }, { id: '1', name: '旧', city: '郑州' })).toEqual({ id: '1', name: '新' });
  });
});
