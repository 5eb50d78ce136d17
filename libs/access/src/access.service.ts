import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AuditService } from '@xp/audit';
import { AppConfig, APP_CONFIG, DomainError, ErrorCode, Principal, RequestContext } from '@xp/core';
import { LoginInput, LoginPayload } from './dto/access.dto';
import { User } from './entities/user.entity';
import { DUMMY_HASH, verifyPassword } from './password';
import { loadPrincipal } from './principal.query';
import { TokenService } from './token.service';

const WRONG_CREDENTIALS = 'The e-mail or the password is not right.';
const SESSION_INVALID = 'Your session has expired or is no longer valid. Please sign in again.';

/** Sign-in and the identity behind each request. */
@Injectable()
export class AccessService {
  private readonly loginLimiter: RateLimiterMemory;
  private readonly loginAddressLimiter: RateLimiterMemory;
  private readonly publicLimiter: RateLimiterMemory;

  constructor(
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.loginLimiter = new RateLimiterMemory({ keyPrefix: 'login', points: config.loginRateLimit, duration: 60 });
    this.loginAddressLimiter = new RateLimiterMemory({
      keyPrefix: 'login-ip',
      points: config.loginRateLimit * 5,
      duration: 60,
    });
    this.publicLimiter = new RateLimiterMemory({ keyPrefix: 'public', points: config.publicRateLimit, duration: 60 });
  }

  /** Public GraphQL operations (registration…) are limited per client address: RATE_LIMITED beyond. */
  async consumePublic(ctx: RequestContext): Promise<void> {
    await this.consume(this.publicLimiter, ctx.ip ?? 'unknown', 'Too many requests from your address');
  }

  /**
   * Unknown e-mail and wrong password answer alike, in about the same time; attempts are
   * limited per address and e-mail (RATE_LIMITED).
   */
  async login(ctx: RequestContext, input: LoginInput): Promise<LoginPayload> {
    const email = input.email.trim().toLowerCase();
    await this.consume(this.loginLimiter, `${ctx.ip ?? 'unknown'}|${email}`);
    await this.consume(this.loginAddressLimiter, ctx.ip ?? 'unknown');
    const user = await ctx.manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email })
      .getOne();
    const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) throw new DomainError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
    await ctx.manager.getRepository(User).update(user.id, { lastLoginAt: new Date() });
    await this.loginLimiter.delete(`${ctx.ip ?? 'unknown'}|${email}`);
    const loaded = await loadPrincipal(ctx.manager, user.id);
    ctx.principal = loaded?.principal;
    const { accessToken, expiresAt } = this.tokens.issue(user.id, user.tokenVersion);
    return { accessToken, expiresAt, user };
  }

  private async consume(limiter: RateLimiterMemory, key: string, what = 'Too many sign-in attempts'): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const seconds = Math.ceil(rejection.msBeforeNext / 1000);
        throw new DomainError(ErrorCode.RATE_LIMITED, `${what}. Please wait ${seconds} seconds.`, {
          retryAfterSeconds: seconds,
        });
      }
      throw rejection;
    }
  }

  /**
   * The principal behind a bearer token: valid signature, not expired, user active, token
   * not revoked (its version matches). Anything else is UNAUTHENTICATED.
   */
  async authenticate(ctx: RequestContext, token: string): Promise<Principal> {
    const claims = this.tokens.verify(token);
    if (!claims) throw new DomainError(ErrorCode.UNAUTHENTICATED, SESSION_INVALID);
    const loaded = await loadPrincipal(ctx.manager, claims.sub);
    if (!loaded || !loaded.active || loaded.tokenVersion !== claims.ver) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, SESSION_INVALID);
    }
    return loaded.principal;
  }

  async me(ctx: RequestContext): Promise<User> {
    const principal = ctx.requirePrincipal();
    const user = await ctx.manager.getRepository(User).findOneBy({ id: principal.userId });
    if (!user) throw DomainError.unauthenticated();
    return user;
  }
}
