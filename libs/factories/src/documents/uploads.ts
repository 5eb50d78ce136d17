import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@xp/core';
import { DocumentKind } from '../entities/document.entity';
import { MAX_DOCUMENT_BYTES } from './documents.rules';
import { NewDocument } from './documents.service';

/** Room for the multipart boundaries and the small fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

export const UPLOAD_ROUTES = ['/api/documents'];

const TOO_LARGE = 'The file is larger than 10 MB. Compress or split it and upload it again.';

/**
 * Multipart parsing for upload routes, and an early refusal: a request announcing more
 * than 10 MB (Content-Length) is answered 413 before its body is read; one that does not
 * announce its length is cut off by the parser at 10 MB of file data.
 */
export function registerUploads(fastify: FastifyInstance): void {
  void fastify.register(multipart, { limits: { fileSize: MAX_DOCUMENT_BYTES } });
  fastify.addHook('onRequest', (request, reply, done) => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (request.method === 'POST' && UPLOAD_ROUTES.includes(request.url.split('?')[0]) && length > MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD) {
      void reply
        .code(413)
        .header('connection', 'close')
        .header('content-type', 'application/json; charset=utf-8')
        .send({ error: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: TOO_LARGE } });
      return;
    }
    done();
  });
}

/**
 * Reads an upload: multipart field `file` (one file, at most 10 MB) and `kind` (plus an
 * optional `ownerOrgId`). The declared type and the name are kept for display only.
 */
export async function readUpload(request: FastifyRequest): Promise<NewDocument> {
  if (!request.isMultipart?.()) {
    throw DomainError.field('file', 'send the file as multipart/form-data in a field named "file", with its kind in a field named "kind"');
  }
  const fields: Record<string, string> = {};
  let content: Buffer | undefined;
  let originalName: string | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw DomainError.field(part.fieldname, 'is not expected: send the file in the field "file"');
        content = await part.toBuffer();
        originalName = part.filename;
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (error) {
    throw uploadError(error);
  }
  if (!content) throw DomainError.field('file', 'is missing: send the file in the field "file"');
  const kind = fields.kind as DocumentKind;
  if (!Object.values(DocumentKind).includes(kind)) {
    throw DomainError.field('kind', `must be one of ${Object.values(DocumentKind).join(', ')}`);
  }
  if (content.length === 0) throw DomainError.field('file', 'is empty; choose the file again');
  return { kind, content, originalName, ownerOrgId: fields.ownerOrgId || null };
}

function uploadError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, TOO_LARGE);
  if (code === 'FST_FILES_LIMIT') return DomainError.field('file', 'send one file per upload');
  if (code.startsWith('FST_')) return DomainError.field('file', 'the upload is not valid multipart/form-data or was cut off');
  if (/terminated early|Unexpected end/i.test((error as Error).message ?? '')) {
    return DomainError.field('file', 'the upload was cut off; send it again');
  }
  throw error;
}
