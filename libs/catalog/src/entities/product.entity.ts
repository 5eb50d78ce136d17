import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';

export enum ProductStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProductStatus, { name: 'ProductStatus' });

/** A factory's product (商品); its sellable variants are SKUs. */
@ObjectType()
@Entity('products')
export class Product {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  factoryOrgId!: string;

  @Field(() => ID)
  @Column('uuid')
  categoryId!: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  brandId!: string | null;

  @Field({ description: 'Title in Chinese (what buyers see).' })
  @Column()
  titleZh!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  titleEn!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => [ID])
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  imageDocumentIds!: string[];

  @Field(() => ProductStatus)
  @Column({ type: 'text', default: ProductStatus.ACTIVE })
  status!: ProductStatus;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
