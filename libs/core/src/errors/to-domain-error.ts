import { HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { constraintMapping } from './constraint-errors';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK = '40P01';

export function pgErrorOf(error: unknown): PgError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as PgError;
  const e = error as PgError | undefined;
  if (e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  return undefined;
}

export function isRetryableTransactionError(error: unknown): boolean {
  const code = pgErrorOf(error)?.code;
  return code === PG_SERIALIZATION_FAILURE || code === PG_DEADLOCK;
}

function fromPg(pg: PgError): DomainError | undefined {
  const mapped = constraintMapping(pg.constraint);
  if (mapped) {
    return mapped.code === ErrorCode.VALIDATION_FAILED
      ? DomainError.validation([{ path: mapped.field ?? 'input', message: mapped.message }], mapped.message)
      : new DomainError(mapped.code, mapped.message);
  }
  switch (pg.code) {
    case '23505':
      return DomainError.duplicate('This already exists.');
    case '23P01':
      return DomainError.conflict('This overlaps with something that already exists.');
    case '23514':
      return DomainError.validation([{ path: 'input', message: 'A value is out of its allowed range.' }]);
    case '23503':
      return DomainError.notFound('An object this refers to');
    case '23502':
      return DomainError.validation([{ path: pg.column ?? 'input', message: 'A required value is missing.' }]);
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
      return DomainError.validation([{ path: 'input', message: 'A value has the wrong format or size.' }]);
    case PG_SERIALIZATION_FAILURE:
    case PG_DEADLOCK:
    case '55P03':
      return DomainError.conflict('Someone else changed this at the same moment. Please try again.');
    default:
      return undefined;
  }
}

function fromHttp(error: HttpException): DomainError {
  const status = error.getStatus();
  const message = error.message;
  if (status === 401) return DomainError.unauthenticated();
  if (status === 403) return DomainError.forbidden();
  if (status === 404) return DomainError.notFound();
  if (status === 413) return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, message);
  if (status === 429) return new DomainError(ErrorCode.RATE_LIMITED, 'Too many requests. Please wait a moment.');
  if (status === 400 || status === 422) return DomainError.validation([{ path: 'input', message }]);
  return new DomainError(ErrorCode.INTERNAL, 'Something went wrong on our side.');
}

/**
 * Turns anything thrown into the error a client may see. Unknown errors become INTERNAL
 * with a generic message; the caller logs the original.
 */
export function toDomainError(error: unknown): { error: DomainError; expected: boolean } {
  if (error instanceof DomainError) return { error, expected: true };
  if (error instanceof GraphQLError && error.originalError) return toDomainError(error.originalError);
  if (error instanceof HttpException) return { error: fromHttp(error), expected: error.getStatus() < 500 };
  const pg = pgErrorOf(error);
  if (pg) {
    const mapped = fromPg(pg);
    if (mapped) return { error: mapped, expected: true };
  }
  return {
    error: new DomainError(ErrorCode.INTERNAL, 'Something went wrong on our side. The team has been told.'),
    expected: false,
  };
}
