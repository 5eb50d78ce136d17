import { CreateButton, DataTable, ExportButton, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { EnumField } from '../../components/fields';
import { LinkedName } from '../../components/LinkedName';
import { OrganizationInput, RegionInput } from '../../components/inputs';

export const VENUE_STATUSES = ['ACTIVE', 'CLOSED'] as const;
export const venueStatusChoices = VENUE_STATUSES.map((s) => ({ id: s, name: `xp.enums.VenueStatus.${s}` }));

const filters = [
  <SearchInput key="search" source="search" alwaysOn />,
  <RegionInput key="regionId" source="regionId" />,
  <OrganizationInput key="operatorOrgId" source="operatorOrgId" kind="OPERATOR" />,
  <SelectInput key="status" source="status" choices={venueStatusChoices} />,
];

const Actions = () => (
  <TopToolbar>
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

export const VenueList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }} actions={<Actions />}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="city" />
      <DataTable.Col source="categoryFocus" disableSort />
      <DataTable.Col source="region" disableSort>
        <LinkedName source="region" reference="regions" />
      </DataTable.Col>
      <DataTable.Col source="operator" disableSort>
        <LinkedName source="operator" reference="organizations" />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <EnumField source="status" prefix="xp.enums.VenueStatus" chip />
      </DataTable.Col>
    </DataTable>
  </List>
);
