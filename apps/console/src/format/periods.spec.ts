import { addDays, customFromLink, presetOf, daysIn, isDay, lastDayOf, lastMonth, periodOf, sameDaysLastMonth, thisMonth, thisYear } from './periods';

describe('report periods', () => {
  it('names last month, this month and this year so far as [from, to)', () => {
    expect(lastMonth('2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-11-01' });
    expect(lastMonth('2026-01-05')).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    expect(thisMonth('2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-26' });
    expect(thisMonth('2026-12-31')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(thisYear('2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-11-26' });
    expect(thisYear('2026-12-31')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
  });

  it('answers each preset for a given day, and a custom range with its last day included', () => {
    const custom = { first: '2026-02-01', last: '2026-02-28' };
    expect(periodOf('lastMonth', custom, '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-11-01' });
    expect(periodOf('thisMonth', custom, '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-26' });
    expect(periodOf('thisYear', custom, '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-11-26' });
    expect(periodOf('custom', custom)).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(periodOf('custom', { first: '2026-02-10', last: '2026-02-10' })).toEqual({ from: '2026-02-10', to: '2026-02-11' });
  });

  it('refuses a custom range that ends before it starts or is not made of real days', () => {
    expect(periodOf('custom', { first: '2026-02-10', last: '2026-02-01' })).toBeNull();
    expect(periodOf('custom', { first: '', last: '2026-02-01' })).toBeNull();
    expect(periodOf('custom', { first: '2026-02-30', last: '2026-03-01' })).toBeNull();
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it('counts days and moves across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(lastDayOf({ from: '2026-10-01', to: '2026-11-01' })).toBe('2026-10-31');
    expect(daysIn({ from: '2026-10-01', to: '2026-11-01' })).toBe(31);
    expect(daysIn({ from: '2028-02-01', to: '2028-03-01' })).toBe(29);
  });

  it('compares this month so far with the same days of last month, cut at its end', () => {
    expect(sameDaysLastMonth('2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-10-26' });
    expect(sameDaysLastMonth('2026-11-01')).toEqual({ from: '2026-10-01', to: '2026-10-02' });
    expect(sameDaysLastMonth('2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(sameDaysLastMonth('2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-16' });
  });

  it('opens a linked page on its days (?from=&to=, to exclusive) and ignores a broken link', () => {
    expect(customFromLink('2026-10-01', '2026-11-01')).toEqual({ first: '2026-10-01', last: '2026-10-31' });
    expect(customFromLink('2026-10-01', '2026-10-01')).toBeNull();
    expect(customFromLink('2026-10-01', null)).toBeNull();
    expect(customFromLink('yesterday', '2026-11-01')).toBeNull();
  });

  it('opens a linked period on its preset when it is one', () => {
    expect(presetOf({ first: '2026-10-01', last: '2026-10-31' }, '2026-11-25')).toBe('lastMonth');
    expect(presetOf({ first: '2026-11-01', last: '2026-11-25' }, '2026-11-25')).toBe('thisMonth');
    expect(presetOf({ first: '2026-01-01', last: '2026-11-25' }, '2026-11-25')).toBe('thisYear');
    expect(presetOf({ first: '2026-10-02', last: '2026-10-31' }, '2026-11-25')).toBe('custom');
  });
});
