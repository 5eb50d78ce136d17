import { Box, Divider, Grid, Typography } from '@mui/material';
import {
  DataTable,
  Labeled,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActiveField, DateTimeField, EnumField, MembershipsField } from '../../components/fields';
import { LinkedName } from '../../components/LinkedName';

const Details = () => (
  <Grid container spacing={2} sx={{ width: '100%' }}>
    <Grid size={{ xs: 12, md: 8 }}><Labeled source="name"><TextField source="name" /></Labeled></Grid>
    <Grid size={{ xs: 12, md: 4 }}><Labeled source="kind"><EnumField source="kind" prefix="xp.kinds" chip /></Labeled></Grid>
    <Grid size={{ xs: 12, md: 4 }}><Labeled source="creditCode"><TextField source="creditCode" emptyText="—" sx={{ fontFamily: 'monospace' }} /></Labeled></Grid>
    <Grid size={{ xs: 12, md: 4 }}><Labeled source="region"><LinkedName source="region" reference="regions" /></Labeled></Grid>
    <Grid size={{ xs: 12, md: 4 }}><Labeled source="industryBelt"><TextField source="industryBelt" emptyText="—" /></Labeled></Grid>
    <Grid size={{ xs: 12, md: 8 }}><Labeled source="address"><TextField source="address" emptyText="—" /></Labeled></Grid>
    <Grid size={{ xs: 12, md: 4 }}><Labeled source="createdAt"><DateTimeField source="createdAt" /></Labeled></Grid>
    <Grid size={{ xs: 12, md: 4 }}><Labeled source="contactName"><TextField source="contactName" emptyText="—" /></Labeled></Grid>
    <Grid size={{ xs: 12, md: 4 }}><Labeled source="contactPhone"><TextField source="contactPhone" emptyText="—" /></Labeled></Grid>
  </Grid>
);

/** The venues an operator runs (only for operators). */
const OperatedVenues = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'venues', action: 'list' });
  if (record?.kind !== 'OPERATOR' || !canAccess) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Divider sx={{ mb: 1 }} />
      <Typography variant="subtitle1">{translate('resources.organizations.fields.venues')}</Typography>
      <ReferenceManyField reference="venues" target="operatorOrgId" sort={{ field: 'code', order: 'ASC' }} pagination={<Pagination />}>
        <DataTable rowClick="show" bulkActionButtons={false} resource="venues">
          <DataTable.Col source="code" />
          <DataTable.Col source="name" />
          <DataTable.Col source="city" />
          <DataTable.Col source="status" disableSort>
            <EnumField source="status" prefix="xp.enums.VenueStatus" chip />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

/** The organization's users, for those who manage them. */
const OrganizationUsers = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'users', action: 'list' });
  if (!canAccess) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Divider sx={{ mb: 1 }} />
      <Typography variant="subtitle1">{translate('resources.organizations.fields.users')}</Typography>
      <ReferenceManyField reference="users" target="organizationId" sort={{ field: 'displayName', order: 'ASC' }} pagination={<Pagination />}>
        <DataTable rowClick="show" bulkActionButtons={false} resource="users">
          <DataTable.Col source="displayName" />
          <DataTable.Col source="email" />
          <DataTable.Col source="memberships" disableSort>
            <MembershipsField />
          </DataTable.Col>
          <DataTable.Col source="active" disableSort>
            <ActiveField />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

export const OrganizationShow = () => (
  <Show>
    <SimpleShowLayout>
      <Details />
      <OperatedVenues />
      <OrganizationUsers />
    </SimpleShowLayout>
  </Show>
);
