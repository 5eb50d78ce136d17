import { useEffect, useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Grid, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import CancelIcon from '@mui/icons-material/Cancel';
import {
  ArrayInput,
  Create,
  CreateButton,
  DataTable,
  DateInput,
  Labeled,
  List,
  NumberInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  TopToolbar,
  minValue,
  required,
  useCanAccess,
  useGetList,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { hasAnyRole, ownOrganization, Permissions } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { DateTimeField } from '../../components/fields';
import { ReasonDialog } from '../../components/ReasonDialog';
import { SkuInput, Text } from '../../components/stockFields';
import { useRunAction } from '../../components/useRunAction';
import { useWorkVenues, VenueInput } from '../../components/venue';
import { RECEIPT_STATUSES } from './queries';

const statusChoices = RECEIPT_STATUSES.map((s) => ({ id: s, name: `xp.enums.ConsignmentReceiptStatus.${s}` }));
const COLOURS: Record<string, 'info' | 'success' | 'default'> = { DECLARED: 'info', RECEIVED: 'success', CANCELLED: 'default' };

const StatusChip = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" color={COLOURS[record.status] ?? 'default'} label={translate(`xp.enums.ConsignmentReceiptStatus.${record.status}`)} />;
};

const Totals = (_: { label?: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  const diff = record.receivedTotal === null || record.receivedTotal === undefined ? null : record.receivedTotal - record.declaredTotal;
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
      {record.declaredTotal} / {record.receivedTotal ?? '—'}
      {diff !== null && diff !== 0 && <Chip size="small" color={diff < 0 ? 'error' : 'warning'} label={diff > 0 ? `+${diff}` : diff} sx={{ ml: 1 }} />}
    </span>
  );
};

const ListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'consignmentReceipts', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="xp.stock.declare" />}</TopToolbar>;
};

