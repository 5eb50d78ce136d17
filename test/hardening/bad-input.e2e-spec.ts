import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { addDays, today } from '@xp/core';
import { randomCreditCode } from '../support/given';
import { DemoUserKey, TestApp } from '../support/test-app';

/**
 * Bad input, generated from the schema: every field of every mutation's input is sent broken in
 * each way its type allows (wrong type, empty, 10,000 characters, control characters, emoji in
 * names, more than two decimals, out-of-range numbers, impossible dates, malformed ids), one field
 * at a time, by a caller the mutation admits. Each must answer VALIDATION_FAILED naming that
 * field (a malformed id may answer NOT_FOUND), with no data, and change nothing.
 */

interface Case {
  mutation: string;
  selection: string;
  path: string;
  label: string;
  input: Record<string, unknown>;
}

const CALLERS: DemoUserKey[] = [
  'platformAdmin',
  'operatorAdmin',
  'factoryAdmin',
  'pricingReviewer',
  'showroomStaff',
  'warehouseStaff',
];

const SKIP = new Set(['login']);

/** Fields whose value is free text that may be empty of meaning but not of characters. */
const NAME_LIKE = /(name|title|code|no|number)$/i;
/** Counts that must be at least 1, and counts that may be 0 but never negative. */
const POSITIVE = /^(quantity|moq|packSize|levels|fromNumber|toNumber|minQuantity)$/;
const NON_NEGATIVE = /(Quantity|Days)$/;

function valid(type: GraphQLInputType, field: string): unknown {
  if (isNonNullType(type)) return valid(type.ofType, field);
  if (isListType(type)) return [valid(type.ofType, field)];
  if (isInputObjectType(type)) return validObject(type);
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return '00000000-0000-4000-8000-000000000001';
      case 'Int':
        return /dpi/i.test(field) ? 203 : /mm$/i.test(field) ? 50 : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'Money':
        return '10.00';
      case 'Date':
        return addDays(today(), 1);
      case 'DateTime':
        return new Date(Date.now() + 86_400_000).toISOString();
      case 'JSONObject':
        return {};
      default:
        if (/email/i.test(field)) return 'valid@test.xuanpin.test';
        if (/password/i.test(field)) return 'valid-pass-123';
        if (/creditCode/i.test(field)) return randomCreditCode();
        if (field === 'idempotencyKey') return `bad-input-${Math.random().toString(36).slice(2)}`;
        if (/phone/i.test(field)) return '13800000000';
        if (/code$|No$|Number$/i.test(field)) return 'OK-1';
        return '正常文本';
    }
  }
  throw new Error(`No value for ${field}`);
}

function validObject(type: GraphQLInputObjectType): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const f of Object.values(type.getFields())) {
    if (isNonNullType(f.type)) value[f.name] = valid(f.type, f.name);
  }
  return value;
}

/** The ways a value of this scalar can be wrong, as [label, value, may the answer be NOT_FOUND]. */
function badValues(scalar: string, field: string): [string, unknown, boolean][] {
  const wrongType: [string, unknown, boolean] = ['a value of the wrong type', scalar === 'String' || scalar === 'ID' ? { x: 1 } : 'text', false];
  switch (scalar) {
    case 'String': {
      const bad: [string, unknown, boolean][] = [
        wrongType,
        ['10,000 characters', 'x'.repeat(10_000), false],
        ['a control character', 'a\u0000b', false],
      ];
      if (!/password/i.test(field)) bad.push(['an empty string', '', false]);
      if (NAME_LIKE.test(field)) bad.push(['emoji in a name', '开心😀', false]);
      return bad;
    }
    case 'ID':
      return [
        wrongType,
        ['a malformed id', "1' OR '1'='1", true],
      ];
    case 'Int': {
      const bad: [string, unknown, boolean][] = [wrongType, ['a number beyond Int', 2 ** 31, false], ['a fraction', 1.5, false]];
      if (POSITIVE.test(field) || NON_NEGATIVE.test(field)) bad.push(['a negative number', -1, false]);
      if (POSITIVE.test(field)) bad.push(['zero', 0, false]);
      return bad;
    }
    case 'Money':
      return [
        ['a number instead of a decimal string', 12.5, false],
        ['three decimals', '12.345', false],
        ['an exponent', '1e3', false],
        ['an amount beyond range', '999999999999999.00', false],
      ];
    case 'Date':
      return [
        ['an impossible date', '2026-02-30', false],
        ['a word', 'tomorrow', false],
      ];
    case 'DateTime':
      return [['a time without offset', '2026-11-25 10:00', false]];
    default:
      return [];
  }
}

