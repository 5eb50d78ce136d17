import { useState } from 'react';
import { Box, Button, Chip, Grid, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import {
  Confirm,
  Create,
  CreateButton,
  DataTable,
  Labeled,
  List,
  ReferenceManyField,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  required,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DocumentPreview, DocumentUploadInput } from '../../components/documents';
import { DateTimeField } from '../../components/fields';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useRunAction } from '../../components/useRunAction';
import { BRAND_STATUSES } from './queries';

const COLOURS: Record<string, 'default' | 'success' | 'error' | 'info'> = { PENDING: 'info', VERIFIED: 'success', REJECTED: 'error' };

export const BrandStatusField = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" color={COLOURS[record.status] ?? 'default'} label={translate(`xp.enums.BrandStatus.${record.status}`)} />;
};

const statusChoices = BRAND_STATUSES.map((s) => ({ id: s, name: `xp.enums.BrandStatus.${s}` }));
const filters = [<SearchInput key="search" source="search" alwaysOn />, <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />];

const ListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'brands', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="xp.brands.declare" />}</TopToolbar>;
};

const FactoryName = (_: { label?: string }) => {
  const record = useRecordContext();
  return <span>{record?.factory?.name}</span>;
};

export const BrandList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="trademarkRegNo" disableSort />
      <DataTable.Col source="factory" disableSort>
        <FactoryName />
      </DataTable.Col>
      <DataTable.Col source="status">
        <BrandStatusField />
      </DataTable.Col>
      <DataTable.Col source="reviewReason" disableSort />
      <DataTable.Col source="createdAt">
        <DateTimeField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** Verify, or reject with a reason: an operator admin or BD of a venue the factory applied to. */
export const BrandReviewButtons = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [verifying, setVerifying] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'brands', action: 'review', record });
  const verify = useRunAction('brands', 'review', { successMessage: 'xp.brands.verified' });
  const reject = useRunAction('brands', 'review', { successMessage: 'xp.brands.rejected' });
  if (!record || !canAccess || record.status !== 'PENDING') return null;
  return (
    <Box sx={{ display: 'flex', gap: 1 }}>
      <Button size="small" variant="contained" color="success" startIcon={<CheckIcon />} onClick={() => setVerifying(true)} disabled={verify.isPending}>
        {translate('xp.brands.verify')}
      </Button>
      <Button size="small" variant="outlined" color="error" startIcon={<CloseIcon />} onClick={() => setRejecting(true)} disabled={reject.isPending}>
        {translate('xp.brands.reject')}
      </Button>
      <Confirm
        isOpen={verifying}
        loading={verify.isPending}
        title="xp.brands.confirm_verify"
        content="xp.brands.confirm_verify_content"
        onConfirm={() => verify.run({ id: record.id, decision: 'VERIFY' }).then(() => setVerifying(false), () => setVerifying(false))}
        onClose={() => setVerifying(false)}
      />
      <ReasonDialog
        open={rejecting}
        title="xp.brands.confirm_reject"
        content="xp.onboarding.reason_visible"
        required
        confirmLabel="xp.brands.reject"
        confirmColor="error"
        loading={reject.isPending}
        onConfirm={(reason) => reject.run({ id: record.id, decision: 'REJECT', reason }).then(() => setRejecting(false), () => setRejecting(false))}
        onClose={() => setRejecting(false)}
      />
    </Box>
  );
};

const Certificate = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.certificate) return <Typography variant="body2" color="text.secondary">{translate('xp.documents.none')}</Typography>;
  return <DocumentPreview document={record.certificate} height={420} />;
};

export const BrandShow = () => (
  <Show actions={<TopToolbar><BrandReviewButtons /></TopToolbar>}>
    <SimpleShowLayout>
      <Grid container spacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 4 }}><Labeled source="name"><TextField source="name" /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 4 }}><Labeled source="trademarkRegNo"><TextField source="trademarkRegNo" sx={{ fontFamily: 'monospace' }} /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 4 }}><Labeled source="status"><BrandStatusField /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 4 }}><Labeled source="factory"><FactoryName /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 4 }}><Labeled source="reviewedAt"><DateTimeField source="reviewedAt" /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 4 }}><Labeled source="reviewReason"><TextField source="reviewReason" emptyText="—" /></Labeled></Grid>
      </Grid>
      <Labeled source="certificate" fullWidth>
        <Certificate />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);

/** A factory declares a brand with its trademark certificate (uploaded here); the operator verifies it. */
export const BrandCreate = () => (
  <Create redirect="show" mutationMode="pessimistic" title="xp.brands.declare">
    <SimpleForm>
      <TextInput source="name" validate={required()} />
      <TextInput source="trademarkRegNo" validate={required()} helperText="xp.brands.reg_no_hint" />
      <DocumentUploadInput source="certificateDocumentId" kind="TRADEMARK_CERTIFICATE" label="resources.brands.fields.certificate" accept=".pdf,image/*" required />
    </SimpleForm>
  </Create>
);

/** A factory's brands inside its application, with the reviewer's buttons. */
export const FactoryBrands = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <ReferenceManyField reference="brands" target="factoryOrgId" record={{ id: record.factoryOrgId }} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} rowClick="show" resource="brands" empty={<EmptyBrands />}>
        <DataTable.Col source="name" />
        <DataTable.Col source="trademarkRegNo" disableSort />
        <DataTable.Col source="status" disableSort>
          <BrandStatusField />
        </DataTable.Col>
        <DataTable.Col source="reviewReason" disableSort />
        <DataTable.Col label={false} disableSort>
          <BrandReviewButtons />
        </DataTable.Col>
      </DataTable>
    </ReferenceManyField>
  );
};

const EmptyBrands = () => {
  const translate = useTranslate();
  return <Typography variant="body2" color="text.secondary">{translate('xp.brands.none')}</Typography>;
};
