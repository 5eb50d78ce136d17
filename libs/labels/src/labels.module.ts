import { Module } from '@nestjs/common';
import { ErrorCode, registerConstraintErrors } from '@xp/core';
import { LabelRenderer } from './label-renderer';
import { LabelTemplatesResolver } from './label-templates.resolver';
import { LabelTemplatesService } from './label-templates.service';

registerConstraintErrors({
  label_templates_venue_code_key: { code: ErrorCode.DUPLICATE, message: 'This venue already has a label template with this code.' },
  label_templates_sheet_check: {
    code: ErrorCode.VALIDATION_FAILED,
    field: 'input.sheet',
    message: 'a SHEET layout needs a grid that fits its page; a ROLL layout has none',
  },
  label_templates_fields_check: { code: ErrorCode.VALIDATION_FAILED, field: 'input.fields', message: 'must list known fields, each once' },
});

/** Shelf labels: templates and the rendering engine (PDF, ZPL, SVG). Print jobs build on these. */
@Module({
  providers: [LabelTemplatesService, LabelTemplatesResolver, LabelRenderer],
  exports: [LabelTemplatesService, LabelRenderer],
})
export class LabelsModule {}
