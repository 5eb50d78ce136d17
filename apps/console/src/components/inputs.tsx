import { AutocompleteInput, ReferenceInput, SelectInput } from 'react-admin';
import { ORGANIZATION_KINDS, OrganizationKind } from '../access/roles';

const bySearch = (search: string) => (search ? { search } : {});

/** Pick an organization (optionally of one kind) by typing part of its Chinese name. */
export const OrganizationInput = ({ source, kind, label, required, filter = {} }: {
  source: string;
  kind?: OrganizationKind;
  label?: string;
  required?: boolean;
  filter?: Record<string, unknown>;
  alwaysOn?: boolean;
}) => (
  <ReferenceInput source={source} reference="organizations" filter={kind ? { ...filter, kind } : filter} sort={{ field: 'name', order: 'ASC' }} perPage={50}>
    <AutocompleteInput label={label} optionText="name" filterToQuery={bySearch} isRequired={required} validate={required ? requiredChoice : undefined} sx={{ minWidth: 280 }} />
  </ReferenceInput>
);

/** Pick a region by code or name. */
export const RegionInput = ({ source, label, required }: { source: string; label?: string; required?: boolean; alwaysOn?: boolean }) => (
  <ReferenceInput source={source} reference="regions" sort={{ field: 'code', order: 'ASC' }} perPage={100}>
    <AutocompleteInput label={label} optionText="name" filterToQuery={bySearch} isRequired={required} validate={required ? requiredChoice : undefined} sx={{ minWidth: 220 }} />
  </ReferenceInput>
);

/** Pick an organization kind (labels from xp.kinds). */
export const KindInput = ({ source, kinds = ORGANIZATION_KINDS, required, label }: { source: string; kinds?: readonly OrganizationKind[]; required?: boolean; label?: string; alwaysOn?: boolean }) => (
  <SelectInput source={source} label={label} choices={kinds.map((k) => ({ id: k, name: `xp.kinds.${k}` }))} validate={required ? requiredChoice : undefined} />
);

/** "Required" in the user's language, for selects. */
export const requiredChoice = (value: unknown) => (value === undefined || value === null || value === '' ? 'ra.validation.required' : undefined);
