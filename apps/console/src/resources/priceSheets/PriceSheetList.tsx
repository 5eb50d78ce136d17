import { Button, Chip } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link as RouterLink } from 'react-router-dom';
import { CreateButton, DataTable, List, SelectInput, TopToolbar, useCanAccess, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { DateTimeField } from '../../components/fields';
import { OrganizationInput } from '../../components/inputs';
import { Text } from '../../components/stockFields';
import { VenueInput } from '../../components/venue';
import { PRICE_SHEET_STATUSES } from './queries';

const COLOURS: Record<string, 'default' | 'info' | 'warning' | 'success' | 'error' | 'secondary'> = {
  DRAFT: 'default',
  SUBMITTED: 'info',
  FLOOR_REVIEW: 'secondary',
  APPROVED: 'success',
  PARTIALLY_APPROVED: 'warning',
  REJECTED: 'error',
  SUPERSEDED: 'default',
};

export const PriceSheetStatusField = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" color={COLOURS[record.status] ?? 'default'} label={translate(`xp.enums.PriceSheetStatus.${record.status}`)} />;
};

const Actions = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'priceSheets', action: 'create' });
  if (!canAccess) return <TopToolbar />;
  return (
    <TopToolbar>
      <CreateButton />
      <Button component={RouterLink} to="/price-import" size="small" startIcon={<UploadFileIcon />}>{translate('xp.menu.priceImport')}</Button>
    </TopToolbar>
  );
};

/** Price sheets: the reviewers' queue (submitted first), or a factory's own with their status. */
export const PriceSheetList = () => {
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES);
  const reviewer = hasAnyRole(permissions, ['PRICING_REVIEWER']);
  const filters = [
    <VenueInput key="venueId" source="venueId" alwaysOn />,
    <SelectInput key="status" source="status" choices={PRICE_SHEET_STATUSES.map((s) => ({ id: s, name: `xp.enums.PriceSheetStatus.${s}` }))} alwaysOn />,
    ...(factory ? [] : [<OrganizationInput key="factoryOrgId" source="factoryOrgId" kind="FACTORY" />]),
  ];
  return (
    <List filters={filters} filterDefaultValues={reviewer ? { status: 'SUBMITTED' } : {}} sort={{ field: 'submittedAt', order: 'DESC' }} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        {!factory && (
          <DataTable.Col source="factory" disableSort>
            <Text path="factory.name" />
          </DataTable.Col>
        )}
        <DataTable.Col source="venue" disableSort>
          <Text path="venue.name" />
        </DataTable.Col>
        <DataTable.Col source="versionNo" disableSort />
        <DataTable.Col source="lineCount" disableSort />
        <DataTable.Col source="status" disableSort>
          <PriceSheetStatusField />
        </DataTable.Col>
        <DataTable.Col source="effectiveFrom" />
        <DataTable.Col source="submittedAt">
          <DateTimeField source="submittedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
