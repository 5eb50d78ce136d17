import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';

export enum BrandStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}
registerEnumType(BrandStatus, { name: 'BrandStatus' });

/** A factory's brand with its trademark; only a VERIFIED brand's owner may ask for a price floor (控价). */
@ObjectType()
@Entity('brands')
export class Brand {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  factoryOrgId!: string;

  @Field()
  @Column()
  name!: string;

  @Field({ description: 'Trademark registration number (商标注册号).' })
  @Column()
  trademarkRegNo!: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  certificateDocumentId!: string | null;

  @Field(() => BrandStatus)
  @Column({ type: 'text', default: BrandStatus.PENDING })
  status!: BrandStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reviewReason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  reviewerOrgId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
