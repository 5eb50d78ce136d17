import { execute, GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { isPlainFieldResolver, plainFieldsSelected, primedField, primeFields, SelectionTree, selectionTree, withPrimedFields } from './primed-fields';

interface Item {
  id: string;
  relationId: string;
}

/** A schema shaped like Nest's: plain fields read the property through a `rootFieldResolver`. */
function build(calls: string[], captured: { tree?: SelectionTree }) {
  const plain = (name: string) =>
    function rootFieldResolver(root: object) {
      return (root as Record<string, unknown>)[name];
    };
  const Relation = new GraphQLObjectType({
    name: 'Relation',
    fields: {
      id: { type: GraphQLString, resolve: plain('id') },
      code: { type: GraphQLString, resolve: plain('code') },
      computed: {
        type: GraphQLString,
        resolve: (r: { code: string }) => {
          calls.push('computed');
          return `${r.code}!`;
        },
      },
    },
  });
  const Item = new GraphQLObjectType({
    name: 'Item',
    fields: {
      id: { type: GraphQLString, resolve: plain('id') },
      relation: {
        type: Relation,
        resolve: (item: Item) => {
          calls.push(`relation:${item.id}`);
          return { id: item.relationId, code: `loaded-${item.relationId}` };
        },
      },
      withArgs: {
        type: GraphQLInt,
        args: { n: { type: GraphQLInt } },
        resolve: (_: Item, args: { n: number }) => args.n,
      },
    },
  });
  const items: Item[] = [
    primeFields({ id: 'a', relationId: 'r1' }, { relation: { id: 'r1', code: 'primed-r1' }, withArgs: 99 }),
    { id: 'b', relationId: 'r2' },
  ];
  const Query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: {
        type: new GraphQLList(Item),
        resolve: (_root: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
          captured.tree = selectionTree(info);
          return items;
        },
      },
    },
  });
  return withPrimedFields(new GraphQLSchema({ query: Query }));
}

describe('primed fields', () => {
  it('answers a primed field without its resolver, and resolves the others as usual', async () => {
    const calls: string[] = [];
    const schema = build(calls, {});
    const result = await execute({ schema, document: parse('{ items { id relation { code computed } withArgs(n: 3) } }') });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      items: [
        { id: 'a', relation: { code: 'primed-r1', computed: 'primed-r1!' }, withArgs: 3 },
        { id: 'b', relation: { code: 'loaded-r2', computed: 'loaded-r2!' }, withArgs: 3 },
      ],
    });
    // the relation resolver ran for the unprimed item only; fields with arguments are never short-cut
    expect(calls.filter((c) => c.startsWith('relation'))).toEqual(['relation:b']);
  });

  it('leaves plain fields unwrapped and keeps primed values out of enumeration and JSON', () => {
    const schema = build([], {});
    const item = schema.getType('Item') as GraphQLObjectType;
    expect(isPlainFieldResolver(item.getFields().id.resolve)).toBe(true);
    expect(isPlainFieldResolver(item.getFields().relation.resolve)).toBe(false);
    const primed = primeFields({ id: 'x' }, { relation: 1 });
    primeFields(primed, { other: 2 });
    expect(Object.keys(primed)).toEqual(['id']);
    expect(JSON.stringify(primed)).toBe('{"id":"x"}');
    expect([primedField(primed, 'relation'), primedField(primed, 'other'), primedField(primed, 'none'), primedField(null, 'x')]).toEqual([1, 2, undefined, undefined]);
  });

  it('collects the selection below a field through aliases, fragments and inline fragments', async () => {
    const captured: { tree?: SelectionTree } = {};
    const schema = build([], captured);
    const document = parse(`{ items { ...F  r: relation { id } ... on Item { relation { computed } } } }
      fragment F on Item { id relation { code } }`);
    await execute({ schema, document });
    expect(captured.tree).toEqual({ id: {}, relation: { id: {}, code: {}, computed: {} } });
  });

  it('tells a selection of plain fields from one needing a resolver', () => {
    const schema = build([], {});
    expect(plainFieldsSelected(schema, 'Relation', { id: {}, code: {}, __typename: {} })).toEqual(['id', 'code']);
    expect(plainFieldsSelected(schema, 'Relation', { code: {}, computed: {} })).toBeNull();
    expect(plainFieldsSelected(schema, 'Relation', { missing: {} })).toBeNull();
    expect(plainFieldsSelected(schema, 'Nope', { id: {} })).toBeNull();
  });
});
