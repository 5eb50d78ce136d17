import type { ResourceQueries } from '../queries.types';

const BRAND = `id name trademarkRegNo status reviewReason reviewedAt createdAt factoryOrgId factory { id name }
  certificateDocumentId certificate { id kind mimeType originalName sizeBytes createdAt }`;

export const BRAND_STATUSES = ['PENDING', 'VERIFIED', 'REJECTED'] as const;

export const brandQueries: ResourceQueries = {
  list: `query Brands($filter: BrandFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: brands(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${BRAND} } total }
  }`,
  one: `query Brand($id: ID!) { result: brand(id: $id) { ${BRAND} } }`,
  create: `mutation DeclareBrand($input: DeclareBrandInput!) { result: declareBrand(input: $input) { ${BRAND} } }`,
  actions: {
    review: `mutation ReviewBrand($input: ReviewBrandInput!) { result: reviewBrand(input: $input) { ${BRAND} } }`,
  },
  sortable: ['name', 'createdAt', 'status'],
};
