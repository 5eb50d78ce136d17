import { Create, required, SimpleForm, TextInput } from 'react-admin';
import { KindInput, RegionInput } from '../../components/inputs';

/** Factories register themselves; the platform creates governments, operators and platform units. */
const CREATABLE_KINDS = ['GOVERNMENT', 'OPERATOR', 'PLATFORM'] as const;

const creditCodeShape = (value: string) => (value && !/^[0-9A-Z]{18}$/.test(value) ? 'xp.validation.creditCode' : undefined);

export const OrganizationCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <KindInput source="kind" kinds={CREATABLE_KINDS} required />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="creditCode" validate={creditCodeShape} parse={(v: string) => v.toUpperCase().trim()} helperText="91410100MA9KX3L2Q?" />
      <RegionInput source="regionId" />
      <TextInput source="address" fullWidth />
      <TextInput source="contactName" />
      <TextInput source="contactPhone" />
    </SimpleForm>
  </Create>
);
