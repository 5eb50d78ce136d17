import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, OrganizationKind, Role } from '@xp/core';

/** A user's role in one organization, optionally limited to some of its venues. */
@ObjectType()
@Entity('memberships')
export class Membership {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  userId!: string;

  @Field(() => ID)
  @Column('uuid')
  organizationId!: string;

  @Column({ type: 'text' })
  organizationKind!: OrganizationKind;

  @Field(() => Role)
  @Column({ type: 'text' })
  role!: Role;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  regionId!: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('membership_venues')
export class MembershipVenue {
  @PrimaryColumn('uuid')
  membershipId!: string;

  @PrimaryColumn('uuid')
  venueId!: string;
}
