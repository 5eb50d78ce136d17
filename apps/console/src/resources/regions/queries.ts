import type { ResourceQueries } from '../queries.types';

const REGION = 'id code name createdAt';

export const regionQueries: ResourceQueries = {
  list: `query Regions($filter: RegionFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: regions(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${REGION} } total }
  }`,
  one: `query Region($id: ID!) { result: region(id: $id) { ${REGION} } }`,
  create: `mutation CreateRegion($input: CreateRegionInput!) { result: createRegion(input: $input) { ${REGION} } }`,
  sortable: ['code', 'name'],
};
