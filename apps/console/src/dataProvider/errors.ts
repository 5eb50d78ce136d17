import { HttpError } from 'ra-core';
import { ApiError } from '../graphql/client';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** HTTP-like statuses for react-admin (401 signs out; the others only notify). */
export const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  DUPLICATE: 409,
  SLOT_OCCUPIED: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_TRANSITION: 422,
  INSUFFICIENT_STOCK: 422,
  BELOW_MOQ: 422,
  PRICE_BELOW_FLOOR: 422,
  PRICE_RULE_VIOLATED: 422,
  PERIOD_CLOSED: 422,
  NETWORK: 503,
  INTERNAL: 500,
};

/** The codes that have their own message under xp.errors (the others fall back to INTERNAL's). */
export const KNOWN_CODES = Object.keys(STATUS_BY_CODE);

/**
 * The API's field messages are English sentences; these patterns turn the ones it sends into
 * i18n keys (with their numbers) so a Chinese user reads Chinese. Unknown ones are shown as sent.
 */
const FIELD_MESSAGES: { pattern: RegExp; key: string; args?: (m: RegExpExecArray) => Record<string, unknown> }[] = [
  { pattern: /^must not be empty$/, key: 'required' },
  { pattern: /^must be text$/, key: 'text' },
  { pattern: /^must be at most (\d+) characters$/, key: 'maxLength', args: (m) => ({ max: m[1] }) },
  { pattern: /^must be at least (\d+) characters$/, key: 'minLength', args: (m) => ({ min: m[1] }) },
  { pattern: /^must be (\d+) characters$/, key: 'exactLength', args: (m) => ({ length: m[1] }) },
  { pattern: /^must not start or end with spaces$/, key: 'spaces' },
  { pattern: /^must not contain control characters$/, key: 'control' },
  { pattern: /^must not contain emoji or pictographs$/, key: 'emoji' },
  { pattern: /^must be an e-mail address$/, key: 'email' },
  { pattern: /^must be a phone number$/, key: 'phone' },
  { pattern: /^must be (\d+)–(\d+) capital letters, digits or dashes$/, key: 'code', args: (m) => ({ min: m[1], max: m[2] }) },
  { pattern: /^is not your current password$/, key: 'currentPassword' },
  { pattern: /^must not be one repeated character$/, key: 'passwordRepeated' },
  { pattern: /^must not be the e-mail address$/, key: 'passwordIsEmail' },
  { pattern: /^must mix letters with digits or symbols$/, key: 'passwordMix' },
  { pattern: /^may contain only digits and capital letters other than I, O, S, V and Z$/, key: 'creditCodeCharacters' },
  { pattern: /^has a wrong check character/, key: 'creditCodeCheck' },
  { pattern: /^is not a valid unified social credit code$/, key: 'creditCode' },
  { pattern: /^no such region$/, key: 'noSuchRegion' },
  { pattern: /^must be an organization of kind (\w+)$/, key: 'organizationKind', args: (m) => ({ kind: m[1] }) },
  { pattern: /^a user needs at least one membership$/, key: 'membershipRequired' },
  { pattern: /^(\w+) belongs to a (\w+) organization, not (\w+)$/, key: 'roleKind', args: (m) => ({ role: m[1], kind: m[2] }) },
  { pattern: /^is required for REGIONAL_MANAGER and only for it$/, key: 'regionForRegionalManager' },
  { pattern: /^must be venues of the membership's organization$/, key: 'membershipVenues' },
  { pattern: /^factories register themselves with registerFactory$/, key: 'factoryKind' },
  { pattern: /^must be a UUID$/, key: 'choose' },
  { pattern: /^must be one of the following values/, key: 'choose' },
  { pattern: /^must be at most (\d+)$/, key: 'maxValue', args: (m) => ({ max: m[1] }) },
  { pattern: /^must be 1 or more$/, key: 'minValue', args: () => ({ min: 1 }) },
  { pattern: /^must be at least (-?\d+)$/, key: 'minValue', args: (m) => ({ min: m[1] }) },
  { pattern: /^is empty; choose the file again$/, key: 'fileEmpty' },
  { pattern: /^is larger than 10 MB$/, key: 'fileTooLarge' },
  { pattern: /^is a program, not a document/, key: 'fileProgram' },
  { pattern: /^is not an? ([A-Z, ]+) file \(judged by its content/, key: 'fileType', args: (m) => ({ types: m[1] }) },
  { pattern: /^is a (\w+) file; an? \w+ must be one of ([A-Z, ]+)$/, key: 'fileType', args: (m) => ({ types: m[2] }) },
  { pattern: /^is not an active category$/, key: 'category' },
  { pattern: /^must be a GTIN-13 \(EAN-13\) barcode of 13 digits$/, key: 'gtin' },
  { pattern: /^has a wrong check digit \(the last digit should be (\d)\)/, key: 'gtinCheck', args: (m) => ({ digit: m[1] }) },
  { pattern: /^must be a whole number of packs \(a multiple of the pack size (\d+)\)$/, key: 'moqPack', args: (m) => ({ packSize: m[1] }) },
  { pattern: /^must be a whole number from (\d+) to (\d+)$/, key: 'integerRange', args: (m) => ({ min: m[1], max: m[2] }) },
  { pattern: /^is required$/, key: 'required' },
  { pattern: /^is not a category code/, key: 'categoryCode' },
  { pattern: /^is a retired category/, key: 'category' },
  { pattern: /^is a parent category; use one of its subcategories: (.+)$/, key: 'parentCategory', args: (m) => ({ codes: m[1] }) },
  { pattern: /^is not one of your brands/, key: 'notYourBrand' },
  { pattern: /^was rejected by the operator/, key: 'rejectedBrand' },
  { pattern: /^appears also in row (\d+)/, key: 'duplicateRow', args: (m) => ({ row: m[1] }) },
  { pattern: /^already exists in your catalog$/, key: 'skuExists' },
  { pattern: /^is already on another of your SKUs$/, key: 'gtinTaken' },
  { pattern: /^must be a whole number$/, key: 'integer' },
  { pattern: /^must be from 1 to 1,000,000 grams$/, key: 'weight' },
  { pattern: /^differs from row (\d+) of the same product$/, key: 'differsFromRow', args: (m) => ({ row: m[1] }) },
  { pattern: /^differs from the category of your existing product/, key: 'differsFromExisting' },
  { pattern: /^matches several of your existing products/, key: 'ambiguousTitle' },
  { pattern: /^the required column (.+) is missing$/, key: 'missingColumn', args: (m) => ({ column: m[1] }) },
  { pattern: /^names the same column as ([A-Z]+\d+)/, key: 'duplicateColumn', args: (m) => ({ cell: m[1] }) },
  { pattern: /^the file has a header but no data rows$/, key: 'noRows' },
  { pattern: /^must be 1–64 letters, digits/, key: 'skuCode' },
  { pattern: /^names "(.+)" which has its own column$/, key: 'ownColumn', args: (m) => ({ name: m[1] }) },
  { pattern: /^is required to (?:REJECT|REQUEST_CHANGES|decline)|^is required when/, key: 'reasonRequired' },
];

export function isEnglish(locale: string): boolean {
  return locale.toLowerCase().startsWith('en');
}

/** One of the API's field messages in the user's language. */
export function translateFieldMessage(message: string, translate: Translate, locale: string): string {
  if (isEnglish(locale)) return message;
  for (const rule of FIELD_MESSAGES) {
    const match = rule.pattern.exec(message);
    if (match) {
      const args = rule.args?.(match) ?? {};
      if (typeof args.kind === 'string') args.kind = translate(`xp.kinds.${args.kind}`, { _: args.kind });
      if (typeof args.role === 'string') args.role = translate(`xp.roles.${args.role}`, { _: args.role });
      return translate(`xp.validation.${rule.key}`, args);
    }
  }
  return translate('xp.validation.server', { message });
}

/** What the user reads for a failed call: the API's sentence in English, the code's message in Chinese. */
export function errorMessage(error: ApiError, translate: Translate, locale: string): string {
  if (isEnglish(locale) && error.code !== 'NETWORK' && error.code !== 'INTERNAL') return error.message;
  const code = KNOWN_CODES.includes(error.code) ? error.code : 'INTERNAL';
  return translate(`xp.errors.${code}`);
}

/** `input.memberships.0.role` → `memberships.0.role` (the form's field); null for non-input paths. */
export function formFieldOf(path: string): string | null {
  return path.startsWith('input.') ? path.slice('input.'.length) : null;
}

/** Field errors shaped as react-admin's server-side validation wants them: { name: message, root }. */
export function formErrors(error: ApiError, translate: Translate, locale: string, labelOf?: (field: string) => string): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  const lines: string[] = [];
  for (const field of error.fields) {
    const message = translateFieldMessage(field.message, translate, locale);
    const name = formFieldOf(field.path);
    const label = name && labelOf ? labelOf(name) : (name ?? field.path);
    lines.push(`${label}: ${message}`);
    if (name) setPath(errors, name.split('.'), message);
  }
  const summary = lines.length ? `${errorMessage(error, translate, locale)} ${lines.join('; ')}` : errorMessage(error, translate, locale);
  errors.root = { serverError: summary };
  return errors;
}

function setPath(target: Record<string, unknown>, path: string[], message: string): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = message;
}

/**
 * An ApiError as react-admin expects errors: an HttpError with a status (401 → sign out), a
 * message in the user's language, and for VALIDATION_FAILED `body.errors` keyed by form field.
 */
export function toHttpError(error: unknown, translate: Translate, locale: string, resource?: string): unknown {
  if (!(error instanceof ApiError)) return error;
  const status = STATUS_BY_CODE[error.code] ?? 500;
  const message = errorMessage(error, translate, locale);
  const body: Record<string, unknown> = { code: error.code, serverMessage: error.message };
  // A top-level input is labelled as the form labels it: resources.<resource>.fields.<name>.
  const labelOf = resource ? (name: string) => (name.includes('.') ? name : translate(`resources.${resource}.fields.${name}`, { _: name })) : undefined;
  if (error.code === 'VALIDATION_FAILED' && error.fields.length) body.errors = formErrors(error, translate, locale, labelOf);
  return new HttpError(message, status, body);
}
