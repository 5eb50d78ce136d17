import { BooleanInput, CreateButton, DataTable, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { ROLES } from '../../access/roles';
import { ActiveField, DateTimeField, MembershipsField } from '../../components/fields';
import { OrganizationInput } from '../../components/inputs';

const filters = [
  <SearchInput key="search" source="search" alwaysOn />,
  <SelectInput key="role" source="role" choices={ROLES.map((r) => ({ id: r, name: `xp.roles.${r}` }))} />,
  <OrganizationInput key="organizationId" source="organizationId" />,
  <BooleanInput key="active" source="active" />,
];

export const UserList = () => (
  <List filters={filters} sort={{ field: 'displayName', order: 'ASC' }} actions={<TopToolbar><CreateButton /></TopToolbar>}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="displayName" />
      <DataTable.Col source="email" />
      <DataTable.Col source="memberships" disableSort>
        <MembershipsField />
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <ActiveField />
      </DataTable.Col>
      <DataTable.Col source="lastLoginAt" disableSort>
        <DateTimeField source="lastLoginAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
