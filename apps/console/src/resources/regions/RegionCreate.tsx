import { Create, required, SimpleForm, TextInput } from 'react-admin';

const codeFormat = (value: string) => (value && !/^[A-Z0-9-]{2,16}$/.test(value) ? { message: 'xp.validation.code', args: { min: 2, max: 16 } } : undefined);

export const RegionCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="code" validate={[required(), codeFormat]} parse={(v: string) => v.toUpperCase()} helperText="CENTRAL-EAST" />
      <TextInput source="name" validate={required()} helperText="华中华东大区" />
    </SimpleForm>
  </Create>
);