/** Delivery notes: those to receive first for the warehouse; a factory's own with what arrived. */
export const ReceiptList = () => {
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES);
  const filters = [<VenueInput key="venueId" source="venueId" alwaysOn />, <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />];
  return (
    <List filters={filters} filterDefaultValues={factory ? {} : { status: 'DECLARED' }} sort={{ field: 'declaredAt', order: 'DESC' }} actions={<ListActions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="deliveryNoteNo" />
        <DataTable.Col source="venue" disableSort>
          <Text path="venue.name" />
        </DataTable.Col>
        {!factory && (
          <DataTable.Col source="factory" disableSort>
            <Text path="factory.name" />
          </DataTable.Col>
        )}
        <DataTable.Col source="status" disableSort>
          <StatusChip />
        </DataTable.Col>
        <DataTable.Col source="totals" disableSort>
          <Totals />
        </DataTable.Col>
        <DataTable.Col source="expectedOn" disableSort />
        <DataTable.Col source="declaredAt">
          <DateTimeField source="declaredAt" />
        </DataTable.Col>
        <DataTable.Col source="receivedAt">
          <DateTimeField source="receivedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

interface Line {
  id: string;
  lineNo: number;
  skuId: string;
  sku: { code: string; attributes: Record<string, string>; product?: { titleZh: string } };
  declaredQuantity: number;
  receivedQuantity: number | null;
  difference: number | null;
}

/**
 * The warehouse records what arrived, line by line (prefilled with the declared quantities),
 * and sees the differences before confirming. One idempotency key per receipt form: a retry
 * after a lost answer replays instead of receiving twice.
 */
const ReceiveForm = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const lines = useMemo(() => (record?.lines ?? []) as Line[], [record?.lines]);
  const [received, setReceived] = useState<Record<string, string>>({});
  // Prefilled with the declared quantities once the lines are there (the list's copy has none).
  useEffect(() => {
    setReceived((r) => ({ ...Object.fromEntries(lines.map((l) => [l.skuId, String(l.declaredQuantity)])), ...r }));
  }, [lines]);
  const [note, setNote] = useState('');
  const receive = useRunAction('consignmentReceipts', 'receive', { successMessage: 'xp.stock.received', idempotent: true });
  const { canAccess } = useCanAccess({ resource: 'consignmentReceipts', action: 'receive', record });
  if (!record || !canAccess || record.status !== 'DECLARED') return null;
  const quantities = lines.map((l) => ({ line: l, value: received[l.skuId] ?? '' }));
  const invalid = quantities.some((q) => !/^\d+$/.test(q.value));
  const differences = quantities.filter((q) => /^\d+$/.test(q.value) && Number(q.value) !== q.line.declaredQuantity);
  const submit = () =>
    receive
      .run({ receiptId: record.id, note: note.trim() || undefined, lines: quantities.map((q) => ({ skuId: q.line.skuId, receivedQuantity: Number(q.value) })) })
      .catch(() => undefined);
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="receive-form">
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>{translate('xp.stock.receive_title')}</Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.consignmentReceipts.fields.sku')}</TableCell>
              <TableCell align="right">{translate('resources.consignmentReceipts.fields.declaredQuantity')}</TableCell>
              <TableCell align="right">{translate('resources.consignmentReceipts.fields.receivedQuantity')}</TableCell>
              <TableCell align="right">{translate('resources.consignmentReceipts.fields.difference')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {quantities.map(({ line, value }) => {
              const diff = /^\d+$/.test(value) ? Number(value) - line.declaredQuantity : null;
              return (
                <TableRow key={line.id}>
                  <TableCell>{line.sku.code} {line.sku.product?.titleZh}</TableCell>
                  <TableCell align="right">{line.declaredQuantity}</TableCell>
                  <TableCell align="right">
                    <MuiTextField
                      size="small"
                      value={value}
                      onChange={(e) => setReceived({ ...received, [line.skuId]: e.target.value.trim() })}
                      error={!/^\d+$/.test(value)}
                      inputProps={{ inputMode: 'numeric', 'data-testid': `received-${line.sku.code}`, style: { textAlign: 'right', width: 80 } }}
                    />
                  </TableCell>
                  <TableCell align="right" sx={{ color: diff ? (diff < 0 ? 'error.main' : 'warning.main') : undefined, fontWeight: diff ? 700 : 400 }} data-testid={`difference-${line.sku.code}`}>
                    {diff === null ? '—' : diff > 0 ? `+${diff}` : diff}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {differences.length > 0 && (
          <Alert severity="warning" sx={{ mt: 2 }} data-testid="receive-differences">
            {translate('xp.stock.differences', { count: differences.length })}
          </Alert>
        )}
        <MuiTextField fullWidth multiline minRows={2} sx={{ mt: 2 }} label={translate('resources.consignmentReceipts.fields.receiveNote')} value={note} onChange={(e) => setNote(e.target.value)} helperText={translate('xp.stock.receive_note_hint')} />
        <Button variant="contained" sx={{ mt: 2 }} disabled={invalid || receive.isPending} onClick={submit} data-testid="receive-submit">
          {translate('xp.stock.receive')}
        </Button>
      </CardContent>
    </Card>
  );
};

const Lines = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || record.status === 'DECLARED') return null;
  const lines = (record.lines ?? []) as Line[];
  return (
    <Table size="small" sx={{ mt: 2 }} data-testid="receipt-lines">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.consignmentReceipts.fields.sku')}</TableCell>
          <TableCell align="right">{translate('resources.consignmentReceipts.fields.declaredQuantity')}</TableCell>
          <TableCell align="right">{translate('resources.consignmentReceipts.fields.receivedQuantity')}</TableCell>
          <TableCell align="right">{translate('resources.consignmentReceipts.fields.difference')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((l) => (
          <TableRow key={l.id}>
            <TableCell>{l.sku.code} {l.sku.product?.titleZh}</TableCell>
            <TableCell align="right">{l.declaredQuantity}</TableCell>
            <TableCell align="right">{l.receivedQuantity ?? '—'}</TableCell>
            <TableCell align="right" sx={{ color: l.difference ? (l.difference < 0 ? 'error.main' : 'warning.main') : undefined, fontWeight: l.difference ? 700 : 400 }}>
              {l.difference === null ? '—' : l.difference > 0 ? `+${l.difference}` : l.difference}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const DeclaredLines = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'consignmentReceipts', action: 'receive', record });
  if (!record || record.status !== 'DECLARED' || canAccess) return null;
  return (
    <Table size="small" sx={{ mt: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.consignmentReceipts.fields.sku')}</TableCell>
          <TableCell align="right">{translate('resources.consignmentReceipts.fields.declaredQuantity')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {((record.lines ?? []) as Line[]).map((l) => (
          <TableRow key={l.id}>
            <TableCell>{l.sku.code} {l.sku.product?.titleZh}</TableCell>
            <TableCell align="right">{l.declaredQuantity}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const CancelButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'consignmentReceipts', action: 'cancel', record });
  const cancel = useRunAction('consignmentReceipts', 'cancel', { successMessage: 'xp.stock.receipt_cancelled' });
  if (!record || !canAccess || record.status !== 'DECLARED') return null;
  return (
    <>
      <Button color="error" startIcon={<CancelIcon />} onClick={() => setOpen(true)}>{translate('xp.stock.cancel_receipt')}</Button>
      <ReasonDialog
        open={open}
        title="xp.stock.confirm_cancel_receipt"
        required
        confirmLabel="xp.stock.cancel_receipt"
        confirmColor="error"
        loading={cancel.isPending}
        onConfirm={(reason) => cancel.run({ receiptId: record.id, reason }).then(() => setOpen(false), () => setOpen(false))}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export const ReceiptShow = () => (
  <Show actions={<TopToolbar><CancelButton /></TopToolbar>}>
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="deliveryNoteNo"><Text path="deliveryNoteNo" mono /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="status"><StatusChip /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="venue"><Text path="venue.name" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="factory"><Text path="factory.name" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="expectedOn"><Text path="expectedOn" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="declaredAt"><DateTimeField source="declaredAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="receivedAt"><DateTimeField source="receivedAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="totals"><Totals /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 6 }}><Labeled source="note"><Text path="note" /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 6 }}><Labeled source="receiveNote"><Text path="receiveNote" /></Labeled></Grid>
        <Grid size={{ xs: 12 }}><CancelReason /></Grid>
      </Grid>
      <DeclaredLines />
      <Lines />
      <ReceiveForm />
    </Box>
  </Show>
);

const CancelReason = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.cancelReason) return null;
  return <Alert severity="info">{translate('resources.consignmentReceipts.fields.cancelReason')}: {record.cancelReason}</Alert>;
};

/** The factories a warehouse may declare for: those admitted at the venue. */
const FactoryChoice = () => {
  const { permissions } = usePermissions<Permissions>();
  const venueId = useWatch({ name: 'venueId' }) as string | undefined;
  const factory = hasAnyRole(permissions, FACTORY_ROLES);
  const { data = [] } = useGetList('venueFactories', { pagination: { page: 1, perPage: 200 }, filter: { venueId, status: ['APPROVED'] } }, { enabled: !factory && !!venueId });
  if (factory) return null;
  return <SelectInput source="factoryOrgId" choices={data.map((vf) => ({ id: vf.factoryOrgId, name: vf.factory?.name }))} translateChoice={false} validate={required()} />;
};

const DeclareLines = () => {
  const venueId = useWatch({ name: 'venueId' }) as string | undefined;
  const factoryOrgId = useWatch({ name: 'factoryOrgId' }) as string | undefined;
  return (
    <ArrayInput source="lines" validate={required()}>
      <SimpleFormIterator inline disableReordering>
        <SkuInput source="skuId" filter={{ venueId, factoryOrgId, status: 'ACTIVE' }} label="resources.consignmentReceipts.fields.sku" required />
        <NumberInput source="quantity" label="resources.consignmentReceipts.fields.declaredQuantity" min={1} step={1} validate={[required(), minValue(1)]} />
      </SimpleFormIterator>
    </ArrayInput>
  );
};

const VenueChoice = () => {
  const { venues } = useWorkVenues();
  return <SelectInput source="venueId" choices={venues.map((v) => ({ id: v.id, name: `${v.name}（${v.code}）` }))} translateChoice={false} validate={required()} />;
};

/** A delivery note (送货单): the factory declares what it sends, or the warehouse for it. */
export const ReceiptCreate = () => {
  const { permissions } = usePermissions<Permissions>();
  const own = permissions && hasAnyRole(permissions, FACTORY_ROLES) ? ownOrganization(permissions, ['FACTORY']) : null;
  const translate = useTranslate();
  return (
    <Create redirect="show" mutationMode="pessimistic" title="xp.stock.declare">
      <SimpleForm defaultValues={{ factoryOrgId: own?.id, lines: [{}] }}>
        <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap">
          <VenueChoice />
          <FactoryChoice />
        </Stack>
        <Stack direction="row" spacing={2}>
          <TextInput source="deliveryNoteNo" validate={required()} />
          <DateInput source="expectedOn" />
        </Stack>
        <Typography variant="caption" color="text.secondary">{translate('xp.stock.declare_hint')}</Typography>
        <DeclareLines />
        <TextInput source="note" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
};
