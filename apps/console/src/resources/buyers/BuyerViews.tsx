import { Box, Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import { DataTable, Labeled, List, Pagination, ReferenceManyField, SelectInput, Show, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, MoneyField } from '../../components/fields';
import { Text } from '../../components/stockFields';
import { VenueInput } from '../../components/venue';
import { fenToMoney, formatMoney, moneyToFen } from '../../format/money';
import { OrderStatusChip } from '../salesOrders/OrderViews';
import { levelReason, MEMBER_LEVELS } from '../salesOrders/rules';

const levelChoices = MEMBER_LEVELS.map((l) => ({ id: l, name: `xp.enums.MemberLevel.${l}` }));

export const LevelChip = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const n = Number(String(record.memberLevel).slice(1));
  return <Chip size="small" color={n >= 4 ? 'secondary' : n >= 1 ? 'primary' : 'default'} label={translate(`xp.enums.MemberLevel.${record.memberLevel}`)} data-testid="member-level" />;
};

const Venues = (_: { label?: string }) => {
  const record = useRecordContext();
  const venues = (record?.venues ?? []) as { id: string; name: string }[];
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {venues.map((v) => <Chip key={v.id} size="small" variant="outlined" label={v.name} />)}
    </Stack>
  );
};

/** Buyers of the user's venues: search by shop name, or find any buyer by a full mobile number. */
export const BuyerList = () => (
  <List
    filters={[
      <TextInput key="search" source="search" alwaysOn helperText="xp.sales.search_hint" />,
      <SelectInput key="memberLevel" source="memberLevel" choices={levelChoices} alwaysOn />,
      <VenueInput key="venueId" source="venueId" />,
    ]}
    sort={{ field: 'createdAt', order: 'DESC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="shopName" />
      <DataTable.Col source="contactName" disableSort />
      <DataTable.Col source="phone" disableSort />
      <DataTable.Col source="city" disableSort />
      <DataTable.Col source="memberLevel">
        <LevelChip />
      </DataTable.Col>
      <DataTable.Col source="venues" disableSort>
        <Venues />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** Why the buyer has its level: last month's purchases against the thresholds. */
const LevelBasis = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const basis = record.memberLevelBasis as { amount: string; month: string; thresholds: string[]; computedAt: string } | null;
  const lines: string[] = [];
  if (!basis) lines.push(translate('xp.sales.level_not_computed'));
  else {
    const { reached, next } = levelReason(record.memberLevel, basis.thresholds);
    lines.push(translate('xp.sales.level_reason', { month: basis.month.slice(0, 7), amount: formatMoney(basis.amount) }));
    lines.push(reached ? translate('xp.sales.level_reached', { level: record.memberLevel, minimum: formatMoney(reached) }) : translate('xp.sales.level_below', { minimum: formatMoney(basis.thresholds[0]) }));
    if (next) {
      const gap = (moneyToFen(next.minimum) ?? 0n) - (moneyToFen(basis.amount) ?? 0n);
      lines.push(translate('xp.sales.level_next', { level: next.level, minimum: formatMoney(next.minimum), gap: formatMoney(fenToMoney(gap > 0n ? gap : 0n)) }));
    } else lines.push(translate('xp.sales.level_top'));
  }
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
          <Typography variant="h6">{translate('xp.sales.level_basis')}</Typography>
          <LevelChip />
        </Stack>
        <Box data-testid="level-basis">
          {lines.map((line) => <Typography key={line} variant="body2">{line}</Typography>)}
        </Box>
      </CardContent>
    </Card>
  );
};

/** One buyer: contact, venues, member level with its reason, and its purchases. */
export const BuyerShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <Box sx={{ p: 2 }}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 6, md: 3 }}><Labeled source="shopName"><Text path="shopName" /></Labeled></Grid>
          <Grid size={{ xs: 6, md: 3 }}><Labeled source="contactName"><Text path="contactName" /></Labeled></Grid>
          <Grid size={{ xs: 6, md: 3 }}><Labeled source="phone"><Text path="phone" mono /></Labeled></Grid>
          <Grid size={{ xs: 6, md: 3 }}><Labeled source="city"><Text path="city" /></Labeled></Grid>
          <Grid size={{ xs: 6, md: 3 }}><Labeled source="wechatId"><Text path="wechatId" /></Labeled></Grid>
          <Grid size={{ xs: 6, md: 3 }}><Labeled source="email"><Text path="email" /></Labeled></Grid>
          <Grid size={{ xs: 6, md: 3 }}><Labeled source="createdAt"><DateTimeField source="createdAt" /></Labeled></Grid>
          <Grid size={{ xs: 6, md: 3 }}><Labeled source="venues"><Venues /></Labeled></Grid>
        </Grid>
        <LevelBasis />
        <Typography variant="h6" sx={{ mt: 3, mb: 1 }}>{translate('xp.sales.buyer_orders')}</Typography>
        <ReferenceManyField reference="salesOrders" target="buyerId" sort={{ field: 'placedAt', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
          <DataTable rowClick="show" bulkActionButtons={false} empty={<Typography variant="body2" color="text.secondary">{translate('xp.sales.no_orders')}</Typography>}>
            <DataTable.Col source="orderNo" label="resources.salesOrders.fields.orderNo">
              <Text path="orderNo" mono />
            </DataTable.Col>
            <DataTable.Col source="placedAt" label="resources.salesOrders.fields.placedAt">
              <DateTimeField source="placedAt" />
            </DataTable.Col>
            <DataTable.Col source="venue" label="resources.salesOrders.fields.venue" disableSort>
              <Text path="venue.name" />
            </DataTable.Col>
            <DataTable.Col source="totalAmount" label="resources.salesOrders.fields.totalAmount" align="right">
              <MoneyField source="totalAmount" />
            </DataTable.Col>
            <DataTable.Col source="status" label="resources.salesOrders.fields.status">
              <OrderStatusChip />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </Box>
    </Show>
  );
};
