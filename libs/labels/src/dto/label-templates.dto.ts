import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ListArgs, Paginated } from '@xp/core';
import { LabelTemplate } from '../entities/label-template.entity';
import { LabelLayout } from '../render/types';

@InputType()
export class LabelTemplateFilter {
  @Field(() => ID, { nullable: true, description: "The global templates plus this venue's own." })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @Field(() => LabelLayout, { nullable: true })
  @IsOptional()
  @IsEnum(LabelLayout)
  layout?: LabelLayout;

  @Field({ nullable: true, description: 'Also list retired templates (default: active ones only).' })
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean;
}

@ArgsType()
export class LabelTemplateListArgs extends ListArgs {
  @Field(() => LabelTemplateFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LabelTemplateFilter)
  filter?: LabelTemplateFilter;
}

@ObjectType()
export class LabelTemplatePage extends Paginated(LabelTemplate) {}
