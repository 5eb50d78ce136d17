import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Grid, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import {
  Confirm,
  Create,
  CreateButton,
  DataTable,
  Labeled,
  List,
  SelectInput,
  Show,
  SimpleForm,
  TextInput,
  TopToolbar,
  required,
  useCanAccess,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { DateTimeField, EnumField } from '../../components/fields';
import { ReasonDialog } from '../../components/ReasonDialog';
import { Text } from '../../components/stockFields';
import { useRunAction } from '../../components/useRunAction';
import { useWorkVenues, VenueInput } from '../../components/venue';
import { locationChoices } from '../stockBalances/queries';
import { COUNT_STATUSES } from './queries';

const statusChoices = COUNT_STATUSES.map((s) => ({ id: s, name: `xp.enums.StockCountStatus.${s}` }));

interface CountLine {
  id: string;
  skuId: string;
  sku: { code: string; product?: { titleZh: string } };
  expectedQuantity: number;
  countedQuantity: number | null;
  variance: number | null;
  aboveThreshold: boolean | null;
}

/** Whether a submitted count needs an operator admin (a variance above the venue's threshold). */
const AdminFlag = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || record.status !== 'SUBMITTED') return null;
  return record.requiresAdminApproval ? (
    <Chip size="small" color="warning" label={translate('xp.stock.needs_admin')} data-testid="needs-admin" />
  ) : (
    <Chip size="small" variant="outlined" label={translate('xp.stock.warehouse_may_approve')} />
  );
};

const LineCount = (_: { label?: string }) => {
  const record = useRecordContext();
  return <span>{record?.lines?.length ?? 0}</span>;
};

const ListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'stockCounts', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="xp.stock.start_count" />}</TopToolbar>;
};

