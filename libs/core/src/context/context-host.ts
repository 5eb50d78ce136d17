import { ExecutionContext } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { RequestContext } from './request-context';

declare module 'fastify' {
  interface FastifyRequest {
    xpContext?: RequestContext;
  }
}

export function requestOf(execution: ExecutionContext): FastifyRequest {
  if (execution.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(execution).getContext<{ req: FastifyRequest }>().req;
  }
  return execution.switchToHttp().getRequest<FastifyRequest>();
}

/** The RequestContext the onRequest hook attached to this request. */
export function requestContextOf(execution: ExecutionContext): RequestContext {
  const context = requestOf(execution).xpContext;
  if (!context) throw new Error('No request context: is the onRequest hook installed?');
  return context;
}
