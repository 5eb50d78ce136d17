import { Module } from '@nestjs/common';
import { ErrorCode, registerConstraintErrors } from '@xp/core';
import { FactoriesModule } from '@xp/factories';
import { CatalogController } from './catalog.controller';
import { CategoriesResolver, VenueFactoryCategoriesResolver } from './categories.resolver';
import { CategoriesService } from './categories.service';
import { CatalogImportService } from './import/catalog-import.service';
import { ProductsResolver } from './products.resolver';
import { ProductsService } from './products.service';
import { SkusResolver } from './skus.resolver';
import { SkusService } from './skus.service';

registerConstraintErrors({
  categories_code_key: { code: ErrorCode.DUPLICATE, message: 'A category with this code already exists.' },
  skus_factory_code_key: { code: ErrorCode.DUPLICATE, message: 'You already have a SKU with this code.' },
  skus_gtin_check: { code: ErrorCode.VALIDATION_FAILED, field: 'input.gtin', message: 'is not a valid GTIN-13 (check digit)' },
  skus_moq_packs_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.moq',
    message: 'must be a whole number of packs (a multiple of the pack size)',
  },
});

/** The catalog: category tree, products, SKUs and the spreadsheet import. */
@Module({
  imports: [FactoriesModule],
  controllers: [CatalogController],
  providers: [
    CategoriesService,
    ProductsService,
    SkusService,
    CatalogImportService,
    CategoriesResolver,
    VenueFactoryCategoriesResolver,
    ProductsResolver,
    SkusResolver,
  ],
  exports: [CategoriesService, ProductsService, SkusService],
})
export class CatalogModule {}
