import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor, SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import { isRetryableTransactionError } from '../errors/to-domain-error';
import { EventBus } from '../events/event-bus';
import { requestContextOf } from './context-host';
import { RequestContext } from './request-context';

const TRANSACTION_OPTIONS = 'xp:transaction';
const MAX_ATTEMPTS = 4;

export interface TransactionalOptions {
  isolation?: IsolationLevel;
}

/**
 * Runs the operation in one database transaction; retries it on serialization failures and
 * deadlocks; publishes the events it raised only after commit.
 */
@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  private readonly logger = new Logger(TransactionInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly events: EventBus,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ctx = requestContextOf(execution);
    const options = this.reflector.get<TransactionalOptions>(TRANSACTION_OPTIONS, execution.getHandler()) ?? {};
    return from(this.run(ctx, options, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private async run<T>(ctx: RequestContext, options: TransactionalOptions, work: () => Promise<T>): Promise<T> {
    const result = await runInTransaction(ctx, options, work, (attempt, error) =>
      this.logger.warn(`Retrying transaction (attempt ${attempt}) after ${(error as Error).message}`),
    );
    await this.events.publish(ctx.takeEvents());
    return result;
  }
}

/**
 * The transaction mechanics, shared by the interceptor and internal callers (jobs, demo data):
 * the context's manager points into the transaction for the duration of `work`.
 */
export async function runInTransaction<T>(
  ctx: RequestContext,
  options: TransactionalOptions,
  work: () => Promise<T>,
  onRetry?: (attempt: number, error: unknown) => void,
): Promise<T> {
  if (ctx.inTransaction) return work();
  const outer = ctx.manager;
  for (let attempt = 1; ; attempt++) {
    try {
      const run = async (manager: typeof outer) => {
        ctx.manager = manager;
        return work();
      };
      const result = options.isolation
        ? await ctx.dataSource.transaction(options.isolation, run)
        : await ctx.dataSource.transaction(run);
      ctx.manager = outer;
      ctx.clearLoaders();
      return result;
    } catch (error) {
      ctx.manager = outer;
      ctx.takeEvents();
      ctx.clearLoaders();
      if (attempt < MAX_ATTEMPTS && isRetryableTransactionError(error)) {
        onRetry?.(attempt, error);
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
        continue;
      }
      throw error;
    }
  }
}

/** One transaction for this mutation; events after commit. */
export const Transactional = (options: TransactionalOptions = {}) =>
  applyDecorators(SetMetadata(TRANSACTION_OPTIONS, options), UseInterceptors(TransactionInterceptor));
