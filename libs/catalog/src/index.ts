export * from './catalog.module';
export * from './catalog.rules';
export * from './categories.service';
export * from './dto/catalog.dto';
export * from './entities/category.entity';
export * from './entities/product.entity';
export * from './entities/sku.entity';
export * from './import/catalog-import.rules';
export * from './products.service';
export * from './skus.service';

import { Category } from './entities/category.entity';
import { Product } from './entities/product.entity';
import { Sku } from './entities/sku.entity';
export const CATALOG_ENTITIES = [Category, Product, Sku];
