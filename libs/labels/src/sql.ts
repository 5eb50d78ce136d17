/**
 * The rows of `manager.query()` for any statement: TypeORM answers `[rows, rowCount]` for
 * UPDATE and DELETE (with RETURNING) and the rows for everything else.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
