import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

const USER = `id email displayName active lastLoginAt createdAt
  memberships { id role organizationId organization { id name kind } regionId region { id name } venues { id code name } }`;

/** A membership as the forms hold it → MembershipInput (empty venue list = all the organization's venues). */
export function toMembershipInput(m: Record<string, unknown>): Record<string, unknown> {
  return compact({ organizationId: m.organizationId, role: m.role, regionId: m.regionId, venueIds: m.venueIds });
}

export const userQueries: ResourceQueries = {
  list: `query Users($filter: UserFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: users(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${USER} } total }
  }`,
  one: `query User($id: ID!) { result: user(id: $id) { ${USER} } }`,
  create: `mutation CreateUser($input: CreateUserInput!) { result: createUser(input: $input) { ${USER} } }`,
  actions: {
    setActive: `mutation SetUserActive($input: SetUserActiveInput!) { result: setUserActive(input: $input) { ${USER} } }`,
    grantMembership: `mutation GrantMembership($input: GrantMembershipInput!) { result: grantMembership(input: $input) { ${USER} } }`,
    revokeMembership: `mutation RevokeMembership($input: RevokeMembershipInput!) { result: revokeMembership(input: $input) { ${USER} } }`,
  },
  sortable: ['email', 'displayName', 'createdAt'],
  filterToApi: (filter) => {
    const f = compact(filter);
    if (typeof f.active === 'string') f.active = f.active === 'true';
    return f;
  },
  toCreateInput: (data) => ({
    email: typeof data.email === 'string' ? data.email.trim() : data.email,
    displayName: data.displayName,
    password: data.password,
    memberships: ((data.memberships as Record<string, unknown>[] | undefined) ?? []).map(toMembershipInput),
  }),
};
