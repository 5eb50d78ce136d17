import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ErrorCode, registerConstraintErrors } from '@xp/core';
import { VenuesModule } from '@xp/venues';
import { MembershipResolver, UsersResolver } from './access.resolver';
import { AccessService } from './access.service';
import { AuthGuard } from './auth.guard';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

registerConstraintErrors({
  users_email_key: { code: ErrorCode.DUPLICATE, message: 'A user with this e-mail already exists.' },
  memberships_user_org_role_key: {
    code: ErrorCode.DUPLICATE,
    message: 'The user already has this role in this organization.',
  },
  memberships_role_kind_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.role',
    message: "does not fit the organization's kind",
  },
});

/** Users, memberships, sign-in and the guard every operation passes. */
@Module({
  imports: [VenuesModule],
  providers: [
    AccessService,
    UsersService,
    TokenService,
    UsersResolver,
    MembershipResolver,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccessService, UsersService, TokenService],
})
export class AccessModule {}
