export * from './dto/counts.dto';
export * from './dto/receipts.dto';
export * from './dto/stock.dto';
export * from './entities/consignment-receipt.entity';
export * from './entities/stock-count.entity';
export * from './entities/stock-location.entity';
export * from './entities/stock-movement.entity';
export * from './counts.service';
export * from './receipts.service';
export * from './stock-age.service';
export * from './stock-ledger.service';
export * from './stock.enums';
export * from './stock.errors';
export * from './stock.module';
export * from './stock.rules';
export * from './stock.service';

import { ConsignmentReceipt, ConsignmentReceiptLine } from './entities/consignment-receipt.entity';
import { StockCount, StockCountLine } from './entities/stock-count.entity';
import { StockLocation, VenueStockSettings } from './entities/stock-location.entity';
import { StockBalance, StockMovement, StockOperation } from './entities/stock-movement.entity';
export const STOCK_ENTITIES = [
  StockLocation,
  VenueStockSettings,
  StockOperation,
  StockMovement,
  StockBalance,
  ConsignmentReceipt,
  ConsignmentReceiptLine,
  StockCount,
  StockCountLine,
];
