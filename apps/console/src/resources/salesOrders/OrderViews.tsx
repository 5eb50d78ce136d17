import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Grid, Link, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import {
  AutocompleteInput,
  Confirm,
  CreateButton,
  DataTable,
  DateInput,
  Labeled,
  List,
  ReferenceInput,
  SelectInput,
  Show,
  TextInput,
  TopToolbar,
  useCanAccess,
  useGetMany,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Permissions } from '../../access/permissions';
import { DateTimeField, MoneyField } from '../../components/fields';
import { OrganizationInput } from '../../components/inputs';
import { LinkedName } from '../../components/LinkedName';
import { ReasonDialog } from '../../components/ReasonDialog';
import { SkuInput, Text } from '../../components/stockFields';
import { useRunAction } from '../../components/useRunAction';
import { VenueInput } from '../../components/venue';
import { shanghaiDay } from '../../format/dates';
import { formatMoney } from '../../format/money';
import { PriceVersionText, SkuCell, SkuRef, usePriceVersions } from './parts';
import { ORDER_STATUSES } from './queries';
import { multiplyMoney, sumMoney } from '../../format/money';
import { OrderStatus, OrderStep, orderStepsFor, returnableQuantity } from './rules';

const STATUS_COLOURS: Record<string, 'default' | 'info' | 'success' | 'warning' | 'primary'> = {
  PLACED: 'warning',
  PAID: 'info',
  SHIPPED: 'primary',
  DELIVERED: 'success',
  CANCELLED: 'default',
  EXPIRED: 'default',
};

export const OrderStatusChip = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" color={STATUS_COLOURS[record.status] ?? 'default'} label={translate(`xp.enums.SalesOrderStatus.${record.status}`)} data-testid="order-status" />;
};

const LineCount = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{translate('xp.sales.line_count', { count: record?.lineIds?.length ?? record?.lines?.length ?? 0 })}</span>;
};

const bySearch = (search: string) => (search ? { search } : {});

/** A buyer by shop name (or a full mobile number). */
export const BuyerInput = ({ source = 'buyerId', required, alwaysOn: _a }: { source?: string; required?: boolean; alwaysOn?: boolean }) => (
  <ReferenceInput source={source} reference="buyers" sort={{ field: 'shopName', order: 'ASC' }} perPage={50}>
    <AutocompleteInput
      optionText={(b: { shopName: string; contactName: string; phone: string }) => `${b.shopName} · ${b.contactName} ${b.phone}`}
      filterToQuery={bySearch}
      validate={required ? (v: unknown) => (v ? undefined : 'ra.validation.required') : undefined}
      sx={{ minWidth: 300 }}
    />
  </ReferenceInput>
);

const ListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'salesOrders', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="xp.sales.place" />}</TopToolbar>;
};

const statusChoices = ORDER_STATUSES.map((s) => ({ id: s, name: `xp.enums.SalesOrderStatus.${s}` }));

/** Wholesale orders, newest first, by venue, status, buyer, days, factory, SKU or scan code. */
export const OrderList = () => (
  <List
    filters={[
      <VenueInput key="venueId" source="venueId" alwaysOn />,
      <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
      <BuyerInput key="buyerId" source="buyerId" alwaysOn />,
      <DateInput key="from" source="from" alwaysOn />,
      <DateInput key="to" source="to" alwaysOn />,
      <OrganizationInput key="factoryOrgId" source="factoryOrgId" kind="FACTORY" />,
      <SkuInput key="skuId" source="skuId" />,
      <TextInput key="scanCode" source="scanCode" />,
    ]}
    sort={{ field: 'placedAt', order: 'DESC' }}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="orderNo">
        <Text path="orderNo" mono />
      </DataTable.Col>
      <DataTable.Col source="placedAt">
        <DateTimeField source="placedAt" />
      </DataTable.Col>
      <DataTable.Col source="venue" disableSort>
        <Text path="venue.name" />
      </DataTable.Col>
      <DataTable.Col source="buyer" disableSort>
        <Text path="buyer.shopName" />
      </DataTable.Col>
      <DataTable.Col source="lines" disableSort>
        <LineCount />
      </DataTable.Col>
      <DataTable.Col source="totalAmount" align="right">
        <MoneyField source="totalAmount" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <OrderStatusChip />
      </DataTable.Col>
    </DataTable>
  </List>
);

interface OrderLine {
  id: string;
  lineNo: number;
  skuId: string;
  sku: SkuRef;
  factoryOrgId: string;
  quantity: number;
  unitPrice: string;
  amount: string;
  supplyUnitPrice: string;
  retailPrice: string;
  priceVersionId: string;
  scanCode: string | null;
  returnedQuantity: number;
}

