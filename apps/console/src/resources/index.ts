import { auditEvents } from './auditEvents';
import { brands } from './brands';
import { buyers } from './buyers';
import { categories } from './categories';
import { consignmentReceipts } from './consignmentReceipts';
import { factoryOrderLines } from './factoryOrderLines';
import { labelTemplates } from './labelTemplates';
import { organizations } from './organizations';
import { priceSheets } from './priceSheets';
import { products } from './products';
import { regions } from './regions';
import { salesOrders } from './salesOrders';
import { salesReturns } from './salesReturns';
import { settlements } from './settlements';
import type { ResourceQueries } from './queries.types';
import type { ResourceDefinition } from './types';
import { skus } from './skus';
import { stockBalances } from './stockBalances';
import { stockCounts } from './stockCounts';
import { stockMovements } from './stockMovements';
import { slotAssignments } from './slotAssignments';
import { slotRequests } from './slotRequests';
import { slots } from './slots';
import { users } from './users';
import { venueFactories } from './venueFactories';
import { venues } from './venues';

/**
 * Every resource of the console, in menu order. A new area adds its folder
 * (resources/<name>/index.ts exporting a ResourceDefinition) and one line here.
 */
export const RESOURCES: readonly ResourceDefinition[] = [
  venueFactories,
  brands,
  products,
  skus,
  categories,
  priceSheets,
  slots,
  slotRequests,
  slotAssignments,
  stockBalances,
  consignmentReceipts,
  stockMovements,
  stockCounts,
  labelTemplates,
  salesOrders,
  factoryOrderLines,
  salesReturns,
  buyers,
  settlements,
  venues,
  regions,
  organizations,
  users,
  auditEvents,
];

/** The GraphQL documents by resource, for the data provider. */
export const QUERIES: Record<string, ResourceQueries> = Object.fromEntries(RESOURCES.map((r) => [r.name, r.queries]));
