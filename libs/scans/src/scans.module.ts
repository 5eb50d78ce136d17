import { Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LabelsModule } from '@xp/labels';
import { PricingModule } from '@xp/pricing';
import { ScanEventWriter } from './scan-events.writer';
import { ScanLookupService } from './scan-lookup.service';
import { ScanPageCache } from './scan-page.cache';
import { ScanRoutes } from './scan-routes';
import { ScanStatsResolver } from './scan-stats.resolver';
import { ScanStatsService } from './scan-stats.service';

/** The public scan page, listing exports, scan events (partitioned by month) and scan statistics. */
@Module({
  imports: [LabelsModule, PricingModule],
  providers: [ScanPageCache, ScanLookupService, ScanEventWriter, ScanRoutes, ScanStatsService, ScanStatsResolver],
  exports: [ScanStatsService, ScanEventWriter, ScanPageCache],
})
export class ScansModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly routes: ScanRoutes,
    private readonly writer: ScanEventWriter,
  ) {}

  onModuleInit(): void {
    this.routes.register(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }

  /** The month partitions from last month to two months ahead exist before the first scan. */
  async onApplicationBootstrap(): Promise<void> {
    const lastMonth = new Date(Date.now() - 31 * 86_400_000);
    await this.writer.ensurePartitions(lastMonth, 4);
  }
}
