import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from '../support/test-app';

const SCHEMA_FILE = join(__dirname, '../../apps/api/schema.gql');
const HEADER = '# Generated from the code-first schema by `npm run schema`. Do not edit by hand.\n\n';

describe('the committed GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('matches the schema the code builds (run `npm run schema` after an API change)', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const printed = HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });

  it('names every mutation argument `input` of a type <Mutation>Input', () => {
    const mutations = t.app.get(GraphQLSchemaHost).schema.getMutationType()!.getFields();
    for (const [name, field] of Object.entries(mutations)) {
      expect(field.args.map((a) => a.name)).toEqual(['input']);
      const typeName = String(field.args[0].type).replace(/!$/, '');
      expect(typeName).toBe(`${name[0].toUpperCase()}${name.slice(1)}Input`);
    }
  });

  it('gives every list query page, perPage, sort and filter and a { items, total } page', () => {
    const queries = t.app.get(GraphQLSchemaHost).schema.getQueryType()!.getFields();
    const lists = Object.values(queries).filter((f) => String(f.type).endsWith('Page!'));
    expect(lists.length).toBeGreaterThan(3);
    for (const field of lists) {
      const args = Object.fromEntries(field.args.map((a) => [a.name, String(a.type)]));
      expect(args).toMatchObject({ page: 'Int!', perPage: 'Int!', sort: 'SortInput' });
      expect(Object.keys(args)).toContain('filter');
    }
  });
});
