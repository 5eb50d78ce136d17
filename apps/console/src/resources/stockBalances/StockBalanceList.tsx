import { BooleanInput, DataTable, List, SelectInput, usePermissions } from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { DateTimeField } from '../../components/fields';
import { OrganizationInput } from '../../components/inputs';
import { LocationText, SkuInput, SkuText, Text } from '../../components/stockFields';
import { VenueInput } from '../../components/venue';
import { locationChoices } from './queries';

/** What is where: on hand, reserved and available per venue, SKU and location. */
export const StockBalanceList = () => {
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES);
  const filters = [
    <VenueInput key="venueId" source="venueId" alwaysOn />,
    <SkuInput key="skuId" source="skuId" alwaysOn />,
    <SelectInput key="location" source="location" choices={locationChoices} alwaysOn />,
    ...(factory ? [] : [<OrganizationInput key="factoryOrgId" source="factoryOrgId" kind="FACTORY" />]),
    <BooleanInput key="nonZero" source="nonZero" />,
  ];
  return (
    <List filters={filters} filterDefaultValues={{ nonZero: true }} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25} title={factory ? 'xp.stock.my_stock' : undefined}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="venue" disableSort>
          <Text path="venue.name" />
        </DataTable.Col>
        <DataTable.Col source="sku" disableSort>
          <SkuText />
        </DataTable.Col>
        {!factory && (
          <DataTable.Col source="ownerFactory" disableSort>
            <Text path="ownerFactory.name" />
          </DataTable.Col>
        )}
        <DataTable.Col source="location">
          <LocationText source="location" />
        </DataTable.Col>
        <DataTable.NumberCol source="onHand" />
        <DataTable.NumberCol source="reserved" />
        <DataTable.NumberCol source="available" disableSort />
        <DataTable.Col source="updatedAt">
          <DateTimeField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
