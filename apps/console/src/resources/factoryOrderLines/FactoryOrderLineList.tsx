import { DataTable, DateInput, List, SelectInput, useRecordContext } from 'react-admin';
import { DateTimeField, EnumField, MoneyField } from '../../components/fields';
import { SkuInput, SkuText, Text } from '../../components/stockFields';
import { useWorkVenues } from '../../components/venue';
import { ORDER_STATUSES } from '../salesOrders/queries';

const statusChoices = ORDER_STATUSES.map((s) => ({ id: s, name: `xp.enums.SalesOrderStatus.${s}` }));

const VenueFilter = (_: { source: string; alwaysOn?: boolean }) => {
  const { venues } = useWorkVenues();
  return <SelectInput source="venueId" choices={venues.map((v) => ({ id: v.id, name: `${v.name}（${v.code}）` }))} translateChoice={false} />;
};

const Returned = (_: { label?: string }) => {
  const record = useRecordContext();
  return <span>{record?.returnedQuantity || ''}</span>;
};

/** The factory portal's orders: each line of its goods sold at a venue, at its supply price. */
export const FactoryOrderLineList = () => (
  <List
    filters={[
      <VenueFilter key="venueId" source="venueId" alwaysOn />,
      <SelectInput key="orderStatus" source="orderStatus" choices={statusChoices} alwaysOn />,
      <DateInput key="from" source="from" alwaysOn />,
      <DateInput key="to" source="to" alwaysOn />,
      <SkuInput key="skuId" source="skuId" />,
    ]}
    sort={{ field: 'placedAt', order: 'DESC' }}
    perPage={50}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="placedAt">
        <DateTimeField source="placedAt" />
      </DataTable.Col>
      <DataTable.Col source="orderNo">
        <Text path="orderNo" mono />
      </DataTable.Col>
      <DataTable.Col source="venue" disableSort>
        <Text path="venue.name" />
      </DataTable.Col>
      <DataTable.Col source="sku" disableSort>
        <SkuText />
      </DataTable.Col>
      <DataTable.NumberCol source="quantity" />
      <DataTable.Col source="returnedQuantity" disableSort align="right">
        <Returned />
      </DataTable.Col>
      <DataTable.Col source="supplyUnitPrice" disableSort align="right">
        <MoneyField source="supplyUnitPrice" />
      </DataTable.Col>
      <DataTable.Col source="supplyAmount" disableSort align="right">
        <MoneyField source="supplyAmount" />
      </DataTable.Col>
      <DataTable.Col source="orderStatus" disableSort>
        <EnumField source="orderStatus" prefix="xp.enums.SalesOrderStatus" chip />
      </DataTable.Col>
    </DataTable>
  </List>
);
