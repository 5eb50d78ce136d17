import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, APP_CONFIG } from '@xp/core';
import { contentDisposition } from '@xp/factories';
import { normalizeScanCode } from '@xp/labels';
import { buildListing, listingCsv } from './listing';
import { notFoundPageHtml, rateLimitedPageHtml, retiredPageHtml, scanPageHtml } from './scan-page.html';
import { ScanEventWriter, ScanLabelState } from './scan-events.writer';
import { ScanLookupService } from './scan-lookup.service';
import { ScanView } from './scan-view';
import { DEVICE_COOKIE, deviceCookieOf, deviceHash, newDeviceCookie } from './scans.rules';

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

type Params = { code: string; n?: string };

/**
 * The public scan routes, as plain Fastify routes (no Nest guard, pipe or interceptor on the
 * hot path; no sign-in — they are public by construction):
 *   GET /s/:code                 the buyer's page (zh-CN, server-rendered, no script)
 *   GET /s/:code/listing.json    the one-click listing, JSON
 *   GET /s/:code/listing.csv     the same as CSV
 *   GET /s/:code/images/:n       the product's n-th image (public, cacheable; keyed by the unguessable code)
 * Every route is rate-limited per client address (PUBLIC_RATE_LIMIT a minute → 429).
 */
@Injectable()
export class ScanRoutes {
  private readonly logger = new Logger(ScanRoutes.name);
  private readonly limiter: RateLimiterMemory;
  private readonly deviceKey: string;
  private readonly secureCookie: boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lookup: ScanLookupService,
    private readonly writer: ScanEventWriter,
  ) {
    this.limiter = new RateLimiterMemory({ keyPrefix: 'scan', points: config.publicRateLimit, duration: 60 });
    this.deviceKey = `xuanpin-device:${config.jwtSecret}`;
    this.secureCookie = config.publicBaseUrl.startsWith('https:');
  }

  register(fastify: FastifyInstance): void {
    fastify.get<{ Params: Params }>('/s/:code', (request, reply) => this.guard(request, reply, 'html', () => this.page(request, reply)));
    fastify.get<{ Params: Params }>('/s/:code/listing.json', (request, reply) =>
      this.guard(request, reply, 'json', () => this.listing(request, reply, 'JSON')),
    );
    fastify.get<{ Params: Params }>('/s/:code/listing.csv', (request, reply) =>
      this.guard(request, reply, 'json', () => this.listing(request, reply, 'CSV')),
    );
    fastify.get<{ Params: Params }>('/s/:code/images/:n', (request, reply) => this.guard(request, reply, 'json', () => this.image(request, reply)));
  }

  /** Rate limit first, then the handler; an unexpected error answers 500 without details. */
  private async guard(request: FastifyRequest, reply: FastifyReply, kind: 'html' | 'json', handler: () => Promise<unknown>) {
    try {
      await this.limiter.consume(request.ip ?? 'unknown');
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      void reply.status(429).header('retry-after', String(seconds));
      return kind === 'html'
        ? reply.headers(PAGE_HEADERS).send(rateLimitedPageHtml(seconds))
        : reply.send({ error: { code: 'RATE_LIMITED', message: `Too many requests. Please wait ${seconds} seconds.`, retryAfterSeconds: seconds } });
    }
    try {
      return await handler();
    } catch (error) {
      this.logger.error(`Scan route ${request.url} failed: ${(error as Error)?.stack ?? String(error)}`);
      return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } });
    }
  }

  private async page(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
    const code = normalizeScanCode(request.params.code);
    const now = new Date();
    const view = code ? await this.lookup.find(code, now) : null;
    if (!view) return reply.status(404).headers(PAGE_HEADERS).send(notFoundPageHtml());
    this.record(request, reply, view, now, 'VIEW', null);
    if (view.status === 'RETIRED') return reply.status(404).headers(PAGE_HEADERS).send(retiredPageHtml(view.slotCode));
    return reply.headers(PAGE_HEADERS).send(scanPageHtml(view));
  }

  private async listing(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, format: 'JSON' | 'CSV') {
    const code = normalizeScanCode(request.params.code);
    const now = new Date();
    const view = code ? await this.lookup.find(code, now) : null;
    if (!view || view.status === 'RETIRED') {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'This label does not exist or was replaced; scan the label on the shelf.' } });
    }
    this.record(request, reply, view, now, 'LISTING', format);
    const listing = buildListing(view, this.config.publicBaseUrl, now);
    void reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
    const name = `铺货-${view.skuCode}`;
    if (format === 'JSON') {
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', `${name}.json`))
        .send(JSON.stringify(listing, null, 2));
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition('attachment', `${name}.csv`))
      .send(listingCsv(listing));
  }

  private async image(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
    const code = normalizeScanCode(request.params.code);
    const n = Number(request.params.n);
    const image = code && Number.isInteger(n) && n >= 1 && n <= 20 ? await this.lookup.image(code, n) : null;
    if (!image) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'There is no such image.' } });
    return reply
      .header('content-type', image.mimeType)
      .header('cache-control', 'public, max-age=86400')
      .header('etag', `"${image.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(image.content);
  }

  /** Buffers the scan event (never waits on the database); sets the device cookie on a first visit. */
  private record(request: FastifyRequest, reply: FastifyReply, view: ScanView, now: Date, kind: 'VIEW' | 'LISTING', exportFormat: 'JSON' | 'CSV' | null) {
    if (request.method === 'HEAD') return;
    let cookie = deviceCookieOf(request.headers.cookie);
    if (!cookie) {
      cookie = newDeviceCookie();
      void reply.header(
        'set-cookie',
        `${DEVICE_COOKIE}=${cookie}; Path=/s; Max-Age=31536000; HttpOnly; SameSite=Lax${this.secureCookie ? '; Secure' : ''}`,
      );
    }
    const labelState: ScanLabelState = view.status === 'RETIRED' ? 'RETIRED' : view.stale ? 'STALE' : 'CURRENT';
    this.writer.record({
      occurredAt: now,
      kind,
      labelId: view.labelId,
      code: view.code,
      venueId: view.venueId,
      slotId: view.slotId,
      skuId: view.skuId,
      factoryOrgId: view.factoryOrgId,
      deviceHash: deviceHash(this.deviceKey, cookie),
      labelState,
      exportFormat,
    });
  }
}
