import { useState } from 'react';
import { Box, Button } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import {
  AutocompleteInput,
  Confirm,
  Create,
  CreateButton,
  DataTable,
  DateInput,
  List,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  TopToolbar,
  required,
  useCanAccess,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { DateTimeField, EnumField } from '../../components/fields';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useRunAction } from '../../components/useRunAction';
import { useWorkVenues, VenueInput } from '../../components/venue';
import { SLOT_REQUEST_STATUSES } from './queries';

const statusChoices = SLOT_REQUEST_STATUSES.map((s) => ({ id: s, name: `xp.enums.SlotRequestStatus.${s}` }));
const bySearch = (search: string) => (search ? { search } : {});

const Text = ({ path }: { path: string; label?: string }) => {
  const record = useRecordContext();
  return <span>{path.split('.').reduce<any>((v, k) => v?.[k], record) ?? ''}</span>;
};

const Period = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{record.from} → {record.to ?? translate('xp.showroom.open_ended')}</span>;
};

/** Approve (the assignment is made) or decline with a reason. */
const Decide = (_: { label?: string | false }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [approving, setApproving] = useState(false);
  const [declining, setDeclining] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'slotRequests', action: 'decide' });
  const approve = useRunAction('slotRequests', 'decide', { successMessage: 'xp.showroom.request_approved' });
  const decline = useRunAction('slotRequests', 'decide', { successMessage: 'xp.showroom.request_declined' });
  if (!record || !canAccess || record.status !== 'PENDING') return null;
  return (
    <Box sx={{ display: 'flex', gap: 1 }}>
      <Button size="small" variant="contained" color="success" startIcon={<CheckIcon />} onClick={() => setApproving(true)}>{translate('xp.showroom.approve')}</Button>
      <Button size="small" color="error" startIcon={<CloseIcon />} onClick={() => setDeclining(true)}>{translate('xp.showroom.decline')}</Button>
      <Confirm
        isOpen={approving}
        loading={approve.isPending}
        title="xp.showroom.confirm_approve"
        content="xp.showroom.confirm_approve_content"
        onConfirm={() => approve.run({ requestId: record.id, approve: true }).then(() => setApproving(false), () => setApproving(false))}
        onClose={() => setApproving(false)}
      />
      <ReasonDialog
        open={declining}
        title="xp.showroom.confirm_decline"
        required
        confirmLabel="xp.showroom.decline"
        confirmColor="error"
        loading={decline.isPending}
        onConfirm={(reason) => decline.run({ requestId: record.id, approve: false, reason }).then(() => setDeclining(false), () => setDeclining(false))}
        onClose={() => setDeclining(false)}
      />
    </Box>
  );
};

const ListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'slotRequests', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="xp.showroom.request_slot" />}</TopToolbar>;
};

/** The queue of slot requests (staff decide), or a factory's own requests with the answers. */
export const SlotRequestList = () => {
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES);
  const filters = [...(factory ? [] : [<VenueInput key="venueId" source="venueId" alwaysOn />]), <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />];
  return (
    <List filters={filters} filterDefaultValues={factory ? {} : { status: 'PENDING' }} sort={{ field: 'createdAt', order: 'DESC' }} actions={<ListActions />}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="slot" disableSort>
          <Text path="slot.code" />
        </DataTable.Col>
        <DataTable.Col source="product" disableSort>
          <Text path="sku.product.titleZh" />
        </DataTable.Col>
        <DataTable.Col source="sku" disableSort>
          <Text path="sku.code" />
        </DataTable.Col>
        {!factory && (
          <DataTable.Col source="factory" disableSort>
            <Text path="sku.product.factory.name" />
          </DataTable.Col>
        )}
        <DataTable.Col source="from" disableSort>
          <Period />
        </DataTable.Col>
        <DataTable.Col source="note" disableSort />
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" prefix="xp.enums.SlotRequestStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="decisionReason" disableSort />
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col label={false} disableSort>
          <Decide />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const RequestInputs = () => {
  const { venues } = useWorkVenues();
  const venueId = useWatch({ name: 'venueId' }) as string | undefined;
  const from = useWatch({ name: 'from' }) as string | undefined;
  const to = useWatch({ name: 'to' }) as string | undefined;
  return (
    <>
      <SelectInput source="venueId" choices={venues.map((v) => ({ id: v.id, name: `${v.name}（${v.code}）` }))} translateChoice={false} validate={required()} />
      <Box sx={{ display: 'flex', gap: 2 }}>
        <DateInput source="from" validate={required()} />
        <DateInput source="to" helperText="xp.showroom.to_hint" />
      </Box>
      {venueId && (
        <ReferenceInput source="slotId" reference="slots" filter={{ venueId, freeFrom: from, freeUntil: to || undefined }} sort={{ field: 'code', order: 'ASC' }} perPage={100}>
          <AutocompleteInput optionText={(s: { code: string; zone?: { name: string } }) => `${s.code} · ${s.zone?.name ?? ''}`} filterToQuery={(q: string) => (q ? { code: q.toUpperCase() } : {})} validate={required()} sx={{ minWidth: 300 }} />
        </ReferenceInput>
      )}
      {venueId && (
        <ReferenceInput source="skuId" reference="skus" filter={{ venueId, status: 'ACTIVE' }} sort={{ field: 'code', order: 'ASC' }} perPage={50}>
          <AutocompleteInput optionText={(s: { code: string; product?: { titleZh: string } }) => `${s.code} · ${s.product?.titleZh ?? ''}`} filterToQuery={bySearch} validate={required()} sx={{ minWidth: 360 }} />
        </ReferenceInput>
      )}
      <TextInput source="note" multiline fullWidth />
    </>
  );
};

/** A factory asks for a free slot in one of its venues for a period, for one of its SKUs. */
export const SlotRequestCreate = () => (
  <Create redirect="list" mutationMode="pessimistic" title="xp.showroom.request_slot">
    <SimpleForm>
      <RequestInputs />
    </SimpleForm>
  </Create>
);
