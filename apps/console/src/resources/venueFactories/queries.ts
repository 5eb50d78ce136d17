import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const VENUE_FACTORY = `id status version venueId venue { id code name }
  factoryOrgId factory { id name creditCode industryBelt contactName contactPhone address }
  paymentTermDays settlementCycle note submittedAt decidedAt admittedAt suspendedAt createdAt updatedAt
  categoryIds categories { id code nameZh }`;

const VENUE_FACTORY_FULL = `${VENUE_FACTORY}
  documents { id kind mimeType originalName sizeBytes createdAt }
  events { id action fromStatus toStatus reason occurredAt }`;

/** The application's workflow statuses (enum VenueFactoryStatus). */
export const VENUE_FACTORY_STATUSES = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'SUSPENDED'] as const;

export const venueFactoryQueries: ResourceQueries = {
  list: `query VenueFactories($filter: VenueFactoryFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: venueFactories(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${VENUE_FACTORY} } total }
  }`,
  one: `query VenueFactory($id: ID!) { result: venueFactory(id: $id) { ${VENUE_FACTORY_FULL} } }`,
  create: `mutation ApplyToVenue($input: ApplyToVenueInput!) { result: applyToVenue(input: $input) { ${VENUE_FACTORY_FULL} } }`,
  update: `mutation UpdateVenueFactory($input: UpdateVenueFactoryInput!) { result: updateVenueFactory(input: $input) { ${VENUE_FACTORY_FULL} } }`,
  actions: {
    submit: `mutation SubmitVenueFactory($input: SubmitVenueFactoryInput!) { result: submitVenueFactory(input: $input) { ${VENUE_FACTORY_FULL} } }`,
    review: `mutation ReviewVenueFactory($input: ReviewVenueFactoryInput!) { result: reviewVenueFactory(input: $input) { ${VENUE_FACTORY_FULL} } }`,
    suspend: `mutation SuspendVenueFactory($input: SuspendVenueFactoryInput!) { result: suspendVenueFactory(input: $input) { ${VENUE_FACTORY_FULL} } }`,
    reinstate: `mutation ReinstateVenueFactory($input: ReinstateVenueFactoryInput!) { result: reinstateVenueFactory(input: $input) { ${VENUE_FACTORY_FULL} } }`,
  },
  sortable: ['submittedAt', 'createdAt', 'updatedAt', 'status'],
  /** The status filter is one value in the console, a list in the API. */
  filterToApi: (filter) => {
    const f = compact(filter);
    if (typeof f.status === 'string') f.status = [f.status];
    return f;
  },
  toCreateInput: (data) =>
    compact({
      venueId: data.venueId,
      categoryIds: data.categoryIds,
      documentIds: data.documentIds ?? [],
      paymentTermDays: data.paymentTermDays === undefined || data.paymentTermDays === '' ? undefined : Number(data.paymentTermDays),
      note: data.note,
    }),
  toUpdateInput: (data, previous) => ({
    id: previous.id ?? data.id,
    version: previous.version,
    categoryIds: data.categoryIds,
    documentIds: data.documentIds ?? [],
    paymentTermDays: Number(data.paymentTermDays),
    note: data.note ?? null,
  }),
};
