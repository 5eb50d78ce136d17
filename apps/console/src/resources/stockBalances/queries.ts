import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

export const LOCATION_KINDS = ['WAREHOUSE', 'SHOWROOM', 'IN_TRANSIT', 'DAMAGED'] as const;
export const locationChoices = LOCATION_KINDS.map((k) => ({ id: k, name: `xp.enums.LocationKind.${k}` }));

const BALANCE = `id venueId venue { id code name } skuId sku { id code attributes product { id titleZh } } ownerFactoryOrgId ownerFactory { id name }
  location onHand reserved available updatedAt`;

export const stockBalanceQueries: ResourceQueries = {
  list: `query StockBalances($filter: StockBalanceFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: stockBalances(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${BALANCE} } total }
  }`,
  actions: {
    transfer: `mutation TransferStock($input: TransferStockInput!) { result: transferStock(input: $input) { operationId replayed movements { id } } }`,
  },
  sortable: ['updatedAt', 'onHand', 'reserved', 'location'],
  filterToApi: (filter) => compact(filter),
};
