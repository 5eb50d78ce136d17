import { DataTable, DateInput, List, SelectInput, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { DateTimeField, EnumField } from '../../components/fields';
import { OrganizationInput } from '../../components/inputs';
import { SkuInput, SkuText, Text } from '../../components/stockFields';
import { VenueInput } from '../../components/venue';
import { MOVEMENT_TYPES } from './queries';

const Route = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const name = (kind: string | null) => (kind ? translate(`xp.enums.LocationKind.${kind}`) : translate('xp.stock.outside'));
  return <span>{name(record.fromLocation)} → {name(record.toLocation)}</span>;
};

const Reference = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.referenceType) return <span>{translate('xp.common.none')}</span>;
  return <span>{translate(`xp.stock.references.${record.referenceType}`, { _: record.referenceType })}</span>;
};

/** The stock ledger, newest first, with filters by venue, SKU, factory, type and business days. */
export const StockMovementList = () => {
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES);
  const filters = [
    <VenueInput key="venueId" source="venueId" alwaysOn />,
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="to" source="to" alwaysOn />,
    <SkuInput key="skuId" source="skuId" />,
    <SelectInput key="type" source="type" choices={MOVEMENT_TYPES.map((t) => ({ id: t, name: `xp.enums.StockMovementType.${t}` }))} />,
    ...(factory ? [] : [<OrganizationInput key="factoryOrgId" source="factoryOrgId" kind="FACTORY" />]),
  ];
  return (
    <List filters={filters} sort={{ field: 'occurredAt', order: 'DESC' }} perPage={50}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="occurredAt">
          <DateTimeField source="occurredAt" withSeconds />
        </DataTable.Col>
        <DataTable.Col source="type">
          <EnumField source="type" prefix="xp.enums.StockMovementType" chip />
        </DataTable.Col>
        <DataTable.Col source="sku" disableSort>
          <SkuText />
        </DataTable.Col>
        {!factory && (
          <DataTable.Col source="ownerFactory" disableSort>
            <Text path="ownerFactory.name" />
          </DataTable.Col>
        )}
        <DataTable.Col source="route" disableSort>
          <Route />
        </DataTable.Col>
        <DataTable.NumberCol source="quantity" />
        <DataTable.Col source="referenceType" disableSort>
          <Reference />
        </DataTable.Col>
        <DataTable.Col source="note" disableSort />
      </DataTable>
    </List>
  );
};
