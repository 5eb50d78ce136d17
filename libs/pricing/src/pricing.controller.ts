import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Allow, Ctx, RequestContext, Role } from '@xp/core';
import { PriceImportService } from './price-import.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 with an RFC 5987 UTF-8 name, so Chinese file names survive every browser. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@Controller('api/price-sheets')
export class PricingController {
  constructor(private readonly imports: PriceImportService) {}

  /** The price sheet template for the calling factory at a venue: its SKUs, ready to fill in Excel. */
  @Get('template.xlsx')
  @Allow(Role.FACTORY_ADMIN, Role.FACTORY_STAFF)
  async template(
    @Ctx() ctx: RequestContext,
    @Query('venueId') venueId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { buffer, fileName } = await this.imports.template(ctx, venueId ?? '');
    void reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
    return new StreamableFile(buffer, { type: XLSX, disposition: attachment(fileName), length: buffer.length });
  }
}
