import { addDays, barShare, daysBetween, lastDays, percent, periodOf, ScanStatsRow, topRows } from './scanStats';

const row = (key: string, scans: number, listings = 0, label = key): ScanStatsRow => ({
  key,
  label,
  scans,
  uniqueDevices: scans,
  listings,
  listingDevices: listings,
  listingRate: 0,
  tracedOrders: null,
});

describe('scan statistics helpers', () => {
  it('counts days across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30);
  });

  it('turns the first and last day picked into the API period, last day included', () => {
    expect(periodOf('2026-11-01', '2026-11-30')).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(periodOf('2026-11-05', '2026-11-05')).toEqual({ from: '2026-11-05', to: '2026-11-06' });
    expect(periodOf('2026-11-30', '2026-11-01')).toBeNull();
    expect(periodOf('', '2026-11-01')).toBeNull();
    expect(periodOf('2025-01-01', '2026-11-01')).toBeNull();
  });

  it('opens on the last 30 days up to today', () => {
    expect(lastDays('2026-11-26', 30)).toEqual({ firstDay: '2026-10-28', lastDay: '2026-11-26' });
    expect(periodOf('2026-10-28', '2026-11-26')).toEqual({ from: '2026-10-28', to: '2026-11-27' });
  });

  it('writes rates as percentages', () => {
    expect(percent(0.125)).toBe('12.5%');
    expect(percent(0)).toBe('0.0%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBe('');
  });

  it('puts the most scanned first (ties by listings, then name), days in calendar order', () => {
    const rows = [row('a', 3, 0), row('b', 9), row('c', 3, 2), row('d', 1)];
    expect(topRows(rows, 'SKU', 3).map((r) => r.key)).toEqual(['b', 'c', 'a']);
    const days = [row('2026-11-02', 1), row('2026-11-01', 5)];
    expect(topRows(days, 'DAY', 1).map((r) => r.key)).toEqual(['2026-11-01', '2026-11-02']);
  });

  it('sizes bars against the widest', () => {
    expect(barShare(5, 10)).toBe(50);
    expect(barShare(0, 0)).toBe(0);
    expect(barShare(10, 10)).toBe(100);
  });
});
