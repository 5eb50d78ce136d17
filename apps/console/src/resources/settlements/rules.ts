import type { Role } from '../../access/roles';

export type SettlementStatus = 'DRAFT' | 'ISSUED' | 'CONFIRMED' | 'DISPUTED' | 'PAID';
export type SettlementStep = 'regenerate' | 'issue' | 'confirm' | 'dispute' | 'markPaid';

export const SETTLEMENT_STATUSES: readonly SettlementStatus[] = ['DRAFT', 'ISSUED', 'DISPUTED', 'CONFIRMED', 'PAID'];

/**
 * The API's statement workflow (libs/settlement SETTLEMENT_TRANSITIONS) as the steps each
 * status offers: DRAFT → ISSUED → CONFIRMED → PAID; ISSUED → DISPUTED → regenerated (DRAFT) or re-issued.
 */
export const SETTLEMENT_STEPS: Record<SettlementStatus, readonly SettlementStep[]> = {
  DRAFT: ['regenerate', 'issue'],
  ISSUED: ['confirm', 'dispute'],
  DISPUTED: ['regenerate', 'issue'],
  CONFIRMED: ['markPaid'],
  PAID: [],
};

/** Who takes each step: the venue's operator admin, or the factory's admin. */
export const SETTLEMENT_STEP_ROLES: Record<SettlementStep, readonly Role[]> = {
  regenerate: ['OPERATOR_ADMIN'],
  issue: ['OPERATOR_ADMIN'],
  confirm: ['FACTORY_ADMIN'],
  dispute: ['FACTORY_ADMIN'],
  markPaid: ['OPERATOR_ADMIN'],
};

export function settlementStepsFor(status: SettlementStatus, roles: readonly Role[]): SettlementStep[] {
  return SETTLEMENT_STEPS[status].filter((step) => roles.some((r) => SETTLEMENT_STEP_ROLES[step].includes(r)));
}

/** 'YYYY-MM' of a month's first day ('2026-10-01' → '2026-10'). */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The last month that has ended before a Shanghai business day ('2026-11-26' → '2026-10'). */
export function lastEndedMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The statement's file paths: the API's pdfPath and the same with .csv. */
export function statementFiles(pdfPath: string): { pdf: string; csv: string } {
  return { pdf: pdfPath, csv: pdfPath.replace(/\.pdf$/, '.csv') };
}

/** A file name for the browser: 结算单-<factory>-<YYYY-MM>.<ext>. */
export function statementFileName(factoryName: string, month: string, ext: 'pdf' | 'csv'): string {
  return `结算单-${factoryName.replace(/[\\/:*?"<>|]/g, '_')}-${monthOf(month)}.${ext}`;
}
