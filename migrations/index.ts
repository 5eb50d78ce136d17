import { Foundation1764000000000 } from './1764000000000-Foundation';
import { FactoriesCatalog1764100000000 } from './1764100000000-FactoriesCatalog';
import { Showroom1764300000000 } from './1764300000000-Showroom';

/** Every migration, in order. The schema changes only through these. */
export const MIGRATIONS = [Foundation1764000000000, FactoriesCatalog1764100000000, Showroom1764300000000];
