import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticated, Ctx, RequestContext } from '@xp/core';
import { contentDisposition } from '@xp/factories';
import { PrintJobsService } from './print-jobs.service';

/** The rendered file of a print job (GraphQL carries no bytes). */
@Controller('api/label-jobs')
export class PrintJobsController {
  constructor(private readonly jobs: PrintJobsService) {}

  /**
   * The PDF, ZPL or SVG, to the venue's staff only: everyone else (factories, government
   * viewers, other venues) gets 404, as for a job that does not exist.
   */
  @Get(':id/file')
  @Authenticated()
  async file(@Ctx() ctx: RequestContext, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { job, content } = await this.jobs.file(ctx, id);
    void reply
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('etag', `"${job.fileSha256}"`)
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    return new StreamableFile(content, {
      type: job.mimeType === 'application/pdf' || job.mimeType === 'image/svg+xml' ? job.mimeType : `${job.mimeType}; charset=utf-8`,
      disposition: contentDisposition(job.mimeType === 'image/svg+xml' ? 'inline' : 'attachment', job.fileName!),
      length: content.length,
    });
  }
}
