import { compact } from '../../dataProvider';
import { endOfShanghaiDay, startOfShanghaiDay } from '../../format/dates';
import type { ResourceQueries } from '../queries.types';

const EVENT = 'id occurredAt action entityType entityId actorUserId actorOrgId venueId requestId before after';

export const auditEventQueries: ResourceQueries = {
  list: `query AuditEvents($filter: AuditEventFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: auditEvents(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${EVENT} } total }
  }`,
  sortable: ['occurredAt', 'action'],
  /** The form picks Shanghai business days; the API takes instants (`to` is exclusive). */
  filterToApi: (filter) => {
    const f = compact(filter);
    if (typeof f.from === 'string') f.from = startOfShanghaiDay(f.from);
    if (typeof f.to === 'string') f.to = endOfShanghaiDay(f.to);
    return f;
  },
};