/** The lines with their SKU, factory, quantity, prices, the price version and the scan they came from. */
const Lines = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const lines = (record?.lines ?? []) as OrderLine[];
  const versions = usePriceVersions(record?.venueId, useMemo(() => lines.map((l) => l.skuId), [lines]));
  const factoryIds = useMemo(() => [...new Set(lines.map((l) => l.factoryOrgId))], [lines]);
  const { data: factories } = useGetMany('organizations', { ids: factoryIds }, { enabled: factoryIds.length > 0 });
  const factoryName = (id: string) => factories?.find((f) => f.id === id)?.name ?? translate('xp.common.none');
  // Opened from the list, the record is the list's row (no lines) until the order itself arrives.
  if (!record?.lines) return null;
  const supplyTotal = sumMoney(lines.map((l) => multiplyMoney(l.supplyUnitPrice, l.quantity)));
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>{translate('xp.sales.lines')}</Typography>
        <Table size="small" data-testid="order-lines">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.salesOrders.fields.lineNo')}</TableCell>
              <TableCell>{translate('resources.salesOrders.fields.sku')}</TableCell>
              <TableCell>{translate('resources.salesOrders.fields.factory')}</TableCell>
              <TableCell align="right">{translate('resources.salesOrders.fields.quantity')}</TableCell>
              <TableCell align="right">{translate('resources.salesOrders.fields.unitPrice')}</TableCell>
              <TableCell align="right">{translate('resources.salesOrders.fields.amount')}</TableCell>
              <TableCell align="right">{translate('resources.salesOrders.fields.supplyUnitPrice')}</TableCell>
              <TableCell>{translate('resources.salesOrders.fields.priceVersion')}</TableCell>
              <TableCell>{translate('resources.salesOrders.fields.scanCode')}</TableCell>
              <TableCell align="right">{translate('resources.salesOrders.fields.returnedQuantity')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.id} data-testid="order-line">
                <TableCell>{l.lineNo}</TableCell>
                <TableCell><SkuCell sku={l.sku} /></TableCell>
                <TableCell>{factoryName(l.factoryOrgId)}</TableCell>
                <TableCell align="right">{l.quantity}</TableCell>
                <TableCell align="right">{formatMoney(l.unitPrice)}</TableCell>
                <TableCell align="right">{formatMoney(l.amount)}</TableCell>
                <TableCell align="right">{formatMoney(l.supplyUnitPrice)}</TableCell>
                <TableCell><PriceVersionText id={l.priceVersionId} versions={versions} /></TableCell>
                <TableCell>
                  {l.scanCode ? <Chip size="small" variant="outlined" label={translate('xp.sales.from_scan', { code: l.scanCode })} data-testid="line-scan" /> : <Typography variant="body2" color="text.secondary">{translate('xp.sales.no_scan')}</Typography>}
                </TableCell>
                <TableCell align="right">{l.returnedQuantity || ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell colSpan={5} align="right">{translate('xp.sales.total')}</TableCell>
              <TableCell align="right" data-testid="order-total" sx={{ fontWeight: 700 }}>{formatMoney(record.totalAmount)}</TableCell>
              <TableCell align="right">{formatMoney(supplyTotal)}</TableCell>
              <TableCell colSpan={3}>{translate('xp.sales.supply_total')}</TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </CardContent>
    </Card>
  );
};

