import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import { hashPassword, Membership, passwordProblem, User } from '@xp/access';
import { DomainError, OrganizationKind, RequestContext, Role, ROLE_ORGANIZATION_KIND } from '@xp/core';
import { OrganizationsService } from '@xp/venues';
import { RegisterFactoryInput, RegisterFactoryPayload } from './dto/factories.dto';

/** A factory signs itself up (public): its organization and its first administrator. */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates the FACTORY organization (credit code checked; DUPLICATE when registered) and
   * its FACTORY_ADMIN (password policy; DUPLICATE e-mail), in the caller's transaction.
   */
  async registerFactory(ctx: RequestContext, input: RegisterFactoryInput): Promise<RegisterFactoryPayload> {
    const email = input.admin.email.trim().toLowerCase();
    const problem = passwordProblem(input.admin.password, email);
    if (problem) throw DomainError.field('input.admin.password', problem);
    await this.organizations.assertCreditCodeFree(ctx, input.creditCode);
    const users = ctx.manager.getRepository(User);
    if (await users.createQueryBuilder('u').where('lower(u.email) = :email', { email }).getExists()) {
      throw DomainError.duplicate('A user with this e-mail already exists. Sign in, or use another e-mail address.');
    }
    const organization = await this.organizations.insert(ctx, {
      kind: OrganizationKind.FACTORY,
      name: input.name,
      creditCode: input.creditCode,
      regionId: input.regionId,
      address: input.address,
      industryBelt: input.industryBelt,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
    });
    const user = await users.save(
      users.create({ email, displayName: input.admin.displayName, passwordHash: await hashPassword(input.admin.password) }),
    );
    await ctx.manager.getRepository(Membership).insert({
      userId: user.id,
      organizationId: organization.id,
      organizationKind: ROLE_ORGANIZATION_KIND[Role.FACTORY_ADMIN],
      role: Role.FACTORY_ADMIN,
      regionId: null,
    });
    await this.audit.record(ctx, {
      action: 'factory.registered',
      entityType: 'Organization',
      entityId: organization.id,
      actorOrgId: organization.id,
      after: { name: organization.name, creditCode: organization.creditCode, adminEmail: email },
    });
    return { organization, user };
  }
}
