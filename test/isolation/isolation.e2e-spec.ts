import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { addDays, today } from '@xp/core';
import { randomCreditCode } from '../support/given';
import { DEMO_USER_KEYS, DemoUserKey, TestApp } from '../support/test-app';
import { buildUniverse, Universe, universeKeyFor } from './universe';

/**
 * Tenant isolation, generated from the schema: every query and mutation that takes the id of a
 * tenant's object is called by every demo role (but platform staff) with the ids of a tenant none
 * of them belongs to, and must answer NOT_FOUND or FORBIDDEN with no data (a list: nothing).
 */

/** Objects every signed-in user may reach by design; an operation naming only these is not a tenant boundary. */
const SHARED_KEYS = new Set(['category']);

/** Public or self-only operations: no other tenant's id to pass. */
const NOT_TENANT_SCOPED = new Set(['login', 'me', 'changePassword', 'registerFactory', 'registerBuyer']);

/**
 * Deliberate reach, with the reason: factories browse the directory of active venues (and their
 * regions) to choose where to apply.
 */
function deliberatelyVisible(role: DemoUserKey, operation: string): boolean {
  const factory = role === 'factoryAdmin' || role === 'factory2Admin';
  return factory && ['venue', 'region', 'venues', 'regions'].includes(operation);
}

interface Call {
  operation: string;
  kind: 'query' | 'mutation';
  document: string;
  variables: Record<string, unknown>;
  tenantIds: string[];
  isList: boolean;
}

class Unmapped extends Error {}

/** Values that pass an input's own validation, by field name, where a generic value would not. */
const FIELD_SAMPLES: Record<string, unknown> = {
  widthMm: 50,
  heightMm: 30,
  zplDpi: 203,
  month: '2020-01',
  reservationHoldMinutes: 60,
};

function sampleScalar(name: string, field: string): unknown {
  if (field in FIELD_SAMPLES) return FIELD_SAMPLES[field];
  switch (name) {
    case 'Int':
      return /number$/i.test(field) || field === 'levels' || field === 'page' ? 1 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return field === 'approve' ? true : false;
    case 'Money':
      return '1.00';
    case 'Date':
      return addDays(today(), 1);
    case 'DateTime':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'JSONObject':
      return {};
    default:
      if (/email/i.test(field)) return 'isolation@test.xuanpin.test';
      if (field === 'idempotencyKey') return `isolation-${Math.random().toString(36).slice(2)}-${Date.now()}`;
      if (/(No|Number|Key)$/.test(field)) return 'ISO-1';
      if (/password/i.test(field)) return 'isolation-pass-9';
      if (/creditCode/i.test(field)) return randomCreditCode();
      if (/code$/i.test(field)) return 'Q9';
      if (/phone/i.test(field)) return '13800000000';
      return '隔离测试';
  }
}

function sampleInput(
  type: GraphQLInputType,
  field: string,
  operation: string,
  universe: Universe,
  tenantIds: string[],
  shared: Record<string, string>,
): unknown {
  if (isNonNullType(type)) return sampleInput(type.ofType, field, operation, universe, tenantIds, shared);
  if (isListType(type)) return [sampleInput(type.ofType, field.replace(/Ids$/, 'Id'), operation, universe, tenantIds, shared)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      const idLike = getNamedType(f.type).name === 'ID';
      if (!isNonNullType(f.type) && !(idLike && f.name !== 'id')) continue;
      value[f.name] = sampleInput(f.type, f.name, operation, universe, tenantIds, shared);
    }
    return value;
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.value);
    return values.includes('APPROVE') ? 'APPROVE' : values[0];
  }
  if (isScalarType(type) && type.name === 'ID') {
    const key = universeKeyFor(operation, field);
    if (!key) throw new Unmapped(`${operation}: ID argument "${field}"`);
    if (SHARED_KEYS.has(key)) return shared[key];
    const id = universe[key];
    if (!id) throw new Unmapped(`${operation}: no "${key}" in the isolation universe for "${field}"`);
    tenantIds.push(id);
    return id;
  }
  if (isScalarType(type)) return sampleScalar(type.name, field);
  throw new Error(`Unsupported input type for ${field}`);
}

function selection(type: GraphQLObjectType): string {
  const fields = type.getFields();
  if (fields.items && fields.total) return '{ total items { __typename } }';
  return '{ __typename }';
}

