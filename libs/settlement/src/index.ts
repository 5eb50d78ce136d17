export * from './dto/settlement.dto';
export * from './entities/settlement.entity';
export * from './settlement.documents';
export * from './settlement.module';
export * from './settlement.rules';
export * from './settlement.service';

import { Settlement, SettlementSalesLine, SettlementStockLine } from './entities/settlement.entity';
export const SETTLEMENT_ENTITIES = [Settlement, SettlementStockLine, SettlementSalesLine];
