/** One row of an audit event's change table: a field with its value before and after. */
export interface ChangeRow {
  field: string;
  before: string | undefined;
  after: string | undefined;
  changed: boolean;
}

/** A JSON value as one readable line: strings as they are, the rest as compact JSON. */
export function showValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * before/after of an audit event as rows, one per top-level field in either, in a stable order
 * (fields of `after` first, as the change wrote them); nested objects are flattened with dots.
 */
export function changeRows(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): ChangeRow[] {
  const a = flatten(before ?? {});
  const b = flatten(after ?? {});
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const was = showValue(a[field]);
    const now = showValue(b[field]);
    return { field, before: was, after: now, changed: was !== now };
  });
}

function flatten(value: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) flatten(v as Record<string, unknown>, path, out);
    else out[path] = v;
  }
  return out;
}
