import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Grid, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
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
  regex,
  required,
  useCanAccess,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { useErrorText } from '../../api/useApi';
import { DateTimeField, MoneyField } from '../../components/fields';
import { OrganizationInput } from '../../components/inputs';
import { ReasonDialog } from '../../components/ReasonDialog';
import { Text } from '../../components/stockFields';
import { useRunAction } from '../../components/useRunAction';
import { useCurrentVenue, useWorkVenues, VenueInput } from '../../components/venue';
import { formatDateTime, shanghaiDay } from '../../format/dates';
import { formatMoney } from '../../format/money';
import { saveFile } from '../../graphql/files';
import { PriceVersionText, SkuCell, SkuRef, usePriceVersions } from '../salesOrders/parts';
import { lastEndedMonth, monthOf, SETTLEMENT_STATUSES, SettlementStatus, SettlementStep, settlementStepsFor, statementFileName, statementFiles } from './rules';

const STATUS_COLOURS: Record<string, 'default' | 'info' | 'success' | 'warning' | 'error'> = {
  DRAFT: 'default',
  ISSUED: 'info',
  DISPUTED: 'error',
  CONFIRMED: 'success',
  PAID: 'success',
};

export const SettlementStatusChip = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" color={STATUS_COLOURS[record.status] ?? 'default'} variant={record.status === 'PAID' ? 'outlined' : 'filled'} label={translate(`xp.enums.SettlementStatus.${record.status}`)} data-testid="settlement-status" />;
};

const Month = (_: { label?: string }) => {
  const record = useRecordContext();
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{record ? monthOf(record.month) : ''}</span>;
};

const ListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'settlements', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="xp.settlement.generate" />}</TopToolbar>;
};

const statusChoices = SETTLEMENT_STATUSES.map((s) => ({ id: s, name: `xp.enums.SettlementStatus.${s}` }));
const monthFormat = regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'xp.settlement.month_format');

/** Monthly statements per venue and factory; a factory sees its own, the operator admin the spread. */
export const SettlementList = () => {
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES);
  const filters = [
    <VenueInput key="venueId" source="venueId" alwaysOn />,
    <TextInput key="month" source="month" alwaysOn validate={monthFormat} helperText="xp.settlement.month_hint" />,
    <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
    ...(factory ? [] : [<OrganizationInput key="factoryOrgId" source="factoryOrgId" kind="FACTORY" />]),
  ];
  return (
    <List filters={filters} sort={{ field: 'month', order: 'DESC' }} actions={<ListActions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="month">
          <Month />
        </DataTable.Col>
        <DataTable.Col source="venue" disableSort>
          <Text path="venue.name" />
        </DataTable.Col>
        {!factory && (
          <DataTable.Col source="factory" disableSort>
            <Text path="factory.name" />
          </DataTable.Col>
        )}
        <DataTable.NumberCol source="unitsSold" disableSort />
        <DataTable.NumberCol source="unitsReturned" disableSort />
        <DataTable.Col source="payableAmount" align="right">
          <MoneyField source="payableAmount" />
        </DataTable.Col>
        {!factory && (
          <DataTable.Col source="spreadAmount" align="right" disableSort>
            <MoneyField source="spreadAmount" />
          </DataTable.Col>
        )}
        <DataTable.Col source="status">
          <SettlementStatusChip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

/** The statement's PDF and CSV, fetched with the session's token. */
const Downloads = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<'pdf' | 'csv' | null>(null);
  if (!record) return null;
  const files = statementFiles(record.pdfPath);
  const download = (ext: 'pdf' | 'csv') => {
    setBusy(ext);
    saveFile(files[ext], statementFileName(record.factory?.name ?? '', record.month, ext))
      .catch((error) => notify(errorText(error), { type: 'error' }))
      .finally(() => setBusy(null));
  };
  return (
    <>
      <Button startIcon={<DownloadIcon />} disabled={busy !== null} onClick={() => download('pdf')} data-testid="download-pdf">{translate('xp.settlement.download_pdf')}</Button>
      <Button startIcon={<DownloadIcon />} disabled={busy !== null} onClick={() => download('csv')} data-testid="download-csv">{translate('xp.settlement.download_csv')}</Button>
    </>
  );
};

const STEP_TEXT: Record<SettlementStep, { label: string; done: string }> = {
  regenerate: { label: 'xp.settlement.regenerate', done: 'xp.settlement.generated' },
  issue: { label: 'xp.settlement.issue', done: 'xp.settlement.issued' },
  confirm: { label: 'xp.settlement.confirm', done: 'xp.settlement.confirmed' },
  dispute: { label: 'xp.settlement.dispute', done: 'xp.settlement.disputed' },
  markPaid: { label: 'xp.settlement.mark_paid', done: 'xp.settlement.paid' },
};

/** The steps the statement's status and the user's roles allow (the API checks both again). */
const Steps = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const [open, setOpen] = useState<SettlementStep | null>(null);
  const regenerate = useRunAction('settlements', 'regenerate', { successMessage: STEP_TEXT.regenerate.done });
  const issue = useRunAction('settlements', 'issue', { successMessage: STEP_TEXT.issue.done });
  const confirm = useRunAction('settlements', 'confirm', { successMessage: STEP_TEXT.confirm.done });
  const dispute = useRunAction('settlements', 'dispute', { successMessage: STEP_TEXT.dispute.done });
  const markPaid = useRunAction('settlements', 'markPaid', { successMessage: STEP_TEXT.markPaid.done });
  if (!record || !permissions) return null;
  const steps = settlementStepsFor(record.status as SettlementStatus, permissions.roles);
  const close = () => setOpen(null);
  const id = { settlementId: record.id };
  return (
    <>
      {steps.map((step) => (
        <Button key={step} variant={step === 'dispute' ? 'outlined' : 'contained'} color={step === 'dispute' ? 'warning' : 'primary'} onClick={() => setOpen(step)} data-testid={`settlement-step-${step}`}>
          {translate(STEP_TEXT[step].label)}
        </Button>
      ))}
      <Confirm
        isOpen={open === 'regenerate'}
        loading={regenerate.isPending}
        title="xp.settlement.confirm_regenerate"
        content="xp.settlement.confirm_regenerate_content"
        onConfirm={() => regenerate.run({ venueId: record.venueId, factoryOrgId: record.factoryOrgId, month: monthOf(record.month) }).then(close, close)}
        onClose={close}
      />
      <Confirm isOpen={open === 'issue'} loading={issue.isPending} title="xp.settlement.confirm_issue" content="xp.settlement.confirm_issue_content" onConfirm={() => issue.run(id).then(close, close)} onClose={close} />
      <Confirm isOpen={open === 'confirm'} loading={confirm.isPending} title="xp.settlement.confirm_confirm" content="xp.settlement.confirm_confirm_content" onConfirm={() => confirm.run(id).then(close, close)} onClose={close} />
      <ReasonDialog
        open={open === 'dispute'}
        title="xp.settlement.dispute"
        content="xp.settlement.dispute_content"
        required
        confirmLabel="xp.settlement.dispute"
        confirmColor="warning"
        loading={dispute.isPending}
        onConfirm={(reason) => dispute.run({ ...id, reason }).then(close, close)}
        onClose={close}
      />
      <ReasonDialog
        open={open === 'markPaid'}
        title="xp.settlement.mark_paid"
        content="xp.settlement.mark_paid_hint"
        required={false}
        confirmLabel="xp.settlement.mark_paid"
        loading={markPaid.isPending}
        onConfirm={(reference) => markPaid.run({ ...id, ...(reference ? { paymentReference: reference } : {}) }).then(close, close)}
        onClose={close}
      />
    </>
  );
};

