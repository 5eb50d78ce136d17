import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const LINE = `id orderId orderNo orderStatus placedAt shippedAt deliveredAt venueId venue { id code name } lineNo skuId
  sku { id code attributes product { id titleZh } } quantity returnedQuantity priceVersionId supplyUnitPrice supplyAmount`;

/** A factory's own order lines (the API's factory view: no buyer, no wholesale price). */
export const factoryOrderLineQueries: ResourceQueries = {
  list: `query FactoryOrderLines($filter: FactoryOrderLineFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: factoryOrderLines(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${LINE} } total }
  }`,
  sortable: ['placedAt', 'quantity', 'orderNo'],
  filterToApi: (filter) => compact(filter),
};
