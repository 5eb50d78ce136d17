import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/** bigint fen ⇄ number, refusing anything beyond exact integer range. */
export const fenTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => {
    if (value === null || value === undefined) return value;
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`Amount ${value} fen is beyond exact range`);
    return n;
  },
};

/** A money column: integer fen in a bigint. */
export const MoneyColumn = (options: Omit<ColumnOptions, 'type' | 'transformer'> = {}) =>
  Column({ ...options, type: 'bigint', transformer: fenTransformer });

/** A business day column (PostgreSQL `date`, kept as 'YYYY-MM-DD'). */
export const DateColumn = (options: Omit<ColumnOptions, 'type'> = {}) => Column({ ...options, type: 'date' });
