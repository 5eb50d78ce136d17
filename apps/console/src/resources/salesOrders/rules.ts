import type { Role } from '../../access/roles';

/**
 * Pure rules of the sales screens (money arithmetic is format/money.ts's, in fen): the wholesale tier for a quantity, which order steps a status and
 * a role offer (a mirror of the API's ORDER_TRANSITIONS and roles), what is still returnable,
 * and why a buyer has its member level.
 */

export interface Tier {
  minQuantity: number;
  supplyPrice?: string;
  wholesalePrice?: string | null;
}

/** The tier a quantity is priced at: the one with the highest minimum it reaches (null below the first). */
export function tierFor<T extends Tier>(tiers: readonly T[], quantity: number): T | null {
  let best: T | null = null;
  for (const tier of tiers) if (quantity >= tier.minQuantity && (!best || tier.minQuantity > best.minQuantity)) best = tier;
  return best;
}

/** Why a quantity breaks the SKU's 起批量 or pack rule (an i18n key and its values), or null. */
export function quantityProblem(quantity: number, moq: number, packSize: number): { key: string; values: Record<string, number> } | null {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) return { key: 'xp.sales.quantity_whole', values: {} };
  if (quantity < moq) return { key: 'xp.sales.below_moq', values: { moq } };
  if (packSize > 0 && quantity % packSize !== 0) return { key: 'xp.sales.whole_packs', values: { packSize } };
  return null;
}

export type OrderStatus = 'PLACED' | 'PAID' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'EXPIRED';
export type OrderStep = 'pay' | 'ship' | 'deliver' | 'cancel';

/** The API's order workflow (libs/sales sales.rules.ts ORDER_TRANSITIONS) as the steps a status offers. */
export const ORDER_STEPS: Record<OrderStatus, readonly OrderStep[]> = {
  PLACED: ['pay', 'cancel'],
  PAID: ['ship', 'cancel'],
  SHIPPED: ['deliver'],
  DELIVERED: [],
  CANCELLED: [],
  EXPIRED: [],
};

/** Who may take each step (the API's FINANCE_ROLES, FULFIL_ROLES, SELL_ROLES). */
export const ORDER_STEP_ROLES: Record<OrderStep, readonly Role[]> = {
  pay: ['OPERATOR_ADMIN'],
  ship: ['OPERATOR_ADMIN', 'WAREHOUSE_STAFF'],
  deliver: ['OPERATOR_ADMIN', 'WAREHOUSE_STAFF'],
  cancel: ['OPERATOR_ADMIN', 'SHOWROOM_STAFF'],
};

/** The steps a user with these roles may take on an order in this status. A paid order is cancelled (refunded) by the operator admin only. */
export function orderStepsFor(status: OrderStatus, roles: readonly Role[]): OrderStep[] {
  return ORDER_STEPS[status].filter((step) => {
    const allowed = step === 'cancel' && status === 'PAID' ? ORDER_STEP_ROLES.pay : ORDER_STEP_ROLES[step];
    return roles.some((r) => allowed.includes(r));
  });
}

/** Orders still open: not yet delivered, cancelled or expired. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = ['PLACED', 'PAID', 'SHIPPED'];

export interface ReturnableLine {
  quantity: number;
  returnedQuantity: number;
}

/** Units of a line still returnable: a delivered order within its return window, less what returns took. */
export function returnableQuantity(line: ReturnableLine, status: string, returnWindowEndsOn: string | null | undefined, today: string): number {
  if (status !== 'DELIVERED' || !returnWindowEndsOn || today > returnWindowEndsOn) return 0;
  return Math.max(0, line.quantity - line.returnedQuantity);
}

export const MEMBER_LEVELS = ['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6'] as const;

/**
 * Why a buyer has its level: the month's purchases against the thresholds of L1…L6 — the
 * threshold it reached (null for L0) and what the next level needs (null at L6).
 */
export function levelReason(level: string, thresholds: readonly string[]): { reached: string | null; next: { level: string; minimum: string } | null } {
  const n = Number(level.replace(/^L/, ''));
  if (!Number.isInteger(n) || n < 0) return { reached: null, next: null };
  const reached = n > 0 ? (thresholds[n - 1] ?? null) : null;
  const next = n < thresholds.length ? { level: `L${n + 1}`, minimum: thresholds[n] } : null;
  return { reached, next };
}
