import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticated, Ctx, RequestContext } from '@xp/core';
import { contentDisposition, FileType } from '@xp/factories';
import { catalogTemplate } from './import/catalog-template';

@Controller('api/catalog')
export class CatalogController {
  /** The catalog import template: the data sheet with its headers, instructions and category codes. */
  @Get('template.xlsx')
  @Authenticated()
  async template(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const buffer = await catalogTemplate(ctx);
    void reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
    return new StreamableFile(buffer, {
      type: FileType.XLSX,
      disposition: contentDisposition('attachment', '商品导入模板-catalog-template.xlsx'),
      length: buffer.length,
    });
  }
}
