import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const TEMPLATE = `id code name layout widthMm heightMm fields barcode symbology zplDpi labelsPerPage sortOrder active venueId createdAt
  sheet { columns rows pageWidthMm pageHeightMm marginTopMm marginLeftMm gapXMm gapYMm }`;

export const labelTemplateQueries: ResourceQueries = {
  list: `query LabelTemplates($filter: LabelTemplateFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: labelTemplates(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${TEMPLATE} } total }
  }`,
  sortable: ['sortOrder', 'code', 'name', 'widthMm', 'createdAt'],
  filterToApi: (filter) => compact(filter),
};
