import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, ValueTransformer } from 'typeorm';
import { DateColumn, DateScalar, DateTimeScalar, fenTransformer, MoneyColumn, MoneyScalar } from '@xp/core';
import { MemberLevel, MEMBER_LEVELS, MemberLevelTrigger } from '../sales.enums';

/** smallint 0–6 in the database ⇄ L0–L6 everywhere else. */
export const memberLevelTransformer: ValueTransformer = {
  to: (value: MemberLevel | undefined) => (value === undefined ? value : MEMBER_LEVELS.indexOf(value)),
  from: (value: number | null) => (value === null || value === undefined ? value : MEMBER_LEVELS[value]),
};

/** bigint[] of fen ⇄ number[]. */
export const fenArrayTransformer: ValueTransformer = {
  to: (value: number[] | undefined) => value,
  from: (value: (string | number)[] | null) => (value ? value.map((v) => fenTransformer.from(v) as number) : value),
};

/** A wholesale buyer (批发买家), platform-wide: one mobile phone (or WeChat id) is one buyer. */
@ObjectType()
@Entity('buyers')
export class Buyer {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'The shop (店铺) the buyer sells from.' })
  @Column()
  shopName!: string;

  @Field()
  @Column()
  contactName!: string;

  @Field({ description: 'Mobile number (11 digits); identifies the buyer.' })
  @Column()
  phone!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'WeChat id (微信号); unique when given.' })
  @Column({ type: 'text', nullable: true })
  wechatId!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  regionId!: string | null;

  @Field()
  @Column()
  city!: string;

  @Field(() => ID, { nullable: true, description: 'The venue the buyer registered at, if any.' })
  @Column({ type: 'uuid', nullable: true })
  registeredVenueId!: string | null;

  @Field(() => MemberLevel, { description: 'From the last calendar month computed; see memberLevelBasis.' })
  @Column({ type: 'smallint', transformer: memberLevelTransformer })
  memberLevel!: MemberLevel;

  @Column({ type: 'date', nullable: true })
  levelMonth!: string | null;

  @MoneyColumn({ nullable: true })
  levelAmount!: number | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A venue a buyer registered with or ordered at: its staff may see the buyer. */
@Entity('buyer_venues')
export class BuyerVenue {
  @PrimaryColumn('uuid')
  buyerId!: string;

  @PrimaryColumn('uuid')
  venueId!: string;

  @Column({ type: 'timestamptz' })
  since!: Date;
}

/** The platform's member level thresholds (one row). */
@Entity('member_level_policy')
export class MemberLevelPolicyRow {
  @PrimaryColumn({ type: 'boolean' })
  id!: boolean;

  @Column({ type: 'bigint', array: true, transformer: fenArrayTransformer })
  thresholds!: number[];

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One computation of member levels for a month. */
@ObjectType()
@Entity('member_level_runs')
export class MemberLevelRun {
  @Field(() => DateScalar, { description: 'The month computed (its first day).' })
  @DateColumn({ primary: true })
  month!: string;

  @Field(() => [MoneyScalar], { description: 'L1…L6 thresholds in force for this run.' })
  @Column({ type: 'bigint', array: true, transformer: fenArrayTransformer })
  thresholds!: number[];

  @Field(() => Int)
  @Column({ type: 'int' })
  buyersCount!: number;

  @Field(() => MemberLevelTrigger)
  @Column({ type: 'text' })
  trigger!: MemberLevelTrigger;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  computedBy!: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  computedAt!: Date;
}

/** A buyer's level for one month, with the amount it was based on. */
@Entity('buyer_member_levels')
export class BuyerMemberLevel {
  @PrimaryColumn('uuid')
  buyerId!: string;

  @DateColumn({ primary: true })
  month!: string;

  @Column({ type: 'smallint', transformer: memberLevelTransformer })
  level!: MemberLevel;

  @MoneyColumn()
  amount!: number;
}
