import { useState } from 'react';
import { Alert, Box, Card, CardContent, Chip, Skeleton, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, TextField, Typography } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { FACTORY_ROLES } from '../../access/roles';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { useCurrentVenue, VenueSelect } from '../../components/venue';
import { shanghaiDay } from '../../format/dates';
import { barShare, lastDays, percent, periodOf, SCAN_STATS, ScanGroupBy, ScanStatsData, topRows } from './scanStats';

const TOP = 50;

const Figure = ({ label, value, testId }: { label: string; value: string | number; testId: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ minWidth: 150, flex: '1 1 150px' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">{translate(label)}</Typography>
        <Typography variant="h5" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Typography>
      </CardContent>
    </Card>
  );
};

const Bar = ({ share }: { share: number }) => <Box sx={{ height: 8, width: `${share}%`, minWidth: share ? 2 : 0, bgcolor: 'primary.main', borderRadius: 1 }} />;

/** The table of one grouping: scans (with a bar), devices, listings, listing rate, traced orders. */
const StatsTable = ({ data }: { data: ScanStatsData }) => {
  const translate = useTranslate();
  const rows = topRows(data.rows, data.groupBy, TOP);
  const max = Math.max(0, ...rows.map((r) => r.scans));
  if (!rows.length) return <Typography color="text.secondary" data-testid="scan-rows-empty">{translate('xp.scans.no_scans')}</Typography>;
  return (
    <>
      <Table size="small" data-testid="scan-rows">
        <TableHead>
          <TableRow>
            <TableCell>{translate(`xp.scans.group.${data.groupBy}`)}</TableCell>
            <TableCell align="right">{translate('xp.scans.scans')}</TableCell>
            <TableCell sx={{ width: '25%' }} />
            <TableCell align="right">{translate('xp.scans.unique_devices')}</TableCell>
            <TableCell align="right">{translate('xp.scans.listings')}</TableCell>
            <TableCell align="right">{translate('xp.scans.listing_rate')}</TableCell>
            {data.ordersTraceable && <TableCell align="right">{translate('xp.scans.traced_orders')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key} data-testid="scan-row">
              <TableCell>{r.label}</TableCell>
              <TableCell align="right">{r.scans}</TableCell>
              <TableCell>
                <Bar share={barShare(r.scans, max)} />
              </TableCell>
              <TableCell align="right">{r.uniqueDevices}</TableCell>
              <TableCell align="right">{r.listings}</TableCell>
              <TableCell align="right">{percent(r.listingRate)}</TableCell>
              {data.ordersTraceable && <TableCell align="right">{r.tracedOrders ?? ''}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data.groupBy !== 'DAY' && data.rows.length > TOP && (
        <Typography variant="caption" color="text.secondary">{translate('xp.scans.top_only', { top: TOP, count: data.rows.length })}</Typography>
      )}
    </>
  );
};

/**
 * Scans of the shelf labels at a venue: how many buyers scanned, on how many devices, how many
 * copied the listing (一键铺货), by day, SKU, slot or factory. A factory sees its own SKUs only
 * (the API scopes it); venue staff see every SKU.
 */
export const ScanStatsPage = () => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const { permissions } = usePermissions<Permissions>();
  const factory = hasAnyRole(permissions, FACTORY_ROLES) && !hasAnyRole(permissions, ['PLATFORM_ADMIN']);
  const { venueId, venues, setVenueId, isPending: venuesPending } = useCurrentVenue();
  const initial = lastDays(shanghaiDay(), 30);
  const [firstDay, setFirstDay] = useState(initial.firstDay);
  const [lastDay, setLastDay] = useState(initial.lastDay);
  const [groupBy, setGroupBy] = useState<ScanGroupBy>('DAY');
  const period = periodOf(firstDay, lastDay);
  const { data, isPending, error } = useApiQuery<ScanStatsData>('scanStats', SCAN_STATS, { venueId, groupBy, ...period }, { enabled: !!venueId && !!period });
  const groups: ScanGroupBy[] = factory ? ['DAY', 'SKU', 'SLOT'] : ['DAY', 'SKU', 'SLOT', 'FACTORY'];
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.scans.title" />
      <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" alignItems="center" sx={{ mb: 2 }}>
        {venues.length > 1 && <VenueSelect value={venueId} venues={venues} onChange={setVenueId} />}
        <TextField type="date" size="small" fullWidth={false} sx={{ width: 180 }} label={translate('xp.scans.first_day')} value={firstDay} onChange={(e) => setFirstDay(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'scan-first-day' } }} />
        <TextField type="date" size="small" fullWidth={false} sx={{ width: 180 }} label={translate('xp.scans.last_day')} value={lastDay} onChange={(e) => setLastDay(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'scan-last-day' } }} />
        {data?.scope === 'FACTORY' && <Chip color="info" size="small" label={translate('xp.scans.own_skus_only')} data-testid="scan-scope-factory" />}
      </Stack>
      {!venuesPending && !venueId && <Alert severity="info">{translate('xp.scans.no_venue')}</Alert>}
      {!period && <Alert severity="warning">{translate('xp.scans.bad_period')}</Alert>}
      {error && <Alert severity="error">{errorText(error)}</Alert>}
      {venueId && period && !error && (
        <>
          <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap" sx={{ mb: 2 }}>
            {isPending || !data ? (
              <Skeleton variant="rectangular" height={88} sx={{ flex: 1 }} />
            ) : (
              <>
                <Figure label="xp.scans.scans" value={data.totals.scans} testId="scan-total-scans" />
                <Figure label="xp.scans.unique_devices" value={data.totals.uniqueDevices} testId="scan-total-devices" />
                <Figure label="xp.scans.listings" value={data.totals.listings} testId="scan-total-listings" />
                <Figure label="xp.scans.listing_rate" value={percent(data.totals.listingRate)} testId="scan-total-rate" />
                {data.ordersTraceable && <Figure label="xp.scans.traced_orders" value={data.totals.tracedOrders ?? 0} testId="scan-total-orders" />}
              </>
            )}
          </Stack>
          <Card variant="outlined">
            <CardContent>
              <Tabs value={groupBy} onChange={(_, g: ScanGroupBy) => setGroupBy(g)} sx={{ mb: 1 }}>
                {groups.map((g) => (
                  <Tab key={g} value={g} label={translate(`xp.scans.by.${g}`)} data-testid={`scan-group-${g}`} />
                ))}
              </Tabs>
              {isPending || !data ? <Skeleton variant="rectangular" height={200} /> : <StatsTable data={data} />}
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
};
