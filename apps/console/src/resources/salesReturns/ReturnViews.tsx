import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Grid, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  DataTable,
  Labeled,
  List,
  NumberInput,
  ReferenceInput,
  SelectInput,
  Show,
  SimpleForm,
  TextInput,
  TopToolbar,
  maxValue,
  minValue,
  required,
  useCanAccess,
  useGetOne,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DateTimeField, EnumField, MoneyField } from '../../components/fields';
import { LinkedName } from '../../components/LinkedName';
import { ReasonDialog } from '../../components/ReasonDialog';
import { Text } from '../../components/stockFields';
import { useRunAction } from '../../components/useRunAction';
import { VenueInput } from '../../components/venue';
import { shanghaiDay } from '../../format/dates';
import { SkuCell, SkuRef } from '../salesOrders/parts';
import { returnableQuantity } from '../salesOrders/rules';
import { RETURN_REASONS, RETURN_STATUSES } from './queries';

const statusChoices = RETURN_STATUSES.map((s) => ({ id: s, name: `xp.enums.SalesReturnStatus.${s}` }));
const reasonChoices = RETURN_REASONS.map((r) => ({ id: r, name: `xp.enums.ReturnReason.${r}` }));

/** Customer returns: those awaiting goods first for the warehouse. */
export const ReturnList = () => (
  <List
    filters={[<VenueInput key="venueId" source="venueId" alwaysOn />, <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />]}
    sort={{ field: 'requestedAt', order: 'DESC' }}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="returnNo">
        <Text path="returnNo" mono />
      </DataTable.Col>
      <DataTable.Col source="requestedAt">
        <DateTimeField source="requestedAt" />
      </DataTable.Col>
      <DataTable.Col source="order" disableSort>
        <Text path="order.orderNo" mono />
      </DataTable.Col>
      <DataTable.Col source="buyer" disableSort>
        <Text path="order.buyer.shopName" />
      </DataTable.Col>
      <DataTable.Col source="reason" disableSort>
        <EnumField source="reason" prefix="xp.enums.ReturnReason" />
      </DataTable.Col>
      <DataTable.Col source="amount" align="right">
        <MoneyField source="amount" />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <EnumField source="status" prefix="xp.enums.SalesReturnStatus" chip />
      </DataTable.Col>
    </DataTable>
  </List>
);

interface ReturnLine {
  id: string;
  lineNo: number;
  skuId: string;
  sku: SkuRef;
  quantity: number;
  location: string | null;
}

