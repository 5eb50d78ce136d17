import { CreateButton, DataTable, List, SearchInput, TextField, TopToolbar } from 'react-admin';
import { DateTimeField, EnumField } from '../../components/fields';
import { KindInput, RegionInput } from '../../components/inputs';
import { LinkedName } from '../../components/LinkedName';

const filters = [
  <SearchInput key="search" source="search" alwaysOn />,
  <KindInput key="kind" source="kind" alwaysOn />,
  <RegionInput key="regionId" source="regionId" />,
];

export const OrganizationList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<TopToolbar><CreateButton /></TopToolbar>}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="kind">
        <EnumField source="kind" prefix="xp.kinds" chip />
      </DataTable.Col>
      <DataTable.Col source="creditCode" disableSort>
        <TextField source="creditCode" emptyText="—" sx={{ fontFamily: 'monospace' }} />
      </DataTable.Col>
      <DataTable.Col source="region" disableSort>
        <LinkedName source="region" reference="regions" />
      </DataTable.Col>
      <DataTable.Col source="contactName" disableSort />
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
