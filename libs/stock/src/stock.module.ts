import { Module } from '@nestjs/common';
import { ErrorCode, registerConstraintErrors } from '@xp/core';
import { CountLineResolver, CountsResolver } from './counts.resolver';
import { CountsService } from './counts.service';
import { ReceiptLineResolver, ReceiptsResolver } from './receipts.resolver';
import { ReceiptsService } from './receipts.service';
import { StockAgeService } from './stock-age.service';
import { StockLedgerService } from './stock-ledger.service';
import { StockAgeResolver, StockBalanceResolver, StockLocationResolver, StockMovementResolver } from './stock.resolver';
import { StockService } from './stock.service';

const NOT_ENOUGH = 'Not enough stock for this: a balance would go negative or below what is reserved. Nothing was moved.';

registerConstraintErrors({
  stock_balances_on_hand_check: { code: ErrorCode.INSUFFICIENT_STOCK, message: NOT_ENOUGH },
  stock_balances_reserved_check: { code: ErrorCode.INSUFFICIENT_STOCK, message: NOT_ENOUGH },
  stock_movements_quantity_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.lines',
    message: 'quantities must be whole numbers above zero',
  },
  stock_movements_locations_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input',
    message: 'this kind of movement does not go between these locations',
  },
  stock_movements_admission_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.lines',
    message: 'stock comes in only from a factory admitted to the venue',
  },
  stock_movements_admission_fkey: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.lines',
    message: 'the goods belong to a factory that has no admission at this venue',
  },
  stock_movements_owner_fkey: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.lines',
    message: "the owner of stock must be the SKU's own factory",
  },
  stock_operations_idempotency_key_key: {
    code: ErrorCode.CONFLICT,
    message: 'The same request is being processed right now. Please retry it with the same idempotency key.',
  },
  consignment_receipts_note_no_key: {
    code: ErrorCode.DUPLICATE,
    message: 'This delivery note was already declared at this venue.',
  },
  consignment_receipt_lines_sku_key: { code: ErrorCode.VALIDATION_FAILED, field: 'input.lines', message: 'lists a SKU twice' },
  stock_count_lines_sku_key: { code: ErrorCode.VALIDATION_FAILED, field: 'input.skuIds', message: 'lists a SKU twice' },
  venue_stock_settings_threshold_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.countVarianceThreshold',
    message: 'must be between 0 and 1,000,000',
  },
});

/** Consignment stock: the ledger, balances, receipts, transfers, counts, returns and stock age. */
@Module({
  providers: [
    StockLedgerService,
    StockService,
    StockAgeService,
    ReceiptsService,
    CountsService,
    StockBalanceResolver,
    StockMovementResolver,
    StockLocationResolver,
    StockAgeResolver,
    ReceiptsResolver,
    ReceiptLineResolver,
    CountsResolver,
    CountLineResolver,
  ],
  exports: [StockLedgerService, StockAgeService, StockService],
})
export class StockModule {}
