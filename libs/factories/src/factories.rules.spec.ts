import { DomainError, ErrorCode } from '@xp/core';
import { BrandStatus } from './entities/brand.entity';
import { VenueFactoryStatus } from './entities/venue-factory.entity';
import {
  ADMISSION_TRANSITIONS,
  AdmissionAction,
  assertAdmissionEditable,
  BRAND_TRANSITIONS,
  BrandDecision,
  checkReason,
  nextAdmissionStatus,
  nextBrandStatus,
  normalizeTrademarkRegNo,
  trademarkRegNoProblem,
} from './factories.rules';

function codeOf(fn: () => unknown): ErrorCode | 'none' {
  try {
    fn();
    return 'none';
  } catch (error) {
    return (error as DomainError).code;
  }
}

const STATUSES = Object.values(VenueFactoryStatus);
const ACTIONS = Object.values(AdmissionAction);

describe('admission workflow', () => {
  it.each([
    [VenueFactoryStatus.DRAFT, AdmissionAction.SUBMIT, VenueFactoryStatus.SUBMITTED],
    [VenueFactoryStatus.SUBMITTED, AdmissionAction.APPROVE, VenueFactoryStatus.APPROVED],
    [VenueFactoryStatus.SUBMITTED, AdmissionAction.REJECT, VenueFactoryStatus.REJECTED],
    [VenueFactoryStatus.SUBMITTED, AdmissionAction.REQUEST_CHANGES, VenueFactoryStatus.CHANGES_REQUESTED],
    [VenueFactoryStatus.CHANGES_REQUESTED, AdmissionAction.SUBMIT, VenueFactoryStatus.SUBMITTED],
    [VenueFactoryStatus.APPROVED, AdmissionAction.SUSPEND, VenueFactoryStatus.SUSPENDED],
    [VenueFactoryStatus.SUSPENDED, AdmissionAction.REINSTATE, VenueFactoryStatus.APPROVED],
  ])('allows %s --%s--> %s', (from, action, to) => {
    expect(nextAdmissionStatus(from, action)).toBe(to);
  });

  const allowed = new Set(
    STATUSES.flatMap((from) => Object.keys(ADMISSION_TRANSITIONS[from]).map((action) => `${from}/${action}`)),
  );
  const forbidden = STATUSES.flatMap((from) => ACTIONS.map((action) => [from, action] as const)).filter(
    ([from, action]) => !allowed.has(`${from}/${action}`),
  );

  it('has exactly the seven allowed edges, so every other pair below is forbidden', () => {
    expect(allowed.size).toBe(7);
    expect(forbidden).toHaveLength(STATUSES.length * ACTIONS.length - 7);
  });

  it.each(forbidden)('refuses %s --%s--> as INVALID_TRANSITION', (from, action) => {
    expect(codeOf(() => nextAdmissionStatus(from, action))).toBe(ErrorCode.INVALID_TRANSITION);
  });

  it('explains a refused edge in words', () => {
    expect(() => nextAdmissionStatus(VenueFactoryStatus.REJECTED, AdmissionAction.SUBMIT)).toThrow(/REJECTED.*final/);
  });

  it('lets the factory change its application only while DRAFT or CHANGES_REQUESTED', () => {
    for (const status of STATUSES) {
      const editable = status === VenueFactoryStatus.DRAFT || status === VenueFactoryStatus.CHANGES_REQUESTED;
      expect(codeOf(() => assertAdmissionEditable(status))).toBe(editable ? 'none' : ErrorCode.INVALID_TRANSITION);
    }
  });

  it('requires a reason to reject, request changes or suspend, and trims it', () => {
    for (const action of [AdmissionAction.REJECT, AdmissionAction.REQUEST_CHANGES, AdmissionAction.SUSPEND]) {
      for (const reason of [undefined, null, '', '   ']) {
        expect(codeOf(() => checkReason(action, reason))).toBe(ErrorCode.VALIDATION_FAILED);
      }
      expect(checkReason(action, '  营业执照过期 ')).toBe('营业执照过期');
    }
    expect(checkReason(AdmissionAction.APPROVE, undefined)).toBeNull();
    expect(checkReason(AdmissionAction.REINSTATE, '整改完成')).toBe('整改完成');
  });
});

describe('brand review', () => {
  it('verifies or rejects a pending brand', () => {
    expect(nextBrandStatus(BrandStatus.PENDING, BrandDecision.VERIFY)).toBe(BrandStatus.VERIFIED);
    expect(nextBrandStatus(BrandStatus.PENDING, BrandDecision.REJECT)).toBe(BrandStatus.REJECTED);
  });

  const forbidden = Object.values(BrandStatus)
    .flatMap((from) => Object.values(BrandDecision).map((d) => [from, d] as const))
    .filter(([from, d]) => !BRAND_TRANSITIONS[from][d]);

  it.each(forbidden)('refuses %s --%s--> as INVALID_TRANSITION', (from, decision) => {
    expect(codeOf(() => nextBrandStatus(from, decision))).toBe(ErrorCode.INVALID_TRANSITION);
  });

  it('normalizes and checks trademark registration numbers', () => {
    expect(normalizeTrademarkRegNo(' 3012 3456 ')).toBe('30123456');
    expect(normalizeTrademarkRegNo('g-123456')).toBe('G123456');
    expect(trademarkRegNoProblem('30123456')).toBeNull();
    expect(trademarkRegNoProblem('123')).toMatch(/4–20/);
    expect(trademarkRegNoProblem('商标123456')).toMatch(/digits or capital letters/);
  });
});
