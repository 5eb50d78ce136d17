import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '@xp/audit';
import {
  DomainError,
  isPlatformAdmin,
  isUuid,
  memberOrgIds,
  OrganizationKind,
  Page,
  paginate,
  RequestContext,
  Role,
  ROLE_ORGANIZATION_KIND,
  SortOrder,
} from '@xp/core';
import { Organization, Venue } from '@xp/venues';
import { ChangePasswordInput, CreateUserInput, GrantMembershipInput, MembershipInput, SetUserActiveInput, UserListArgs } from './dto/access.dto';
import { Membership, MembershipVenue } from './entities/membership.entity';
import { User } from './entities/user.entity';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { likePattern } from '@xp/venues';

/** Organization admins manage their own people; platform admins anyone's. */
const ADMIN_ROLE_FOR_KIND: Partial<Record<OrganizationKind, Role>> = {
  [OrganizationKind.OPERATOR]: Role.OPERATOR_ADMIN,
  [OrganizationKind.FACTORY]: Role.FACTORY_ADMIN,
};

@Injectable()
export class UsersService {
  constructor(private readonly audit: AuditService) {}

  /** Organizations whose people the caller manages ('ALL' for platform admins). */
  private managedOrgIds(ctx: RequestContext): 'ALL' | string[] {
    if (isPlatformAdmin(ctx.requirePrincipal())) return 'ALL';
    return memberOrgIds(ctx, [Role.OPERATOR_ADMIN, Role.FACTORY_ADMIN]);
  }

  async list(ctx: RequestContext, args: UserListArgs): Promise<Page<User>> {
    const qb = ctx.manager.getRepository(User).createQueryBuilder('u');
    const managed = this.managedOrgIds(ctx);
    if (managed !== 'ALL') {
      qb.andWhere('u.id IN (SELECT user_id FROM memberships WHERE organization_id = ANY(:managed))', { managed });
    }
    const f = args.filter ?? {};
    if (f.search) qb.andWhere('(u.email ILIKE :s OR u.displayName ILIKE :s)', { s: likePattern(f.search) });
    if (f.organizationId) {
      qb.andWhere('u.id IN (SELECT user_id FROM memberships WHERE organization_id = :orgId)', { orgId: f.organizationId });
    }
    if (f.role) qb.andWhere('u.id IN (SELECT user_id FROM memberships WHERE role = :role)', { role: f.role });
    if (f.active !== undefined) qb.andWhere('u.active = :active', { active: f.active });
    return paginate(qb, args, { email: 'u.email', displayName: 'u.displayName', createdAt: 'u.createdAt' }, {
      field: 'email',
      order: SortOrder.ASC,
    });
  }

