export * from './buyers.service';
export * from './dto/buyers.dto';
export * from './dto/factory-lines.dto';
export * from './dto/orders.dto';
export * from './entities/buyer.entity';
export * from './entities/sales-order.entity';
export * from './entities/sales-return.entity';
export * from './member-levels.service';
export * from './orders.service';
export * from './returns.service';
export * from './sales-queries.service';
export * from './sales-settings.service';
export * from './sales.enums';
export * from './sales.jobs';
export * from './sales.module';
export * from './sales.rules';
export * from './sales.scope';

import { Buyer, BuyerMemberLevel, BuyerVenue, MemberLevelPolicyRow, MemberLevelRun } from './entities/buyer.entity';
import { SalesOrder, SalesOrderLine, ScheduledJob, VenueSalesSettings } from './entities/sales-order.entity';
import { ReturnPolicy, SalesReturn, SalesReturnLine } from './entities/sales-return.entity';
export const SALES_ENTITIES = [
  Buyer,
  BuyerVenue,
  MemberLevelPolicyRow,
  MemberLevelRun,
  BuyerMemberLevel,
  VenueSalesSettings,
  ReturnPolicy,
  SalesOrder,
  SalesOrderLine,
  SalesReturn,
  SalesReturnLine,
  ScheduledJob,
];
