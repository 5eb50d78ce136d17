import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { In } from 'typeorm';
import { AuditService } from '@xp/audit';
import {
  DomainError,
  ErrorCode,
  isUuid,
  memberOrgIds,
  Page,
  paginate,
  RequestContext,
  runInTransaction,
  SortOrder,
} from '@xp/core';
import { DocumentListArgs } from '../dto/factories.dto';
import { Document, DocumentContent, DocumentKind } from '../entities/document.entity';
import { factoryScopeClause } from '../factories.scope';
import { checkDocumentContent, cleanOriginalName, MAX_DOCUMENT_BYTES } from './documents.rules';

export interface NewDocument {
  kind: DocumentKind;
  content: Buffer;
  originalName?: string | null;
  /** Needed only by someone belonging to several organizations. */
  ownerOrgId?: string | null;
}

/**
 * Uploaded papers and images. Readable by the owner organization, by staff of a venue the
 * owner applied to, and by platform staff; NOT_FOUND for everyone else.
 */
@Injectable()
export class DocumentsService {
  constructor(private readonly audit: AuditService) {}

  private scoped(ctx: RequestContext) {
    const { clause, params } = factoryScopeClause(ctx, 'd.owner_org_id');
    return ctx.manager
      .getRepository(Document)
      .createQueryBuilder('d')
      .andWhere(`(d.ownerOrgId = ANY(:docOwnOrgs) OR ${clause})`, { ...params, docOwnOrgs: memberOrgIds(ctx) });
  }

  /** Stores a file after checking its content; one transaction of its own (the bytes are read before). */
  async upload(ctx: RequestContext, input: NewDocument): Promise<Document> {
    return runInTransaction(ctx, {}, () => this.store(ctx, input));
  }

  /** Stores a file inside the caller's transaction (demo data, other areas). */
  async store(ctx: RequestContext, input: NewDocument): Promise<Document> {
    const ownerOrgId = this.owner(ctx, input.ownerOrgId);
    if (input.content.length > MAX_DOCUMENT_BYTES) {
      throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 'The file is larger than 10 MB. Compress or split it and upload it again.');
    }
    const check = checkDocumentContent(input.kind, input.content);
    if (!check.ok) throw DomainError.field('file', check.reason);
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    const repo = ctx.manager.getRepository(Document);
    const document = await repo.save(
      repo.create({
        ownerOrgId,
        kind: input.kind,
        mimeType: check.type,
        sizeBytes: input.content.length,
        sha256,
        originalName: cleanOriginalName(input.originalName),
        uploadedBy: ctx.userId,
      }),
    );
    await ctx.manager.getRepository(DocumentContent).insert({ documentId: document.id, content: input.content });
    await this.audit.record(ctx, {
      action: 'document.uploaded',
      entityType: 'Document',
      entityId: document.id,
      actorOrgId: ownerOrgId,
      after: { kind: document.kind, mimeType: document.mimeType, sizeBytes: document.sizeBytes, sha256 },
    });
    return document;
  }

  private owner(ctx: RequestContext, given: string | null | undefined): string {
    const principal = ctx.requirePrincipal();
    const mine = memberOrgIds(ctx);
    if (given) {
      if (!isUuid(given) || (!mine.includes(given) && !principal.system)) throw DomainError.notFound('Organization');
      return given;
    }
    if (mine.length === 1) return mine[0];
    throw DomainError.field('ownerOrgId', 'is required: say which of your organizations owns the file');
  }

  async list(ctx: RequestContext, args: DocumentListArgs): Promise<Page<Document>> {
    const qb = this.scoped(ctx);
    const f = args.filter ?? {};
    if (f.ownerOrgId) qb.andWhere('d.ownerOrgId = :ownerOrgId', { ownerOrgId: f.ownerOrgId });
    if (f.kind) qb.andWhere('d.kind = :kind', { kind: f.kind });
    return paginate(qb, args, { createdAt: 'd.createdAt', kind: 'd.kind', sizeBytes: 'd.sizeBytes' }, {
      field: 'createdAt',
      order: SortOrder.DESC,
    });
  }

  async findOne(ctx: RequestContext, id: string): Promise<Document> {
    if (!isUuid(id)) throw DomainError.notFound('Document');
    const document = await this.scoped(ctx).andWhere('d.id = :id', { id }).getOne();
    if (!document) throw DomainError.notFound('Document');
    return document;
  }

  /** A readable document with its bytes. */
  async content(ctx: RequestContext, id: string): Promise<{ document: Document; content: Buffer }> {
    const document = await this.findOne(ctx, id);
    const row = await ctx.manager.getRepository(DocumentContent).findOneByOrFail({ documentId: document.id });
    return { document, content: row.content };
  }

  /**
   * Checks that every id names a document of `ownerOrgId` (of one of `kinds` when given);
   * VALIDATION_FAILED on `path` (`path.<index>` for a list) otherwise, never revealing
   * whether another organization's file exists.
   */
  async assertOwned(
    ctx: RequestContext,
    ownerOrgId: string,
    ids: readonly string[],
    path: string,
    options: { kinds?: readonly DocumentKind[]; list?: boolean } = {},
  ): Promise<Document[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const found = await ctx.manager.getRepository(Document).findBy({ id: In(unique), ownerOrgId });
    const byId = new Map(found.map((d) => [d.id, d]));
    const problems = unique.flatMap((id) => {
      const d = byId.get(id);
      const at = options.list ? `${path}.${ids.indexOf(id)}` : path;
      if (!d) return [{ path: at, message: 'is not one of your documents' }];
      if (options.kinds && !options.kinds.includes(d.kind)) {
        return [{ path: at, message: `must be one of your ${options.kinds.join(' or ')} documents` }];
      }
      return [];
    });
    if (problems.length) throw DomainError.validation(problems);
    return unique.map((id) => byId.get(id)!);
  }
}
