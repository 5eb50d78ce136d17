import { useState, type ReactElement, type ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Divider, Grid, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import ReplayIcon from '@mui/icons-material/Replay';
import SendIcon from '@mui/icons-material/Send';
import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import PlayCircleIcon from '@mui/icons-material/PlayCircle';
import EditIcon from '@mui/icons-material/Edit';
import { Link as RouterLink } from 'react-router-dom';
import { Confirm, Labeled, Show, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { DocumentPreviews } from '../../components/documents';
import { DateTimeField } from '../../components/fields';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useRunAction } from '../../components/useRunAction';
import { formatDateTime } from '../../format/dates';
import { VenueFactoryStatusField } from './VenueFactoryStatusField';
import { FactoryBrands } from '../brands/FactoryBrands';

type Step = 'APPROVE' | 'REJECT' | 'REQUEST_CHANGES' | 'SUSPEND' | 'REINSTATE';

const STEP: Record<Step, { label: string; title: string; content: string; required: boolean; color: 'success' | 'error' | 'warning' | 'primary'; action: string; done: string }> = {
  APPROVE: { label: 'xp.onboarding.approve', title: 'xp.onboarding.confirm_approve', content: 'xp.onboarding.confirm_approve_content', required: false, color: 'success', action: 'review', done: 'xp.onboarding.approved' },
  REJECT: { label: 'xp.onboarding.reject', title: 'xp.onboarding.confirm_reject', content: 'xp.onboarding.reason_visible', required: true, color: 'error', action: 'review', done: 'xp.onboarding.rejected' },
  REQUEST_CHANGES: { label: 'xp.onboarding.request_changes', title: 'xp.onboarding.confirm_request_changes', content: 'xp.onboarding.reason_visible', required: true, color: 'warning', action: 'review', done: 'xp.onboarding.changes_requested' },
  SUSPEND: { label: 'xp.onboarding.suspend', title: 'xp.onboarding.confirm_suspend', content: 'xp.onboarding.confirm_suspend_content', required: true, color: 'error', action: 'suspend', done: 'xp.onboarding.suspended' },
  REINSTATE: { label: 'xp.onboarding.reinstate', title: 'xp.onboarding.confirm_reinstate', content: 'xp.onboarding.reason_visible', required: false, color: 'success', action: 'reinstate', done: 'xp.onboarding.reinstated' },
};

const ICONS: Record<Step, ReactElement> = {
  APPROVE: <CheckIcon />,
  REJECT: <CloseIcon />,
  REQUEST_CHANGES: <ReplayIcon />,
  SUSPEND: <PauseCircleIcon />,
  REINSTATE: <PlayCircleIcon />,
};

/** One reviewer's step: a dialog for the reason (required to reject, send back or suspend), then the API, pessimistically. */
const StepButton = ({ step }: { step: Step }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const def = STEP[step];
  const { canAccess } = useCanAccess({ resource: 'venueFactories', action: def.action, record });
  const runner = useRunAction('venueFactories', def.action, { successMessage: def.done });
  if (!record || !canAccess) return null;
  const confirm = (reason: string) => {
    const input: Record<string, unknown> = { id: record.id, version: record.version, reason: reason || undefined };
    if (def.action === 'review') input.decision = step;
    runner.run(input).then(() => setOpen(false), () => setOpen(false));
  };
  return (
    <>
      <Button variant={step === 'APPROVE' ? 'contained' : 'outlined'} color={def.color} startIcon={ICONS[step]} onClick={() => setOpen(true)} disabled={runner.isPending} data-testid={`step-${step}`}>
        {translate(def.label)}
      </Button>
      <ReasonDialog
        open={open}
        title={def.title}
        content={def.content}
        required={def.required}
        confirmLabel={def.label}
        confirmColor={def.color}
        loading={runner.isPending}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** The factory's own steps: change the application, submit (or resubmit) it. */
const FactorySteps = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'venueFactories', action: 'submit', record });
  const submit = useRunAction('venueFactories', 'submit', { successMessage: 'xp.onboarding.submitted' });
  if (!record || !canAccess || !['DRAFT', 'CHANGES_REQUESTED'].includes(record.status)) return null;
  return (
    <>
      <Button component={RouterLink} to={`/venueFactories/${record.id}`} startIcon={<EditIcon />}>
        {translate('ra.action.edit')}
      </Button>
      <Button variant="contained" startIcon={<SendIcon />} onClick={() => setOpen(true)} disabled={submit.isPending} data-testid="submit-application">
        {translate(record.status === 'DRAFT' ? 'xp.onboarding.submit' : 'xp.onboarding.resubmit')}
      </Button>
      <Confirm
        isOpen={open}
        loading={submit.isPending}
        title="xp.onboarding.confirm_submit"
        content="xp.onboarding.confirm_submit_content"
        onConfirm={() => submit.run({ id: record.id, version: record.version }).then(() => setOpen(false), () => setOpen(false))}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

const Actions = () => {
  const record = useRecordContext();
  if (!record) return <TopToolbar />;
  return (
    <TopToolbar sx={{ gap: 1 }}>
      {record.status === 'SUBMITTED' && (
        <>
          <StepButton step="APPROVE" />
          <StepButton step="REQUEST_CHANGES" />
          <StepButton step="REJECT" />
        </>
      )}
      {record.status === 'APPROVED' && <StepButton step="SUSPEND" />}
      {record.status === 'SUSPENDED' && <StepButton step="REINSTATE" />}
      <FactorySteps />
    </TopToolbar>
  );
};

/** Every step with who-did-what and its reason, oldest first: what the factory reads too. */
const History = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const events = (record?.events ?? []) as { id: string; action: string; fromStatus: string | null; toStatus: string; reason: string | null; occurredAt: string }[];
  return (
    <Table size="small" data-testid="application-history">
      <TableHead>
        <TableRow>
          <TableCell>{translate('xp.onboarding.history.time')}</TableCell>
          <TableCell>{translate('xp.onboarding.history.step')}</TableCell>
          <TableCell>{translate('xp.onboarding.history.status')}</TableCell>
          <TableCell>{translate('xp.onboarding.history.reason')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map((e) => (
          <TableRow key={e.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.occurredAt)}</TableCell>
            <TableCell>{translate(`xp.enums.AdmissionAction.${e.action}`, { _: e.action })}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {e.fromStatus ? `${translate(`xp.enums.VenueFactoryStatus.${e.fromStatus}`)} → ` : ''}
              {translate(`xp.enums.VenueFactoryStatus.${e.toStatus}`)}
            </TableCell>
            <TableCell>{e.reason ?? translate('xp.common.none')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The latest reason given to the factory (rejected, sent back, suspended), on top where it is read. */
const LatestReason = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record || !['CHANGES_REQUESTED', 'REJECTED', 'SUSPENDED'].includes(record.status)) return null;
  const last = [...(record.events ?? [])].reverse().find((e: { reason: string | null }) => e.reason);
  if (!last) return null;
  return (
    <Alert severity={record.status === 'CHANGES_REQUESTED' ? 'warning' : 'error'} sx={{ mb: 2 }} data-testid="latest-reason">
      {translate('xp.onboarding.latest_reason')}: {last.reason}
    </Alert>
  );
};

const Details = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Labeled label="resources.venueFactories.fields.factory">
          <Box>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{record.factory?.name}</Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.organizations.fields.creditCode')}: <span style={{ fontFamily: 'monospace' }}>{record.factory?.creditCode ?? translate('xp.common.none')}</span>
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.organizations.fields.industryBelt')}: {record.factory?.industryBelt ?? translate('xp.common.none')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.organizations.fields.contactName')}: {record.factory?.contactName ?? ''} {record.factory?.contactPhone ?? ''}
            </Typography>
            <Typography variant="body2" color="text.secondary">{record.factory?.address}</Typography>
          </Box>
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Typography variant="caption" color="text.secondary">{translate('resources.venueFactories.fields.venue')}</Typography>
        <Typography variant="body1">{record.venue?.name}（{record.venue?.code}）</Typography>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>{translate('resources.venueFactories.fields.status')}</Typography>
        <Box><VenueFactoryStatusField /></Box>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Labeled label="resources.venueFactories.fields.categories">
          <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
            {(record.categories ?? []).map((c: { id: string; nameZh: string; code: string }) => (
              <Chip key={c.id} size="small" label={`${c.nameZh} · ${c.code}`} />
            ))}
          </Stack>
        </Labeled>
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Labeled label="resources.venueFactories.fields.paymentTermDays">
          <span>{translate('xp.onboarding.days', { days: record.paymentTermDays })}</span>
        </Labeled>
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}>
        <Labeled label="resources.venueFactories.fields.settlementCycle">
          <span>{translate(`xp.enums.SettlementCycle.${record.settlementCycle}`)}</span>
        </Labeled>
      </Grid>
      <Grid size={{ xs: 12 }}>
        <Labeled label="resources.venueFactories.fields.note">
          <TextField source="note" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        </Labeled>
      </Grid>
      <Grid size={{ xs: 6, md: 3 }}><Labeled source="createdAt"><DateTimeField source="createdAt" /></Labeled></Grid>
      <Grid size={{ xs: 6, md: 3 }}><Labeled source="submittedAt"><DateTimeField source="submittedAt" /></Labeled></Grid>
      <Grid size={{ xs: 6, md: 3 }}><Labeled source="decidedAt"><DateTimeField source="decidedAt" /></Labeled></Grid>
      <Grid size={{ xs: 6, md: 3 }}><Labeled source="admittedAt"><DateTimeField source="admittedAt" /></Labeled></Grid>
    </Grid>
  );
};

const Documents = () => {
  const record = useRecordContext();
  if (!record) return null;
  return <DocumentPreviews documents={record.documents ?? []} />;
};

const Block = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6" sx={{ mb: 1 }}>{translate(title)}</Typography>
      <Divider sx={{ mb: 2 }} />
      {children}
    </Box>
  );
};

/** An application: the factory, the terms, its papers shown inline, the brands, every step with its reason, and the steps one may take now. */
export const VenueFactoryShow = () => (
  <Show actions={<Actions />}>
    <Card elevation={0}>
      <CardContent>
        <LatestReason />
        <Details />
        <Block title="xp.onboarding.documents">
          <Documents />
        </Block>
        <Block title="xp.onboarding.brands">
          <FactoryBrands />
        </Block>
        <Block title="xp.onboarding.history.title">
          <History />
        </Block>
      </CardContent>
    </Card>
  </Show>
);
