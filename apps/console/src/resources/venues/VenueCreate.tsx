import { Create, required, SimpleForm, TextInput } from 'react-admin';
import { OrganizationInput, RegionInput } from '../../components/inputs';

const codeFormat = (value: string) => (value && !/^[A-Z0-9-]{2,24}$/.test(value) ? { message: 'xp.validation.code', args: { min: 2, max: 24 } } : undefined);

export const VenueCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <TextInput source="code" validate={[required(), codeFormat]} parse={(v: string) => v.toUpperCase()} helperText="ZZ-AIRPORT" />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="city" validate={required()} />
      <TextInput source="categoryFocus" validate={required()} helperText="全品类 / 五金 / 3C" />
      <RegionInput source="regionId" required />
      <OrganizationInput source="operatorOrgId" kind="OPERATOR" required />
      <OrganizationInput source="governmentOrgId" kind="GOVERNMENT" />
    </SimpleForm>
  </Create>
);
