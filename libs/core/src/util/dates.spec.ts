import { addDays, businessDateOf, daysBetween, formatDateTime, isBusinessDate, startOfBusinessDay } from './dates';

describe('business dates in Asia/Shanghai', () => {
  it('takes the Shanghai calendar day of an instant', () => {
    expect(businessDateOf(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(businessDateOf(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });

  it('checks that a date exists', () => {
    expect(isBusinessDate('2028-02-29')).toBe(true);
    expect(isBusinessDate('2026-02-29')).toBe(false);
    expect(isBusinessDate('2026-13-01')).toBe(false);
    expect(isBusinessDate('2026-1-01')).toBe(false);
  });

  it('adds days and counts them across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30);
  });

  it('starts a business day at midnight in China', () => {
    expect(startOfBusinessDay('2026-11-25').toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });

  it('writes instants with the +08:00 offset', () => {
    expect(formatDateTime(new Date('2026-11-25T10:00:00Z'))).toBe('2026-11-25T18:00:00.000+08:00');
  });
});
