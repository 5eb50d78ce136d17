import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, RequestContext, Transactional } from '@xp/core';
import { CreateLabelTemplateInput, LabelTemplateListArgs, LabelTemplatePage } from './dto/label-templates.dto';
import { LabelSheet, LabelTemplate, toTemplateSpec } from './entities/label-template.entity';
import { LABEL_TEMPLATE_EDITORS, LABEL_TEMPLATE_READERS, LabelTemplatesService } from './label-templates.service';
import { labelsPerPage } from './render/geometry';

@Resolver(() => LabelTemplate)
export class LabelTemplatesResolver {
  constructor(private readonly service: LabelTemplatesService) {}

  @Query(() => LabelTemplatePage, { description: 'Label sizes and layouts: the global ones and your venues\' own.' })
  @Allow(...LABEL_TEMPLATE_READERS)
  labelTemplates(@Ctx() ctx: RequestContext, @Args() args: LabelTemplateListArgs) {
    return this.service.list(ctx, args);
  }

  @Mutation(() => LabelTemplate, { description: "Adds a label size or layout of the venue's own." })
  @Allow(...LABEL_TEMPLATE_EDITORS)
  @Transactional()
  createLabelTemplate(@Ctx() ctx: RequestContext, @Args('input') input: CreateLabelTemplateInput) {
    return this.service.create(ctx, input);
  }

  @ResolveField(() => LabelSheet, { nullable: true, description: 'The grid on the page, for SHEET templates.' })
  sheet(@Parent() template: LabelTemplate): LabelSheet | null {
    return toTemplateSpec(template).sheet ?? null;
  }

  @ResolveField(() => Int, { description: '1 on a roll; columns × rows on a sheet.' })
  labelsPerPage(@Parent() template: LabelTemplate): number {
    return labelsPerPage(toTemplateSpec(template));
  }
}
