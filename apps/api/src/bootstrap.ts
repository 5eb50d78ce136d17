import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppConfig, NestPinoLogger, RequestContext } from '@xp/core';
import { AppModule } from './app.module';
import { serveConsole } from './console.static';
import { secure } from './security';

export interface CreateAppOptions {
  config: AppConfig;
  dataSource: DataSource;
  logger: Logger;
}

/** 1 MB for JSON bodies (GraphQL); upload routes set their own limits. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** Builds the Nest application on Fastify, ready to listen (used by main and by the tests). */
export async function createApp({ config, dataSource, logger }: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: JSON_BODY_LIMIT,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: config.env === 'production',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, dataSource, logger }),
    adapter,
    { logger: new NestPinoLogger(logger), abortOnError: false },
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    request.xpContext = new RequestContext(dataSource, { requestId: String(request.id), ip: request.ip });
    void reply.header('x-request-id', request.id);
  });
  await secure(app, config);
  await serveConsole(app, config.consoleDir);
  await app.init();
  return app;
}
