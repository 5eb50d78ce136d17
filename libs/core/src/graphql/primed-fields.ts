import { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema, isObjectType, Kind, SelectionSetNode } from 'graphql';

const PRIMED = Symbol('xp.primedFields');

type Primed = Record<string, unknown>;

/**
 * Attaches to an object the values a list already read for some of its resolved fields (the
 * relations of a page read in one statement). Those fields then answer the value as it is,
 * without calling their @ResolveField (each call goes through Nest's parameter pipes and a
 * chain of promises: for a page of 100 items with five relations, 500 calls per request).
 *
 * Only for fields without arguments whose resolver does no access check of its own: the list
 * that primes them has already scoped its items. A field left out (or undefined) is resolved
 * as usual.
 */
export function primeFields<T extends object>(source: T, values: Primed): T {
  const own = (source as { [PRIMED]?: Primed })[PRIMED];
  Object.defineProperty(source, PRIMED, { value: own ? { ...own, ...values } : values, enumerable: false, configurable: true });
  return source;
}

/** The primed value of a field, or undefined. */
export function primedField(source: unknown, field: string): unknown {
  if (source === null || typeof source !== 'object') return undefined;
  return (source as { [PRIMED]?: Primed })[PRIMED]?.[field];
}

/**
 * Nest's resolver of a plain @Field (it reads the property): nothing to short-cut there. The
 * name is the one @nestjs/graphql gives it (ObjectTypeDefinitionFactory.createFieldResolver).
 */
export function isPlainFieldResolver(resolve: GraphQLFieldResolver<unknown, unknown> | undefined): boolean {
  return !resolve || resolve.name === 'rootFieldResolver';
}

/**
 * Lets primed values short-cut the field resolvers of every object type (GraphQLModule's
 * `transformSchema`). Fields without a resolver of their own (plain properties) are untouched.
 */
export function withPrimedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || field.args.length > 0 || isPlainFieldResolver(resolve)) continue;
      const name = field.name;
      const wrapped: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
        const primed = source !== null && typeof source === 'object' ? (source as { [PRIMED]?: Primed })[PRIMED] : undefined;
        if (primed !== undefined) {
          const value = primed[name];
          if (value !== undefined) return value;
        }
        return resolve(source, args, context, info);
      };
      field.resolve = wrapped;
    }
  }
  return schema;
}

/** The fields a query selects under a field, by field name (aliases and fragments merged). */
export interface SelectionTree {
  [field: string]: SelectionTree;
}

/**
 * What the operation selects below the current field (`info`), fragments and inline fragments
 * merged, aliases folded into field names. Conditional (@include/@skip) selections count as
 * selected: the tree may say more than is sent, never less.
 */
export function selectionTree(info: GraphQLResolveInfo): SelectionTree {
  const tree: SelectionTree = {};
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info, tree);
  return tree;
}

function collect(set: SelectionSetNode, info: GraphQLResolveInfo, into: SelectionTree): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const child = (into[selection.name.value] ??= {});
      if (selection.selectionSet) collect(selection.selectionSet, info, child);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, info, into);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) collect(fragment.selectionSet, info, into);
    }
  }
}

/**
 * The properties a selection of an object type reads straight from its plain @Fields, or null
 * when it selects anything computed by a field resolver (then the whole object is needed).
 */
export function plainFieldsSelected(schema: GraphQLSchema, typeName: string, selection: SelectionTree): string[] | null {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return null;
  const fields = type.getFields();
  const out: string[] = [];
  for (const name of Object.keys(selection)) {
    if (name === '__typename') continue;
    const field = fields[name];
    if (!field || !isPlainFieldResolver(field.resolve)) return null;
    out.push(name);
  }
  return out;
}
