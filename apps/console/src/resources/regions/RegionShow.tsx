import { DataTable, Labeled, Pagination, ReferenceManyField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { DateTimeField, EnumField } from '../../components/fields';
import { LinkedName } from '../../components/LinkedName';

/** A region with the venues in it (those the user may see). */
export const RegionShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <Labeled source="createdAt"><DateTimeField source="createdAt" /></Labeled>
        <Typography variant="subtitle1" sx={{ mt: 2 }}>{translate('resources.venues.name', { smart_count: 2 })}</Typography>
        <ReferenceManyField reference="venues" target="regionId" sort={{ field: 'code', order: 'ASC' }} pagination={<Pagination />} label={false}>
          <DataTable rowClick="show" bulkActionButtons={false} resource="venues">
            <DataTable.Col source="code" />
            <DataTable.Col source="name" />
            <DataTable.Col source="city" />
            <DataTable.Col source="operator" disableSort>
              <LinkedName source="operator" reference="organizations" />
            </DataTable.Col>
            <DataTable.Col source="status" disableSort>
              <EnumField source="status" prefix="xp.enums.VenueStatus" chip />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
};
