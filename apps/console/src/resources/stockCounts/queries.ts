import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const COUNT = `id venueId venue { id code name } location status note requiresAdminApproval varianceThreshold
  startedAt submittedAt approvedAt cancelledAt cancelReason updatedAt`;
const LINES = `lines { id skuId sku { id code attributes product { id titleZh } } ownerFactoryOrgId expectedQuantity countedQuantity variance aboveThreshold }`;

export const COUNT_STATUSES = ['COUNTING', 'SUBMITTED', 'APPROVED', 'CANCELLED'] as const;

export const stockCountQueries: ResourceQueries = {
  list: `query StockCounts($filter: StockCountFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: stockCounts(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${COUNT} ${LINES} } total }
  }`,
  one: `query StockCount($id: ID!) { result: stockCount(id: $id) { ${COUNT} ${LINES} } }`,
  create: `mutation StartStockCount($input: StartStockCountInput!) { result: startStockCount(input: $input) { ${COUNT} ${LINES} } }`,
  actions: {
    submit: `mutation SubmitStockCount($input: SubmitStockCountInput!) { result: submitStockCount(input: $input) { ${COUNT} ${LINES} } }`,
    approve: `mutation ApproveStockCount($input: ApproveStockCountInput!) { result: approveStockCount(input: $input) { ${COUNT} ${LINES} } }`,
    cancel: `mutation CancelStockCount($input: CancelStockCountInput!) { result: cancelStockCount(input: $input) { ${COUNT} } }`,
  },
  sortable: ['startedAt', 'status'],
  filterToApi: (filter) => compact(filter),
  toCreateInput: (data) => compact({ venueId: data.venueId, location: data.location, factoryOrgId: data.factoryOrgId, note: data.note }),
};
