import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

export const MOVEMENT_TYPES = ['CONSIGN_IN', 'TRANSFER', 'RESERVE', 'RELEASE', 'SALE', 'CUSTOMER_RETURN', 'RETURN_TO_FACTORY', 'WRITE_OFF', 'ADJUSTMENT'] as const;

const MOVEMENT = `id venueId occurredAt type quantity fromLocation toLocation referenceType referenceId note lineNo operationId
  skuId sku { id code product { id titleZh } } ownerFactoryOrgId ownerFactory { id name }`;

export const stockMovementQueries: ResourceQueries = {
  list: `query StockMovements($filter: StockMovementFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: stockMovements(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${MOVEMENT} } total }
  }`,
  sortable: ['occurredAt', 'quantity', 'type'],
  filterToApi: (filter) => compact(filter),
};
