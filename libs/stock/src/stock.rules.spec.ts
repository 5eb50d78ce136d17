import { DomainError, ErrorCode } from '@xp/core';
import { LocationKind as L, MovementType as T, ReceiptStatus, StockCountStatus } from './stock.enums';
import {
  ageBuckets,
  ageDirection,
  alwaysApplicable,
  assertTransition,
  balanceEffects,
  canonicalJson,
  COUNT_TRANSITIONS,
  countNeedsAdmin,
  fifoRemaining,
  isValidBalance,
  movementShapeProblem,
  netDeltas,
  normalizeEnds,
  RECEIPT_TRANSITIONS,
  requestHash,
  showroomStaffMayTransfer,
  varianceNeedsAdmin,
} from './stock.rules';

describe('movement shapes', () => {
  it.each<[T, L | null, L | null]>([
    [T.CONSIGN_IN, null, L.WAREHOUSE],
    [T.CUSTOMER_RETURN, null, L.WAREHOUSE],
    [T.CUSTOMER_RETURN, null, L.DAMAGED],
    [T.TRANSFER, L.WAREHOUSE, L.SHOWROOM],
    [T.RESERVE, L.WAREHOUSE, L.WAREHOUSE],
    [T.RELEASE, L.WAREHOUSE, L.WAREHOUSE],
    [T.SALE, L.WAREHOUSE, null],
    [T.RETURN_TO_FACTORY, L.WAREHOUSE, null],
    [T.WRITE_OFF, L.DAMAGED, null],
    [T.ADJUSTMENT, null, L.WAREHOUSE],
    [T.ADJUSTMENT, L.WAREHOUSE, null],
  ])('accepts %s from %s to %s', (type, from, to) => {
    expect(movementShapeProblem(type, from, to)).toBeNull();
  });

  it.each<[T, L | null, L | null]>([
    [T.CONSIGN_IN, L.WAREHOUSE, L.SHOWROOM],
    [T.CONSIGN_IN, null, null],
    [T.CUSTOMER_RETURN, null, L.SHOWROOM],
    [T.TRANSFER, L.WAREHOUSE, L.WAREHOUSE],
    [T.TRANSFER, L.WAREHOUSE, null],
    [T.RESERVE, L.WAREHOUSE, L.SHOWROOM],
    [T.RESERVE, null, null],
    [T.SALE, null, L.WAREHOUSE],
    [T.SALE, L.WAREHOUSE, L.SHOWROOM],
    [T.WRITE_OFF, null, null],
    [T.ADJUSTMENT, L.WAREHOUSE, L.SHOWROOM],
    [T.ADJUSTMENT, null, null],
  ])('refuses %s from %s to %s', (type, from, to) => {
    expect(movementShapeProblem(type, from, to)).toEqual(expect.any(String));
  });

  it('takes either end of a RESERVE or RELEASE for its one location', () => {
    expect(normalizeEnds(T.RESERVE, undefined, L.WAREHOUSE)).toEqual({ from: L.WAREHOUSE, to: L.WAREHOUSE });
    expect(normalizeEnds(T.RELEASE, L.SHOWROOM, undefined)).toEqual({ from: L.SHOWROOM, to: L.SHOWROOM });
    expect(normalizeEnds(T.SALE, L.WAREHOUSE, undefined)).toEqual({ from: L.WAREHOUSE, to: null });
  });
});

