import { RawEntityReader, SortOrder } from '@xp/core';
import { assignmentPageQuery, AssignmentPageReaders, assignmentWhere, pageItems, pageTotal } from './assignment-page';
import { SlotAssignmentStatus } from './entities/slot-assignment.entity';

const reader = (name: string) => ({ json: (alias: string) => `json_build_array(${alias}.${name})` }) as unknown as RawEntityReader<never>;
const all: AssignmentPageReaders = {
  assignment: reader('a'),
  slot: reader('slot'),
  sku: reader('sku'),
  product: reader('product'),
  factory: reader('factory'),
  price: true,
};
const now = new Date('2026-11-26T02:00:00Z');
const args = (extra: object = {}) => ({ page: 1, perPage: 100, ...extra });

/** Every $n the statement uses has a parameter, and every parameter is used. */
function placeholders(sql: string): number[] {
  return [...new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

describe('the slot assignment page statement', () => {
  it('scopes a caller to its showroom venues and own factories, then applies each filter on its column', () => {
    const { where, params } = assignmentWhere(
      { all: false, staffVenues: ['v1'], ownFactories: ['f1'] },
      { venueId: 'v2', slotId: 's', skuId: 'k', factoryOrgId: 'f', status: SlotAssignmentStatus.LIVE, activeOn: '2026-11-26' },
    );
    expect(where).toBe(
      'WHERE (a.venue_id = ANY($1::uuid[]) OR a.factory_org_id = ANY($2::uuid[])) AND a.venue_id = $3::uuid AND a.slot_id = $4::uuid' +
        " AND a.sku_id = $5::uuid AND a.factory_org_id = $6::uuid AND a.status = $7 AND a.status = 'LIVE' AND a.period @> $8::date",
    );
    expect(params).toEqual([['v1'], ['f1'], 'v2', 's', 'k', 'f', 'LIVE', '2026-11-26']);
    expect(assignmentWhere({ all: true }, {})).toEqual({ where: '', params: [] });
  });

  it('numbers its parameters in order, with and without the price', () => {
    const scope = { all: false as const, staffVenues: ['v'], ownFactories: [] };
    const withPrice = assignmentPageQuery(all, scope, args({ filter: { venueId: 'v' } }), now, '2026-11-26');
    expect(placeholders(withPrice.sql)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(withPrice.params).toEqual([['v'], [], 'v', 100, 0, now, '2026-11-26']);
    expect(withPrice.countSql).toContain('WHERE (a.venue_id = ANY($1::uuid[])');
    expect(placeholders(withPrice.countSql)).toEqual([1, 2, 3]);
    expect(withPrice.countParams).toEqual([['v'], [], 'v']);
    const bare = assignmentPageQuery({ ...all, price: false }, scope, args({ page: 3, perPage: 10 }), now, '2026-11-26');
    expect(placeholders(bare.sql)).toEqual([1, 2, 3, 4]);
    expect(bare.params).toEqual([['v'], [], 10, 20]);
  });

  it('joins only the relations the query selects (the product needs the SKU join)', () => {
    const scope = { all: true as const };
    const none = assignmentPageQuery({ ...all, slot: null, sku: null, product: null, factory: null, price: false }, scope, args(), now, 'd');
    expect(none.sql).not.toMatch(/JOIN/);
    const productOnly = assignmentPageQuery({ ...all, slot: null, sku: null, factory: null }, scope, args(), now, 'd');
    expect(productOnly.sql).toMatch(/LEFT JOIN skus sku ON sku.id = a.sku_id\s+LEFT JOIN products p ON p.id = sku.product_id/);
    expect(productOnly.sql).not.toMatch(/slots|organizations/);
    const every = assignmentPageQuery(all, scope, args(), now, 'd');
    expect(every.sql.match(/LEFT JOIN/g)).toHaveLength(4);
  });

  it('sorts as paginate does (nulls placed, id tie-breaker) and refuses an unknown field', () => {
    const scope = { all: true as const };
    expect(assignmentPageQuery(all, scope, args(), now, 'd').sql).toContain('ORDER BY lower(a.period) DESC NULLS LAST, a.id ASC');
    const created = assignmentPageQuery(all, scope, args({ sort: { field: 'createdAt', order: SortOrder.ASC } }), now, 'd');
    expect(created.sql).toContain('ORDER BY a.created_at ASC NULLS FIRST, a.id ASC');
    expect(() => assignmentPageQuery(all, scope, args({ sort: { field: 'toString', order: SortOrder.ASC } }), now, 'd')).toThrow(/cannot sort by "toString"/);
  });

  it('reads the page document: no items for an empty page, the window total from the first item', () => {
    expect(pageItems([{ page: null }])).toEqual([]);
    expect(pageItems([])).toEqual([]);
    const items = pageItems([{ page: '[[7, ["a"]], [7, ["b"]]]' }]);
    expect(items).toEqual([[7, ['a']], [7, ['b']]]);
    expect(pageTotal(items)).toBe(7);
    expect(pageTotal([])).toBe(0);
  });
});
