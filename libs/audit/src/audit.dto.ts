import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { DateTimeScalar, IsCode, ListArgs, Paginated } from '@xp/core';
import { AuditEvent } from './audit-event.entity';

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCode(80)
  entityType?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCode(80)
  action?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  to?: Date;
}

@ArgsType()
export class AuditEventListArgs extends ListArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilter)
  filter?: AuditEventFilter;
}

@ObjectType()
export class AuditEventPage extends Paginated(AuditEvent) {}
