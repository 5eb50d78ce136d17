import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@xp/core';

/**
 * Security headers (helmet) and CORS. The console is served from the API's own origin; other
 * origins may call the API only when CONSOLE_ORIGIN names them. The public scan routes (/s/…)
 * answer any origin: shops' listing tools fetch the one-click listing export.
 */
export async function secure(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const graphiql = config.env !== 'production';
  // GraphiQL (development only) loads its scripts and styles from unpkg and runs inline scripts.
  const devScripts = graphiql ? ["'unsafe-inline'", 'https://unpkg.com'] : [];
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...devScripts],
        // MUI/emotion and the scan page use inline styles.
        styleSrc: ["'self'", "'unsafe-inline'", ...(graphiql ? ['https://unpkg.com'] : [])],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The console previews PDFs (documents, labels, statements) from blob: URLs.
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  await app.register(fastifyCors, {
    delegator: (request, callback) => {
      const publicRoute = (request.url ?? '').startsWith('/s/');
      callback(null, {
        origin: publicRoute ? '*' : config.consoleOrigin,
        methods: publicRoute ? ['GET'] : ['GET', 'POST'],
        allowedHeaders: ['content-type', 'authorization', 'x-request-id'],
        exposedHeaders: ['x-request-id', 'content-disposition'],
        maxAge: 600,
      });
    },
  });
}
