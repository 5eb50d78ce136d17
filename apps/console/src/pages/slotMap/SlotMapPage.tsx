import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  ButtonBase,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Divider,
  Drawer,
  IconButton,
  Skeleton,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import { Title, useCanAccess, useTranslate } from 'react-admin';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { useCurrentVenue, VenueSelect } from '../../components/venue';
import { shanghaiDay } from '../../format/dates';
import { SLOT_MAP, SLOT_STATES, SlotMapData, SlotMapSlot, SlotState } from '../../resources/slots/queries';
import { CreateShelvesDialog, CreateZoneDialog } from './LayoutDialogs';
import { SlotPanel } from './SlotPanel';

/** The colours of the slot states (the legend shows the same). */
export const STATE_COLOURS: Record<SlotState, { bg: string; fg: string; border: string }> = {
  FREE: { bg: '#e8f5e9', fg: '#1b5e20', border: '#81c784' },
  OCCUPIED: { bg: '#1f6f8b', fg: '#ffffff', border: '#0f3d5e' },
  ENDING_SOON: { bg: '#ffb300', fg: '#3e2723', border: '#ff8f00' },
  MAINTENANCE: { bg: '#bdbdbd', fg: '#212121', border: '#757575' },
};

const COUNT_OF: Record<SlotState, keyof SlotMapData> = { FREE: 'free', OCCUPIED: 'occupied', ENDING_SOON: 'endingSoon', MAINTENANCE: 'maintenance' };

const Legend = ({ data }: { data: SlotMapData | undefined }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" data-testid="slot-legend">
      {SLOT_STATES.map((s) => (
        <Chip
          key={s}
          sx={{ bgcolor: STATE_COLOURS[s].bg, color: STATE_COLOURS[s].fg, border: 1, borderColor: STATE_COLOURS[s].border, fontWeight: 600 }}
          label={`${translate(`xp.enums.SlotState.${s}`)} ${data ? data[COUNT_OF[s]] : '–'}`}
          data-testid={`legend-${s}`}
        />
      ))}
    </Stack>
  );
};

const SlotCell = ({ cell, selected, onClick }: { cell: SlotMapSlot; selected: boolean; onClick: () => void }) => {
  const translate = useTranslate();
  const c = STATE_COLOURS[cell.state];
  const a = cell.assignment;
  const tip = a
    ? `${cell.slot.code} · ${a.factory.name} · ${a.product.titleZh} · ${a.sku.code} · ${a.from} → ${a.to ?? translate('xp.showroom.open_ended')}`
    : `${cell.slot.code} · ${translate(`xp.enums.SlotState.${cell.state}`)}`;
  return (
    <Tooltip title={tip} disableInteractive>
      <ButtonBase
        onClick={onClick}
        data-testid={`slot-${cell.slot.code}`}
        data-state={cell.state}
        sx={{
          width: 112,
          height: 46,
          bgcolor: c.bg,
          color: c.fg,
          border: 2,
          borderColor: selected ? '#d81b60' : c.border,
          borderRadius: 1,
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'flex-start',
          justifyContent: 'center',
          px: 1,
          textAlign: 'left',
          overflow: 'hidden',
        }}
      >
        <Typography variant="caption" sx={{ fontWeight: 700, lineHeight: 1.2 }}>{cell.slot.code}</Typography>
        <Typography variant="caption" noWrap sx={{ lineHeight: 1.2, maxWidth: '100%', opacity: 0.9 }}>
          {a ? a.sku.code : translate(`xp.enums.SlotState.${cell.state}`)}
        </Typography>
      </ButtonBase>
    </Tooltip>
  );
};

/**
 * The showroom floor on a day (slotMap): zones → shelves → slots coloured by state, with a
 * legend and counts. A click opens the slot's panel: what stands there, and for showroom
 * staff assign, end, extend, move and maintenance.
 */
