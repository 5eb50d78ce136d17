import { ErrorCode } from './error-codes';

export interface FieldError {
  /** Dotted path of the offending input, e.g. `input.lines.2.quantity`. */
  path: string;
  message: string;
}

/**
 * An error a user can act on. Everything a client sees as an error is one of these;
 * anything else is logged and answered as INTERNAL without details.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, client-safe facts (the holder of a slot, the lines short of stock…). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what = 'The requested object'): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} was not found.`);
  }

  static forbidden(message = 'You are not allowed to do this.'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(message = 'Please sign in first.'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }

  static validation(fields: FieldError[], message?: string): DomainError {
    const summary =
      message ??
      (fields.length === 1
        ? `${fields[0].path}: ${fields[0].message}`
        : `${fields.length} inputs are not valid: ${fields.map((f) => f.path).join(', ')}.`);
    return new DomainError(ErrorCode.VALIDATION_FAILED, summary, { fields });
  }

  static field(path: string, message: string): DomainError {
    return DomainError.validation([{ path, message }]);
  }

  static conflict(message: string, details: Record<string, unknown> = {}): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message, details);
  }

  static duplicate(message: string, details: Record<string, unknown> = {}): DomainError {
    return new DomainError(ErrorCode.DUPLICATE, message, details);
  }

  static invalidTransition(entity: string, from: string, to: string): DomainError {
    return new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `${entity} cannot go from ${from} to ${to}.`,
      { from, to },
    );
  }
}
