import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';

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
 * Lets primed values short-cut the field resolvers of every object type (GraphQLModule's
 * `transformSchema`). Fields without a resolver of their own (plain properties) are untouched.
 */
export function withPrimedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || field.args.length > 0) continue;
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
