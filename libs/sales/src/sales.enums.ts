import { registerEnumType } from '@nestjs/graphql';

export enum SalesOrderStatus {
  /** Placed; stock reserved in the WAREHOUSE until paid or until the hold expires. */
  PLACED = 'PLACED',
  PAID = 'PAID',
  /** Shipped from the warehouse (仓发): SALE movements. */
  SHIPPED = 'SHIPPED',
  /** Signed for by the buyer; the return window starts. */
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
  /** Unpaid past the venue's hold time; the reservation was released. */
  EXPIRED = 'EXPIRED',
}
registerEnumType(SalesOrderStatus, { name: 'SalesOrderStatus' });

export enum SalesReturnStatus {
  REQUESTED = 'REQUESTED',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SalesReturnStatus, { name: 'SalesReturnStatus' });

export enum ReturnReason {
  /** 七天无理由退货. */
  NO_REASON_7_DAYS = 'NO_REASON_7_DAYS',
  QUALITY_DEFECT = 'QUALITY_DEFECT',
  WRONG_ITEM = 'WRONG_ITEM',
  DAMAGED_IN_TRANSIT = 'DAMAGED_IN_TRANSIT',
  /** Needs a note saying what. */
  OTHER = 'OTHER',
}
registerEnumType(ReturnReason, { name: 'ReturnReason' });

/** Where returned goods go: back into stock, or set aside as damaged (残次品). */
export enum ReturnDestination {
  WAREHOUSE = 'WAREHOUSE',
  DAMAGED = 'DAMAGED',
}
registerEnumType(ReturnDestination, { name: 'ReturnDestination' });

export enum MemberLevel {
  L0 = 'L0',
  L1 = 'L1',
  L2 = 'L2',
  L3 = 'L3',
  L4 = 'L4',
  L5 = 'L5',
  L6 = 'L6',
}
registerEnumType(MemberLevel, { name: 'MemberLevel', description: 'L0 (under ¥2,000 in the last calendar month) to L6.' });

export const MEMBER_LEVELS: readonly MemberLevel[] = Object.values(MemberLevel);

export enum MemberLevelTrigger {
  SCHEDULE = 'SCHEDULE',
  STARTUP = 'STARTUP',
  MANUAL = 'MANUAL',
  DEMO = 'DEMO',
}
registerEnumType(MemberLevelTrigger, { name: 'MemberLevelTrigger' });
