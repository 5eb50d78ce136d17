import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const SETTLEMENT = `id month status generation generatedAt issuedAt confirmedAt disputedAt disputeReason paidAt paymentReference
  periodStart periodEnd unitsSold unitsReturned payableAmount wholesaleAmount spreadAmount pdfPath updatedAt
  venueId venue { id code name } factoryOrgId factory { id name }`;
const LINES = `salesLines { id skuId sku { id code attributes product { id titleZh } } priceVersionId unitsSold unitsReturned supplyUnitPrice payableAmount wholesaleUnitPrice wholesaleAmount spreadAmount }
  stockLines { skuId sku { id code attributes product { id titleZh } } opening received sold returned returnedDamaged returnedToFactory adjustedIn adjustedOut writtenOff closing }`;

export const settlementQueries: ResourceQueries = {
  list: `query Settlements($filter: SettlementFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: settlements(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${SETTLEMENT} } total }
  }`,
  one: `query Settlement($id: ID!) { result: settlement(id: $id) { ${SETTLEMENT} ${LINES} } }`,
  create: `mutation GenerateSettlement($input: GenerateSettlementInput!) { result: generateSettlement(input: $input) { ${SETTLEMENT} } }`,
  actions: {
    regenerate: `mutation RegenerateSettlement($input: GenerateSettlementInput!) { result: generateSettlement(input: $input) { ${SETTLEMENT} } }`,
    issue: `mutation IssueSettlement($input: IssueSettlementInput!) { result: issueSettlement(input: $input) { ${SETTLEMENT} } }`,
    confirm: `mutation ConfirmSettlement($input: ConfirmSettlementInput!) { result: confirmSettlement(input: $input) { ${SETTLEMENT} } }`,
    dispute: `mutation DisputeSettlement($input: DisputeSettlementInput!) { result: disputeSettlement(input: $input) { ${SETTLEMENT} } }`,
    markPaid: `mutation MarkSettlementPaid($input: MarkSettlementPaidInput!) { result: markSettlementPaid(input: $input) { ${SETTLEMENT} } }`,
  },
  sortable: ['month', 'status', 'payableAmount'],
  filterToApi: (filter) => compact(filter),
  toCreateInput: (data) => compact({ venueId: data.venueId, factoryOrgId: data.factoryOrgId, month: data.month }),
};
