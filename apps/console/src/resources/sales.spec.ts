import { toBuyerFilter } from './buyers/queries';
import { priceVersionsQuery, toPlaceOrderInput } from './salesOrders/queries';
import { fenToMoney, moneyToFen, multiplyMoney, sumMoney } from '../format/money';
import { levelReason, orderStepsFor, quantityProblem, returnableQuantity, tierFor } from './salesOrders/rules';
import { toRequestReturnInput } from './salesReturns/queries';
import { lastEndedMonth, settlementStepsFor, statementFileName, statementFiles } from './settlements/rules';

describe('the sales screens’ pure parts', () => {
  it('does money in fen with BigInt, exact to the fen', () => {
    expect(moneyToFen('12.5')).toBe(1250n);
    expect(moneyToFen('-0.05')).toBe(-5n);
    expect(moneyToFen('3')).toBe(300n);
    expect(moneyToFen('1.234')).toBeNull();
    expect(moneyToFen('abc')).toBeNull();
    expect(moneyToFen(null)).toBeNull();
    expect(fenToMoney(123456n)).toBe('1234.56');
    expect(fenToMoney(-5n)).toBe('-0.05');
    expect(multiplyMoney('0.10', 3)).toBe('0.30');
    expect(multiplyMoney('19.99', 400)).toBe('7996.00');
    expect(multiplyMoney('9007199254740.99', 1000)).toBe('9007199254740990.00');
    expect(multiplyMoney(null, 2)).toBeNull();
    expect(sumMoney(['0.10', '0.20', null, '-0.05'])).toBe('0.25');
    expect(sumMoney([])).toBe('0.00');
  });

  it('prices a quantity at the highest tier it reaches, none below the first', () => {
    const tiers = [
      { minQuantity: 12, wholesalePrice: '20.00' },
      { minQuantity: 120, wholesalePrice: '18.00' },
      { minQuantity: 60, wholesalePrice: '19.00' },
    ];
    expect(tierFor(tiers, 11)).toBeNull();
    expect(tierFor(tiers, 12)?.wholesalePrice).toBe('20.00');
    expect(tierFor(tiers, 119)?.wholesalePrice).toBe('19.00');
    expect(tierFor(tiers, 120)?.wholesalePrice).toBe('18.00');
    expect(tierFor([], 5)).toBeNull();
  });

  it('refuses quantities below the MOQ or not in whole packs, as the API does', () => {
    expect(quantityProblem(0, 12, 6)?.key).toBe('xp.sales.quantity_whole');
    expect(quantityProblem(1.5, 1, 1)?.key).toBe('xp.sales.quantity_whole');
    expect(quantityProblem(6, 12, 6)).toEqual({ key: 'xp.sales.below_moq', values: { moq: 12 } });
    expect(quantityProblem(13, 12, 6)).toEqual({ key: 'xp.sales.whole_packs', values: { packSize: 6 } });
    expect(quantityProblem(18, 12, 6)).toBeNull();
  });

  it('offers each order step only in its status and to the roles the API lets take it', () => {
    expect(orderStepsFor('PLACED', ['OPERATOR_ADMIN'])).toEqual(['pay', 'cancel']);
    expect(orderStepsFor('PLACED', ['SHOWROOM_STAFF'])).toEqual(['cancel']);
    expect(orderStepsFor('PLACED', ['WAREHOUSE_STAFF'])).toEqual([]);
    // A paid order is refunded when cancelled: the operator admin only.
    expect(orderStepsFor('PAID', ['SHOWROOM_STAFF'])).toEqual([]);
    expect(orderStepsFor('PAID', ['OPERATOR_ADMIN'])).toEqual(['ship', 'cancel']);
    expect(orderStepsFor('PAID', ['WAREHOUSE_STAFF'])).toEqual(['ship']);
    expect(orderStepsFor('SHIPPED', ['WAREHOUSE_STAFF'])).toEqual(['deliver']);
    expect(orderStepsFor('SHIPPED', ['SHOWROOM_STAFF', 'PRICING_REVIEWER'])).toEqual([]);
    for (const done of ['DELIVERED', 'CANCELLED', 'EXPIRED'] as const) expect(orderStepsFor(done, ['OPERATOR_ADMIN', 'WAREHOUSE_STAFF', 'SHOWROOM_STAFF'])).toEqual([]);
  });

  it('lets a delivered line be returned within the window, less what returns took', () => {
    const line = { quantity: 120, returnedQuantity: 12 };
    expect(returnableQuantity(line, 'DELIVERED', '2026-11-30', '2026-11-26')).toBe(108);
    expect(returnableQuantity(line, 'DELIVERED', '2026-11-26', '2026-11-26')).toBe(108);
    expect(returnableQuantity(line, 'DELIVERED', '2026-11-25', '2026-11-26')).toBe(0);
    expect(returnableQuantity(line, 'SHIPPED', '2026-11-30', '2026-11-26')).toBe(0);
    expect(returnableQuantity(line, 'DELIVERED', null, '2026-11-26')).toBe(0);
    expect(returnableQuantity({ quantity: 5, returnedQuantity: 5 }, 'DELIVERED', '2026-11-30', '2026-11-26')).toBe(0);
  });

  it('explains a member level by the threshold reached and the next one', () => {
    const thresholds = ['2000.00', '5000.00', '10000.00', '20000.00', '50000.00', '100000.00'];
    expect(levelReason('L0', thresholds)).toEqual({ reached: null, next: { level: 'L1', minimum: '2000.00' } });
    expect(levelReason('L2', thresholds)).toEqual({ reached: '5000.00', next: { level: 'L3', minimum: '10000.00' } });
    expect(levelReason('L6', thresholds)).toEqual({ reached: '100000.00', next: null });
  });

  it('offers each statement step to its side only', () => {
    expect(settlementStepsFor('DRAFT', ['OPERATOR_ADMIN'])).toEqual(['regenerate', 'issue']);
    expect(settlementStepsFor('DRAFT', ['FACTORY_ADMIN'])).toEqual([]);
    expect(settlementStepsFor('ISSUED', ['FACTORY_ADMIN'])).toEqual(['confirm', 'dispute']);
    expect(settlementStepsFor('ISSUED', ['FACTORY_STAFF'])).toEqual([]);
    expect(settlementStepsFor('ISSUED', ['OPERATOR_ADMIN'])).toEqual([]);
    expect(settlementStepsFor('DISPUTED', ['OPERATOR_ADMIN'])).toEqual(['regenerate', 'issue']);
    expect(settlementStepsFor('CONFIRMED', ['OPERATOR_ADMIN'])).toEqual(['markPaid']);
    expect(settlementStepsFor('PAID', ['OPERATOR_ADMIN', 'FACTORY_ADMIN'])).toEqual([]);
    expect(settlementStepsFor('CONFIRMED', ['REGIONAL_MANAGER', 'PLATFORM_ADMIN'])).toEqual([]);
  });

  it('names the last ended month and the statement files', () => {
    expect(lastEndedMonth('2026-11-26')).toBe('2026-10');
    expect(lastEndedMonth('2026-01-01')).toBe('2025-12');
    expect(statementFiles('/api/settlements/abc.pdf')).toEqual({ pdf: '/api/settlements/abc.pdf', csv: '/api/settlements/abc.csv' });
    expect(statementFileName('豫暖/针织', '2026-10-01', 'pdf')).toBe('结算单-豫暖_针织-2026-10.pdf');
  });

  it('turns the forms into the API’s inputs', () => {
    expect(toPlaceOrderInput({ venueId: 'v', buyerId: 'b', note: ' ', idempotencyKey: 'k', lines: [{ skuId: 's', quantity: '24', scanCode: ' L-1 ' }, { skuId: 't', quantity: 12, scanCode: '' }] })).toEqual({
      venueId: 'v',
      buyerId: 'b',
      idempotencyKey: 'k',
      lines: [{ skuId: 's', quantity: 24, scanCode: 'L-1' }, { skuId: 't', quantity: 12 }],
    });
    expect(toRequestReturnInput({ orderId: 'o', reason: 'OTHER', note: '颜色不符', quantities: { s: '12', t: 0, u: '' } })).toEqual({
      orderId: 'o',
      reason: 'OTHER',
      note: '颜色不符',
      lines: [{ skuId: 's', quantity: 12 }],
    });
    expect(toBuyerFilter({ search: ' 13800001234 ', memberLevel: 'L2' })).toEqual({ phone: '13800001234', memberLevel: 'L2' });
    expect(toBuyerFilter({ search: '小店' })).toEqual({ search: '小店' });
    expect(toBuyerFilter({ search: '' })).toEqual({});
  });

  it('asks the price versions of several SKUs in one request', () => {
    const query = priceVersionsQuery(2);
    expect(query).toContain('$venueId: ID!, $s0: ID!, $s1: ID!');
    expect(query).toContain('p0: priceHistory(venueId: $venueId, skuId: $s0');
    expect(query).toContain('p1: priceHistory(venueId: $venueId, skuId: $s1');
  });
});
