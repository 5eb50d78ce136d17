import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { httpStatusOf } from './error-codes';
import { toDomainError } from './to-domain-error';

/**
 * Plain HTTP routes (files, health, the scan page's JSON) answer `{ error: { code, message } }`
 * with the matching status. GraphQL errors pass through to Apollo's formatError.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { error, expected } = toDomainError(exception);
    if (!expected) this.logger.error((exception as Error)?.stack ?? String(exception));
    const status = httpStatusOf(error.code);
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send({
      error: { code: error.code, message: error.message, ...error.details },
    });
  }
}