interface SalesLine {
  id: string;
  skuId: string;
  sku: SkuRef;
  priceVersionId: string;
  unitsSold: number;
  unitsReturned: number;
  supplyUnitPrice: string;
  payableAmount: string;
  wholesaleUnitPrice: string | null;
  wholesaleAmount: string | null;
  spreadAmount: string | null;
}

/** Per SKU and recorded price: sold, returned, payable at the supply price; the wholesale side and spread only when the API gives them (operator side). */
const SalesLines = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const lines = (record?.salesLines ?? []) as SalesLine[];
  const versions = usePriceVersions(record?.venueId, useMemo(() => lines.map((l) => l.skuId), [lines]));
  // Opened from the list, the record is the list's row (no lines) until the statement itself arrives.
  if (!record?.salesLines) return null;
  const operatorSide = record.spreadAmount !== null && record.spreadAmount !== undefined;
  const f = (name: string) => translate(`resources.settlements.fields.${name}`);
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>{translate('xp.settlement.sales_lines')}</Typography>
        {lines.length === 0 ? (
          <Typography variant="body2" color="text.secondary">{translate('xp.settlement.no_lines')}</Typography>
        ) : (
          <Table size="small" data-testid="settlement-sales-lines">
            <TableHead>
              <TableRow>
                <TableCell>{f('sku')}</TableCell>
                <TableCell>{f('priceVersion')}</TableCell>
                <TableCell align="right">{f('unitsSold')}</TableCell>
                <TableCell align="right">{f('unitsReturned')}</TableCell>
                <TableCell align="right">{f('supplyUnitPrice')}</TableCell>
                <TableCell align="right">{f('payableAmount')}</TableCell>
                {operatorSide && <TableCell align="right">{f('wholesaleUnitPrice')}</TableCell>}
                {operatorSide && <TableCell align="right">{f('wholesaleAmount')}</TableCell>}
                {operatorSide && <TableCell align="right">{f('spreadAmount')}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.map((l) => (
                <TableRow key={l.id} data-testid="settlement-line">
                  <TableCell><SkuCell sku={l.sku} /></TableCell>
                  <TableCell><PriceVersionText id={l.priceVersionId} versions={versions} /></TableCell>
                  <TableCell align="right">{l.unitsSold}</TableCell>
                  <TableCell align="right">{l.unitsReturned}</TableCell>
                  <TableCell align="right">{formatMoney(l.supplyUnitPrice)}</TableCell>
                  <TableCell align="right">{formatMoney(l.payableAmount)}</TableCell>
                  {operatorSide && <TableCell align="right">{formatMoney(l.wholesaleUnitPrice)}</TableCell>}
                  {operatorSide && <TableCell align="right">{formatMoney(l.wholesaleAmount)}</TableCell>}
                  {operatorSide && <TableCell align="right" data-testid="line-spread">{formatMoney(l.spreadAmount)}</TableCell>}
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell colSpan={2} align="right">{translate('xp.common.total')}</TableCell>
                <TableCell align="right">{record.unitsSold}</TableCell>
                <TableCell align="right">{record.unitsReturned}</TableCell>
                <TableCell />
                <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="settlement-payable">{formatMoney(record.payableAmount)}</TableCell>
                {operatorSide && <TableCell />}
                {operatorSide && <TableCell align="right">{formatMoney(record.wholesaleAmount)}</TableCell>}
                {operatorSide && <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="settlement-spread">{formatMoney(record.spreadAmount)}</TableCell>}
              </TableRow>
            </TableFooter>
          </Table>
        )}
        {!operatorSide && <Typography variant="caption" color="text.secondary">{translate('xp.settlement.operator_only')}</Typography>}
      </CardContent>
    </Card>
  );
};

const STOCK_COLUMNS = ['opening', 'received', 'sold', 'returned', 'returnedDamaged', 'returnedToFactory', 'adjustedIn', 'adjustedOut', 'writtenOff', 'closing'] as const;

/** The ledger's account of the month per SKU: opening + in − out = closing. */
const StockLines = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const lines = (record?.stockLines ?? []) as ({ skuId: string; sku: SkuRef } & Record<(typeof STOCK_COLUMNS)[number], number>)[];
  if (!record || lines.length === 0) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>{translate('xp.settlement.stock_lines')}</Typography>
        <Table size="small" data-testid="settlement-stock-lines">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.settlements.fields.sku')}</TableCell>
              {STOCK_COLUMNS.map((c) => <TableCell key={c} align="right">{translate(`xp.settlement.stock.${c}`)}</TableCell>)}
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.skuId}>
                <TableCell><SkuCell sku={l.sku} /></TableCell>
                {STOCK_COLUMNS.map((c) => <TableCell key={c} align="right">{l[c]}</TableCell>)}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

