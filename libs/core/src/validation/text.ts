import { registerDecorator, ValidationOptions } from 'class-validator';

// C0/C1 control characters (newline and tab are allowed only in multi-line text), plus
// bidi overrides and zero-width characters that make names look like other names.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const LINE_BREAK = /[\n\r\t]/;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

export interface TextRule {
  max: number;
  min?: number;
  multiline?: boolean;
  /** Names refuse emoji; free text (descriptions) may carry them. */
  allowEmoji?: boolean;
}

/** Why a text is refused, or null when it is fine. Pure, used by validators and importers alike. */
export function textProblem(value: unknown, rule: TextRule): string | null {
  if (typeof value !== 'string') return 'must be text';
  const min = rule.min ?? 1;
  if (value.trim() !== value) return 'must not start or end with spaces';
  const length = [...value].length;
  if (length < min) return min === 1 ? 'must not be empty' : `must be at least ${min} characters`;
  if (length > rule.max) return `must be at most ${rule.max} characters`;
  if (CONTROL.test(value) || (!rule.multiline && LINE_BREAK.test(value))) return 'must not contain control characters';
  if (!rule.allowEmoji && PICTOGRAPH.test(value)) return 'must not contain emoji or pictographs';
  return null;
}

function textDecorator(rule: TextRule, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'xpText',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => textProblem(value, rule) === null,
        defaultMessage: (args) => textProblem(args?.value, rule) ?? 'is not valid text',
      },
    });
}

/** A one-line name or label: trimmed, no control characters, no emoji. */
export const IsName = (max = 120, options?: ValidationOptions) => textDecorator({ max }, options);

/** A code or identifier-like text (one line, no emoji). */
export const IsCode = (max = 64, options?: ValidationOptions) => textDecorator({ max }, options);

/** Free text such as a description or a reason: may span lines. */
export const IsFreeText = (max = 2000, options?: ValidationOptions) =>
  textDecorator({ max, multiline: true, allowEmoji: true }, options);

/** A password as typed: 1–200 characters without control characters (the policy is checked apart). */
export const IsPasswordText = (options?: ValidationOptions) =>
  textDecorator({ max: 200, allowEmoji: true }, options);
