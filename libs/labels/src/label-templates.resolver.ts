import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, RequestContext } from '@xp/core';
import { LabelTemplateListArgs, LabelTemplatePage } from './dto/label-templates.dto';
import { LabelSheet, LabelTemplate, toTemplateSpec } from './entities/label-template.entity';
import { LABEL_TEMPLATE_READERS, LabelTemplatesService } from './label-templates.service';
import { labelsPerPage } from './render/geometry';

@Resolver(() => LabelTemplate)
export class LabelTemplatesResolver {
  constructor(private readonly service: LabelTemplatesService) {}

  @Query(() => LabelTemplatePage, { description: 'Label sizes and layouts: the global ones and your venues\' own.' })
  @Allow(...LABEL_TEMPLATE_READERS)
  labelTemplates(@Ctx() ctx: RequestContext, @Args() args: LabelTemplateListArgs) {
    return this.service.list(ctx, args);
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
