import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, FACTORY_ROLES, RequestContext, Role } from '@xp/core';
import { ScanStats, ScanStatsArgs } from './dto/scan-stats.dto';
import { SCAN_STATS_STAFF, ScanStatsService } from './scan-stats.service';

@Resolver(() => ScanStats)
export class ScanStatsResolver {
  constructor(private readonly stats: ScanStatsService) {}

  @Query(() => ScanStats, {
    description: "Scans, unique devices, listings and traced orders of a venue: staff see all, a factory its own SKUs, a government viewer totals by day.",
  })
  @Allow(...SCAN_STATS_STAFF, Role.GOVERNMENT_VIEWER, ...FACTORY_ROLES)
  scanStats(@Ctx() ctx: RequestContext, @Args() args: ScanStatsArgs) {
    return this.stats.stats(ctx, args);
  }
}
