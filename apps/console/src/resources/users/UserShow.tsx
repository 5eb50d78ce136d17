import { useState } from 'react';
import { Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Divider, Grid, Stack, Typography } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import AddIcon from '@mui/icons-material/AddModerator';
import {
  Button,
  Confirm,
  DataTable,
  Form,
  Labeled,
  SaveButton,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { MembershipInfo } from '../../access/permissions';
import { ActiveField, DateTimeField, EnumField } from '../../components/fields';
import { LinkedName } from '../../components/LinkedName';
import { useRunAction } from '../../components/useRunAction';
import { toMembershipInput } from './queries';
import { MembershipInputs } from './MembershipInputs';

/** Activate or deactivate (with a confirmation: deactivation signs the user out everywhere). */
const ActiveToggle = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'users', action: 'setActive', record });
  const activate = useRunAction('users', 'setActive', { successMessage: record?.active ? 'xp.users.deactivated' : 'xp.users.activated' });
  if (!record || !canAccess) return null;
  const run = () => activate.run({ userId: record.id, active: !record.active }).then(() => setOpen(false), () => setOpen(false));
  return record.active ? (
    <>
      <Button label="xp.users.deactivate" color="error" onClick={() => setOpen(true)} disabled={activate.isPending}>
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={activate.isPending}
        title={translate('xp.users.confirm_deactivate', { name: record.displayName })}
        content="xp.users.confirm_deactivate_content"
        onConfirm={run}
        onClose={() => setOpen(false)}
      />
    </>
  ) : (
    <Button label="xp.users.activate" onClick={run} disabled={activate.isPending}>
      <CheckCircleIcon />
    </Button>
  );
};

/** Grant a role in a dialog (the same inputs as on the create form). */
const GrantMembership = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'users', action: 'grantMembership', record });
  const grant = useRunAction('users', 'grantMembership', { successMessage: 'xp.users.granted' });
  if (!record || !canAccess) return null;
  const submit = async (values: Record<string, unknown>) => {
    try {
      await grant.run({ userId: record.id, ...toMembershipInput(values) });
      setOpen(false);
    } catch (error) {
      return (error as { body?: { errors?: Record<string, unknown> } }).body?.errors;
    }
  };
  return (
    <>
      <Button label="xp.users.grant" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <Form onSubmit={submit} resource="users">
          <DialogTitle>{translate('xp.users.grant')}</DialogTitle>
          <DialogContent>
            <Stack>
              <MembershipInputs />
            </Stack>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <SaveButton label="xp.users.grant" alwaysEnable={false} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

/** Revoke one membership (with a confirmation). */
const RevokeButton = () => {
  const membership = useRecordContext<MembershipInfo>();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'users', action: 'revokeMembership' });
  const revoke = useRunAction('users', 'revokeMembership', { successMessage: 'xp.users.revoked' });
  if (!membership || !canAccess) return null;
  return (
    <>
      <Button label="xp.users.revoke" color="error" onClick={() => setOpen(true)} disabled={revoke.isPending} />
      <Confirm
        isOpen={open}
        loading={revoke.isPending}
        title="xp.users.confirm_revoke"
        content="xp.users.confirm_revoke_content"
        onConfirm={() => revoke.run({ membershipId: membership.id }).then(() => setOpen(false), () => setOpen(false))}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

const VenuesOf = () => {
  const membership = useRecordContext<MembershipInfo>();
  const translate = useTranslate();
  if (!membership) return null;
  if (membership.venues.length === 0) return <span>{translate('xp.common.none')}</span>;
  return <span>{membership.venues.map((v) => v.name).join('、')}</span>;
};

const Memberships = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Divider sx={{ mb: 1 }} />
      <Typography variant="subtitle1">{translate('resources.users.fields.memberships')}</Typography>
      <DataTable data={record.memberships} total={record.memberships.length} resource="users" bulkActionButtons={false} rowClick={false} sort={{ field: 'role', order: 'ASC' }}>
        <DataTable.Col source="role" disableSort>
          <EnumField source="role" prefix="xp.roles" chip />
        </DataTable.Col>
        <DataTable.Col source="organization" disableSort>
          <LinkedName source="organization" reference="organizations" />
        </DataTable.Col>
        <DataTable.Col source="regionId" disableSort>
          <LinkedName source="region" reference="regions" />
        </DataTable.Col>
        <DataTable.Col source="venues" disableSort>
          <VenuesOf />
        </DataTable.Col>
        <DataTable.Col label={false} disableSort>
          <RevokeButton />
        </DataTable.Col>
      </DataTable>
    </Box>
  );
};

const Actions = () => (
  <TopToolbar>
    <GrantMembership />
    <ActiveToggle />
  </TopToolbar>
);

export const UserShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <Grid container spacing={2} sx={{ width: '100%' }}>
        <Grid size={{ xs: 12, md: 4 }}><Labeled source="displayName"><TextField source="displayName" /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 4 }}><Labeled source="email"><TextField source="email" /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 4 }}><Labeled source="active"><ActiveField /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 4 }}><Labeled source="lastLoginAt"><DateTimeField source="lastLoginAt" /></Labeled></Grid>
        <Grid size={{ xs: 12, md: 4 }}><Labeled source="createdAt"><DateTimeField source="createdAt" /></Labeled></Grid>
      </Grid>
      <Memberships />
    </SimpleShowLayout>
  </Show>
);
