import type { ResourceQueries } from '../queries.types';

const ORGANIZATION = `id name kind creditCode industryBelt address contactName contactPhone createdAt
  regionId region { id code name }`;

export const organizationQueries: ResourceQueries = {
  list: `query Organizations($filter: OrganizationFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: organizations(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${ORGANIZATION} } total }
  }`,
  one: `query Organization($id: ID!) { result: organization(id: $id) { ${ORGANIZATION} } }`,
  create: `mutation CreateOrganization($input: CreateOrganizationInput!) {
    result: createOrganization(input: $input) { ${ORGANIZATION} }
  }`,
  sortable: ['name', 'kind', 'createdAt'],
};
