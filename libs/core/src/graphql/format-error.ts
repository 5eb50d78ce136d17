import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { toDomainError } from '../errors/to-domain-error';

const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Best-effort field path from graphql-js's message ("… at \"input.lines[0].price\"; …"). */
function pathFromMessage(message: string): string {
  const at = /at "([^"]+)"/.exec(message);
  if (at) return at[1].replace(/\[(\d+)\]/g, '.$1');
  const variable = /Variable "\$([^"]+)"/.exec(message);
  if (variable) return variable[1];
  const argument = /[Aa]rgument "([^"]+)"/.exec(message);
  if (argument) return argument[1].split('.').pop() ?? argument[1];
  const field = /[Ff]ield "([^"]+)"/.exec(message);
  if (field) return field[1];
  return 'query';
}

function body(error: DomainError, formatted: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message: error.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: error.code, ...error.details },
  };
}

/**
 * Every error leaves with a stable `extensions.code` from API.md and a sentence; stack
 * traces and SQL never do. Unexpected errors are logged with the request's id.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(raw);
    const code = formatted.extensions?.code as string | undefined;
    const domain = original instanceof DomainError || (original as GraphQLError)?.originalError instanceof DomainError;
    if (!domain && code && REQUEST_ERROR_CODES.has(code)) {
      // The request itself is malformed: parse, validation, variable coercion, limits.
      const message = formatted.message.replace(/ Did you mean .*$/, '');
      return body(DomainError.validation([{ path: pathFromMessage(message), message }], message), formatted);
    }
    const { error, expected } = toDomainError(original);
    if (!expected) {
      logger.error({ err: original, path: formatted.path }, 'Unexpected error in a GraphQL operation');
    }
    return body(error, formatted);
  };
}