const Period = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  // periodEnd is exclusive: the period's last day is the day before it.
  const last = shanghaiDay(new Date(new Date(record.periodEnd).getTime() - 1));
  return <span>{translate('xp.settlement.period', { from: shanghaiDay(record.periodStart), to: last })}</span>;
};

const Dispute = () => {
  const record = useRecordContext();
  if (!record?.disputeReason || record.status !== 'DISPUTED') return null;
  return <Alert severity="warning" sx={{ mt: 2 }} data-testid="dispute-reason">{record.disputeReason}{record.disputedAt ? ` · ${formatDateTime(record.disputedAt)}` : ''}</Alert>;
};

/** One statement: its figures, lines and ledger account, the files, and the steps of its workflow. */
export const SettlementShow = () => (
  <Show actions={<TopToolbar sx={{ gap: 1, alignItems: 'center' }}><Downloads /><Steps /></TopToolbar>}>
    <Box sx={{ p: 2 }}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="month"><Month /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="status"><SettlementStatusChip /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="venue"><Text path="venue.name" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="factory"><Text path="factory.name" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="period"><Period /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="payableAmount"><MoneyField source="payableAmount" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="unitsSold"><Text path="unitsSold" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="unitsReturned"><Text path="unitsReturned" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="generation"><Text path="generation" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="generatedAt"><DateTimeField source="generatedAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="issuedAt"><DateTimeField source="issuedAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="confirmedAt"><DateTimeField source="confirmedAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="paidAt"><DateTimeField source="paidAt" /></Labeled></Grid>
        <Grid size={{ xs: 6, md: 3 }}><Labeled source="paymentReference"><Text path="paymentReference" mono /></Labeled></Grid>
      </Grid>
      <Dispute />
      <SalesLines />
      <StockLines />
    </Box>
  </Show>
);

const VenueChoice = () => {
  const { venues } = useWorkVenues();
  return <SelectInput source="venueId" choices={venues.map((v) => ({ id: v.id, name: `${v.name}（${v.code}）` }))} translateChoice={false} validate={required()} />;
};

/** Generates (or regenerates a draft of) a factory's statement for an ended month. */
export const SettlementCreate = () => {
  const translate = useTranslate();
  const { venueId, isPending } = useCurrentVenue();
  if (isPending) return null;
  return (
    <Create redirect="show" mutationMode="pessimistic" title="xp.settlement.generate">
      <SimpleForm defaultValues={{ venueId, month: lastEndedMonth(shanghaiDay()) }}>
        <Typography variant="body2" color="text.secondary">{translate('xp.settlement.generate_hint')}</Typography>
        <VenueChoice />
        <OrganizationInput source="factoryOrgId" kind="FACTORY" required />
        <TextInput source="month" validate={[required(), monthFormat]} helperText="xp.settlement.month_hint" />
      </SimpleForm>
    </Create>
  );
};
