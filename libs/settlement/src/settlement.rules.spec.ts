import { ErrorCode } from '@xp/core';
import {
  assertSettlementTransition,
  csvCell,
  csvMoney,
  isClosed,
  ledgerMismatches,
  lineMoney,
  mayRegenerate,
  monthEnded,
  reconciliationGap,
  SETTLEMENT_TRANSITIONS,
  SettlementStatus,
  statementTotals,
  toCsv,
} from './settlement.rules';

describe('the settlement workflow', () => {
  const statuses = Object.values(SettlementStatus);
  const allowed = ['DRAFT>ISSUED', 'ISSUED>CONFIRMED', 'ISSUED>DISPUTED', 'DISPUTED>DRAFT', 'DISPUTED>ISSUED', 'CONFIRMED>PAID'];

  it('allows exactly the listed edges', () => {
    expect(statuses.flatMap((f) => SETTLEMENT_TRANSITIONS[f].map((to) => `${f}>${to}`)).sort()).toEqual([...allowed].sort());
  });

  it.each(statuses.flatMap((from) => statuses.filter((to) => !allowed.includes(`${from}>${to}`)).map((to) => [from, to])))(
    'refuses %s → %s',
    (from, to) => {
      expect(() => assertSettlementTransition(from, to)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
    },
  );

  it('closes the month from issue on; only a DRAFT or a disputed statement is regenerated', () => {
    expect(statuses.filter(isClosed)).toEqual(['ISSUED', 'CONFIRMED', 'DISPUTED', 'PAID']);
    expect(statuses.filter(mayRegenerate)).toEqual(['DRAFT', 'DISPUTED']);
  });

  it('settles a month only once it has ended', () => {
    const end = new Date('2026-11-30T16:00:00Z');
    expect(monthEnded(end, new Date('2026-11-30T15:59:59Z'))).toBe(false);
    expect(monthEnded(end, end)).toBe(true);
  });
});

describe('settlement arithmetic', () => {
  it('reconciles opening + in − out with closing', () => {
    const account = { skuId: 's', opening: 10, received: 200, sold: 110, returned: 5, returnedDamaged: 2, returnedToFactory: 3, writtenOff: 1, adjustedIn: 4, adjustedOut: 7, closing: 100 };
    expect(reconciliationGap(account)).toBe(0);
    expect(reconciliationGap({ ...account, closing: 99 })).toBe(1);
  });

  it('pays units sold less returned at the recorded supply price, keeping the spread, to the fen', () => {
    expect(lineMoney({ sold: 45, returned: 5, supplyUnitPrice: 900, wholesaleUnitPrice: 1125 })).toEqual({ payable: 36_000, wholesale: 45_000, spread: 9_000 });
    expect(lineMoney({ sold: 0, returned: 3, supplyUnitPrice: 999, wholesaleUnitPrice: 1333 })).toEqual({ payable: -2997, wholesale: -3999, spread: -1002 });
    const totals = statementTotals([
      { sold: 10, returned: 0, supplyUnitPrice: 1000, wholesaleUnitPrice: 1250 },
      { sold: 100, returned: 0, supplyUnitPrice: 800, wholesaleUnitPrice: 1000 },
      { sold: 50, returned: 5, supplyUnitPrice: 900, wholesaleUnitPrice: 1125 },
      { sold: 20, returned: 2, supplyUnitPrice: 1000, wholesaleUnitPrice: 1250 },
    ]);
    expect(totals).toEqual({ unitsSold: 180, unitsReturned: 7, payable: 148_500, wholesale: 185_625, spread: 37_125 });
    expect(() => lineMoney({ sold: 2, returned: 0, supplyUnitPrice: Number.MAX_SAFE_INTEGER, wholesaleUnitPrice: Number.MAX_SAFE_INTEGER })).toThrow(RangeError);
  });

  it('finds SKUs whose ledger and orders disagree', () => {
    expect(ledgerMismatches([{ skuId: 'a', sold: 10, returned: 1 }], [{ skuId: 'a', sold: 10, returned: 1 }])).toEqual([]);
    expect(ledgerMismatches([{ skuId: 'a', sold: 10, returned: 0 }, { skuId: 'c', sold: 0, returned: 0 }], [{ skuId: 'a', sold: 9, returned: 0 }, { skuId: 'b', sold: 1, returned: 0 }]).map((m) => m.skuId)).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('statement CSV', () => {
  it('writes numbers as numbers, money exactly, text quoted when needed, formulas defused', () => {
    expect(csvCell(12)).toBe('12');
    expect(csvCell(csvMoney(148_500))).toBe('1485.00');
    expect(csvCell(csvMoney(-5))).toBe('-0.05');
    expect(csvCell('围巾, 红色')).toBe('"围巾, 红色"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe('"\'=SUM(A1)"');
    expect(csvCell(null)).toBe('');
  });

  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    const csv = toCsv([['结算单', 1], ['合计', csvMoney(100)]]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe('结算单,1\r\n合计,1.00\r\n');
  });
});
