import { LoggerService } from '@nestjs/common';
import pino, { Logger as PinoLogger } from 'pino';

/** One structured JSON logger for Fastify's request logs, Nest's own messages and ours. */
export function createLogger(level: string): PinoLogger {
  return pino({
    level,
    base: { service: 'xuanpin-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', 'password'],
      censor: '[redacted]',
    },
  });
}

/** Lets Nest log through pino. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: PinoLogger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string) {
    this.logger.fatal({ context }, String(message));
  }
}
