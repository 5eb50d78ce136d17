import type { ResourceQueries } from '../queries.types';

const VENUE = `id code name city categoryFocus status createdAt
  regionId region { id code name }
  operatorOrgId operator { id name kind }
  governmentOrgId government { id name kind }`;

export const venueQueries: ResourceQueries = {
  list: `query Venues($filter: VenueFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: venues(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${VENUE} } total }
  }`,
  one: `query Venue($id: ID!) { result: venue(id: $id) { ${VENUE} } }`,
  create: `mutation CreateVenue($input: CreateVenueInput!) { result: createVenue(input: $input) { ${VENUE} } }`,
  sortable: ['code', 'name', 'city', 'createdAt'],
};
