import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const SLOT = `id code level kind status widthCm activeFrom retiredOn venueId zoneId zone { id code name } shelfId shelf { id code number }`;

export const SLOT_STATES = ['FREE', 'OCCUPIED', 'ENDING_SOON', 'MAINTENANCE'] as const;
export type SlotState = (typeof SLOT_STATES)[number];

const ASSIGNMENT = `id from to status skuId factoryOrgId sku { id code attributes } product { id titleZh } factory { id name }`;

/** The floor on a day: zones → shelves → slots, each with its state and what stands there. */
export const SLOT_MAP = `query SlotMap($venueId: ID!, $date: Date!) {
  result: slotMap(venueId: $venueId, date: $date) {
    date free occupied endingSoon maintenance
    zones {
      zone { id code name floor }
      shelves {
        shelf { id code number }
        slots { state slot { id code level kind status widthCm } assignment { ${ASSIGNMENT} } }
      }
    }
  }
}`;

export interface SlotMapAssignment {
  id: string;
  from: string;
  to: string | null;
  status: string;
  skuId: string;
  factoryOrgId: string;
  sku: { id: string; code: string; attributes: Record<string, string> };
  product: { id: string; titleZh: string };
  factory: { id: string; name: string };
}

export interface SlotMapSlot {
  state: SlotState;
  slot: { id: string; code: string; level: number; kind: string; status: string; widthCm: number };
  assignment: SlotMapAssignment | null;
}

export interface SlotMapData {
  date: string;
  free: number;
  occupied: number;
  endingSoon: number;
  maintenance: number;
  zones: { zone: { id: string; code: string; name: string; floor: number }; shelves: { shelf: { id: string; code: string; number: number }; slots: SlotMapSlot[] }[] }[];
}

export const slotQueries: ResourceQueries = {
  list: `query Slots($filter: SlotFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: slots(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${SLOT} } total }
  }`,
  actions: {
    createZone: `mutation CreateZone($input: CreateZoneInput!) { result: createZone(input: $input) { id code name floor venueId } }`,
    createShelves: `mutation CreateShelves($input: CreateShelvesInput!) { result: createShelves(input: $input) { slotCount shelves { id code } } }`,
    updateSlot: `mutation UpdateSlot($input: UpdateSlotInput!) { result: updateSlot(input: $input) { ${SLOT} } }`,
  },
  sortable: ['code', 'kind', 'status'],
  filterToApi: (filter) => compact(filter),
};
