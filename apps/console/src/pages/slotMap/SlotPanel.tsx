import { useState, type ReactNode } from 'react';
import { Alert, Box, Button, Chip, Divider, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { AutocompleteInput, DateInput, Form, ReferenceInput, SaveButton, SelectInput, required, useCanAccess, useTranslate } from 'react-admin';
import { useRunAction } from '../../components/useRunAction';
import type { SlotMapSlot } from '../../resources/slots/queries';
import { STATE_COLOURS } from './SlotMapPage';

const bySearch = (search: string) => (search ? { search } : {});
const fieldErrors = (e: unknown) => (e as { body?: { errors?: Record<string, unknown> } }).body?.errors;

const Row = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary">{translate(label)}</Typography>
      <Typography variant="body2" component="div">{children}</Typography>
    </Box>
  );
};

/** Pick an admitted factory's SKU at the venue and the period; the API refuses an overlap (SLOT_OCCUPIED). */
const AssignForm = ({ slotId, venueId, date, onDone }: { slotId: string; venueId: string; date: string; onDone: () => void }) => {
  const translate = useTranslate();
  const assign = useRunAction('slotAssignments', 'assign', { successMessage: 'xp.showroom.assigned' });
  const submit = async (values: Record<string, any>) => {
    try {
      await assign.run({ slotId, skuId: values.skuId, from: values.from, to: values.to || undefined });
      onDone();
      return undefined;
    } catch (e) {
      return fieldErrors(e);
    }
  };
  return (
    <Form onSubmit={submit} resource="slotAssignments" defaultValues={{ from: date }} key={slotId}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>{translate('xp.showroom.assign')}</Typography>
      <ReferenceInput source="skuId" reference="skus" filter={{ venueId, status: 'ACTIVE' }} sort={{ field: 'code', order: 'ASC' }} perPage={50}>
        <AutocompleteInput
          optionText={(s: { code: string; product?: { titleZh: string; factory?: { name: string } } }) => `${s.code} · ${s.product?.titleZh ?? ''} · ${s.product?.factory?.name ?? ''}`}
          filterToQuery={bySearch}
          validate={required()}
          fullWidth
          helperText="xp.showroom.sku_hint"
        />
      </ReferenceInput>
      <Stack direction="row" spacing={1}>
        <DateInput source="from" validate={required()} />
        <DateInput source="to" helperText="xp.showroom.to_hint" />
      </Stack>
      <SaveButton label="xp.showroom.assign" alwaysEnable data-testid="assign-submit" />
    </Form>
  );
};

const EndForm = ({ assignmentId, date, onDone }: { assignmentId: string; date: string; onDone: () => void }) => {
  const translate = useTranslate();
  const end = useRunAction('slotAssignments', 'end', { successMessage: 'xp.showroom.ended' });
  return (
    <Form onSubmit={async (v: Record<string, any>) => end.run({ assignmentId, on: v.on }).then(onDone, fieldErrors)} resource="slotAssignments" defaultValues={{ on: date }}>
      <Typography variant="subtitle2">{translate('xp.showroom.end')}</Typography>
      <Stack direction="row" spacing={1} alignItems="center">
        <DateInput source="on" validate={required()} helperText="xp.showroom.end_hint" />
        <SaveButton label="xp.showroom.end" alwaysEnable color="warning" icon={<span />} />
      </Stack>
    </Form>
  );
};

const ExtendForm = ({ assignmentId, to, onDone }: { assignmentId: string; to: string | null; onDone: () => void }) => {
  const translate = useTranslate();
  const extend = useRunAction('slotAssignments', 'extend', { successMessage: 'xp.showroom.extended' });
  return (
    <Form onSubmit={async (v: Record<string, any>) => extend.run({ assignmentId, to: v.to || null }).then(onDone, fieldErrors)} resource="slotAssignments" defaultValues={{ to: to ?? '' }}>
      <Typography variant="subtitle2">{translate('xp.showroom.extend')}</Typography>
      <Stack direction="row" spacing={1} alignItems="center">
        <DateInput source="to" helperText="xp.showroom.to_hint" />
        <SaveButton label="xp.showroom.extend" alwaysEnable icon={<span />} />
      </Stack>
    </Form>
  );
};

