import { Foundation1764000000000 } from './1764000000000-Foundation';

/** Every migration, in order. The schema changes only through these. */
export const MIGRATIONS = [Foundation1764000000000];
