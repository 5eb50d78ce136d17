/**
 * The GraphQL documents of one resource and how react-admin's calls map onto them. Every
 * document names its root field `result` (an alias), so the data provider reads `data.result`:
 *   list:   query ($filter: XFilter, $page: Int!, $perPage: Int!, $sort: SortInput) { result: xs(...) { items { … } total } }
 *   one:    query ($id: ID!) { result: x(id: $id) { … } }
 *   create: mutation ($input: CreateXInput!) { result: createX(input: $input) { … } }
 *   update: mutation ($input: UpdateXInput!) { result: updateX(input: $input) { … } }
 *   actions.<name>: mutation ($input: …Input!) { result: someWorkflowMutation(input: $input) { … } }
 */
export interface ResourceQueries {
  list?: string;
  one?: string;
  create?: string;
  update?: string;
  /** Workflow mutations, run with `dataProvider.run(resource, name, input)`. */
  actions?: Record<string, string>;
  /** The fields the API may sort by (others are dropped, so the API's default order applies). */
  sortable?: readonly string[];
  /** react-admin's filter values → the API's filter (default: drop empty values). */
  filterToApi?: (filter: Record<string, unknown>) => Record<string, unknown>;
  /** The form's values → the create input (default: drop empty values and `id`). */
  toCreateInput?: (data: Record<string, unknown>) => Record<string, unknown>;
  /** The form's values and the record before → the update input (default: id + changed values). */
  toUpdateInput?: (data: Record<string, unknown>, previous: Record<string, unknown>) => Record<string, unknown>;
}
