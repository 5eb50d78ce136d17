import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';

@ObjectType()
@Entity('users')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column()
  email!: string;

  @Field()
  @Column()
  displayName!: string;

  /** scrypt hash; never leaves the server. */
  @Column({ select: false })
  passwordHash!: string;

  @Field()
  @Column({ default: true })
  active!: boolean;

  /** Bumped to invalidate every token issued before (password change, deactivation). */
  @Column({ type: 'int', default: 0 })
  tokenVersion!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
