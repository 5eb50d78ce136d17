import { useEffect, useMemo, useRef } from 'react';
import { Alert, Box, Card, Link, LinearProgress, MenuItem, Skeleton, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Title, useGetList, usePermissions, useStore, useTranslate } from 'react-admin';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { CompareBars } from '../../components/charts';
import { PeriodPicker, usePeriod } from '../../components/PeriodPicker';
import { formatDateTime } from '../../format/dates';
import { customFromLink, Period } from '../../format/periods';
import { ChartGrid, FigureCell, PeriodNote, ReportSection } from './parts';
import { HEADLINE_FIGURES, REGION_REPORT, RegionReport } from './queries';

export interface RegionChoice {
  id: string;
  name: string;
}

/** The regions this user may compare: a regional manager's own, every region for platform admins. */
export function useReportRegions(): { regions: RegionChoice[]; isPending: boolean } {
  const { permissions } = usePermissions<Permissions>();
  const admin = hasAnyRole(permissions, ['PLATFORM_ADMIN']);
  const all = useGetList('regions', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } }, { enabled: admin });
  const regions = useMemo(() => {
    if (admin) return (all.data ?? []).map((r) => ({ id: String(r.id), name: String(r.name) }));
    const seen = new Map<string, RegionChoice>();
    for (const m of permissions?.memberships ?? []) if (m.role === 'REGIONAL_MANAGER' && m.region) seen.set(m.region.id, { id: m.region.id, name: m.region.name });
    return [...seen.values()];
  }, [admin, all.data, permissions]);
  return { regions, isPending: !permissions || (admin && all.isPending) };
}

export const venueReportLink = (venueId: string, period: Period) => `/reports/venue?venue=${encodeURIComponent(venueId)}&from=${period.from}&to=${period.to}`;

/** A region's venues side by side with the region's totals; each venue opens its own report. */
export const RegionReportPage = () => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const { regions, isPending: regionsPending } = useReportRegions();
  const [stored, setRegionId] = useStore<string | undefined>('xp.reports.regionId');
  // A link (?region=) names the region once; the picker decides after that.
  const linked = params.get('region');
  const applied = useRef<string | null>(null);
  const regionId = regions.some((r) => r.id === stored) ? stored : regions[0]?.id;
  useEffect(() => {
    if (linked && applied.current !== linked && regions.some((r) => r.id === linked)) {
      applied.current = linked;
      setRegionId(linked);
    } else if (regionId && regionId !== stored) setRegionId(regionId);
  }, [linked, regions, regionId, stored, setRegionId]);
  const state = usePeriod('lastMonth', customFromLink(params.get('from'), params.get('to')));
  const period = state.period;
  const { data, isPending, isFetching, error } = useApiQuery<RegionReport>('regionReport', REGION_REPORT, { regionId, from: period?.from, to: period?.to }, { enabled: !!regionId && !!period });
  const figures = HEADLINE_FIGURES.filter((f) => data && (data.totals[f.key] || data.venues.some((v) => v.headline[f.key])));
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.regionReport" />
      <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        <TextField select size="small" label={translate('xp.reports.region')} value={regionId ?? ''} onChange={(e) => setRegionId(e.target.value)} sx={{ minWidth: 220 }} data-testid="region-select">
          {regions.map((r) => (
            <MenuItem key={r.id} value={r.id}>{r.name}</MenuItem>
          ))}
        </TextField>
        <PeriodPicker state={state} />
      </Stack>
      {data && <PeriodNote period={data.period} previous={data.previousPeriod} />}
      {isFetching && <LinearProgress sx={{ my: 1 }} />}
      {!regionsPending && regions.length === 0 && <Alert severity="info">{translate('xp.reports.no_regions')}</Alert>}
      {error && <Alert severity="error" sx={{ my: 2 }}>{errorText(error)}</Alert>}
      <Box sx={{ mt: 2 }}>
        {isPending && regionId && period ? (
          <Skeleton height={240} />
        ) : data && !error && period ? (
          <Box data-testid="region-report">
            <ReportSection title="xp.reports.side_by_side">
              {data.venues.length === 0 ? (
                <Alert severity="info">{translate('xp.reports.region_no_venues')}</Alert>
              ) : (
                <TableContainer component={Card} variant="outlined">
                  <Table size="small" data-testid="region-table">
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('xp.reports.figure')}</TableCell>
                        {data.venues.map((v) => (
                          <TableCell key={v.venue.id} align="right" data-testid="region-venue">
                            <Link component={RouterLink} to={venueReportLink(v.venue.id, period)} data-testid={`open-venue-${v.venue.code}`}>{v.venue.name}</Link>
                            <Typography variant="caption" color="text.secondary" component="div">{v.venue.code} · {v.venue.city}</Typography>
                          </TableCell>
                        ))}
                        <TableCell align="right" sx={{ fontWeight: 600 }}>{translate('xp.reports.totals', { region: data.region.name })}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {figures.map((f) => (
                        <TableRow key={f.key} data-testid={`row-${f.key}`}>
                          <TableCell>{translate(`xp.reports.figures.${f.key}`)}</TableCell>
                          {data.venues.map((v) => (
                            <FigureCell key={v.venue.id} kind={f.kind} figure={v.headline[f.key]} />
                          ))}
                          <FigureCell kind={f.kind} figure={data.totals[f.key]} testId={`total-${f.key}`} />
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableContainer>
              )}
            </ReportSection>
            {data.venues.length > 0 && (
              <ReportSection title="xp.reports.sections.charts">
                <ChartGrid>
                  <CompareBars title="xp.reports.charts.gmv_by_venue" kind="money" testId="chart-venue-gmv" rows={data.venues.map((v) => ({ key: v.venue.id, label: v.venue.name, value: v.headline.gmv?.value ?? null, previous: v.headline.gmv?.previous ?? null }))} />
                  <CompareBars title="xp.reports.charts.scans_by_venue" kind="count" testId="chart-venue-scans" rows={data.venues.map((v) => ({ key: v.venue.id, label: v.venue.name, value: v.headline.scans?.value ?? null, previous: v.headline.scans?.previous ?? null }))} />
                  <CompareBars title="xp.reports.charts.occupancy_by_venue" kind="rate" testId="chart-venue-occupancy" rows={data.venues.map((v) => ({ key: v.venue.id, label: v.venue.name, value: v.headline.occupancyRate?.value ?? null, previous: v.headline.occupancyRate?.previous ?? null }))} />
                </ChartGrid>
              </ReportSection>
            )}
            <Typography variant="caption" color="text.secondary">{translate('xp.reports.generated_at', { at: formatDateTime(data.generatedAt) })}</Typography>
          </Box>
        ) : null}
      </Box>
    </Box>
  );
};
