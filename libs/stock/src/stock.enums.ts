import { registerEnumType } from '@nestjs/graphql';

/** The places stock can be at a venue; every venue has one of each. */
export enum LocationKind {
  WAREHOUSE = 'WAREHOUSE',
  SHOWROOM = 'SHOWROOM',
  IN_TRANSIT = 'IN_TRANSIT',
  DAMAGED = 'DAMAGED',
}
registerEnumType(LocationKind, {
  name: 'LocationKind',
  description: 'WAREHOUSE (仓库), SHOWROOM (display samples, 展厅样品), IN_TRANSIT (在途), DAMAGED (残次品).',
});

export enum MovementType {
  /** A factory's goods received into the venue (入库). */
  CONSIGN_IN = 'CONSIGN_IN',
  /** Between two locations of the venue. */
  TRANSFER = 'TRANSFER',
  /** Held for an order at a location (reserved += q). */
  RESERVE = 'RESERVE',
  /** A hold given back (reserved −= q). */
  RELEASE = 'RELEASE',
  /** Reserved goods shipped out of the venue (on hand −= q, reserved −= q). */
  SALE = 'SALE',
  /** A buyer's return, back into WAREHOUSE or DAMAGED. */
  CUSTOMER_RETURN = 'CUSTOMER_RETURN',
  /** Goods sent back to their factory. */
  RETURN_TO_FACTORY = 'RETURN_TO_FACTORY',
  /** A stock count's correction: a gain into a location or a loss out of it. */
  ADJUSTMENT = 'ADJUSTMENT',
  /** Damaged goods written off. */
  WRITE_OFF = 'WRITE_OFF',
}
registerEnumType(MovementType, { name: 'StockMovementType' });

export enum ReceiptStatus {
  DECLARED = 'DECLARED',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ReceiptStatus, { name: 'ConsignmentReceiptStatus' });

export enum StockCountStatus {
  COUNTING = 'COUNTING',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(StockCountStatus, { name: 'StockCountStatus' });