/** Stock counts, with those waiting for approval marked by who may approve them. */
export const CountList = () => (
  <List
    filters={[<VenueInput key="venueId" source="venueId" alwaysOn />, <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />, <SelectInput key="location" source="location" choices={locationChoices} />]}
    sort={{ field: 'startedAt', order: 'DESC' }}
    actions={<ListActions />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="startedAt">
        <DateTimeField source="startedAt" />
      </DataTable.Col>
      <DataTable.Col source="venue" disableSort>
        <Text path="venue.name" />
      </DataTable.Col>
      <DataTable.Col source="location" disableSort>
        <EnumField source="location" prefix="xp.enums.LocationKind" />
      </DataTable.Col>
      <DataTable.Col source="lines" disableSort>
        <LineCount />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumField source="status" prefix="xp.enums.StockCountStatus" chip />
      </DataTable.Col>
      <DataTable.Col source="requiresAdminApproval" disableSort>
        <AdminFlag />
      </DataTable.Col>
      <DataTable.Col source="note" disableSort />
    </DataTable>
  </List>
);

/** Counting: a counted quantity per SKU, then submit. */
const CountForm = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const lines = (record?.lines ?? []) as CountLine[];
  const [counted, setCounted] = useState<Record<string, string>>({});
  const submit = useRunAction('stockCounts', 'submit', { successMessage: 'xp.stock.count_submitted' });
  const { canAccess } = useCanAccess({ resource: 'stockCounts', action: 'submit', record });
  if (!record || record.status !== 'COUNTING') return null;
  const editable = canAccess;
  const missing = lines.some((l) => !/^\d+$/.test(counted[l.skuId] ?? ''));
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>{translate('xp.stock.enter_counts')}</Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.stockCounts.fields.sku')}</TableCell>
              <TableCell align="right">{translate('resources.stockCounts.fields.expectedQuantity')}</TableCell>
              <TableCell align="right">{translate('resources.stockCounts.fields.countedQuantity')}</TableCell>
              <TableCell align="right">{translate('resources.stockCounts.fields.variance')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l) => {
              const value = counted[l.skuId] ?? '';
              const variance = /^\d+$/.test(value) ? Number(value) - l.expectedQuantity : null;
              const above = variance !== null && Math.abs(variance) > record.varianceThreshold;
              return (
                <TableRow key={l.id}>
                  <TableCell>{l.sku.code} {l.sku.product?.titleZh}</TableCell>
                  <TableCell align="right">{l.expectedQuantity}</TableCell>
                  <TableCell align="right">
                    <MuiTextField size="small" value={value} disabled={!editable} onChange={(e) => setCounted({ ...counted, [l.skuId]: e.target.value.trim() })} inputProps={{ inputMode: 'numeric', style: { textAlign: 'right', width: 80 } }} />
                  </TableCell>
                  <TableCell align="right" sx={{ color: above ? 'warning.main' : undefined, fontWeight: above ? 700 : 400 }}>
                    {variance === null ? '—' : variance > 0 ? `+${variance}` : variance}
                    {above && <Chip size="small" color="warning" label={translate('xp.stock.above_threshold')} sx={{ ml: 1 }} />}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {editable && (
          <Button
            variant="contained"
            sx={{ mt: 2 }}
            disabled={missing || submit.isPending}
            onClick={() => submit.run({ countId: record.id, lines: lines.map((l) => ({ skuId: l.skuId, countedQuantity: Number(counted[l.skuId]) })) }).catch(() => undefined)}
          >
            {translate('xp.stock.submit_count')}
          </Button>
        )}
      </CardContent>
    </Card>
  );
};

const Result = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || record.status === 'COUNTING') return null;
  const lines = (record.lines ?? []) as CountLine[];
  return (
    <Table size="small" sx={{ mt: 2 }} data-testid="count-lines">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.stockCounts.fields.sku')}</TableCell>
          <TableCell align="right">{translate('resources.stockCounts.fields.expectedQuantity')}</TableCell>
          <TableCell align="right">{translate('resources.stockCounts.fields.countedQuantity')}</TableCell>
          <TableCell align="right">{translate('resources.stockCounts.fields.variance')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((l) => (
          <TableRow key={l.id}>
            <TableCell>{l.sku.code} {l.sku.product?.titleZh}</TableCell>
            <TableCell align="right">{l.expectedQuantity}</TableCell>
            <TableCell align="right">{l.countedQuantity ?? '—'}</TableCell>
            <TableCell align="right">{l.variance === null ? '—' : l.variance > 0 ? `+${l.variance}` : l.variance}</TableCell>
            <TableCell>{l.aboveThreshold && <Chip size="small" color="warning" label={translate('xp.stock.above_threshold')} />}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Approve (variances become ADJUSTMENT movements) — above the threshold only an operator admin may. */
const Approve = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'stockCounts', action: 'approve', record });
  const approve = useRunAction('stockCounts', 'approve', { successMessage: 'xp.stock.count_approved', idempotent: true });
  if (!record || !canAccess || record.status !== 'SUBMITTED') return null;
  const blocked = record.requiresAdminApproval && !hasAnyRole(permissions, ['OPERATOR_ADMIN']);
  return (
    <>
      {blocked ? (
        <Alert severity="warning" sx={{ py: 0 }}>{translate('xp.stock.needs_admin_hint', { threshold: record.varianceThreshold })}</Alert>
      ) : (
        <Button variant="contained" onClick={() => setOpen(true)} disabled={approve.isPending}>{translate('xp.stock.approve_count')}</Button>
      )}
      <Confirm
        isOpen={open}
        loading={approve.isPending}
        title="xp.stock.confirm_approve_count"
        content="xp.stock.confirm_approve_count_content"
        onConfirm={() => approve.run({ countId: record.id }).then(() => setOpen(false), () => setOpen(false))}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

const Cancel = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'stockCounts', action: 'cancel', record });
  const cancel = useRunAction('stockCounts', 'cancel', { successMessage: 'xp.stock.count_cancelled' });
  if (!record || !canAccess || !['COUNTING', 'SUBMITTED'].includes(record.status)) return null;
  return (
    <>
      <Button color="error" onClick={() => setOpen(true)}>{translate('xp.stock.cancel_count')}</Button>
      <ReasonDialog
        open={open}
        title="xp.stock.cancel_count"
        required
        confirmLabel="xp.stock.cancel_count"
        confirmColor="error"
        loading={cancel.isPending}
        onConfirm={(reason) => cancel.run({ countId: record.id, reason }).then(() => setOpen(false), () => setOpen(false))}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export const CountShow = () => (
  <Show actions={<TopToolbar sx={{ gap: 1, alignItems: 'center' }}><Approve /><Cancel /></TopToolbar>}>
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="venue"><Text path="venue.name" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="location"><EnumField source="location" prefix="xp.enums.LocationKind" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="status"><EnumField source="status" prefix="xp.enums.StockCountStatus" chip /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="varianceThreshold"><Text path="varianceThreshold" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="startedAt"><DateTimeField source="startedAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="submittedAt"><DateTimeField source="submittedAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="approvedAt"><DateTimeField source="approvedAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="requiresAdminApproval"><AdminFlag /></Labeled></Grid>
        <Grid size={{ xs: 12 }}><Labeled source="note"><Text path="note" /></Labeled></Grid>
      </Grid>
      <CountForm />
      <Result />
    </Box>
  </Show>
);

const VenueChoice = () => {
  const { venues } = useWorkVenues();
  return <SelectInput source="venueId" choices={venues.map((v) => ({ id: v.id, name: `${v.name}（${v.code}）` }))} translateChoice={false} validate={required()} />;
};

/** Starts a count of a location: the expected quantities are snapshot now. */
export const CountCreate = () => (
  <Create redirect="show" mutationMode="pessimistic" title="xp.stock.start_count">
    <SimpleForm defaultValues={{ location: 'WAREHOUSE' }}>
      <VenueChoice />
      <SelectInput source="location" choices={locationChoices} validate={required()} />
      <TextInput source="note" fullWidth />
    </SimpleForm>
  </Create>
);
