import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';
import { SKU_FIELDS } from '../skus/queries';

const PRODUCT = `id titleZh titleEn description status createdAt updatedAt imageDocumentIds
  categoryId category { id code nameZh } brandId brand { id name status } factoryOrgId factory { id name }`;

export const productQueries: ResourceQueries = {
  list: `query Products($filter: ProductFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: products(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${PRODUCT} skus { id } } total }
  }`,
  one: `query Product($id: ID!) { result: product(id: $id) { ${PRODUCT} skus { ${SKU_FIELDS} } } }`,
  create: `mutation CreateProduct($input: CreateProductInput!) { result: createProduct(input: $input) { ${PRODUCT} skus { ${SKU_FIELDS} } } }`,
  update: `mutation UpdateProduct($input: UpdateProductInput!) { result: updateProduct(input: $input) { ${PRODUCT} skus { ${SKU_FIELDS} } } }`,
  actions: {
    importCatalog: `mutation ImportCatalog($input: ImportCatalogInput!) {
      result: importCatalog(input: $input) {
        ok format rowCount productsCreated skusCreated problemCount ignoredHeaders
        problems { row column header cell value message }
      }
    }`,
  },
  sortable: ['createdAt', 'updatedAt', 'titleZh'],
  toCreateInput: (data) =>
    compact({
      titleZh: data.titleZh,
      titleEn: data.titleEn,
      categoryId: data.categoryId,
      brandId: data.brandId,
      description: data.description,
      imageDocumentIds: data.imageDocumentIds,
    }),
  toUpdateInput: (data, previous) => ({
    id: previous.id,
    titleZh: data.titleZh,
    titleEn: data.titleEn || undefined,
    categoryId: data.categoryId,
    brandId: data.brandId || undefined,
    clearBrand: !data.brandId && !!previous.brandId ? true : undefined,
    description: data.description ?? undefined,
    imageDocumentIds: data.imageDocumentIds,
    status: data.status,
  }),
};
