import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const BUYER = `id shopName contactName phone city wechatId email memberLevel createdAt registeredVenueId
  memberLevelBasis { amount month thresholds computedAt } venues { id code name }`;

export const buyerQueries: ResourceQueries = {
  list: `query Buyers($filter: BuyerFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: buyers(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${BUYER} } total }
  }`,
  one: `query Buyer($id: ID!) { result: buyer(id: $id) { ${BUYER} } }`,
  sortable: ['createdAt', 'shopName', 'memberLevel'],
  filterToApi: (filter) => toBuyerFilter(filter),
};

/** The list's search box: eleven digits are a phone number (found anywhere), anything else part of a shop name. */
export function toBuyerFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const search = typeof filter.search === 'string' ? filter.search.trim() : '';
  const { search: _s, ...rest } = filter;
  if (/^1\d{10}$/.test(search)) return compact({ ...rest, phone: search });
  return compact({ ...rest, search });
}
