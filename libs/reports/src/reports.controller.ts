import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Allow, Ctx, DomainError, RequestContext } from '@xp/core';
import { buildVenueReportWorkbook, venueReportFileName } from './report.workbook';
import { VENUE_REPORT_ROLES } from './reports.access';
import { ReportsService } from './reports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 with an RFC 5987 UTF-8 name, so Chinese file names survive every browser. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** GET /api/reports/venue/:id.xlsx?from=&to= — the venue report as a workbook, same access as venueReport. */
  @Get('venue/:file')
  @Allow(...VENUE_REPORT_ROLES)
  async venueWorkbook(
    @Ctx() ctx: RequestContext,
    @Param('file') file: string,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    if (!file.endsWith('.xlsx')) throw DomainError.notFound('Report');
    const report = await this.reports.venueReport(ctx, file.slice(0, -'.xlsx'.length), String(from ?? ''), String(to ?? ''));
    const buffer = await buildVenueReportWorkbook(report);
    void reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
    return new StreamableFile(buffer, { type: XLSX, disposition: attachment(venueReportFileName(report)), length: buffer.length });
  }
}
