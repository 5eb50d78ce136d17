import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Allow, Ctx, DomainError, RequestContext } from '@xp/core';
import { statementCsv, statementPdf } from './settlement.documents';
import { SETTLEMENT_READ_ROLES, SettlementService } from './settlement.service';

/** RFC 6266 with an RFC 5987 UTF-8 name, so Chinese file names survive every browser. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Statement files: `GET /api/settlements/:id.pdf` and `.csv`, with the access of `settlement(id)`. */
@Controller('api/settlements')
export class SettlementController {
  constructor(private readonly settlements: SettlementService) {}

  @Get(':file')
  @Allow(...SETTLEMENT_READ_ROLES)
  async file(@Ctx() ctx: RequestContext, @Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const match = /^(.+)\.(pdf|csv)$/.exec(file);
    if (!match) throw DomainError.notFound('Settlement file');
    const data = await this.settlements.document(ctx, match[1]);
    const name = `结算单-${data.factory.name}-${data.settlement.month.slice(0, 7)}.${match[2]}`;
    const content = match[2] === 'pdf' ? await statementPdf(data) : statementCsv(data);
    void reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
    return new StreamableFile(content, {
      type: match[2] === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8',
      disposition: attachment(name),
      length: content.length,
    });
  }
}
