import { Foundation1764000000000 } from './1764000000000-Foundation';
import { FactoriesCatalog1764100000000 } from './1764100000000-FactoriesCatalog';
import { Pricing1764200000000 } from './1764200000000-Pricing';

/** Every migration, in order. The schema changes only through these. */
export const MIGRATIONS = [Foundation1764000000000, FactoriesCatalog1764100000000, Pricing1764200000000];
