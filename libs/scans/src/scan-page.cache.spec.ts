import { nextShanghaiMidnight, ScanRecord, scanViewAt } from './scan-page.cache';

describe('the scan page cache, pure parts', () => {
  it('finds the next Shanghai midnight (UTC+8, no daylight saving) after an instant', () => {
    expect(new Date(nextShanghaiMidnight(new Date('2026-11-26T02:50:00Z'))).toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(new Date(nextShanghaiMidnight(new Date('2026-11-26T15:59:59.999Z'))).toISOString()).toBe('2026-11-26T16:00:00.000Z');
    // at midnight itself: the next one
    expect(new Date(nextShanghaiMidnight(new Date('2026-11-26T16:00:00Z'))).toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(new Date(nextShanghaiMidnight(new Date('2026-12-31T20:00:00Z'))).toISOString()).toBe('2027-01-01T16:00:00.000Z');
  });

  const record = (status: 'POSTED' | 'RETIRED', staleAt: Date | null): ScanRecord =>
    ({ view: { status, code: 'ABC' }, staleAt, staleReason: staleAt ? 'PRICE_CHANGED' : null }) as unknown as ScanRecord;

  it('turns a cached label stale from its stale instant on, never a retired one', () => {
    const at = new Date('2026-11-26T16:00:00Z');
    expect(scanViewAt(record('POSTED', at), new Date(at.getTime() - 1))).toMatchObject({ stale: false, staleReason: null });
    expect(scanViewAt(record('POSTED', at), at)).toMatchObject({ stale: true, staleReason: 'PRICE_CHANGED' });
    expect(scanViewAt(record('POSTED', null), at)).toMatchObject({ stale: false, staleReason: null });
    expect(scanViewAt(record('RETIRED', at), at)).toMatchObject({ stale: false, staleReason: null });
  });
});
