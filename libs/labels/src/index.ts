export * from './dto/label-templates.dto';
export * from './entities/label-template.entity';
export * from './label-renderer';
export * from './label-templates.service';
export * from './labels.module';
export * from './labels.rules';
export * from './render';

import { LabelTemplate } from './entities/label-template.entity';
export const LABELS_ENTITIES = [LabelTemplate];
