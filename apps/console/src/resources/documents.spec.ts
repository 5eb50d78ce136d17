import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { QUERIES } from './index';
import { EFFECTIVE_PRICE, priceVersionsQuery } from './salesOrders/queries';

/** Every GraphQL document the console sends is valid against the committed schema (apps/api/schema.gql). */
describe('the console’s GraphQL documents', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '../../../api/schema.gql'), 'utf8'));
  const problems = (document: string) => validate(schema, parse(document)).map((e) => e.message);

  it.each(Object.entries(QUERIES))('%s: each document is valid', (_name, q) => {
    const documents = [q.list, q.one, q.create, q.update, ...Object.values(q.actions ?? {})].filter((d): d is string => !!d);
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) expect({ document: document.slice(0, 80), problems: problems(document) }).toEqual({ document: document.slice(0, 80), problems: [] });
  });

  it('the order form’s price preview and the price versions query are valid', () => {
    for (const document of [EFFECTIVE_PRICE, priceVersionsQuery(1), priceVersionsQuery(3)]) expect(problems(document)).toEqual([]);
  });
});
