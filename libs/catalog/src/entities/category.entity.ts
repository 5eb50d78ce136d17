import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';

/** The platform's category tree (类目). */
@ObjectType()
@Entity('categories')
export class Category {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @Field()
  @Column()
  code!: string;

  @Field()
  @Column()
  nameZh!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  nameEn!: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  sortOrder!: number;

  @Field()
  @Column({ default: true })
  active!: boolean;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
