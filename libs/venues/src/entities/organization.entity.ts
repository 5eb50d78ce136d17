import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar, OrganizationKind } from '@xp/core';

/** One of the four parties: a government, the platform, an operator (链主) or a factory (源头工厂). */
@ObjectType()
@Entity('organizations')
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => OrganizationKind)
  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Field()
  @Column()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Unified social credit code (统一社会信用代码).' })
  @Column({ type: 'text', nullable: true })
  creditCode!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  regionId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'Industry belt (产业带), e.g. 永康五金.' })
  @Column({ type: 'text', nullable: true })
  industryBelt!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  contactName!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  contactPhone!: string | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