const MoveForm = ({ assignmentId, date, freeSlots, onDone }: { assignmentId: string; date: string; freeSlots: SlotMapSlot[]; onDone: () => void }) => {
  const translate = useTranslate();
  const move = useRunAction('slotAssignments', 'move', { successMessage: 'xp.showroom.moved' });
  if (freeSlots.length === 0) return <Typography variant="body2" color="text.secondary">{translate('xp.showroom.no_free_slot')}</Typography>;
  return (
    <Form onSubmit={async (v: Record<string, any>) => move.run({ assignmentId, toSlotId: v.toSlotId, on: v.on }).then(onDone, fieldErrors)} resource="slotAssignments" defaultValues={{ on: date }}>
      <Typography variant="subtitle2">{translate('xp.showroom.move')}</Typography>
      <SelectInput source="toSlotId" choices={freeSlots.map((s) => ({ id: s.slot.id, name: s.slot.code }))} translateChoice={false} validate={required()} />
      <Stack direction="row" spacing={1} alignItems="center">
        <DateInput source="on" validate={required()} helperText="xp.showroom.move_hint" />
        <SaveButton label="xp.showroom.move" alwaysEnable icon={<span />} />
      </Stack>
    </Form>
  );
};

const MaintenanceToggle = ({ cell, onDone }: { cell: SlotMapSlot; onDone: () => void }) => {
  const translate = useTranslate();
  const next = cell.slot.status === 'MAINTENANCE' ? 'ACTIVE' : 'MAINTENANCE';
  const update = useRunAction('slots', 'updateSlot', { successMessage: next === 'ACTIVE' ? 'xp.showroom.back_in_service' : 'xp.showroom.in_maintenance' });
  return (
    <Button size="small" color={next === 'ACTIVE' ? 'success' : 'inherit'} disabled={update.isPending} onClick={() => update.run({ slotId: cell.slot.id, status: next }).then(onDone, () => undefined)}>
      {translate(next === 'ACTIVE' ? 'xp.showroom.end_maintenance' : 'xp.showroom.start_maintenance')}
    </Button>
  );
};

/** What stands on a slot that day, and what showroom staff may do with it. */
export const SlotPanel = ({ cell, date, venueId, freeSlots, onDone }: { cell: SlotMapSlot; date: string; venueId: string; freeSlots: SlotMapSlot[]; onDone: () => void }) => {
  const translate = useTranslate();
  const { canAccess: mayAllocate } = useCanAccess({ resource: 'slotAssignments', action: 'assign' });
  const { canAccess: mayLayout } = useCanAccess({ resource: 'slots', action: 'updateSlot' });
  const [tab, setTab] = useState<'end' | 'extend' | 'move'>('end');
  const a = cell.assignment;
  const colours = STATE_COLOURS[cell.state];
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ mb: 2 }} alignItems="center" useFlexGap flexWrap="wrap">
        <Chip label={translate(`xp.enums.SlotState.${cell.state}`)} sx={{ bgcolor: colours.bg, color: colours.fg }} data-testid="slot-panel-state" />
        <Chip variant="outlined" label={translate(`xp.enums.SlotKind.${cell.slot.kind}`)} />
        <Chip variant="outlined" label={`${cell.slot.widthCm} cm`} />
        {mayLayout && !a && <MaintenanceToggle cell={cell} onDone={onDone} />}
      </Stack>
      {a ? (
        <Box data-testid="slot-occupant">
          <Row label="resources.slotAssignments.fields.factory">{a.factory.name}</Row>
          <Row label="resources.slotAssignments.fields.product">{a.product.titleZh}</Row>
          <Row label="resources.slotAssignments.fields.sku">
            {a.sku.code} {Object.entries(a.sku.attributes ?? {}).map(([k, v]) => `${k}:${v}`).join(' ')}
          </Row>
          <Row label="resources.slotAssignments.fields.period">
            {a.from} → {a.to ?? translate('xp.showroom.open_ended')}
          </Row>
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('xp.showroom.nothing_here', { date })}</Typography>
      )}
      {mayAllocate && (
        <>
          <Divider sx={{ my: 2 }} />
          {cell.state === 'MAINTENANCE' ? (
            <Alert severity="info">{translate('xp.showroom.maintenance_hint')}</Alert>
          ) : a ? (
            <>
              <TextField select size="small" value={tab} onChange={(e) => setTab(e.target.value as typeof tab)} sx={{ mb: 2 }} label={translate('xp.showroom.what_to_do')}>
                <MenuItem value="end">{translate('xp.showroom.end')}</MenuItem>
                <MenuItem value="extend">{translate('xp.showroom.extend')}</MenuItem>
                <MenuItem value="move">{translate('xp.showroom.move')}</MenuItem>
              </TextField>
              {tab === 'end' && <EndForm assignmentId={a.id} date={date} onDone={onDone} />}
              {tab === 'extend' && <ExtendForm assignmentId={a.id} to={a.to} onDone={onDone} />}
              {tab === 'move' && <MoveForm assignmentId={a.id} date={date} freeSlots={freeSlots} onDone={onDone} />}
            </>
          ) : (
            <AssignForm slotId={cell.slot.id} venueId={venueId} date={date} onDone={onDone} />
          )}
        </>
      )}
    </Box>
  );
};
