import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { ACCESS_METADATA, AccessRule, DomainError, hasAnyRole, requestContextOf, requestOf } from '@xp/core';
import { AccessService } from './access.service';

/**
 * Every operation declares who may call it (@Public, @Authenticated or @Allow(roles)); one
 * that declares nothing is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      execution.getHandler(),
      execution.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`${execution.getClass().name}.${execution.getHandler().name} declares no access rule`);
      throw DomainError.forbidden();
    }
    const ctx = requestContextOf(execution);
    if (rule.kind === 'public') {
      // Public GraphQL operations (registration) are rate-limited per address; sign-in has its own
      // limits, and the scan page its own route limits.
      if (execution.getType<GqlContextType>() === 'graphql' && execution.getHandler().name !== 'login') {
        await this.access.consumePublic(ctx);
      }
      return true;
    }
    if (!ctx.principal) {
      const header = requestOf(execution).headers.authorization;
      const token = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : '';
      if (!token) throw DomainError.unauthenticated();
      ctx.principal = await this.access.authenticate(ctx, token);
    }
    if (rule.kind === 'roles' && !hasAnyRole(ctx.principal, rule.roles)) {
      throw DomainError.forbidden('Your role does not allow this.');
    }
    return true;
  }
}
