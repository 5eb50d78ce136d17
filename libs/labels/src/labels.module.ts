import { Module } from '@nestjs/common';
import { LabelRenderer } from './label-renderer';
import { LabelTemplatesResolver } from './label-templates.resolver';
import { LabelTemplatesService } from './label-templates.service';

/** Shelf labels: templates and the rendering engine (PDF, ZPL, SVG). Print jobs build on these. */
@Module({
  providers: [LabelTemplatesService, LabelTemplatesResolver, LabelRenderer],
  exports: [LabelTemplatesService, LabelRenderer],
})
export class LabelsModule {}
