import { CreateButton, DataTable, List, SearchInput, TopToolbar } from 'react-admin';
import { DateTimeField } from '../../components/fields';

const filters = [<SearchInput key="search" source="search" alwaysOn />];

export const RegionList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }} actions={<TopToolbar><CreateButton /></TopToolbar>}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="createdAt" disableSort>
        <DateTimeField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
