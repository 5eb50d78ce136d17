import type { ResourceQueries } from '../queries.types';

const CATEGORY = `id code nameZh nameEn parentId sortOrder active createdAt`;

export const categoryQueries: ResourceQueries = {
  list: `query Categories($filter: CategoryFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: categories(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${CATEGORY} } total }
  }`,
  one: `query Category($id: ID!) { result: category(id: $id) { ${CATEGORY} } }`,
  create: `mutation CreateCategory($input: CreateCategoryInput!) { result: createCategory(input: $input) { ${CATEGORY} } }`,
  sortable: ['sortOrder', 'code', 'nameZh'],
  toCreateInput: (data) => ({
    code: data.code,
    nameZh: data.nameZh,
    nameEn: data.nameEn || undefined,
    parentId: data.parentId || undefined,
    sortOrder: data.sortOrder === undefined || data.sortOrder === '' || data.sortOrder === null ? 0 : Number(data.sortOrder),
  }),
};
