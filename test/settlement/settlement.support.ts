import { businessDateOf, RequestContext, runInTransaction } from '@xp/core';
import { contextAt, monthBounds, monthOf, nextMonth } from '@xp/sales';
import { DemoUserKey, TestApp } from '../support/test-app';

export const SETTLEMENT_FIELDS = `id venueId factoryOrgId month status unitsSold unitsReturned payableAmount wholesaleAmount spreadAmount generation
  issuedAt confirmedAt disputeReason paidAt pdfPath
  stockLines { skuId opening received sold returned returnedDamaged returnedToFactory writtenOff adjustedIn adjustedOut closing }
  salesLines { skuId priceVersionId supplyUnitPrice wholesaleUnitPrice unitsSold unitsReturned payableAmount wholesaleAmount spreadAmount }`;

export const SETTLEMENT = `query($id: ID!) { settlement(id: $id) { ${SETTLEMENT_FIELDS} } }`;
export const SETTLEMENTS = `query($filter: SettlementFilter) { settlements(filter: $filter, perPage: 200) { total items { id status month payableAmount spreadAmount } } }`;
export const GENERATE = `mutation($input: GenerateSettlementInput!) { generateSettlement(input: $input) { ${SETTLEMENT_FIELDS} } }`;
export const ISSUE = `mutation($input: IssueSettlementInput!) { issueSettlement(input: $input) { id status issuedAt } }`;
export const CONFIRM = `mutation($input: ConfirmSettlementInput!) { confirmSettlement(input: $input) { id status confirmedAt } }`;
export const DISPUTE = `mutation($input: DisputeSettlementInput!) { disputeSettlement(input: $input) { id status disputeReason } }`;
export const MARK_PAID = `mutation($input: MarkSettlementPaidInput!) { markSettlementPaid(input: $input) { id status paidAt } }`;

/** The current month (Asia/Shanghai) as YYYY-MM, and instants inside the months around it. */
export function months(now = new Date()) {
  const current = monthOf(businessDateOf(now));
  const next = nextMonth(current);
  return {
    current: current.slice(0, 7),
    next: next.slice(0, 7),
    /** An instant early in the next month (when the current one has ended). */
    inNext: new Date(monthBounds(next).from.getTime() + 2 * 3_600_000),
    /** An instant early in the month after next. */
    inAfterNext: new Date(monthBounds(nextMonth(next)).from.getTime() + 2 * 3_600_000),
  };
}

/**
 * Runs a use case as a demo user (or user id) at another instant, in one transaction, the way a
 * request at that time would: the services take "now" from the context. Tests use it to let a
 * month end (settling it) or to date history in the past.
 */
export async function actAt<T>(t: TestApp, caller: DemoUserKey | string, at: Date, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
  const ctx = contextAt(await t.contextFor(caller), at);
  return runInTransaction(ctx, {}, () => work(ctx));
}