function cases(field: GraphQLField<unknown, unknown>): Case[] {
  const arg = field.args.find((a) => a.name === 'input');
  if (!arg) return [];
  const inputType = getNamedType(arg.type) as GraphQLInputObjectType;
  const base = validObject(inputType);
  const selection = isScalarType(getNamedType(field.type)) ? '' : '{ __typename }';
  const out: Case[] = [];
  const walk = (type: GraphQLInputObjectType, path: string[], target: (input: Record<string, unknown>) => Record<string, unknown>) => {
    for (const f of Object.values(type.getFields())) {
      let t: GraphQLInputType = isNonNullType(f.type) ? f.type.ofType : f.type;
      const list = isListType(t);
      if (list) t = (t as { ofType: GraphQLInputType }).ofType;
      if (isNonNullType(t)) t = t.ofType;
      if (isInputObjectType(t)) {
        const nested = t;
        walk(nested, [...path, f.name, ...(list ? ['0'] : [])], (input) => {
          const parent = target(input);
          if (parent[f.name] === undefined) parent[f.name] = list ? [validObject(nested)] : validObject(nested);
          return (list ? (parent[f.name] as Record<string, unknown>[])[0] : parent[f.name]) as Record<string, unknown>;
        });
        continue;
      }
      if (!isScalarType(t)) continue;
      for (const [label, value] of badValues(t.name, f.name)) {
        const input = structuredClone(base);
        target(input)[f.name] = list ? [value] : value;
        out.push({ mutation: field.name, selection, path: ['input', ...path, f.name].join('.'), label, input });
      }
    }
  };
  walk(inputType, [], (input) => input);
  return out;
}

describe('bad input on every mutation', () => {
  let t: TestApp;
  let callers: Map<string, DemoUserKey | null>;
  let all: Case[];

  const totalRows = async (): Promise<number> => {
    const tables: { relname: string }[] = await t.dataSource.query(
      "SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' AND relname <> 'schema_migrations'",
    );
    const sql = tables.map((r) => `(SELECT count(*) FROM "${r.relname}")`).join(' + ');
    const [{ n }] = await t.dataSource.query(`SELECT ${sql} AS n`);
    return Number(n);
  };

  beforeAll(async () => {
    t = await TestApp.start({ publicRateLimit: 1_000_000 });
    const schema = t.app.get(GraphQLSchemaHost).schema;
    all = Object.values(schema.getMutationType()!.getFields())
      .filter((f) => !SKIP.has(f.name))
      .flatMap((f) => cases(f));
    // A caller each mutation admits: the first demo user its guard lets through.
    callers = new Map();
    for (const name of new Set(all.map((c) => c.mutation))) {
      callers.set(name, null);
      const field = schema.getMutationType()!.getFields()[name];
      const probe = validObject(getNamedType(field.args[0].type) as GraphQLInputObjectType);
      const selection = isScalarType(getNamedType(field.type)) ? '' : '{ __typename }';
      for (const caller of [null, ...CALLERS] as (DemoUserKey | null)[]) {
        const res = await t.gql(`mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) ${selection} }`, {
          input: probe,
        }, caller);
        const code = res.errors?.[0]?.extensions.code;
        if (code !== 'FORBIDDEN' && code !== 'UNAUTHENTICATED') {
          callers.set(name, caller);
          break;
        }
      }
    }
  });
  afterAll(() => t.close());

  it('covers every mutation that takes an input', () => {
    expect(new Set(all.map((c) => c.mutation)).size).toBeGreaterThan(40);
    expect(all.length).toBeGreaterThan(500);
  });

  it('refuses each broken field with VALIDATION_FAILED naming it, and changes nothing', async () => {
    const before = await totalRows();
    const problems: string[] = [];
    for (const c of all) {
      const name = c.mutation;
      const document = `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) ${c.selection} }`;
      const res = await t.gql(document, { input: c.input }, callers.get(name) ?? null);
      const error = res.errors?.[0];
      const data = res.data ? (res.data as Record<string, unknown>)[name] : null;
      const where = `${name} ${c.path} (${c.label})`;
      if (data) {
        problems.push(`${where}: accepted`);
        continue;
      }
      const code = error?.extensions.code;
      if (code === 'NOT_FOUND' && /id$/i.test(c.path)) continue;
      if (code !== 'VALIDATION_FAILED') {
        problems.push(`${where}: answered ${code} — ${error?.message}`);
        continue;
      }
      const fields = (error?.extensions.fields ?? []) as { path: string }[];
      const named = fields.some((f) => f.path === c.path || c.path.startsWith(`${f.path}.`) || f.path.startsWith(`${c.path}.`));
      if (!named) problems.push(`${where}: did not name the field (${fields.map((f) => f.path).join(', ')})`);
    }
    expect(problems).toEqual([]);
    expect(await totalRows()).toBe(before);
  });

  it('stores an SQL-looking name verbatim and harmlessly', async () => {
    const sneaky = "Robert'); DROP TABLE users;--";
    const { createRegion } = await t.ok(
      'mutation($input: CreateRegionInput!) { createRegion(input: $input) { id name } }',
      { input: { code: 'SQL-1', name: sneaky } },
      'platformAdmin',
    );
    expect(createRegion.name).toBe(sneaky);
    expect(await t.count('users')).toBeGreaterThan(0);
  });
});
