import { DataTable, DateInput, List, SelectInput, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { EnumField } from '../../components/fields';
import { VenueInput } from '../../components/venue';

const Text = ({ path }: { path: string; label?: string }) => {
  const record = useRecordContext();
  return <span>{path.split('.').reduce<any>((v, k) => v?.[k], record) ?? ''}</span>;
};

const Period = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{record.from} → {record.to ?? translate('xp.showroom.open_ended')}</span>;
};

/** Who stands where and when: a factory's own assignments, or a venue's. */
export const SlotAssignmentList = () => {
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES);
  const filters = [
    ...(factory ? [] : [<VenueInput key="venueId" source="venueId" alwaysOn />]),
    <DateInput key="activeOn" source="activeOn" alwaysOn />,
    <SelectInput key="status" source="status" choices={['LIVE', 'CANCELLED'].map((s) => ({ id: s, name: `xp.enums.SlotAssignmentStatus.${s}` }))} />,
  ];
  return (
    <List filters={filters} filterDefaultValues={{ status: 'LIVE' }} sort={{ field: 'from', order: 'DESC' }} title={factory ? 'xp.showroom.my_assignments' : undefined}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="slot" disableSort>
          <Text path="slot.code" />
        </DataTable.Col>
        <DataTable.Col source="zone" disableSort>
          <Text path="slot.zone.name" />
        </DataTable.Col>
        <DataTable.Col source="product" disableSort>
          <Text path="product.titleZh" />
        </DataTable.Col>
        <DataTable.Col source="sku" disableSort>
          <Text path="sku.code" />
        </DataTable.Col>
        {!factory && (
          <DataTable.Col source="factory" disableSort>
            <Text path="factory.name" />
          </DataTable.Col>
        )}
        <DataTable.Col source="from">
          <Period />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" prefix="xp.enums.SlotAssignmentStatus" chip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
