import { Module } from '@nestjs/common';
import { PricingModule } from '@xp/pricing';
import { StockModule } from '@xp/stock';
import { ReportFiguresService } from './report-figures.service';
import { ReportsController } from './reports.controller';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';
import { RollupsService } from './rollups.service';

/** Venue, region and factory reports, their daily rollups and the venue report spreadsheet. */
@Module({
  imports: [PricingModule, StockModule],
  providers: [ReportsService, ReportFiguresService, RollupsService, ReportsResolver],
  controllers: [ReportsController],
  exports: [ReportsService, RollupsService],
})
export class ReportsModule {}
