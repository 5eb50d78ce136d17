import { useState } from 'react';
import { Alert, Box, Card, CardContent, CardHeader, Grid, LinearProgress, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { useCurrentVenue, VenueSelect } from '../../components/venue';
import { shanghaiDay } from '../../format/dates';

const OCCUPANCY = `query Occupancy($venueId: ID!, $from: Date!, $to: Date!) {
  result: occupancy(venueId: $venueId, from: $from, to: $to) {
    from to rate availableSlotDays occupiedSlotDays
    byZone { key label rate availableSlotDays occupiedSlotDays }
    byKind { key label rate availableSlotDays occupiedSlotDays }
    byCategory { key label rate availableSlotDays occupiedSlotDays }
    slots { slotId slotCode availableDays occupiedDays }
  }
}`;

interface Group {
  key: string;
  label: string | null;
  rate: number;
  availableSlotDays: number;
  occupiedSlotDays: number;
}

interface OccupancyData {
  from: string;
  to: string;
  rate: number;
  availableSlotDays: number;
  occupiedSlotDays: number;
  byZone: Group[];
  byKind: Group[];
  byCategory: Group[];
  slots: { slotId: string; slotCode: string; availableDays: number; occupiedDays: number }[];
}

/** A month 'YYYY-MM' as [first day, first day of the next month). */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** One bar per group: the share of slot-days occupied (plain MUI bars; no chart library needed). */
const Bars = ({ title, groups, labelOf }: { title: string; groups: Group[]; labelOf: (g: Group) => string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardHeader title={<Typography variant="subtitle1">{translate(title)}</Typography>} sx={{ pb: 0 }} />
      <CardContent>
        {groups.length === 0 ? (
          <Typography variant="body2" color="text.secondary">{translate('xp.common.none')}</Typography>
        ) : (
          <Stack spacing={1.5}>
            {groups.map((g) => (
              <Box key={g.key} data-testid={`bar-${g.key}`}>
                <Stack direction="row" justifyContent="space-between">
                  <Typography variant="body2">{labelOf(g)}</Typography>
                  <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {percent(g.rate)} · {translate('xp.showroom.slot_days', { occupied: g.occupiedSlotDays, available: g.availableSlotDays })}
                  </Typography>
                </Stack>
                <LinearProgress variant="determinate" value={Math.min(100, g.rate * 100)} sx={{ height: 10, borderRadius: 5 }} />
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

/**
 * Occupancy of a venue's slots for a month: occupied over available slot-days, by zone, by kind
 * and by the category of what stood there, and per slot.
 */
export const OccupancyPage = () => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const { venueId, venues, setVenueId } = useCurrentVenue();
  const [month, setMonth] = useState(shanghaiDay().slice(0, 7));
  const range = /^\d{4}-\d{2}$/.test(month) ? monthRange(month) : null;
  const { data, isPending, error } = useApiQuery<OccupancyData>('occupancy', OCCUPANCY, { venueId, ...range }, { enabled: !!venueId && !!range });
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.occupancy" />
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
        <VenueSelect value={venueId} venues={venues} onChange={setVenueId} />
        <TextField type="month" size="small" fullWidth={false} label={translate('xp.common.month')} value={month} onChange={(e) => setMonth(e.target.value)} InputLabelProps={{ shrink: true }} />
      </Stack>
      {error && <Alert severity="error">{errorText(error)}</Alert>}
      {isPending && venueId ? (
        <Skeleton height={200} />
      ) : data ? (
        <>
          <Card variant="outlined" sx={{ mb: 2 }}>
            <CardContent>
              <Typography variant="body2" color="text.secondary">{translate('xp.showroom.occupancy_rate', { from: data.from, to: data.to })}</Typography>
              <Typography variant="h3" data-testid="occupancy-rate">{percent(data.rate)}</Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('xp.showroom.slot_days', { occupied: data.occupiedSlotDays, available: data.availableSlotDays })}
              </Typography>
            </CardContent>
          </Card>
          <Grid container spacing={2} sx={{ mb: 2 }}>
            <Grid size={{ xs: 12, md: 4 }}>
              <Bars title="xp.showroom.by_zone" groups={data.byZone} labelOf={(g) => (g.label ? `${g.key} · ${g.label}` : g.key)} />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <Bars title="xp.showroom.by_kind" groups={data.byKind} labelOf={(g) => translate(`xp.enums.SlotKind.${g.key}`, { _: g.key })} />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
              <Bars title="xp.showroom.by_category" groups={data.byCategory} labelOf={(g) => g.label ?? g.key} />
            </Grid>
          </Grid>
          <Card variant="outlined">
            <CardHeader title={<Typography variant="subtitle1">{translate('xp.showroom.by_slot')}</Typography>} sx={{ pb: 0 }} />
            <CardContent>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('resources.slots.fields.code')}</TableCell>
                    <TableCell align="right">{translate('xp.showroom.occupied_days')}</TableCell>
                    <TableCell align="right">{translate('xp.showroom.available_days')}</TableCell>
                    <TableCell sx={{ width: '40%' }}>{translate('xp.showroom.rate')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.slots.map((s) => {
                    const rate = s.availableDays ? s.occupiedDays / s.availableDays : 0;
                    return (
                      <TableRow key={s.slotId}>
                        <TableCell>{s.slotCode}</TableCell>
                        <TableCell align="right">{s.occupiedDays}</TableCell>
                        <TableCell align="right">{s.availableDays}</TableCell>
                        <TableCell>
                          <Stack direction="row" spacing={1} alignItems="center">
                            <LinearProgress variant="determinate" value={rate * 100} sx={{ flex: 1, height: 8, borderRadius: 4 }} />
                            <Typography variant="caption" sx={{ width: 48, textAlign: 'right' }}>{percent(rate)}</Typography>
                          </Stack>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </>
      ) : null}
    </Box>
  );
};
