import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsObject, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { IsFreeText, IsName, ListArgs, Paginated } from '@xp/core';
import { Category } from '../entities/category.entity';
import { Product, ProductStatus } from '../entities/product.entity';
import { Sku, SkuStatus } from '../entities/sku.entity';

@InputType()
export class CategoryFilter {
  @Field(() => ID, { nullable: true, description: 'Children of this category.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field({ nullable: true, description: 'Only the top level.' })
  @IsOptional()
  @IsBoolean()
  rootsOnly?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field({ nullable: true, description: 'Part of the code or either name.' })
  @IsOptional()
  @IsName(60)
  search?: string;
}

@ArgsType()
export class CategoryListArgs extends ListArgs {
  @Field(() => CategoryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CategoryFilter)
  filter?: CategoryFilter;
}

@ObjectType()
export class CategoryPage extends Paginated(Category) {}

@InputType()
export class CreateCategoryInput {
  @Field()
  @Matches(/^[A-Z0-9-]{1,32}$/, { message: 'must be 1–32 capital letters, digits or dashes' })
  code!: string;

  @Field()
  @IsName(60)
  nameZh!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsName(120)
  nameEn?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  sortOrder: number = 0;
}

@InputType()
export class CreateProductInput {
  @Field(() => ID, { nullable: true, description: 'Needed only by someone working for several factories.' })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => ID, { description: 'A leaf category.' })
  @IsUUID()
  categoryId!: string;

  @Field(() => ID, { nullable: true, description: 'One of your brands (not a rejected one).' })
  @IsOptional()
  @IsUUID()
  brandId?: string;

  @Field()
  @IsName(120)
  titleZh!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsName(200)
  titleEn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(5000)
  description?: string;

  @Field(() => [ID], { defaultValue: [], description: 'Your PRODUCT_IMAGE documents, first is the main image.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  imageDocumentIds: string[] = [];
}

@InputType()
export class UpdateProductInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @Field(() => ID, { nullable: true, description: 'A brand of yours; set clearBrand to remove it.' })
  @IsOptional()
  @IsUUID()
  brandId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  clearBrand?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsName(120)
  titleZh?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsName(200)
  titleEn?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsFreeText(5000)
  description?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  imageDocumentIds?: string[];

  @Field(() => ProductStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProductStatus)
  status?: ProductStatus;
}

@InputType()
export class ProductFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => ID, { nullable: true, description: 'This category and all below it.' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  brandId?: string;

  @Field(() => ProductStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProductStatus)
  status?: ProductStatus;

  @Field({ nullable: true, description: 'Part of the Chinese (or English) title, e.g. 围巾.' })
  @IsOptional()
  @IsName(60)
  search?: string;

  @Field(() => ID, { nullable: true, description: 'Products of factories admitted (APPROVED) at this venue.' })
  @IsOptional()
  @IsUUID()
  venueId?: string;
}

@ArgsType()
export class ProductListArgs extends ListArgs {
  @Field(() => ProductFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProductFilter)
  filter?: ProductFilter;
}

@ObjectType()
export class ProductPage extends Paginated(Product) {}

@InputType()
export class CreateSkuInput {
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field({ description: 'Your article number, unique within your factory.' })
  @IsName(64)
  code!: string;

  @Field({ nullable: true, description: 'GTIN-13 (EAN-13) with its check digit.' })
  @IsOptional()
  @IsName(20)
  gtin?: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: '{ "颜色": "红", "尺码": "M" }' })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, string>;

  @Field({ defaultValue: '件' })
  @IsName(10)
  unit: string = '件';

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(100_000, { message: 'must be at most 100,000' })
  packSize: number = 1;

  @Field(() => Int, { nullable: true, description: 'Minimum order quantity; a multiple of packSize (default: one pack).' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1,000,000' })
  moq?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be at least 1 gram' })
  @Max(1_000_000, { message: 'must be at most 1,000,000 grams' })
  weightGrams?: number;
}

@InputType()
export class UpdateSkuInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ nullable: true, description: 'Set clearGtin to remove it.' })
  @IsOptional()
  @IsName(20)
  gtin?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  clearGtin?: boolean;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, string>;

  @Field({ nullable: true })
  @IsOptional()
  @IsName(10)
  unit?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(100_000, { message: 'must be at most 100,000' })
  packSize?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1,000,000' })
  moq?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be at least 1 gram' })
  @Max(1_000_000, { message: 'must be at most 1,000,000 grams' })
  weightGrams?: number;

  @Field(() => SkuStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SkuStatus)
  status?: SkuStatus;
}

@InputType()
export class SkuFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @Field(() => ID, { nullable: true, description: 'This category and all below it.' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  brandId?: string;

  @Field(() => SkuStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SkuStatus)
  status?: SkuStatus;

  @Field({ nullable: true })
  @IsOptional()
  @IsName(20)
  gtin?: string;

  @Field({ nullable: true, description: 'Part of the SKU code or of the product title.' })
  @IsOptional()
  @IsName(60)
  search?: string;

  @Field(() => ID, { nullable: true, description: 'SKUs of factories admitted (APPROVED) at this venue.' })
  @IsOptional()
  @IsUUID()
  venueId?: string;
}

@ArgsType()
export class SkuListArgs extends ListArgs {
  @Field(() => SkuFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SkuFilter)
  filter?: SkuFilter;
}

@ObjectType()
export class SkuPage extends Paginated(Sku) {}

@InputType()
export class ImportCatalogInput {
  @Field(() => ID, { description: 'An uploaded SPREADSHEET document (XLSX or CSV) of yours.' })
  @IsUUID()
  documentId!: string;

  @Field(() => ID, { nullable: true, description: 'Needed only by someone working for several factories.' })
  @IsOptional()
  @IsUUID()
  factoryOrgId?: string;
}

@ObjectType({ description: 'One problem of an imported file, placed so it can be found in Excel.' })
export class ImportProblemRow {
  @Field(() => Int, { description: 'Row number as Excel shows it (the header is row 1).' })
  row!: number;

  @Field(() => String, { nullable: true, description: 'Column key, e.g. skuCode; null for the whole row.' })
  column!: string | null;

  @Field(() => String, { nullable: true, description: 'The header text of that column in the file.' })
  header!: string | null;

  @Field(() => String, { nullable: true, description: 'A1 reference, e.g. F12.' })
  cell!: string | null;

  @Field(() => String, { nullable: true })
  value!: string | null;

  @Field()
  message!: string;
}

@ObjectType({ description: 'The answer of importCatalog: either everything was imported, or nothing and why.' })
export class CatalogImportReport {
  @Field({ description: 'True when every row was imported; false when nothing was (see problems).' })
  ok!: boolean;

  @Field()
  format!: string;

  @Field(() => Int, { description: 'Data rows read (blank rows not counted).' })
  rowCount!: number;

  @Field(() => Int)
  productsCreated!: number;

  @Field(() => Int)
  skusCreated!: number;

  @Field(() => Int, { description: 'All problems found; `problems` lists the first 1,000.' })
  problemCount!: number;

  @Field(() => [ImportProblemRow])
  problems!: ImportProblemRow[];

  @Field(() => [String], { description: 'Headers the importer did not recognize (their columns were ignored).' })
  ignoredHeaders!: string[];
}