function buildCall(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  universe: Universe,
  shared: Record<string, string>,
): Call | null {
  const tenantIds: string[] = [];
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of field.args as readonly (GraphQLArgument | GraphQLInputField)[]) {
    const named = getNamedType(arg.type);
    const needed = isNonNullType(arg.type) || named.name === 'ID' || arg.name === 'filter';
    if (!needed || ['page', 'perPage', 'sort'].includes(arg.name)) continue;
    variables[arg.name] = sampleInput(arg.type, arg.name, field.name, universe, tenantIds, shared);
    declared.push(`$${arg.name}: ${String(arg.type)}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  if (tenantIds.length === 0) return null;
  const returned = getNamedType(field.type);
  const sel = isObjectType(returned) ? selection(returned) : '';
  const document = `${kind} Isolation${declared.length ? `(${declared.join(', ')})` : ''} { ${field.name}${passed.length ? `(${passed.join(', ')})` : ''} ${sel} }`;
  return { operation: field.name, kind, document, variables, tenantIds, isList: sel.startsWith('{ total') };
}

function calls(schema: GraphQLSchema, universe: Universe, shared: Record<string, string>): { calls: Call[]; unmapped: string[] } {
  const result: Call[] = [];
  const unmapped: string[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root!.getFields())) {
      if (NOT_TENANT_SCOPED.has(field.name)) continue;
      try {
        const call = buildCall(kind, field, universe, shared);
        if (call) result.push(call);
      } catch (error) {
        if (error instanceof Unmapped) unmapped.push(error.message);
        else throw error;
      }
    }
  }
  return { calls: result, unmapped };
}

describe('tenant isolation across the whole API', () => {
  let t: TestApp;
  let universe: Universe;
  let generated: { calls: Call[]; unmapped: string[] };

  beforeAll(async () => {
    t = await TestApp.start();
    universe = await buildUniverse(t);
    const [{ id: category }] = await t.dataSource.query(`SELECT id FROM categories WHERE code = 'APPAREL-SCARF'`);
    generated = calls(t.app.get(GraphQLSchemaHost).schema, universe, { category });
  });
  afterAll(() => t.close());

  it('knows which object every ID argument of the schema names', () => {
    expect(generated.unmapped).toEqual([]);
    expect(generated.calls.length).toBeGreaterThan(15);
  });

  const roles = DEMO_USER_KEYS.filter((k) => k !== 'platformAdmin');

  it.each(roles)('keeps %s out of the other tenant in every operation', async (role) => {
    const auditBefore = await t.count('audit_events');
    const leaks: string[] = [];
    const codes: Record<string, number> = {};
    for (const call of generated.calls) {
      if (deliberatelyVisible(role, call.operation)) continue;
      const result = await t.gql(call.document, call.variables, role);
      const code = result.errors?.[0]?.extensions.code;
      codes[code ?? 'EMPTY_LIST'] = (codes[code ?? 'EMPTY_LIST'] ?? 0) + 1;
      if (process.env.ISOLATION_TRACE) process.stdout.write(`${role} ${call.operation} ${code ?? 'ok'}\n`);
      const value = result.data ? (result.data as Record<string, unknown>)[call.operation] : null;
      if (call.isList && !result.errors) {
        const page = value as { total: number };
        if (page.total !== 0) leaks.push(`${call.operation}: listed ${page.total} of the other tenant's rows`);
        continue;
      }
      if (value !== null && value !== undefined) leaks.push(`${call.operation}: answered data ${JSON.stringify(value)}`);
      else if (code !== 'NOT_FOUND' && code !== 'FORBIDDEN') {
        leaks.push(`${call.operation}: answered ${code ?? 'no error'} (${result.errors?.[0]?.message ?? ''})`);
      }
    }
    expect(leaks).toEqual([]);
    // Not vacuous: the other tenant's ids were really looked up and refused.
    expect((codes.NOT_FOUND ?? 0) + (codes.FORBIDDEN ?? 0) + (codes.EMPTY_LIST ?? 0)).toBeGreaterThan(15);
    expect(await t.count('audit_events')).toBe(auditBefore);
  });

  /** Every file route, with the other tenant's object: documents, label files, statements, report spreadsheets. */
  const files = () => [
    { route: `/api/documents/${universe.document}`, type: 'application/pdf' },
    { route: `/api/label-jobs/${universe.labelPrintJob}/file`, type: 'application/pdf' },
    { route: `/api/settlements/${universe.settlement}.pdf`, type: 'application/pdf' },
    { route: `/api/settlements/${universe.settlement}.csv`, type: 'text/csv' },
    { route: `/api/reports/venue/${universe.venue}.xlsx?from=2026-01-01&to=2026-02-01`, type: 'spreadsheetml' },
  ];

  it.each(roles)("refuses %s every file of the other tenant (404 or 403, never the file)", async (role) => {
    const token = await t.tokenFor(role);
    const leaks: string[] = [];
    for (const { route } of files()) {
      const res = await t.http().get(route).set('authorization', `Bearer ${token}`);
      if (![403, 404].includes(res.status)) leaks.push(`${route}: HTTP ${res.status}`);
      else if (!String(res.headers['content-type']).includes('application/json')) leaks.push(`${route}: answered ${res.headers['content-type']}`);
    }
    expect(leaks).toEqual([]);
  });

  it('answers 401 to an anonymous caller for every file, and the file to platform staff (they are real)', async () => {
    const token = await t.tokenFor('platformAdmin');
    for (const { route, type } of files()) {
      expect([route, (await t.http().get(route)).status]).toEqual([route, 401]);
      const res = await t.http().get(route).set('authorization', `Bearer ${token}`);
      expect([route, res.status]).toEqual([route, 200]);
      expect(String(res.headers['content-type'])).toContain(type);
    }
  });

  it('lets platform staff reach the other tenant (the universe is real)', async () => {
    const { venue } = await t.ok('query($id: ID!) { venue(id: $id) { id } }', { id: universe.venue }, 'platformAdmin');
    expect(venue.id).toBe(universe.venue);
    const { slotAssignment } = await t.ok('query($id: ID!) { slotAssignment(id: $id) { id } }', { id: universe.slotAssignment }, 'platformAdmin');
    expect(slotAssignment.id).toBe(universe.slotAssignment);
    const { settlement } = await t.ok('query($id: ID!) { settlement(id: $id) { id spreadAmount } }', { id: universe.settlement }, 'platformAdmin');
    expect(settlement).toEqual({ id: universe.settlement, spreadAmount: '0.00' });
    const { salesOrder } = await t.ok('query($id: ID!) { salesOrder(id: $id) { id } }', { id: universe.salesOrder }, 'platformAdmin');
    expect(salesOrder.id).toBe(universe.salesOrder);
  });
});
