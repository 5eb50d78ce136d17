import { ArrayInput, Create, email, PasswordInput, required, SimpleForm, SimpleFormIterator, TextInput } from 'react-admin';
import { passwordRule } from '../../account/password';
import { MembershipInputs } from './MembershipInputs';

export const UserCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ memberships: [{}] }}>
      <TextInput source="displayName" validate={required()} />
      <TextInput source="email" type="email" validate={[required(), email()]} />
      <PasswordInput source="password" validate={[required(), passwordRule]} helperText="xp.account.password_hint" />
      <ArrayInput source="memberships" validate={required()}>
        <SimpleFormIterator inline disableReordering>
          <MembershipInputs />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  </Create>
);
