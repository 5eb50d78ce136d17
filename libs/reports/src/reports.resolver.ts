import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, DateScalar, RequestContext } from '@xp/core';
import { FactoryReport, RegionReport, VenueReport } from './dto/report.types';
import { FACTORY_REPORT_ROLES, REGION_REPORT_ROLES, VENUE_REPORT_ROLES } from './reports.access';
import { ReportsService } from './reports.service';

const FROM = { type: () => DateScalar, description: 'First business day reported.' };
const TO = { type: () => DateScalar, description: 'The day after the last day reported (exclusive); at most 732 days after from.' };

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Query(() => VenueReport, {
    description: "A venue's figures for [from, to) beside the previous period of equal length. Government viewers get aggregates only.",
  })
  @Allow(...VENUE_REPORT_ROLES)
  venueReport(
    @Ctx() ctx: RequestContext,
    @Args('venueId', { type: () => ID }) venueId: string,
    @Args('from', FROM) from: string,
    @Args('to', TO) to: string,
  ) {
    return this.reports.venueReport(ctx, venueId, from, to);
  }

  @Query(() => RegionReport, { description: "A region's venues side by side with the region's totals (platform staff)." })
  @Allow(...REGION_REPORT_ROLES)
  regionReport(
    @Ctx() ctx: RequestContext,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('from', FROM) from: string,
    @Args('to', TO) to: string,
  ) {
    return this.reports.regionReport(ctx, regionId, from, to);
  }

  @Query(() => FactoryReport, { description: "A factory's own figures at the venues it was admitted to (the factory and platform staff)." })
  @Allow(...FACTORY_REPORT_ROLES)
  factoryReport(
    @Ctx() ctx: RequestContext,
    @Args('factoryId', { type: () => ID }) factoryId: string,
    @Args('from', FROM) from: string,
    @Args('to', TO) to: string,
  ) {
    return this.reports.factoryReport(ctx, factoryId, from, to);
  }
}