const Returns = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const returns = (record?.returns ?? []) as { id: string; returnNo: string; status: string; amount: string; reason: string; requestedAt: string }[];
  if (!record || returns.length === 0) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>{translate('xp.sales.returns')}</Typography>
        <Table size="small" data-testid="order-returns">
          <TableBody>
            {returns.map((r) => (
              <TableRow key={r.id}>
                <TableCell><Link component={RouterLink} to={`/salesReturns/${r.id}/show`}>{r.returnNo}</Link></TableCell>
                <TableCell>{translate(`xp.enums.ReturnReason.${r.reason}`)}</TableCell>
                <TableCell>{translate(`xp.enums.SalesReturnStatus.${r.status}`)}</TableCell>
                <TableCell align="right">{formatMoney(r.amount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

const STEP_MESSAGES: Record<OrderStep, { label: string; done: string }> = {
  pay: { label: 'xp.sales.pay', done: 'xp.sales.paid' },
  ship: { label: 'xp.sales.ship', done: 'xp.sales.shipped' },
  deliver: { label: 'xp.sales.deliver', done: 'xp.sales.delivered' },
  cancel: { label: 'xp.sales.cancel', done: 'xp.sales.cancelled' },
};

/** The workflow steps this order's status and the user's roles allow, each answered by the API before the page changes. */
const Steps = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const [open, setOpen] = useState<OrderStep | null>(null);
  const pay = useRunAction('salesOrders', 'pay', { successMessage: STEP_MESSAGES.pay.done });
  const ship = useRunAction('salesOrders', 'ship', { successMessage: STEP_MESSAGES.ship.done, idempotent: true });
  const deliver = useRunAction('salesOrders', 'deliver', { successMessage: STEP_MESSAGES.deliver.done });
  const cancel = useRunAction('salesOrders', 'cancel', { successMessage: STEP_MESSAGES.cancel.done, idempotent: true });
  const { canAccess: mayReturn } = useCanAccess({ resource: 'salesReturns', action: 'create' });
  if (!record || !permissions) return null;
  const steps = orderStepsFor(record.status as OrderStatus, permissions.roles);
  const close = () => setOpen(null);
  const lines = (record.lines ?? []) as OrderLine[];
  const returnable = lines.some((l) => returnableQuantity(l, record.status, record.returnWindowEndsOn, shanghaiDay()) > 0);
  return (
    <>
      {steps.map((step) => (
        <Button key={step} variant={step === 'cancel' ? 'text' : 'contained'} color={step === 'cancel' ? 'error' : 'primary'} onClick={() => setOpen(step)} data-testid={`order-step-${step}`}>
          {translate(STEP_MESSAGES[step].label)}
        </Button>
      ))}
      {mayReturn && returnable && (
        <Button component={RouterLink} to={`/salesReturns/create?source=${encodeURIComponent(JSON.stringify({ orderId: record.id }))}`} data-testid="order-request-return">
          {translate('xp.sales.request_return')}
        </Button>
      )}
      <ReasonDialog
        open={open === 'pay'}
        title="xp.sales.pay_title"
        content="xp.sales.pay_hint"
        required={false}
        confirmLabel="xp.sales.pay"
        loading={pay.isPending}
        onConfirm={(reference) => pay.run({ orderId: record.id, ...(reference ? { paymentReference: reference } : {}) }).then(close, close)}
        onClose={close}
      />
      <Confirm
        isOpen={open === 'ship'}
        loading={ship.isPending}
        title="xp.sales.confirm_ship"
        content="xp.sales.confirm_ship_content"
        onConfirm={() => ship.run({ orderId: record.id }).then(close, close)}
        onClose={close}
      />
      <Confirm
        isOpen={open === 'deliver'}
        loading={deliver.isPending}
        title="xp.sales.confirm_deliver"
        content="xp.sales.confirm_deliver_content"
        onConfirm={() => deliver.run({ orderId: record.id }).then(close, close)}
        onClose={close}
      />
      <ReasonDialog
        open={open === 'cancel'}
        title="xp.sales.cancel"
        content="xp.sales.cancel_hint"
        required
        confirmLabel="xp.sales.cancel"
        confirmColor="error"
        loading={cancel.isPending}
        onConfirm={(reason) => cancel.run({ orderId: record.id, reason }).then(close, close)}
        onClose={close}
      />
    </>
  );
};

const ExpiresAt = (_: { label?: string }) => {
  const record = useRecordContext();
  if (!record || record.status !== 'PLACED') return null;
  return (
    <Grid size={{ xs: 6, md: 3 }}>
      <Labeled source="expiresAt"><DateTimeField source="expiresAt" /></Labeled>
    </Grid>
  );
};

const CancelReason = () => {
  const record = useRecordContext();
  if (!record?.cancelReason) return null;
  return <Alert severity="info" sx={{ mt: 2 }}>{record.cancelReason}</Alert>;
};

/** One order: who, where, its state and dates, its lines with prices and versions, its returns, and the steps the user may take. */
export const OrderShow = () => (
  <Show actions={<TopToolbar sx={{ gap: 1, alignItems: 'center' }}><Steps /></TopToolbar>}>
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="orderNo"><Text path="orderNo" mono /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="status"><OrderStatusChip /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="venue"><Text path="venue.name" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="buyer"><LinkedName source="buyer" reference="buyers" field="shopName" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="totalAmount"><MoneyField source="totalAmount" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="placedAt"><DateTimeField source="placedAt" /></Labeled></Grid>
        <ExpiresAt />
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="paidAt"><DateTimeField source="paidAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="shippedAt"><DateTimeField source="shippedAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="deliveredAt"><DateTimeField source="deliveredAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="returnWindowEndsOn"><Text path="returnWindowEndsOn" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="paymentReference"><Text path="paymentReference" mono /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 6 }}><Labeled source="note"><Text path="note" /></Labeled></Grid>
      </Grid>
      <CancelReason />
      <Lines />
      <Returns />
    </Box>
  </Show>
);