describe('balance effects', () => {
  it('moves on hand between locations and holds or gives back reservations', () => {
    expect(balanceEffects({ type: T.TRANSFER, from: L.WAREHOUSE, to: L.SHOWROOM, quantity: 3 })).toEqual([
      { location: L.WAREHOUSE, onHand: -3, reserved: 0 },
      { location: L.SHOWROOM, onHand: 3, reserved: 0 },
    ]);
    expect(balanceEffects({ type: T.RESERVE, from: L.WAREHOUSE, to: L.WAREHOUSE, quantity: 2 })).toEqual([
      { location: L.WAREHOUSE, onHand: 0, reserved: 2 },
    ]);
    expect(balanceEffects({ type: T.RELEASE, from: L.WAREHOUSE, to: L.WAREHOUSE, quantity: 2 })).toEqual([
      { location: L.WAREHOUSE, onHand: 0, reserved: -2 },
    ]);
  });

  it('ships reserved goods out on a SALE (on hand and reserved both drop)', () => {
    expect(balanceEffects({ type: T.SALE, from: L.WAREHOUSE, to: null, quantity: 4 })).toEqual([
      { location: L.WAREHOUSE, onHand: -4, reserved: -4 },
    ]);
  });

  it('nets a batch per SKU and location, sorted by SKU then location, dropping zero changes', () => {
    const deltas = netDeltas([
      { skuId: 'b', type: T.TRANSFER, from: L.WAREHOUSE, to: L.SHOWROOM, quantity: 5 },
      { skuId: 'a', type: T.CONSIGN_IN, from: null, to: L.WAREHOUSE, quantity: 10 },
      { skuId: 'b', type: T.TRANSFER, from: L.SHOWROOM, to: L.WAREHOUSE, quantity: 5 },
      { skuId: 'a', type: T.RESERVE, from: L.WAREHOUSE, to: L.WAREHOUSE, quantity: 4 },
      { skuId: 'a', type: T.SALE, from: L.WAREHOUSE, to: null, quantity: 4 },
    ]);
    expect(deltas).toEqual([{ skuId: 'a', location: L.WAREHOUSE, onHand: 6, reserved: 0 }]);
    const order = netDeltas([
      { skuId: 'z', type: T.CONSIGN_IN, from: null, to: L.WAREHOUSE, quantity: 1 },
      { skuId: 'a', type: T.TRANSFER, from: L.WAREHOUSE, to: L.DAMAGED, quantity: 1 },
    ]).map((d) => `${d.skuId}:${d.location}`);
    expect(order).toEqual(['a:DAMAGED', 'a:WAREHOUSE', 'z:WAREHOUSE']);
  });

  it('knows valid balances and the deltas that can never break one', () => {
    expect(isValidBalance(5, 5)).toBe(true);
    expect(isValidBalance(4, 5)).toBe(false);
    expect(isValidBalance(-1, 0)).toBe(false);
    expect(isValidBalance(3, -1)).toBe(false);
    expect(alwaysApplicable({ onHand: 5, reserved: 0 })).toBe(true);
    expect(alwaysApplicable({ onHand: 5, reserved: 5 })).toBe(true);
    expect(alwaysApplicable({ onHand: 0, reserved: 1 })).toBe(false);
    expect(alwaysApplicable({ onHand: -1, reserved: 0 })).toBe(false);
  });
});

describe('stock age, first in first out', () => {
  it('takes units out of the oldest lots first', () => {
    const lots = [
      { receivedOn: '2026-03-01', quantity: 10 },
      { receivedOn: '2026-01-01', quantity: 5 },
      { receivedOn: '2026-02-01', quantity: 8 },
    ];
    expect(fifoRemaining(lots, 7)).toEqual([
      { receivedOn: '2026-02-01', quantity: 6 },
      { receivedOn: '2026-03-01', quantity: 10 },
    ]);
    expect(fifoRemaining(lots, 0)).toHaveLength(3);
    expect(fifoRemaining(lots, 23)).toEqual([]);
    expect(fifoRemaining(lots, 100)).toEqual([]);
  });

  it('counts units in the 0–30, 31–90 and over-90-day buckets, with the oldest lot', () => {
    const asOf = '2026-05-01';
    const buckets = ageBuckets(
      [
        { receivedOn: '2026-01-01', quantity: 3 }, // 120 days
        { receivedOn: '2026-01-31', quantity: 4 }, // 90 days: still 31–90
        { receivedOn: '2026-03-31', quantity: 5 }, // 31 days
        { receivedOn: '2026-04-01', quantity: 6 }, // 30 days
        { receivedOn: '2026-05-01', quantity: 7 }, // today
      ],
      asOf,
    );
    expect(buckets).toEqual({ over90: 3, days31To90: 9, days0To30: 13, oldestReceivedOn: '2026-01-01', oldestAgeDays: 120 });
    expect(ageBuckets([], asOf)).toEqual({ over90: 0, days31To90: 0, days0To30: 0, oldestReceivedOn: null, oldestAgeDays: null });
  });

  it('ages by lots in and out of the venue, never by moves inside it', () => {
    expect(ageDirection(T.CONSIGN_IN, null, L.WAREHOUSE)).toBe('in');
    expect(ageDirection(T.CUSTOMER_RETURN, null, L.DAMAGED)).toBe('in');
    expect(ageDirection(T.ADJUSTMENT, null, L.WAREHOUSE)).toBe('in');
    expect(ageDirection(T.ADJUSTMENT, L.WAREHOUSE, null)).toBe('out');
    expect(ageDirection(T.SALE, L.WAREHOUSE, null)).toBe('out');
    expect(ageDirection(T.RETURN_TO_FACTORY, L.WAREHOUSE, null)).toBe('out');
    expect(ageDirection(T.WRITE_OFF, L.DAMAGED, null)).toBe('out');
    expect(ageDirection(T.TRANSFER, L.WAREHOUSE, L.SHOWROOM)).toBeNull();
    expect(ageDirection(T.RESERVE, L.WAREHOUSE, L.WAREHOUSE)).toBeNull();
  });
});

