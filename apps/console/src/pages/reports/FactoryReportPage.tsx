import { useEffect, useMemo } from 'react';
import { Alert, Box, Card, LinearProgress, MenuItem, Skeleton, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { Title, useGetList, usePermissions, useStore, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { hasAnyRole, ownOrganization, Permissions } from '../../access/permissions';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { CompareBars, ReportFigure } from '../../components/charts';
import { PeriodPicker, usePeriod } from '../../components/PeriodPicker';
import { formatDateTime } from '../../format/dates';
import { customFromLink } from '../../format/periods';
import { ChartGrid, FigureCell, PeriodNote, ReportSection, StockAgeCard } from './parts';
import { FACTORY_FIGURES, FACTORY_REPORT, FactoryReport } from './queries';

/** The factories whose report this user opens: a factory its own; platform staff pick one. */
function useReportFactories(): { factories: { id: string; name: string }[]; isPending: boolean } {
  const { permissions } = usePermissions<Permissions>();
  const own = permissions ? ownOrganization(permissions, ['FACTORY']) : null;
  const staff = !own && hasAnyRole(permissions, ['PLATFORM_ADMIN', 'REGIONAL_MANAGER']);
  const list = useGetList('organizations', { pagination: { page: 1, perPage: 200 }, filter: { kind: 'FACTORY' }, sort: { field: 'name', order: 'ASC' } }, { enabled: staff });
  const factories = useMemo(() => (own ? [{ id: own.id, name: own.name }] : (list.data ?? []).map((o) => ({ id: String(o.id), name: String(o.name) }))), [own, list.data]);
  return { factories, isPending: !permissions || (staff && list.isPending) };
}

/** A factory's own figures across the venues it is admitted to, each beside the previous period. */
export const FactoryReportPage = () => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const { factories, isPending: factoriesPending } = useReportFactories();
  const [stored, setFactoryId] = useStore<string | undefined>('xp.reports.factoryId');
  // A link from a venue's ranking names the factory: the API decides whether this user may see it.
  const linked = params.get('factory');
  const factoryId = linked ?? [stored].find((id) => id && factories.some((f) => f.id === id)) ?? factories[0]?.id;
  useEffect(() => {
    if (!linked && factoryId && factoryId !== stored) setFactoryId(factoryId);
  }, [linked, factoryId, stored, setFactoryId]);
  const state = usePeriod('lastMonth', customFromLink(params.get('from'), params.get('to')));
  const period = state.period;
  const { data, isPending, isFetching, error } = useApiQuery<FactoryReport>('factoryReport', FACTORY_REPORT, { factoryId, from: period?.from, to: period?.to }, { enabled: !!factoryId && !!period });
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.factoryReport" />
      <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        {!linked && factories.length > 1 && (
          <TextField select size="small" label={translate('xp.reports.factory')} value={factoryId ?? ''} onChange={(e) => setFactoryId(e.target.value)} sx={{ minWidth: 260 }} data-testid="factory-select">
            {factories.map((f) => (
              <MenuItem key={f.id} value={f.id}>{f.name}</MenuItem>
            ))}
          </TextField>
        )}
        <PeriodPicker state={state} />
      </Stack>
      {data && <PeriodNote period={data.period} previous={data.previousPeriod} />}
      {isFetching && <LinearProgress sx={{ my: 1 }} />}
      {!factoriesPending && factories.length === 0 && <Alert severity="info">{translate('xp.reports.no_factories')}</Alert>}
      {error && <Alert severity="error" sx={{ my: 2 }}>{errorText(error)}</Alert>}
      <Box sx={{ mt: 2 }}>
        {isPending && factoryId && period ? (
          <Skeleton height={240} />
        ) : data && !error ? (
          <Box data-testid="factory-report">
            <Typography variant="h6" sx={{ mb: 2 }} data-testid="factory-name">{data.factory.name}</Typography>
            <ReportSection title="xp.reports.factory_totals" testId="section-totals">
              <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2}>
                {FACTORY_FIGURES.map((f) => (
                  <ReportFigure key={f.key} label={`xp.reports.figures.${f.key}`} kind={f.kind} figure={data.totals[f.key]} testId={`figure-${f.key}`} />
                ))}
              </Stack>
            </ReportSection>
            <ReportSection title="xp.reports.sections.charts">
              <ChartGrid>
                <CompareBars title="xp.reports.charts.gmv_by_venue" kind="money" testId="chart-venue-gmv" rows={data.venues.map((v) => ({ key: v.venue.id, label: v.venue.name, value: v.figures.gmv.value, previous: v.figures.gmv.previous }))} />
                <CompareBars title="xp.reports.charts.scans_by_venue" kind="count" testId="chart-venue-scans" rows={data.venues.map((v) => ({ key: v.venue.id, label: v.venue.name, value: v.figures.scans.value, previous: v.figures.scans.previous }))} />
                <StockAgeCard stockAge={data.totals.stockAge} />
              </ChartGrid>
            </ReportSection>
            <ReportSection title="xp.reports.by_venue">
              {data.venues.length === 0 ? (
                <Alert severity="info">{translate('xp.reports.factory_no_venues')}</Alert>
              ) : (
                <TableContainer component={Card} variant="outlined">
                  <Table size="small" data-testid="factory-venues">
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('xp.reports.figure')}</TableCell>
                        {data.venues.map((v) => (
                          <TableCell key={v.venue.id} align="right" data-testid="factory-venue">
                            {v.venue.name}
                            <Typography variant="caption" color="text.secondary" component="div">{v.venue.code} · {v.venue.city}</Typography>
                          </TableCell>
                        ))}
                        <TableCell align="right" sx={{ fontWeight: 600 }}>{translate('xp.common.total')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {FACTORY_FIGURES.map((f) => (
                        <TableRow key={f.key}>
                          <TableCell>{translate(`xp.reports.figures.${f.key}`)}</TableCell>
                          {data.venues.map((v) => (
                            <FigureCell key={v.venue.id} kind={f.kind} figure={v.figures[f.key]} />
                          ))}
                          <FigureCell kind={f.kind} figure={data.totals[f.key]} />
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableContainer>
              )}
            </ReportSection>
            <Typography variant="caption" color="text.secondary">{translate('xp.reports.generated_at', { at: formatDateTime(data.generatedAt) })}</Typography>
          </Box>
        ) : null}
      </Box>
    </Box>
  );
};
