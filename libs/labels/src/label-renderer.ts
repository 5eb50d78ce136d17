import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG, DomainError } from '@xp/core';
import { LabelTemplate, toTemplateSpec } from './entities/label-template.entity';
import { LabelRenderError } from './render/errors';
import { renderLabels } from './render/render';
import { LabelData, LabelFormat, LabelTemplateSpec, RenderedLabels, RenderOptions } from './render/types';

/**
 * The rendering engine for services: renders labels with a template (entity or plain spec) as
 * PDF, ZPL or SVG, with the configured printer font, and answers bad input as VALIDATION_FAILED.
 * Print jobs build `LabelData` with `scanUrl(code)`.
 */
@Injectable()
export class LabelRenderer {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** What a label's QR code encodes: the public scan page of its code. */
  scanUrl(code: string): string {
    return `${this.config.publicBaseUrl}/s/${encodeURIComponent(code)}`;
  }

  async render(
    template: LabelTemplate | LabelTemplateSpec,
    labels: readonly LabelData[],
    format: LabelFormat,
    options: RenderOptions = {},
  ): Promise<RenderedLabels> {
    const spec = template instanceof LabelTemplate ? toTemplateSpec(template) : template;
    try {
      return await renderLabels(spec, labels, format, { zplFontName: this.config.labelZplFont, ...options });
    } catch (error) {
      if (error instanceof LabelRenderError) throw DomainError.field(error.field ?? 'labels', error.message);
      throw error;
    }
  }
}