/** Receiving: where each line's goods go (back to stock, or damaged). */
const Receive = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [where, setWhere] = useState<Record<string, string>>({});
  const { canAccess } = useCanAccess({ resource: 'salesReturns', action: 'receive', record });
  const receive = useRunAction('salesReturns', 'receive', { successMessage: 'xp.sales.return_received', idempotent: true });
  if (!record || !canAccess || record.status !== 'REQUESTED') return null;
  const lines = (record.lines ?? []) as ReturnLine[];
  return (
    <>
      <Button variant="contained" onClick={() => setOpen(true)} data-testid="return-receive">{translate('xp.sales.receive_return')}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('xp.sales.receive_return_title')}</DialogTitle>
        <DialogContent>
          {lines.map((l) => (
            <Box key={l.id} sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1 }}>
              <Box sx={{ flex: 1 }}><SkuCell sku={l.sku} /> × {l.quantity}</Box>
              <MuiTextField select size="small" value={where[l.skuId] ?? 'WAREHOUSE'} onChange={(e) => setWhere({ ...where, [l.skuId]: e.target.value })} sx={{ minWidth: 140 }} data-testid={`return-destination-${l.sku.code}`}>
                {['WAREHOUSE', 'DAMAGED'].map((d) => <MenuItem key={d} value={d}>{translate(`xp.enums.ReturnDestination.${d}`)}</MenuItem>)}
              </MuiTextField>
            </Box>
          ))}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={receive.isPending}
            data-testid="return-receive-confirm"
            onClick={() => receive.run({ returnId: record.id, lines: lines.map((l) => ({ skuId: l.skuId, location: where[l.skuId] ?? 'WAREHOUSE' })) }).then(() => setOpen(false), () => undefined)}
          >
            {translate('xp.sales.receive_return')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

const Cancel = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'salesReturns', action: 'cancel', record });
  const cancel = useRunAction('salesReturns', 'cancel', { successMessage: 'xp.sales.return_cancelled' });
  if (!record || !canAccess || record.status !== 'REQUESTED') return null;
  return (
    <>
      <Button color="error" onClick={() => setOpen(true)}>{translate('xp.sales.cancel_return')}</Button>
      <ReasonDialog
        open={open}
        title="xp.sales.cancel_return"
        required
        confirmLabel="xp.sales.cancel_return"
        confirmColor="error"
        loading={cancel.isPending}
        onConfirm={(reason) => cancel.run({ returnId: record.id, reason }).then(() => setOpen(false), () => setOpen(false))}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

const Lines = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const lines = (record.lines ?? []) as ReturnLine[];
  return (
    <Table size="small" sx={{ mt: 2 }} data-testid="return-lines">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.salesReturns.fields.sku')}</TableCell>
          <TableCell align="right">{translate('resources.salesReturns.fields.quantity')}</TableCell>
          <TableCell>{translate('resources.salesReturns.fields.location')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((l) => (
          <TableRow key={l.id}>
            <TableCell><SkuCell sku={l.sku} /></TableCell>
            <TableCell align="right">{l.quantity}</TableCell>
            <TableCell>{l.location ? translate(`xp.enums.ReturnDestination.${l.location}`) : translate('xp.common.none')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Policy = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.policy) return null;
  return (
    <Alert severity="info" sx={{ mt: 2 }}>
      <Typography variant="subtitle2">{translate('xp.sales.policy', { version: record.policy.version, days: record.policy.windowDays })}</Typography>
      <Typography variant="body2">{record.policy.text}</Typography>
    </Alert>
  );
};

export const ReturnShow = () => (
  <Show actions={<TopToolbar sx={{ gap: 1, alignItems: 'center' }}><Receive /><Cancel /></TopToolbar>}>
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="returnNo"><Text path="returnNo" mono /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="status"><EnumField source="status" prefix="xp.enums.SalesReturnStatus" chip /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="order"><LinkedName source="order" reference="salesOrders" field="orderNo" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="buyer"><Text path="order.buyer.shopName" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="reason"><EnumField source="reason" prefix="xp.enums.ReturnReason" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="amount"><MoneyField source="amount" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="requestedAt"><DateTimeField source="requestedAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="receivedAt"><DateTimeField source="receivedAt" /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 6 }}><Labeled source="note"><Text path="note" /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 6 }}><Labeled source="cancelReason"><Text path="cancelReason" /></Labeled></Grid>
      </Grid>
      <Lines />
      <Policy />
    </Box>
  </Show>
);

interface OrderLine {
  id: string;
  skuId: string;
  sku: SkuRef;
  quantity: number;
  returnedQuantity: number;
}

/** The order's lines with what is still returnable and a quantity input each. */
const ReturnQuantities = () => {
  const translate = useTranslate();
  const orderId = useWatch({ name: 'orderId' }) as string | undefined;
  const { data: order } = useGetOne('salesOrders', { id: orderId ?? '' }, { enabled: !!orderId });
  if (!order) return null;
  const today = shanghaiDay();
  const lines = (order.lines ?? []) as OrderLine[];
  const open = lines.some((l) => returnableQuantity(l, order.status, order.returnWindowEndsOn, today) > 0);
  return (
    <Box sx={{ width: '100%' }}>
      {open ? (
        <Alert severity="info" sx={{ mb: 1 }}>{translate('xp.sales.return_hint', { until: order.returnWindowEndsOn ?? '' })}</Alert>
      ) : (
        <Alert severity="warning" sx={{ mb: 1 }}>{translate('xp.sales.return_window_over', { until: order.returnWindowEndsOn ?? translate('xp.common.none') })}</Alert>
      )}
      {lines.map((l) => {
        const max = returnableQuantity(l, order.status, order.returnWindowEndsOn, today);
        return (
          <Box key={l.id} sx={{ display: 'flex', gap: 2, alignItems: 'center' }} data-testid="return-line">
            <Box sx={{ flex: 1 }}>
              <SkuCell sku={l.sku} />
              <Typography variant="caption" color="text.secondary" component="div">{translate('xp.sales.returnable', { count: max })}</Typography>
            </Box>
            <NumberInput source={`quantities.${l.skuId}`} label="xp.sales.return_quantity" min={0} max={max} step={1} disabled={max === 0} validate={[minValue(0), maxValue(max)]} />
          </Box>
        );
      })}
    </Box>
  );
};

const noSearch = () => ({});

const atLeastOneLine = (values: Record<string, unknown>) => {
  const quantities = (values.quantities as Record<string, unknown> | undefined) ?? {};
  return Object.values(quantities).some((q) => Number(q) > 0) ? {} : { orderId: 'xp.sales.nothing_to_return' };
};

/** A return on a delivered order's lines, within the venue's return window. */
export const ReturnCreate = () => (
  <Create redirect="show" mutationMode="pessimistic" title="xp.sales.request_return">
    <SimpleForm validate={atLeastOneLine} defaultValues={{ reason: 'NO_REASON_7_DAYS' }}>
      <ReferenceInput source="orderId" reference="salesOrders" filter={{ status: 'DELIVERED' }} sort={{ field: 'placedAt', order: 'DESC' }} perPage={50}>
        {/* The API has no search over orders: the latest delivered ones are offered (a return usually starts from its order's page). */}
        <AutocompleteInput optionText={(o: { orderNo: string; buyer?: { shopName: string } }) => `${o.orderNo} · ${o.buyer?.shopName ?? ''}`} filterToQuery={noSearch} validate={required()} sx={{ minWidth: 360 }} />
      </ReferenceInput>
      <ReturnQuantities />
      <SelectInput source="reason" choices={reasonChoices} validate={required()} />
      <TextInput source="note" multiline fullWidth />
    </SimpleForm>
  </Create>
);
