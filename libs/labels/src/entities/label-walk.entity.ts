import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '@xp/core';
import { LabelCheckResult, WalkStatus } from '../print.rules';

/** Showroom staff walking a shelf with a phone, scanning its labels: who, when, where, what was found. */
@ObjectType()
@Entity('label_walks')
export class LabelWalk {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column('uuid')
  venueId!: string;

  @Field(() => ID, { nullable: true, description: 'The shelf walked (given at the start, or that of the first label scanned).' })
  @Column({ type: 'uuid', nullable: true })
  shelfId!: string | null;

  @Field(() => WalkStatus)
  @Column({ type: 'text', default: WalkStatus.OPEN })
  status!: WalkStatus;

  @Field(() => ID)
  @Column('uuid')
  startedBy!: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int, { description: 'Different codes scanned.' })
  @Column({ type: 'int', default: 0 })
  labelsChecked!: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  currentFound!: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  staleFound!: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  retiredFound!: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  unknownFound!: number;
}

/** One code scanned on a walk (scanning it again updates the result). */
@ObjectType()
@Entity('label_walk_checks')
export class LabelWalkCheck {
  @PrimaryColumn('uuid')
  walkId!: string;

  @Field()
  @PrimaryColumn()
  code!: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  labelId!: string | null;

  @Field(() => LabelCheckResult)
  @Column({ type: 'text' })
  result!: LabelCheckResult;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  checkedAt!: Date;
}
