import { daysWithin, overlaps, parsePeriod, periodProblem, plannedLayout, shelfCode, slotCode, slotState, SlotState } from './showroom.rules';

describe('showroom rules', () => {
  it('reads PostgreSQL date ranges, open-ended included', () => {
    expect(parsePeriod('[2026-11-01,2026-12-01)')).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(parsePeriod('[2026-11-01,)')).toEqual({ from: '2026-11-01', to: null });
    expect(() => parsePeriod('empty')).toThrow();
  });

  it('treats periods as closed-open when checking overlap', () => {
    const nov = { from: '2026-11-01', to: '2026-12-01' };
    expect(overlaps(nov, { from: '2026-12-01', to: null })).toBe(false);
    expect(overlaps(nov, { from: '2026-11-30', to: '2026-12-02' })).toBe(true);
    expect(overlaps({ from: '2026-01-01', to: null }, { from: '2030-01-01', to: '2030-01-02' })).toBe(true);
    expect(overlaps(nov, { from: '2026-10-01', to: '2026-11-01' })).toBe(false);
  });

  it('counts the days of a period inside a window', () => {
    const window = { from: '2026-11-01', to: '2026-12-01' };
    expect(daysWithin({ from: '2026-10-15', to: null }, window)).toBe(30);
    expect(daysWithin({ from: '2026-11-10', to: '2026-11-20' }, window)).toBe(10);
    expect(daysWithin({ from: '2026-12-01', to: null }, window)).toBe(0);
    expect(daysWithin({ from: '2026-11-29', to: '2026-12-05' }, window)).toBe(2);
  });

  it('names shelves and slots zone-shelf-level', () => {
    expect(shelfCode('A', 3)).toBe('A-03');
    expect(shelfCode('B', 120)).toBe('B-120');
    expect(slotCode('A', 3, 2)).toBe('A-03-2');
  });

  it('refuses periods starting in the past or ending before they start', () => {
    expect(periodProblem({ from: '2026-11-24', to: null }, '2026-11-25')?.path).toBe('from');
    expect(periodProblem({ from: '2026-11-25', to: '2026-11-25' }, '2026-11-25')?.path).toBe('to');
    expect(periodProblem({ from: '2026-11-25', to: '2026-11-26' }, '2026-11-25')).toBeNull();
  });

  it('shows free, occupied, ending within 7 days and maintenance', () => {
    const day = '2026-11-25';
    expect(slotState('ACTIVE', null, day)).toBe(SlotState.FREE);
    expect(slotState('ACTIVE', { from: '2026-11-01', to: null }, day)).toBe(SlotState.OCCUPIED);
    expect(slotState('ACTIVE', { from: '2026-11-01', to: '2026-12-02' }, day)).toBe(SlotState.ENDING_SOON);
    expect(slotState('ACTIVE', { from: '2026-11-01', to: '2026-12-03' }, day)).toBe(SlotState.OCCUPIED);
    expect(slotState('MAINTENANCE', null, day)).toBe(SlotState.MAINTENANCE);
  });

  it('plans shelves × levels with their codes', () => {
    const plan = plannedLayout('B', 1, 20, 4);
    expect(plan).toHaveLength(20);
    expect(plan.flatMap((s) => s.slots)).toHaveLength(80);
    expect(plan[19].slots[3].code).toBe('B-20-4');
  });
});
