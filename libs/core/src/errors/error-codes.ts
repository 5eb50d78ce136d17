/** The stable `extensions.code` values of API.md. Clients switch on these, never on messages. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  SLOT_OCCUPIED = 'SLOT_OCCUPIED',
  INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK',
  BELOW_MOQ = 'BELOW_MOQ',
  PRICE_BELOW_FLOOR = 'PRICE_BELOW_FLOOR',
  PRICE_RULE_VIOLATED = 'PRICE_RULE_VIOLATED',
  PERIOD_CLOSED = 'PERIOD_CLOSED',
  DUPLICATE = 'DUPLICATE',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INTERNAL = 'INTERNAL',
}

/** HTTP status for the plain HTTP routes (GraphQL answers 200 with `errors`). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.VALIDATION_FAILED:
      return 400;
    case ErrorCode.CONFLICT:
    case ErrorCode.DUPLICATE:
    case ErrorCode.SLOT_OCCUPIED:
      return 409;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.INVALID_TRANSITION:
    case ErrorCode.INSUFFICIENT_STOCK:
    case ErrorCode.BELOW_MOQ:
    case ErrorCode.PRICE_BELOW_FLOOR:
    case ErrorCode.PRICE_RULE_VIOLATED:
    case ErrorCode.PERIOD_CLOSED:
      return 422;
    case ErrorCode.INTERNAL:
      return 500;
    default:
      return assertUnreachable(code);
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
