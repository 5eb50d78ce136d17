import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const ASSIGNMENT = `id from to status venueId createdAt updatedAt slotId slot { id code zone { id code name } }
  skuId sku { id code attributes } product { id titleZh } factoryOrgId factory { id name }`;

export const slotAssignmentQueries: ResourceQueries = {
  list: `query SlotAssignments($filter: SlotAssignmentFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: slotAssignments(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${ASSIGNMENT} } total }
  }`,
  one: `query SlotAssignment($id: ID!) { result: slotAssignment(id: $id) { ${ASSIGNMENT} } }`,
  actions: {
    assign: `mutation AssignSlot($input: AssignSlotInput!) { result: assignSlot(input: $input) { ${ASSIGNMENT} } }`,
    end: `mutation EndSlotAssignment($input: EndSlotAssignmentInput!) { result: endSlotAssignment(input: $input) { ${ASSIGNMENT} } }`,
    extend: `mutation ExtendSlotAssignment($input: ExtendSlotAssignmentInput!) { result: extendSlotAssignment(input: $input) { ${ASSIGNMENT} } }`,
    move: `mutation MoveSlotAssignment($input: MoveSlotAssignmentInput!) { result: moveSlotAssignment(input: $input) { ended { id } started { ${ASSIGNMENT} } } }`,
  },
  sortable: ['from', 'createdAt'],
  filterToApi: (filter) => compact(filter),
};
