export * from './entities/category.entity';
export * from './entities/product.entity';
export * from './entities/sku.entity';

import { Category } from './entities/category.entity';
import { Product } from './entities/product.entity';
import { Sku } from './entities/sku.entity';
export const CATALOG_ENTITIES = [Category, Product, Sku];
