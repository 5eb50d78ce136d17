import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, RequestContext, Role } from '@xp/core';
import { AuditEvent } from './audit-event.entity';
import { AuditEventListArgs, AuditEventPage } from './audit.dto';
import { AuditService } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventPage, { description: 'The audit trail: every state change with who, what, before and after.' })
  @Allow(Role.PLATFORM_ADMIN, Role.OPERATOR_ADMIN)
  auditEvents(@Ctx() ctx: RequestContext, @Args() args: AuditEventListArgs) {
    return this.audit.list(ctx, args);
  }
}
