import { DomainError, ErrorCode } from '@xp/core';
import { BrandStatus } from './entities/brand.entity';
import { VenueFactoryStatus as S } from './entities/venue-factory.entity';

function invalidTransition(message: string, from: string, to: string): DomainError {
  return new DomainError(ErrorCode.INVALID_TRANSITION, message, { from, to });
}

/** What someone does to an admission (入驻申请). */
export enum AdmissionAction {
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  SUSPEND = 'SUSPEND',
  REINSTATE = 'REINSTATE',
}

/**
 * The admission workflow, the only place its edges are written: from each status, the
 * actions allowed and where each leads. Every other (status, action) pair is refused with
 * INVALID_TRANSITION. REJECTED is final.
 */
export const ADMISSION_TRANSITIONS: Readonly<Record<S, Partial<Record<AdmissionAction, S>>>> = {
  [S.DRAFT]: { [AdmissionAction.SUBMIT]: S.SUBMITTED },
  [S.SUBMITTED]: {
    [AdmissionAction.APPROVE]: S.APPROVED,
    [AdmissionAction.REJECT]: S.REJECTED,
    [AdmissionAction.REQUEST_CHANGES]: S.CHANGES_REQUESTED,
  },
  [S.CHANGES_REQUESTED]: { [AdmissionAction.SUBMIT]: S.SUBMITTED },
  [S.APPROVED]: { [AdmissionAction.SUSPEND]: S.SUSPENDED },
  [S.SUSPENDED]: { [AdmissionAction.REINSTATE]: S.APPROVED },
  [S.REJECTED]: {},
};

/** The status an action leads to, or INVALID_TRANSITION. */
export function nextAdmissionStatus(from: S, action: AdmissionAction): S {
  const to = ADMISSION_TRANSITIONS[from][action];
  if (!to) {
    throw invalidTransition(
      `The application is ${from}; it cannot be ${ACTION_PAST[action]} now.${ACTION_HINT[from] ? ` ${ACTION_HINT[from]}` : ''}`,
      from,
      ACTION_TARGET_NAME[action],
    );
  }
  return to;
}

const ACTION_TARGET_NAME: Record<AdmissionAction, string> = {
  SUBMIT: S.SUBMITTED,
  APPROVE: S.APPROVED,
  REJECT: S.REJECTED,
  REQUEST_CHANGES: S.CHANGES_REQUESTED,
  SUSPEND: S.SUSPENDED,
  REINSTATE: S.APPROVED,
};

const ACTION_PAST: Record<AdmissionAction, string> = {
  SUBMIT: 'submitted',
  APPROVE: 'approved',
  REJECT: 'rejected',
  REQUEST_CHANGES: 'sent back for changes',
  SUSPEND: 'suspended',
  REINSTATE: 'reinstated',
};

const ACTION_HINT: Partial<Record<S, string>> = {
  [S.DRAFT]: 'The factory must submit it first.',
  [S.SUBMITTED]: 'It is waiting for the operator’s review.',
  [S.CHANGES_REQUESTED]: 'The factory must resubmit it first.',
  [S.REJECTED]: 'A rejected application is final.',
};

/** Statuses in which the factory may still change its application. */
export const EDITABLE_ADMISSION_STATUSES: readonly S[] = [S.DRAFT, S.CHANGES_REQUESTED];

export function assertAdmissionEditable(status: S): void {
  if (!EDITABLE_ADMISSION_STATUSES.includes(status)) {
    throw invalidTransition(`The application is ${status}; it can be changed only while DRAFT or CHANGES_REQUESTED.`, status, status);
  }
}

/** The operator's decisions on a submitted application. */
export enum ReviewDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
}

export const DECISION_ACTION: Record<ReviewDecision, AdmissionAction> = {
  APPROVE: AdmissionAction.APPROVE,
  REJECT: AdmissionAction.REJECT,
  REQUEST_CHANGES: AdmissionAction.REQUEST_CHANGES,
};

/** A reason is required where the factory must learn what to do: a rejection, a change request, a suspension. */
export function reasonRequired(action: AdmissionAction): boolean {
  return action === AdmissionAction.REJECT || action === AdmissionAction.REQUEST_CHANGES || action === AdmissionAction.SUSPEND;
}

/** The trimmed reason, or VALIDATION_FAILED on input.reason when one is required and missing. */
export function checkReason(action: AdmissionAction, reason: string | null | undefined): string | null {
  const text = reason?.trim() || null;
  if (!text && reasonRequired(action)) {
    throw DomainError.field('input.reason', `is required to ${ACTION_VERB[action]}: tell the factory what to do`);
  }
  return text;
}

const ACTION_VERB: Record<AdmissionAction, string> = {
  SUBMIT: 'submit',
  APPROVE: 'approve',
  REJECT: 'reject an application',
  REQUEST_CHANGES: 'request changes',
  SUSPEND: 'suspend a factory',
  REINSTATE: 'reinstate',
};

/** Brand review: a declared brand is verified or rejected once. */
export enum BrandDecision {
  VERIFY = 'VERIFY',
  REJECT = 'REJECT',
}

export const BRAND_TRANSITIONS: Readonly<Record<BrandStatus, Partial<Record<BrandDecision, BrandStatus>>>> = {
  [BrandStatus.PENDING]: { [BrandDecision.VERIFY]: BrandStatus.VERIFIED, [BrandDecision.REJECT]: BrandStatus.REJECTED },
  [BrandStatus.VERIFIED]: {},
  [BrandStatus.REJECTED]: {},
};

export function nextBrandStatus(from: BrandStatus, decision: BrandDecision): BrandStatus {
  const to = BRAND_TRANSITIONS[from][decision];
  if (!to) {
    const target = decision === BrandDecision.VERIFY ? BrandStatus.VERIFIED : BrandStatus.REJECTED;
    throw invalidTransition(`The brand is already ${from}; only a PENDING brand can be reviewed.`, from, target);
  }
  return to;
}

/** Trademark registration numbers as printed on the certificate: digits and capitals, 4–20. */
export function normalizeTrademarkRegNo(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

export function trademarkRegNoProblem(value: string): string | null {
  return /^[0-9A-Z]{4,20}$/.test(value) ? null : 'must be 4–20 digits or capital letters, as printed on the certificate';
}