export const SlotMapPage = () => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const { venueId, venues, setVenueId, isPending: venuesPending } = useCurrentVenue();
  const [date, setDate] = useState(shanghaiDay());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [zoneOpen, setZoneOpen] = useState(false);
  const [shelvesOpen, setShelvesOpen] = useState(false);
  const { canAccess: mayLayout } = useCanAccess({ resource: 'slots', action: 'createZone' });
  const { data, isPending, error } = useApiQuery<SlotMapData>('slotMap', SLOT_MAP, { venueId, date }, { enabled: !!venueId && /^\d{4}-\d{2}-\d{2}$/.test(date) });
  const all = useMemo(() => (data?.zones ?? []).flatMap((z) => z.shelves.flatMap((s) => s.slots)), [data]);
  const selected = all.find((s) => s.slot.id === selectedId) ?? null;
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.slotMap" />
      <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" alignItems="center" sx={{ mb: 2 }}>
        <VenueSelect value={venueId} venues={venues} onChange={setVenueId} />
        <TextField type="date" size="small" fullWidth={false} label={translate('xp.common.date')} value={date} onChange={(e) => setDate(e.target.value)} InputLabelProps={{ shrink: true }} inputProps={{ 'data-testid': 'slot-map-date' }} />
        <Legend data={data} />
        <Box sx={{ flex: 1 }} />
        {mayLayout && (
          <>
            <Button startIcon={<AddIcon />} onClick={() => setZoneOpen(true)} disabled={!venueId}>{translate('xp.showroom.create_zone')}</Button>
            <Button startIcon={<AddIcon />} onClick={() => setShelvesOpen(true)} disabled={!data?.zones.length}>{translate('xp.showroom.create_shelves')}</Button>
          </>
        )}
      </Stack>
      {error && <Alert severity="error">{errorText(error)}</Alert>}
      {!venuesPending && venues.length === 0 && <Alert severity="info">{translate('xp.venue.none')}</Alert>}
      {(isPending && !!venueId) ? (
        <Skeleton height={240} />
      ) : data && data.zones.length === 0 ? (
        <Alert severity="info" data-testid="slot-map-empty">{translate(mayLayout ? 'xp.showroom.no_zones_staff' : 'xp.showroom.no_zones')}</Alert>
      ) : (
        <Stack spacing={2}>
          {data?.zones.map((z) => (
            <Card key={z.zone.id} variant="outlined" data-testid={`zone-${z.zone.code}`}>
              <CardHeader
                sx={{ pb: 0 }}
                title={<Typography variant="subtitle1" sx={{ fontWeight: 700 }}>{translate('xp.showroom.zone_title', { code: z.zone.code, name: z.zone.name, floor: z.zone.floor })}</Typography>}
                subheader={translate('xp.showroom.zone_counts', { shelves: z.shelves.length, slots: z.shelves.reduce((n, s) => n + s.slots.length, 0) })}
              />
              <CardContent>
                {z.shelves.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">{translate('xp.showroom.no_shelves')}</Typography>
                ) : (
                  <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap">
                    {z.shelves.map((s) => (
                      <Box key={s.shelf.id} sx={{ p: 1, border: 1, borderColor: 'divider', borderRadius: 1 }}>
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 0.5 }}>
                          {translate('xp.showroom.shelf', { code: s.shelf.code })}
                        </Typography>
                        <Stack spacing={0.5}>
                          {[...s.slots].sort((a, b) => b.slot.level - a.slot.level).map((cell) => (
                            <SlotCell key={cell.slot.id} cell={cell} selected={cell.slot.id === selectedId} onClick={() => setSelectedId(cell.slot.id)} />
                          ))}
                        </Stack>
                      </Box>
                    ))}
                  </Stack>
                )}
              </CardContent>
            </Card>
          ))}
        </Stack>
      )}
      <Drawer anchor="right" open={!!selected} onClose={() => setSelectedId(null)} PaperProps={{ sx: { width: 440, maxWidth: '100vw' } }}>
        {selected && venueId && (
          <Box sx={{ p: 2 }} data-testid="slot-panel">
            <Stack direction="row" alignItems="center">
              <Typography variant="h6" sx={{ flex: 1 }}>{translate('xp.showroom.slot_title', { code: selected.slot.code })}</Typography>
              <IconButton onClick={() => setSelectedId(null)} aria-label={translate('xp.common.close')}><CloseIcon /></IconButton>
            </Stack>
            <Divider sx={{ mb: 2 }} />
            <SlotPanel cell={selected} date={date} venueId={venueId} freeSlots={all.filter((s) => s.state === 'FREE')} onDone={() => setSelectedId(null)} />
          </Box>
        )}
      </Drawer>
      {venueId && <CreateZoneDialog open={zoneOpen} venueId={venueId} onClose={() => setZoneOpen(false)} />}
      {data && <CreateShelvesDialog open={shelvesOpen} zones={data.zones.map((z) => z.zone)} onClose={() => setShelvesOpen(false)} />}
    </Box>
  );
};
