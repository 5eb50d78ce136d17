import { Button } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { Link as RouterLink } from 'react-router-dom';
import { DataTable, DateInput, List, SelectInput, useListContext, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../../components/fields';
import { useWorkVenues } from '../../components/venue';
import { shanghaiDay } from '../../format/dates';

const ZoneName = (_: { label?: string }) => {
  const record = useRecordContext();
  return <span>{record?.zone ? `${record.zone.code} · ${record.zone.name}` : ''}</span>;
};

const RequestButton = (_: { label?: string | false }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { filterValues } = useListContext();
  if (!record) return null;
  const source = { venueId: record.venueId, slotId: record.id, from: filterValues.freeFrom ?? shanghaiDay(), to: filterValues.freeUntil };
  return (
    <Button size="small" startIcon={<SendIcon />} component={RouterLink} to={`/slotRequests/create?source=${encodeURIComponent(JSON.stringify(source))}`} data-testid={`request-${record.code}`}>
      {translate('xp.showroom.request_slot')}
    </Button>
  );
};

/**
 * A factory's view of the slots free in its venues (from a day, optionally until one), each
 * with a button to request it.
 */
export const FreeSlotList = () => {
  const { venues, isPending } = useWorkVenues();
  if (isPending) return null;
  const filters = [
    <SelectInput key="venueId" source="venueId" choices={venues.map((v) => ({ id: v.id, name: `${v.name}（${v.code}）` }))} translateChoice={false} alwaysOn />,
    <DateInput key="freeFrom" source="freeFrom" alwaysOn />,
    <DateInput key="freeUntil" source="freeUntil" alwaysOn />,
  ];
  return (
    <List filters={filters} filterDefaultValues={{ venueId: venues[0]?.id, freeFrom: shanghaiDay() }} sort={{ field: 'code', order: 'ASC' }} title="xp.menu.freeSlots" exporter={false} empty={false}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="zone" disableSort>
          <ZoneName />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <EnumField source="kind" prefix="xp.enums.SlotKind" />
        </DataTable.Col>
        <DataTable.Col source="widthCm" disableSort />
        <DataTable.Col label={false} disableSort>
          <RequestButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
