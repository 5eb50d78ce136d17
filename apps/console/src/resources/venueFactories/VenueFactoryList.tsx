import { Chip, Stack } from '@mui/material';
import { CreateButton, DataTable, DateInput, List, SearchInput, SelectInput, TopToolbar, useCanAccess, usePermissions, useRecordContext } from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { CategoryInput } from '../../components/categories';
import { DateTimeField } from '../../components/fields';
import { VenueInput } from '../../components/venue';
import { VENUE_FACTORY_STATUSES } from './queries';
import { VenueFactoryStatusField } from './VenueFactoryStatusField';

export const venueFactoryStatusChoices = VENUE_FACTORY_STATUSES.map((s) => ({ id: s, name: `xp.enums.VenueFactoryStatus.${s}` }));

const reviewerFilters = [
  <SearchInput key="search" source="search" alwaysOn />,
  <VenueInput key="venueId" source="venueId" alwaysOn />,
  <SelectInput key="status" source="status" choices={venueFactoryStatusChoices} alwaysOn />,
  <CategoryInput key="categoryId" source="categoryId" />,
  <DateInput key="submittedFrom" source="submittedFrom" />,
  <DateInput key="submittedTo" source="submittedTo" />,
];

const factoryFilters = [<SelectInput key="status" source="status" choices={venueFactoryStatusChoices} alwaysOn />];

const Categories = () => {
  const record = useRecordContext();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {(record?.categories ?? []).map((c: { id: string; nameZh: string }) => (
        <Chip key={c.id} size="small" variant="outlined" label={c.nameZh} />
      ))}
    </Stack>
  );
};

const VenueName = () => {
  const record = useRecordContext();
  return <span>{record?.venue ? `${record.venue.name}（${record.venue.code}）` : ''}</span>;
};

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'venueFactories', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="xp.onboarding.apply" />}</TopToolbar>;
};

/**
 * For the venue's reviewers the review queue (submitted applications first, filters by venue,
 * status, category, submission days and the factory's name); for a factory its own applications.
 */
export const VenueFactoryList = () => {
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES);
  return (
    <List
      filters={factory ? factoryFilters : reviewerFilters}
      filterDefaultValues={factory ? {} : { status: 'SUBMITTED' }}
      sort={factory ? { field: 'updatedAt', order: 'DESC' } : { field: 'submittedAt', order: 'ASC' }}
      actions={<Actions />}
      title={factory ? 'xp.onboarding.my_applications' : 'xp.onboarding.review_queue'}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        {!factory && (
          <DataTable.Col source="factory" disableSort>
            <span data-testid="factory-name"><FactoryName /></span>
          </DataTable.Col>
        )}
        <DataTable.Col source="venue" disableSort>
          <VenueName />
        </DataTable.Col>
        <DataTable.Col source="status">
          <VenueFactoryStatusField />
        </DataTable.Col>
        <DataTable.Col source="categories" disableSort>
          <Categories />
        </DataTable.Col>
        <DataTable.Col source="paymentTermDays" disableSort />
        <DataTable.Col source="submittedAt">
          <DateTimeField source="submittedAt" />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <DateTimeField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const FactoryName = () => {
  const record = useRecordContext();
  return <span>{record?.factory?.name}</span>;
};
