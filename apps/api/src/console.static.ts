import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/** Paths that belong to the API: never answered with the console's index.html. */
export const API_PATH_PREFIXES = ['/graphql', '/api', '/s', '/health'] as const;

/** True when `url` is one of the API's own paths (or below one), e.g. `/api/documents/1`. */
export function isApiPath(url: string): boolean {
  const path = url.split('?', 1)[0];
  return API_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Vite names the files under assets/ by their content hash: they never change under one name. */
export function cacheControlFor(relativePath: string): string {
  return relativePath.replace(/^\/+/, '').startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Xuanpin console not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.6">
<h1>选品 Xuanpin</h1>
<p>The API is running, but the console has not been built yet. Build it with
<code>npm run build:console</code> and restart (or simply use <code>npm start</code>, which builds it),
or run <code>npm run console:dev</code> for the development server with hot reload.</p>
<p>控制台尚未构建：请运行 <code>npm run build:console</code> 后重启，或使用 <code>npm start</code>。</p>
<p>GraphQL: <a href="/graphql">/graphql</a> · Health: <a href="/health">/health</a></p>
</body></html>
`;

function notFound(reply: FastifyReply) {
  return reply
    .status(404)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ error: { code: 'NOT_FOUND', message: 'There is nothing at this address.' } });
}

/**
 * Serves the built console (apps/console/dist) at `/`: its files by name, and index.html for
 * every other GET path that is not the API's (the console's own routes, e.g. `/venues/1/show`),
 * so that a reload or a shared link opens the right screen. Must run before `app.init()`.
 * Without a build, `/` answers a short page saying how to build it.
 */
export async function serveConsole(app: NestFastifyApplication, consoleDir: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const indexFile = join(consoleDir, 'index.html');
  if (!existsSync(indexFile)) {
    fastify.get('/', (_request, reply) => {
      void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT_PAGE);
    });
    return;
  }
  // serve: false only adds reply.sendFile (ranges, ETag, Last-Modified, traversal checks);
  // the one route below decides between a file of the build and the index, so a rebuild while
  // the API runs is picked up at once.
  await app.register(fastifyStatic, {
    root: consoleDir,
    serve: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', cacheControlFor(relative(consoleDir, path)));
      void reply.header('x-content-type-options', 'nosniff');
    },
  });
  const sendIndex = async (reply: FastifyReply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .send(await readFile(indexFile));
  fastify.get('/', (_request, reply) => sendIndex(reply));
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    if (isApiPath(request.url)) return notFound(reply);
    const file = buildFileOf(consoleDir, request.url);
    if (file) return reply.sendFile(file);
    // A missing hashed asset is a 404, never HTML that the browser would try to run as code.
    if (request.url.startsWith('/assets/')) return notFound(reply);
    return sendIndex(reply);
  });
}

/** The build's file a URL names (relative to the build), or null: no dot files, nothing outside it. */
export function buildFileOf(consoleDir: string, url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?', 1)[0]);
  } catch {
    return null;
  }
  const relativePath = path.replace(/^\/+/, '');
  if (!relativePath || relativePath.split('/').some((part) => part.startsWith('.') || part === '')) return null;
  const file = resolve(consoleDir, relativePath);
  if (!file.startsWith(consoleDir.endsWith(sep) ? consoleDir : consoleDir + sep)) return null;
  try {
    return statSync(file).isFile() ? relative(consoleDir, file) : null;
  } catch {
    return null;
  }
}
