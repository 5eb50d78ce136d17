import { useEffect, useRef } from 'react';
import { Alert, Box, Card, CardHeader, LinearProgress, Link, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { hasAnyRole, Permissions } from '../../access/permissions';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { CompareBars, ReportFigure } from '../../components/charts';
import { formatFigure } from '../../components/chartScale';
import { PeriodPicker, usePeriod } from '../../components/PeriodPicker';
import { useCurrentVenue, VenueSelect } from '../../components/venue';
import { formatDateTime } from '../../format/dates';
import { customFromLink, lastDayOf } from '../../format/periods';
import { ChartGrid, DownloadButton, FigureCell, HeadlineSections, PeriodNote, ReportSection, StockAgeCard } from './parts';
import { TopFactory, TopSku, VENUE_REPORT, VenueReport, venueWorkbookUrl } from './queries';

/** Top factories or SKUs, ranked, each figure with its change. */
const TopTable = ({ title, rows, sku, testId, factoryLink }: { title: string; rows: (TopFactory | TopSku)[]; sku?: boolean; testId: string; factoryLink?: (factoryId: string) => string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardHeader title={<Typography variant="subtitle1">{translate(title)}</Typography>} sx={{ pb: 0 }} />
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('xp.reports.columns.rank')}</TableCell>
            {sku && <TableCell>{translate('xp.reports.columns.sku')}</TableCell>}
            <TableCell>{translate('xp.reports.columns.factory')}</TableCell>
            <TableCell align="right">{translate('xp.reports.figures.gmv')}</TableCell>
            <TableCell align="right">{translate('xp.reports.figures.scans')}</TableCell>
            <TableCell align="right">{translate('xp.reports.figures.unitsSold')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 && (
            <TableRow><TableCell colSpan={sku ? 6 : 5}>{translate('xp.reports.nothing')}</TableCell></TableRow>
          )}
          {rows.map((r) => (
            <TableRow key={'skuId' in r ? r.skuId : r.factory.id}>
              <TableCell>{r.rank}</TableCell>
              {'skuId' in r && (
                <TableCell>
                  {r.skuCode} <Typography component="span" variant="body2" color="text.secondary">{r.title}</Typography>
                </TableCell>
              )}
              <TableCell>
                {factoryLink ? (
                  <Link component={RouterLink} to={factoryLink(r.factory.id)}>{r.factory.name}</Link>
                ) : (
                  r.factory.name
                )}
              </TableCell>
              <FigureCell kind="money" figure={r.gmv} />
              <FigureCell kind="count" figure={r.scans} />
              <FigureCell kind="count" figure={r.unitsSold} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
};

/** Slot performance: per occupied slot-day, and the slots that do least. */
const SlotPerformanceSection = ({ report }: { report: VenueReport }) => {
  const translate = useTranslate();
  const sp = report.slotPerformance;
  return (
    <ReportSection title="xp.reports.sections.slots" testId="section-slots">
      <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2} sx={{ mb: 2 }}>
        <ReportFigure label="xp.reports.slots.gmv_per_day" kind="money" figure={sp.gmvPerOccupiedSlotDay} testId="figure-gmvPerOccupiedSlotDay" />
        <ReportFigure label="xp.reports.slots.scans_per_day" kind="decimal" figure={sp.scansPerOccupiedSlotDay} testId="figure-scansPerOccupiedSlotDay" />
        <ReportFigure label="xp.reports.slots.units_per_day" kind="decimal" figure={sp.unitsPerOccupiedSlotDay} testId="figure-unitsPerOccupiedSlotDay" />
      </Stack>
      <Card variant="outlined" data-testid="weakest-slots">
        <CardHeader title={<Typography variant="subtitle1">{translate('xp.reports.slots.weakest')}</Typography>} subheader={<Typography variant="caption" color="text.secondary">{translate('xp.reports.slots.weakest_hint')}</Typography>} sx={{ pb: 0 }} />
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('xp.reports.slots.slot')}</TableCell>
              <TableCell align="right">{translate('xp.reports.slots.occupied_days')}</TableCell>
              <TableCell align="right">{translate('xp.reports.figures.scans')}</TableCell>
              <TableCell align="right">{translate('xp.reports.figures.unitsSold')}</TableCell>
              <TableCell align="right">{translate('xp.reports.figures.gmv')}</TableCell>
              <TableCell align="right">{translate('xp.reports.slots.scans_per_slot_day')}</TableCell>
              <TableCell align="right">{translate('xp.reports.slots.units_per_slot_day')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sp.weakestSlots.length === 0 && (
              <TableRow><TableCell colSpan={7}>{translate('xp.reports.nothing')}</TableCell></TableRow>
            )}
            {sp.weakestSlots.map((s) => (
              <TableRow key={s.slotId}>
                <TableCell>{s.slotCode} <Typography component="span" variant="caption" color="text.secondary">{s.zoneCode}</Typography></TableCell>
                <TableCell align="right">{s.occupiedDays}</TableCell>
                <TableCell align="right">{formatFigure('count', s.scans)}</TableCell>
                <TableCell align="right">{formatFigure('count', s.unitsSold)}</TableCell>
                <TableCell align="right">{formatFigure('money', s.gmv)}</TableCell>
                <FigureCell kind="decimal" figure={s.scansPerOccupiedDay} />
                <FigureCell kind="decimal" figure={s.unitsPerOccupiedDay} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </ReportSection>
  );
};

/** The whole report of one venue for the chosen period. */
export const VenueReportBody = ({ report }: { report: VenueReport }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  // Platform staff may open a ranked factory's own report for the same days.
  const factoryLink = hasAnyRole(permissions, ['PLATFORM_ADMIN', 'REGIONAL_MANAGER'])
    ? (factoryId: string) => `/reports/factory?factory=${encodeURIComponent(factoryId)}&from=${report.period.from}&to=${report.period.to}`
    : undefined;
  const h = report.headline;
  const full = report.view === 'FULL';
  return (
    <Box data-testid="venue-report" data-view={report.view}>
      {!full && <Alert severity="info" sx={{ mb: 2 }} data-testid="aggregate-only">{translate('xp.reports.aggregate_only')}</Alert>}
      <HeadlineSections headline={h} />
      <ReportSection title="xp.reports.sections.charts" testId="section-charts">
        <ChartGrid>
          <CompareBars
            title="xp.reports.charts.traffic"
            kind="count"
            testId="chart-traffic"
            rows={(['scans', 'uniqueDevices', 'listings', 'orders', 'unitsSold'] as const).map((k) => ({ key: k, label: translate(`xp.reports.figures.${k}`), value: h[k]?.value ?? null, previous: h[k]?.previous ?? null }))}
          />
          <CompareBars
            title="xp.reports.charts.money"
            kind="money"
            testId="chart-money"
            rows={(['gmv', 'spread', 'returnedAmount', 'stockValue'] as const).filter((k) => h[k]).map((k) => ({ key: k, label: translate(`xp.reports.figures.${k}`), value: h[k]?.value ?? null, previous: h[k]?.previous ?? null }))}
          />
          <StockAgeCard stockAge={report.stockAge} />
          {report.topFactoriesByGmv && (
            <CompareBars
              title="xp.reports.charts.top_factories_gmv"
              kind="money"
              testId="chart-top-factories"
              rows={report.topFactoriesByGmv.map((f) => ({ key: f.factory.id, label: f.factory.name, value: f.gmv.value, previous: f.gmv.previous }))}
            />
          )}
          {report.topSkusByScans && (
            <CompareBars
              title="xp.reports.charts.top_skus_scans"
              kind="count"
              testId="chart-top-skus"
              rows={report.topSkusByScans.map((s) => ({ key: s.skuId, label: `${s.skuCode} ${s.title}`, value: s.scans.value, previous: s.scans.previous }))}
            />
          )}
        </ChartGrid>
      </ReportSection>
      {full && (
        <ReportSection title="xp.reports.sections.top" testId="section-top">
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' } }}>
            <TopTable title="xp.reports.top.factories_gmv" rows={report.topFactoriesByGmv ?? []} testId="top-factories-gmv" factoryLink={factoryLink} />
            <TopTable title="xp.reports.top.factories_scans" rows={report.topFactoriesByScans ?? []} testId="top-factories-scans" factoryLink={factoryLink} />
            <TopTable title="xp.reports.top.skus_gmv" rows={report.topSkusByGmv ?? []} sku testId="top-skus-gmv" factoryLink={factoryLink} />
            <TopTable title="xp.reports.top.skus_scans" rows={report.topSkusByScans ?? []} sku testId="top-skus-scans" factoryLink={factoryLink} />
          </Box>
        </ReportSection>
      )}
      <SlotPerformanceSection report={report} />
      <Typography variant="caption" color="text.secondary">{translate('xp.reports.generated_at', { at: formatDateTime(report.generatedAt) })}</Typography>
    </Box>
  );
};

/**
 * A venue's report: pick the venue and the period; every figure beside the previous period of
 * equal length; the spreadsheet of the same report. Linked as /reports/venue?venue=&from=&to=.
 */
export const VenueReportPage = () => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const { venueId, venue, venues, setVenueId, isPending: venuesPending } = useCurrentVenue();
  // A link names the venue once; the picker decides after that.
  const linkedVenue = params.get('venue');
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (linkedVenue && applied.current !== linkedVenue && venues.some((v) => v.id === linkedVenue)) {
      applied.current = linkedVenue;
      setVenueId(linkedVenue);
    }
  }, [linkedVenue, venues, setVenueId]);
  const state = usePeriod('lastMonth', customFromLink(params.get('from'), params.get('to')));
  const period = state.period;
  const { data, isPending, isFetching, error } = useApiQuery<VenueReport>('venueReport', VENUE_REPORT, { venueId, from: period?.from, to: period?.to }, { enabled: !!venueId && !!period });
  const fileName = venue && period ? `${translate('xp.reports.file_name', { venue: venue.code, first: period.from, last: lastDayOf(period) })}.xlsx` : 'report.xlsx';
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.venueReport" />
      <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        <VenueSelect value={venueId} venues={venues} onChange={setVenueId} />
        <PeriodPicker state={state} />
        <Box sx={{ flex: 1 }} />
        {venueId && period && <DownloadButton url={venueWorkbookUrl(venueId, period)} fileName={fileName} />}
      </Stack>
      {data && <PeriodNote period={data.period} previous={data.previousPeriod} />}
      {isFetching && <LinearProgress sx={{ my: 1 }} />}
      {!venuesPending && venues.length === 0 && <Alert severity="info">{translate('xp.reports.no_venues')}</Alert>}
      {error && <Alert severity="error" sx={{ my: 2 }}>{errorText(error)}</Alert>}
      <Box sx={{ mt: 2 }}>{isPending && venueId && period ? <Skeleton height={240} /> : data && !error ? <VenueReportBody report={data} /> : null}</Box>
    </Box>
  );
};
