import type { ReactNode } from 'react';
import { Alert, Box, Card, CardActionArea, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import AssessmentIcon from '@mui/icons-material/Assessment';
import { useQuery } from '@tanstack/react-query';
import { useGetList, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useErrorText } from '../api/useApi';
import { ReportFigure } from '../components/charts';
import { compareFigure, FigureKind } from '../components/chartScale';
import { shanghaiDay } from '../format/dates';
import { sameDaysLastMonth, thisMonth } from '../format/periods';
import { graphql } from '../graphql/client';
import { FACTORY_FIGURES, FactoryKey, HeadlineKey, kindOf } from '../pages/reports/queries';
import { useCurrentVenue, useWorkVenues } from '../components/venue';
import { useReportRegions } from '../pages/reports/RegionReportPage';
import { Section } from './widgets';

/**
 * The report figures a role watches on its home screen: this month so far beside the same days of
 * last month (two periods of the reports API in one request), for a region, a venue or a factory.
 */

type Scope = { kind: 'region'; id: string } | { kind: 'venue'; id: string } | { kind: 'factory'; id: string };

const ROOT: Record<Scope['kind'], { field: string; arg: string; part: string }> = {
  region: { field: 'regionReport', arg: 'regionId', part: 'totals' },
  venue: { field: 'venueReport', arg: 'venueId', part: 'headline' },
  factory: { field: 'factoryReport', arg: 'factoryId', part: 'totals' },
};

type Values = Record<string, { value: number | string | null } | null>;

/** One query asking the same figures for two periods (aliases `now` and `before`). */
export function monthComparisonQuery(scope: Scope['kind'], keys: readonly string[]): string {
  const { field, arg, part } = ROOT[scope];
  const fields = `${part} { ${keys.map((k) => `${k} { value }`).join(' ')} }`;
  return `query HomeReport($id: ID!, $from: Date!, $to: Date!, $beforeFrom: Date!, $beforeTo: Date!) {
  now: ${field}(${arg}: $id, from: $from, to: $to) { ${fields} }
  before: ${field}(${arg}: $id, from: $beforeFrom, to: $beforeTo) { ${fields} }
}`;
}

function useMonthComparison(scope: Scope, keys: readonly string[]) {
  const today = shanghaiDay();
  const now = thisMonth(today);
  const before = sameDaysLastMonth(today);
  const part = ROOT[scope.kind].part;
  return useQuery({
    queryKey: ['xp', 'homeReport', scope, keys, today],
    queryFn: async ({ signal }) => {
      const data = await graphql<Record<'now' | 'before', Record<string, Values>>>(
        monthComparisonQuery(scope.kind, keys),
        { id: scope.id, from: now.from, to: now.to, beforeFrom: before.from, beforeTo: before.to },
        { signal },
      );
      return { now: data.now[part], before: data.before[part] };
    },
    retry: false,
  });
}

const kindOfKey = (scope: Scope['kind'], key: string): FigureKind =>
  scope === 'factory' ? (FACTORY_FIGURES.find((f) => f.key === key)?.kind ?? 'count') : kindOf(key as HeadlineKey);

/** The figures of one region, venue or factory, this month so far against the same days last month. */
export const MonthFigures = ({ scope, keys, title, titleArgs, testId }: { scope: Scope; keys: readonly (HeadlineKey | FactoryKey)[]; title: string; titleArgs?: Record<string, string>; testId: string }) => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const { data, isPending, error } = useMonthComparison(scope, keys);
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="h6" sx={{ mb: 1 }}>{translate(title, titleArgs)}</Typography>
      {error ? (
        <Alert severity="warning">{errorText(error)}</Alert>
      ) : (
        <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2} data-testid={testId}>
          {keys.map((key) => {
            if (isPending) return <Skeleton key={key} variant="rounded" height={110} sx={{ minWidth: 170, flex: '1 1 170px' }} />;
            const now = data?.now[key];
            const before = data?.before[key];
            // A figure the API leaves out for this user (a government viewer's spread) is not shown.
            if (!now || !before) return null;
            const kind = kindOfKey(scope.kind, key);
            return <ReportFigure key={key} label={`xp.reports.figures.${key}`} kind={kind} figure={compareFigure(kind, now.value, before.value)} previousLabel="xp.reports.same_days_last_month" testId={`home-figure-${key}`} />;
          })}
        </Stack>
      )}
    </Box>
  );
};

