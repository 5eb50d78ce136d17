import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const REQUEST = `id status from to note venueId factoryOrgId decisionReason decidedAt createdAt assignmentId
  slotId slot { id code zone { id code name } } skuId sku { id code attributes product { id titleZh factory { id name } } }`;

export const SLOT_REQUEST_STATUSES = ['PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN'] as const;

export const slotRequestQueries: ResourceQueries = {
  list: `query SlotRequests($filter: SlotRequestFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: slotRequests(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${REQUEST} } total }
  }`,
  create: `mutation RequestSlot($input: RequestSlotInput!) { result: requestSlot(input: $input) { ${REQUEST} } }`,
  actions: {
    decide: `mutation DecideSlotRequest($input: DecideSlotRequestInput!) { result: decideSlotRequest(input: $input) { ${REQUEST} } }`,
  },
  sortable: ['createdAt'],
  filterToApi: (filter) => compact(filter),
  toCreateInput: (data) => compact({ slotId: data.slotId, skuId: data.skuId, from: data.from, to: data.to, note: data.note }),
};
