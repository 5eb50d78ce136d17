import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';

export enum SkuStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(SkuStatus, { name: 'SkuStatus' });

/** One sellable variant of a product: what is priced, shelved, stocked and ordered. */
@ObjectType()
@Entity('skus')
export class Sku {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  productId!: string;

  @Field(() => ID)
  @Column('uuid')
  factoryOrgId!: string;

  @Field({ description: "Unique within the factory; the factory's own article number." })
  @Column()
  code!: string;

  @Field(() => String, { nullable: true, description: 'GTIN-13 (EAN-13) with a valid check digit.' })
  @Column({ type: 'text', nullable: true })
  gtin!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Attributes such as colour and size: { "颜色": "红", "尺码": "M" }.' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: Record<string, string>;

  @Field()
  @Column({ default: '件' })
  unit!: string;

  @Field(() => Int, { description: 'Units per pack; orders are whole packs.' })
  @Column({ type: 'int', default: 1 })
  packSize!: number;

  @Field(() => Int, { description: 'Minimum order quantity (起批量), a whole number of packs.' })
  @Column({ type: 'int', default: 1 })
  moq!: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  weightGrams!: number | null;

  @Field(() => SkuStatus)
  @Column({ type: 'text', default: SkuStatus.ACTIVE })
  status!: SkuStatus;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