/** A card opening a report page. */
export const ReportLink = ({ label, hint, to, testId }: { label: string; hint: string; to: string; testId: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ minWidth: 240, flex: '1 1 240px' }}>
      <CardActionArea component={RouterLink} to={to} data-testid={testId}>
        <CardContent>
          <Stack direction="row" spacing={1} alignItems="center">
            <AssessmentIcon color="primary" />
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>{translate(label)}</Typography>
          </Stack>
          <Typography variant="body2" color="text.secondary">{translate(hint)}</Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

export const ReportLinks = ({ children }: { children: ReactNode }) => (
  <Section title="xp.reports.home.reports">
    <Stack direction="row" useFlexGap flexWrap="wrap" spacing={2}>{children}</Stack>
  </Section>
);

/** Platform staff: each region's totals. */
export const PlatformReportFigures = () => {
  const { data = [] } = useGetList('regions', { pagination: { page: 1, perPage: 20 }, sort: { field: 'code', order: 'ASC' } });
  return (
    <>
      <ReportLinks>
        <ReportLink label="xp.menu.regionReport" hint="xp.reports.home.region_report_hint" to="/reports/region" testId="home-region-report" />
        <ReportLink label="xp.menu.venueReport" hint="xp.reports.home.venue_report_hint" to="/reports/venue" testId="home-venue-report" />
      </ReportLinks>
      {data.map((r) => (
        <MonthFigures key={r.id} scope={{ kind: 'region', id: String(r.id) }} keys={['gmv', 'spread', 'scans', 'stockValue', 'medianHoursToDecision']} title="xp.reports.home.month_title_region" titleArgs={{ name: String(r.name) }} testId="home-region-figures" />
      ))}
    </>
  );
};

/** A regional manager: the region's totals, and the way to compare its venues. */
export const RegionalReportFigures = () => {
  const { regions } = useReportRegions();
  return (
    <>
      <ReportLinks>
        <ReportLink label="xp.reports.home.open_region_report" hint="xp.reports.home.region_report_hint" to="/reports/region" testId="home-region-report" />
        <ReportLink label="xp.reports.home.open_venue_report" hint="xp.reports.home.venue_report_hint" to="/reports/venue" testId="home-venue-report" />
      </ReportLinks>
      {regions.map((r) => (
        <MonthFigures key={r.id} scope={{ kind: 'region', id: r.id }} keys={['gmv', 'spread', 'scans', 'stockValue', 'medianHoursToDecision']} title="xp.reports.home.month_title_region" titleArgs={{ name: r.name }} testId="home-region-figures" />
      ))}
    </>
  );
};

/** A government viewer: its venues' aggregates (the API leaves out what it may not see). */
export const GovernmentReportFigures = () => {
  const { venues } = useWorkVenues();
  return (
    <>
      <ReportLinks>
        <ReportLink label="xp.reports.home.open_venue_report" hint="xp.reports.home.venue_report_hint" to="/reports/venue" testId="home-venue-report" />
      </ReportLinks>
      {venues.map((v) => (
        <MonthFigures key={v.id} scope={{ kind: 'venue', id: v.id }} keys={['gmv', 'orders', 'scans', 'uniqueDevices', 'activeFactories']} title="xp.reports.home.month_title_venue" titleArgs={{ name: v.name }} testId="home-venue-figures" />
      ))}
    </>
  );
};

/** Venue staff: the current venue's money and traffic this month. */
export const OperatorReportFigures = () => {
  const { venueId, venue } = useCurrentVenue();
  if (!venueId) return null;
  return (
    <>
      <MonthFigures scope={{ kind: 'venue', id: venueId }} keys={['gmv', 'spread', 'scans', 'stockValue', 'medianHoursToDecision']} title="xp.reports.home.month_title_venue" titleArgs={{ name: venue?.name ?? '' }} testId="home-venue-figures" />
      <ReportLinks>
        <ReportLink label="xp.reports.home.open_venue_report" hint="xp.reports.home.venue_report_hint" to="/reports/venue" testId="home-venue-report" />
      </ReportLinks>
    </>
  );
};

/** A factory: its own orders, scans and sales across its venues. */
export const FactoryReportFigures = ({ factoryId }: { factoryId: string }) => (
  <>
    <MonthFigures scope={{ kind: 'factory', id: factoryId }} keys={['orders', 'gmv', 'supplyEarnings', 'scans', 'stockValue']} title="xp.reports.home.month_title" testId="home-factory-figures" />
    <ReportLinks>
      <ReportLink label="xp.reports.home.open_factory_report" hint="xp.reports.home.factory_report_hint" to="/reports/factory" testId="home-factory-report" />
    </ReportLinks>
  </>
);
