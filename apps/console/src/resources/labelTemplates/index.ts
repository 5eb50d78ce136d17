import LabelIcon from '@mui/icons-material/Label';
import { OPERATOR_ROLES } from '../../access/roles';
import type { ResourceDefinition } from '../types';
import { labelTemplateQueries } from './queries';
import { LabelTemplateList } from './LabelTemplateList';

/** Label templates: platform staff and every operator role read them (the API's LABEL_TEMPLATE_READERS). */
export const labelTemplates: ResourceDefinition = {
  name: 'labelTemplates',
  group: 'labels',
  icon: LabelIcon,
  list: LabelTemplateList,
  queries: labelTemplateQueries,
  recordRepresentation: 'name',
  access: { list: ['PLATFORM_ADMIN', 'REGIONAL_MANAGER', ...OPERATOR_ROLES] },
};