describe('count variances', () => {
  it('needs an OPERATOR_ADMIN only for a variance beyond the threshold, either way', () => {
    expect(varianceNeedsAdmin(5, 5)).toBe(false);
    expect(varianceNeedsAdmin(-5, 5)).toBe(false);
    expect(varianceNeedsAdmin(6, 5)).toBe(true);
    expect(varianceNeedsAdmin(-6, 5)).toBe(true);
    expect(varianceNeedsAdmin(1, 0)).toBe(true);
    expect(countNeedsAdmin([0, 2, -3], 5)).toBe(false);
    expect(countNeedsAdmin([0, 2, -30], 5)).toBe(true);
  });
});

describe('who moves what', () => {
  it('lets showroom staff move samples between WAREHOUSE and SHOWROOM only', () => {
    expect(showroomStaffMayTransfer(L.WAREHOUSE, L.SHOWROOM)).toBe(true);
    expect(showroomStaffMayTransfer(L.SHOWROOM, L.WAREHOUSE)).toBe(true);
    expect(showroomStaffMayTransfer(L.WAREHOUSE, L.DAMAGED)).toBe(false);
    expect(showroomStaffMayTransfer(L.SHOWROOM, L.DAMAGED)).toBe(false);
    expect(showroomStaffMayTransfer(L.SHOWROOM, L.SHOWROOM)).toBe(false);
  });
});

describe('workflows', () => {
  function walk<S extends string>(table: Record<S, readonly S[]>, entity: string) {
    const states = Object.keys(table) as S[];
    let allowed = 0;
    let forbidden = 0;
    for (const from of states) {
      for (const to of states) {
        if (table[from].includes(to)) {
          expect(() => assertTransition(table, entity, from, to)).not.toThrow();
          allowed++;
        } else {
          let error: unknown;
          try {
            assertTransition(table, entity, from, to);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(ErrorCode.INVALID_TRANSITION);
          forbidden++;
        }
      }
    }
    return { allowed, forbidden };
  }

  it('walks every edge of the consignment receipt workflow', () => {
    expect(walk(RECEIPT_TRANSITIONS, 'receipt')).toEqual({ allowed: 2, forbidden: 7 });
    expect(RECEIPT_TRANSITIONS[ReceiptStatus.DECLARED]).toEqual([ReceiptStatus.RECEIVED, ReceiptStatus.CANCELLED]);
  });

  it('walks every edge of the stock count workflow', () => {
    expect(walk(COUNT_TRANSITIONS, 'count')).toEqual({ allowed: 4, forbidden: 12 });
    expect(COUNT_TRANSITIONS[StockCountStatus.APPROVED]).toEqual([]);
  });
});

describe('idempotency fingerprints', () => {
  it('hashes equal requests equally whatever the key order, and different ones differently', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    expect(requestHash('transferStock', { a: 1, b: 2 })).toBe(requestHash('transferStock', { b: 2, a: 1 }));
    expect(requestHash('transferStock', { a: 1 })).not.toBe(requestHash('transferStock', { a: 2 }));
    expect(requestHash('transferStock', { a: 1 })).not.toBe(requestHash('returnToFactory', { a: 1 }));
    expect(requestHash('x', {})).toMatch(/^[0-9a-f]{64}$/);
  });
});
