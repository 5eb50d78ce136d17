import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { formatDateTime, isBusinessDate } from '../util/dates';
import { formatYuan, MoneyFormatError, parseYuan } from '../util/money';

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'VALIDATION_FAILED' } });
}

function parseMoney(value: unknown): number {
  if (typeof value !== 'string') {
    throw invalid('Money is written as a decimal string in yuan, like "12.50" (never a number).');
  }
  try {
    return parseYuan(value);
  } catch (e) {
    throw invalid(e instanceof MoneyFormatError ? e.message : 'Not an amount of money.');
  }
}

/** Exact yuan as a decimal string outside; integer fen inside. */
export const MoneyScalar = new GraphQLScalarType<number, string>({
  name: 'Money',
  description: 'An exact amount in yuan as a decimal string with two decimals ("12.50"); stored as integer fen.',
  serialize(value) {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return formatYuan(value);
    if (typeof value === 'bigint') return formatYuan(value);
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return formatYuan(value);
    throw new GraphQLError('Money must be held as integer fen.');
  },
  parseValue: parseMoney,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) {
      throw invalid('Money is written as a decimal string in yuan, like "12.50" (never a number).');
    }
    return parseMoney(ast.value);
  },
});

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isBusinessDate(value)) {
    throw invalid('A date is written YYYY-MM-DD and must exist in the calendar.');
  }
  return value;
}

/** A business day in Asia/Shanghai, 'YYYY-MM-DD'. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day in Asia/Shanghai, YYYY-MM-DD.',
  serialize(value) {
    if (typeof value === 'string' && isBusinessDate(value)) return value;
    if (value instanceof Date) return formatDateTime(value).slice(0, 10);
    throw new GraphQLError('Not a date.');
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('A date is written as a string, YYYY-MM-DD.');
    return parseDate(ast.value);
  },
});

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalid('A time is written in ISO 8601 with its offset, like 2026-11-25T09:30:00+08:00.');
  }
  return new Date(value);
}

/** An instant, ISO 8601 with offset (answers are given in +08:00). */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in ISO 8601 with its offset; answers use +08:00 (Asia/Shanghai).',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('Not a time.');
    return formatDateTime(date);
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('A time is written as an ISO 8601 string.');
    return parseDateTime(ast.value);
  },
});
