import { ErrorCode } from './error-codes';

export interface ConstraintMapping {
  code: ErrorCode;
  message: string;
  /** For VALIDATION_FAILED: the input field the constraint guards. */
  field?: string;
}

/**
 * Database constraints named by the areas that own them, so that a violation the
 * service did not catch first still reaches the client as a sentence and a code.
 */
const registry = new Map<string, ConstraintMapping>();

export function registerConstraintErrors(mappings: Record<string, ConstraintMapping>): void {
  for (const [name, mapping] of Object.entries(mappings)) registry.set(name, mapping);
}

export function constraintMapping(name: string | undefined): ConstraintMapping | undefined {
  return name ? registry.get(name) : undefined;
}
