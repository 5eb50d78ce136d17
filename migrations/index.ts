import { Foundation1764000000000 } from './1764000000000-Foundation';
import { FactoriesCatalog1764100000000 } from './1764100000000-FactoriesCatalog';
import { LabelTemplates1764600000000 } from './1764600000000-LabelTemplates';

/** Every migration, in order. The schema changes only through these. */
export const MIGRATIONS = [Foundation1764000000000, FactoriesCatalog1764100000000, LabelTemplates1764600000000];
