import { Foundation1764000000000 } from './1764000000000-Foundation';
import { FactoriesCatalog1764100000000 } from './1764100000000-FactoriesCatalog';
import { OnboardingCatalogRules1764150000000 } from './1764150000000-OnboardingCatalogRules';

/** Every migration, in order. The schema changes only through these. */
export const MIGRATIONS = [Foundation1764000000000, FactoriesCatalog1764100000000, OnboardingCatalogRules1764150000000];
