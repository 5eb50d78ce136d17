import { Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, Ctx, RequestContext } from '@xp/core';
import { contentDisposition, downloadName, FileType } from './documents.rules';
import { DocumentsService } from './documents.service';
import { readUpload } from './uploads';

/** Plain HTTP for files (GraphQL carries no bytes): upload and download of documents. */
@Controller('api/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** multipart `file` + `kind` → `{ id, sha256, mimeType, size }`. */
  @Post()
  @Authenticated()
  @HttpCode(201)
  async upload(@Ctx() ctx: RequestContext, @Req() request: FastifyRequest) {
    const document = await this.documents.upload(ctx, await readUpload(request));
    return { id: document.id, sha256: document.sha256, mimeType: document.mimeType, size: document.sizeBytes };
  }

  /** The bytes, to those who may read the document (NOT_FOUND for everyone else). */
  @Get(':id')
  @Authenticated()
  async download(
    @Ctx() ctx: RequestContext,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { document, content } = await this.documents.content(ctx, id);
    const inline = document.mimeType !== FileType.XLSX && document.mimeType !== FileType.CSV;
    const name = downloadName(document.originalName, document.mimeType, `document-${document.id.slice(0, 8)}`);
    void reply
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('etag', `"${document.sha256}"`)
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    return new StreamableFile(content, {
      type: document.mimeType,
      disposition: contentDisposition(inline ? 'inline' : 'attachment', name),
      length: content.length,
    });
  }
}
