import { Module, OnModuleInit } from '@nestjs/common';
import { ScansModule, ScanStatsService } from '@xp/scans';
import { ErrorCode, registerConstraintErrors } from '@xp/core';
import { PricingModule } from '@xp/pricing';
import { StockModule } from '@xp/stock';
import { BuyersResolver } from './buyers.resolver';
import { BuyersService } from './buyers.service';
import { MemberLevelsService } from './member-levels.service';
import { FactoryOrderLinesResolver, OrderLineResolver, OrdersResolver, ReturnLineResolver, ReturnsResolver, SalesSettingsResolver } from './orders.resolver';
import { OrdersService } from './orders.service';
import { ReturnsService } from './returns.service';
import { SalesQueriesService } from './sales-queries.service';
import { SalesSettingsService } from './sales-settings.service';
import { SalesJobs } from './sales.jobs';

registerConstraintErrors({
  buyers_phone_key: { code: ErrorCode.DUPLICATE, message: 'A buyer with this mobile number is already registered.' },
  buyers_wechat_key: { code: ErrorCode.DUPLICATE, message: 'A buyer with this WeChat id is already registered.' },
  buyers_phone_check: { code: ErrorCode.VALIDATION_FAILED, field: 'input.phone', message: 'must be a mainland mobile number of 11 digits' },
  member_level_policy_thresholds_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.thresholds',
    message: 'must be six rising thresholds starting at 2000.00',
  },
  venue_sales_settings_hold_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.reservationHoldMinutes',
    message: 'must be between 5 and 43200 minutes',
  },
  return_policies_window_check: { code: ErrorCode.VALIDATION_FAILED, field: 'input.windowDays', message: 'must be 0 to 30 days' },
  return_policies_version_key: {
    code: ErrorCode.CONFLICT,
    message: 'Someone else set the return policy at the same moment. Please try again.',
  },
  sales_orders_transition: {
    code: ErrorCode.INVALID_TRANSITION,
    message: 'The order is not in a state that allows this. Reload it to see where it stands.',
  },
  sales_order_lines_quantity_moq_check: {
    code: ErrorCode.BELOW_MOQ,
    message: 'Order quantities must reach the minimum order quantity and be whole packs.',
  },
  sales_order_lines_sku_key: { code: ErrorCode.VALIDATION_FAILED, field: 'input.lines', message: 'an order lists each SKU once' },
  sales_order_lines_price_version_fkey: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.lines',
    message: 'the price version must be of the same SKU at the same venue',
  },
  sales_order_lines_price_check: {
    code: ErrorCode.PRICE_RULE_VIOLATED,
    message: 'A line is priced between its supply price and its retail price.',
  },
  sales_returns_transition: {
    code: ErrorCode.INVALID_TRANSITION,
    message: 'The return is not in a state that allows this. Reload it to see where it stands.',
  },
  sales_return_lines_quantity_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.lines',
    message: 'a return takes at most what was delivered less what other returns took',
  },
  sales_return_lines_order_line_key: { code: ErrorCode.VALIDATION_FAILED, field: 'input.lines', message: 'a return lists each SKU once' },
});

/** Buyers and member levels, wholesale orders, returns, and their background jobs. */
@Module({
  imports: [PricingModule, StockModule, ScansModule],
  providers: [
    BuyersService,
    MemberLevelsService,
    OrdersService,
    ReturnsService,
    SalesQueriesService,
    SalesSettingsService,
    SalesJobs,
    BuyersResolver,
    OrdersResolver,
    OrderLineResolver,
    FactoryOrderLinesResolver,
    ReturnsResolver,
    ReturnLineResolver,
    SalesSettingsResolver,
  ],
  exports: [SalesQueriesService, OrdersService, ReturnsService, BuyersService, MemberLevelsService, SalesSettingsService, SalesJobs],
})
export class SalesModule implements OnModuleInit {
  constructor(private readonly scanStats: ScanStatsService) {}

  /** Orders carry the label scan code a buyer came from: scan statistics trace scan → order. */
  onModuleInit(): void {
    this.scanStats.useOrderTrace({
      tracedOrderLines: (manager, venueId, from, to) =>
        manager.query(
          `SELECT l.scan_code AS "scanCode", o.id AS "orderId", o.placed_at AS "placedAt"
           FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id
           WHERE l.venue_id = $1 AND l.scan_code IS NOT NULL AND o.placed_at >= $2 AND o.placed_at < $3`,
          [venueId, from, to],
        ),
    });
  }
}