  async findOne(ctx: RequestContext, id: string): Promise<User> {
    if (!isUuid(id)) throw DomainError.notFound('User');
    const qb = ctx.manager.getRepository(User).createQueryBuilder('u').where('u.id = :id', { id });
    const managed = this.managedOrgIds(ctx);
    if (managed !== 'ALL' && id !== ctx.principal?.userId) {
      qb.andWhere('u.id IN (SELECT user_id FROM memberships WHERE organization_id = ANY(:managed))', { managed });
    }
    const user = await qb.getOne();
    if (!user) throw DomainError.notFound('User');
    return user;
  }

  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    if (input.memberships.length === 0) {
      throw DomainError.field('input.memberships', 'a user needs at least one membership');
    }
    const problem = passwordProblem(input.password, input.email);
    if (problem) throw DomainError.field('input.password', problem);
    const repo = ctx.manager.getRepository(User);
    const email = input.email.trim().toLowerCase();
    if (await repo.createQueryBuilder('u').where('lower(u.email) = :email', { email }).getExists()) {
      throw DomainError.duplicate('A user with this e-mail already exists.');
    }
    // Check every membership before writing anything.
    for (const [i, m] of input.memberships.entries()) await this.checkMembership(ctx, m, `input.memberships.${i}`);
    const user = await repo.save(
      repo.create({ email, displayName: input.displayName, passwordHash: await hashPassword(input.password) }),
    );
    for (const m of input.memberships) await this.insertMembership(ctx, user.id, m);
    await this.audit.record(ctx, {
      action: 'user.created',
      entityType: 'User',
      entityId: user.id,
      after: { email, displayName: user.displayName, memberships: input.memberships },
    });
    return user;
  }

  async grantMembership(ctx: RequestContext, input: GrantMembershipInput): Promise<User> {
    const user = await this.findOne(ctx, input.userId);
    await this.checkMembership(ctx, input, 'input');
    const exists = await ctx.manager
      .getRepository(Membership)
      .existsBy({ userId: user.id, organizationId: input.organizationId, role: input.role });
    if (exists) throw DomainError.duplicate('The user already has this role in this organization.');
    const membership = await this.insertMembership(ctx, user.id, input);
    await this.audit.record(ctx, { action: 'membership.granted', entityType: 'Membership', entityId: membership.id, after: input });
    return user;
  }

  async revokeMembership(ctx: RequestContext, membershipId: string): Promise<User> {
    const membership = await ctx.manager.getRepository(Membership).findOneBy({ id: membershipId });
    const managed = this.managedOrgIds(ctx);
    if (!membership || (managed !== 'ALL' && !managed.includes(membership.organizationId))) {
      throw DomainError.notFound('Membership');
    }
    if (membership.userId === ctx.principal?.userId && membership.role === Role.PLATFORM_ADMIN) {
      throw DomainError.forbidden('You cannot remove your own platform administration.');
    }
    await ctx.manager.getRepository(Membership).delete(membership.id);
    await this.audit.record(ctx, { action: 'membership.revoked', entityType: 'Membership', entityId: membership.id, before: membership });
    return ctx.manager.getRepository(User).findOneByOrFail({ id: membership.userId });
  }

  /** Deactivating signs the user out everywhere at once (their token version moves on). */
  async setActive(ctx: RequestContext, input: SetUserActiveInput): Promise<User> {
    const user = await this.findOne(ctx, input.userId);
    if (user.id === ctx.principal?.userId && !input.active) throw DomainError.forbidden('You cannot deactivate yourself.');
    if (user.active === input.active) return user;
    await ctx.manager.getRepository(User).update(user.id, {
      active: input.active,
      tokenVersion: () => 'token_version + 1',
    });
    await this.audit.record(ctx, {
      action: input.active ? 'user.activated' : 'user.deactivated',
      entityType: 'User',
      entityId: user.id,
      before: { active: user.active },
      after: { active: input.active },
    });
    return ctx.manager.getRepository(User).findOneByOrFail({ id: user.id });
  }

  async changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<boolean> {
    const principal = ctx.requirePrincipal();
    const user = await ctx.manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: principal.userId })
      .getOneOrFail();
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw DomainError.field('input.currentPassword', 'is not your current password');
    }
    const problem = passwordProblem(input.newPassword, user.email);
    if (problem) throw DomainError.field('input.newPassword', problem);
    await ctx.manager.getRepository(User).update(user.id, {
      passwordHash: await hashPassword(input.newPassword),
      tokenVersion: () => 'token_version + 1',
    });
    await this.audit.record(ctx, { action: 'user.passwordChanged', entityType: 'User', entityId: user.id });
    return true;
  }

  private async checkMembership(ctx: RequestContext, m: MembershipInput, path: string): Promise<void> {
    const org = await ctx.manager.getRepository(Organization).findOneBy({ id: m.organizationId });
    const managed = this.managedOrgIds(ctx);
    if (!org || (managed !== 'ALL' && !managed.includes(org.id))) throw DomainError.notFound('Organization');
    if (managed !== 'ALL') {
      const adminRole = ADMIN_ROLE_FOR_KIND[org.kind];
      if (!adminRole || !memberOrgIds(ctx, [adminRole]).includes(org.id)) throw DomainError.forbidden();
    }
    if (ROLE_ORGANIZATION_KIND[m.role] !== org.kind) {
      throw DomainError.field(`${path}.role`, `${m.role} belongs to a ${ROLE_ORGANIZATION_KIND[m.role]} organization, not ${org.kind}`);
    }
    if ((m.role === Role.REGIONAL_MANAGER) !== !!m.regionId) {
      throw DomainError.field(`${path}.regionId`, 'is required for REGIONAL_MANAGER and only for it');
    }
    if (m.venueIds?.length) {
      const column = org.kind === OrganizationKind.GOVERNMENT ? 'governmentOrgId' : 'operatorOrgId';
      const venues = await ctx.manager.getRepository(Venue).findBy({ id: In(m.venueIds), [column]: org.id });
      if (venues.length !== new Set(m.venueIds).size) {
        throw DomainError.field(`${path}.venueIds`, "must be venues of the membership's organization");
      }
    }
  }

  private async insertMembership(ctx: RequestContext, userId: string, m: MembershipInput): Promise<Membership> {
    const repo = ctx.manager.getRepository(Membership);
    const membership = await repo.save(
      repo.create({
        userId,
        organizationId: m.organizationId,
        organizationKind: ROLE_ORGANIZATION_KIND[m.role],
        role: m.role,
        regionId: m.regionId ?? null,
      }),
    );
    if (m.venueIds?.length) {
      await ctx.manager
        .getRepository(MembershipVenue)
        .insert([...new Set(m.venueIds)].map((venueId) => ({ membershipId: membership.id, venueId })));
    }
    return membership;
  }
}
