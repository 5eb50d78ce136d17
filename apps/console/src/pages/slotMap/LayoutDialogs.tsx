import { Dialog, DialogActions, DialogContent, DialogTitle, Button, Stack } from '@mui/material';
import { Form, NumberInput, SaveButton, SelectInput, TextInput, maxValue, minValue, required, useTranslate } from 'react-admin';
import { CategoryInput } from '../../components/categories';
import { useRunAction } from '../../components/useRunAction';

const fieldErrors = (e: unknown) => (e as { body?: { errors?: Record<string, unknown> } }).body?.errors;
const zoneCode = (v: string) => (v && !/^[A-Z][A-Z0-9]{0,3}$/.test(v) ? 'xp.showroom.zone_code_rule' : undefined);
export const SLOT_KINDS = ['SHELF', 'END_CAP', 'WINDOW', 'BOOTH'] as const;

/** A new zone of the venue (code like A, B, VIP1). */
export const CreateZoneDialog = ({ open, venueId, onClose }: { open: boolean; venueId: string; onClose: () => void }) => {
  const translate = useTranslate();
  const create = useRunAction('slots', 'createZone', { successMessage: 'xp.showroom.zone_created' });
  const submit = async (v: Record<string, any>) => {
    try {
      await create.run({ venueId, code: v.code, name: v.name, floor: Number(v.floor ?? 1), categoryId: v.categoryId || undefined });
      onClose();
      return undefined;
    } catch (e) {
      return fieldErrors(e);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <Form onSubmit={submit} resource="zones" defaultValues={{ floor: 1 }}>
        <DialogTitle>{translate('xp.showroom.create_zone')}</DialogTitle>
        <DialogContent>
          <Stack>
            <TextInput source="code" validate={[required(), zoneCode]} parse={(v: string) => v.toUpperCase()} helperText="xp.showroom.zone_code_rule" />
            <TextInput source="name" validate={required()} />
            <NumberInput source="floor" step={1} validate={[required(), minValue(-5), maxValue(200)]} />
            <CategoryInput source="categoryId" />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label="xp.showroom.create_zone" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** Shelves fromNumber..toNumber of a zone with `levels` slots each (A-03-2: zone A, shelf 3, level 2). */
export const CreateShelvesDialog = ({ open, zones, onClose }: { open: boolean; zones: { id: string; code: string; name: string }[]; onClose: () => void }) => {
  const translate = useTranslate();
  const create = useRunAction('slots', 'createShelves', { successMessage: 'xp.showroom.shelves_created' });
  const submit = async (v: Record<string, any>) => {
    try {
      await create.run({
        zoneId: v.zoneId,
        fromNumber: Number(v.fromNumber),
        toNumber: Number(v.toNumber),
        levels: Number(v.levels),
        kind: v.kind,
        widthCm: Number(v.widthCm),
      });
      onClose();
      return undefined;
    } catch (e) {
      return fieldErrors(e);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <Form onSubmit={submit} resource="zones" defaultValues={{ zoneId: zones[0]?.id, fromNumber: 1, toNumber: 4, levels: 3, kind: 'SHELF', widthCm: 60 }}>
        <DialogTitle>{translate('xp.showroom.create_shelves')}</DialogTitle>
        <DialogContent>
          <Stack>
            <SelectInput source="zoneId" choices={zones.map((z) => ({ id: z.id, name: `${z.code} · ${z.name}` }))} translateChoice={false} validate={required()} />
            <Stack direction="row" spacing={2}>
              <NumberInput source="fromNumber" step={1} validate={[required(), minValue(1)]} />
              <NumberInput source="toNumber" step={1} validate={[required(), minValue(1)]} />
              <NumberInput source="levels" step={1} validate={[required(), minValue(1), maxValue(20)]} />
            </Stack>
            <Stack direction="row" spacing={2}>
              <SelectInput source="kind" choices={SLOT_KINDS.map((k) => ({ id: k, name: `xp.enums.SlotKind.${k}` }))} validate={required()} />
              <NumberInput source="widthCm" step={1} validate={[required(), minValue(1)]} />
            </Stack>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label="xp.showroom.create_shelves" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
