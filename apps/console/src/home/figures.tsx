import { Card, CardActionArea, CardContent, Chip, List as MuiList, ListItemButton, ListItemText, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess, useGetList, useTranslate } from 'react-admin';
import { useApiQuery } from '../api/useApi';
import { useCurrentVenue } from '../components/venue';
import { shanghaiDay } from '../format/dates';
import { graphql } from '../graphql/client';
import { monthRange } from '../pages/occupancy/OccupancyPage';
import { Section } from './widgets';

const FigureCard = ({ label, value, to, testId, hint }: { label: string; value: ReactNode; to?: string; testId: string; hint?: string }) => {
  const translate = useTranslate();
  const body = (
    <CardContent>
      <Typography variant="body2" color="text.secondary">{translate(label)}</Typography>
      <Typography variant="h4" component="div" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Typography>
      {hint && <Typography variant="caption" color="text.secondary">{hint}</Typography>}
    </CardContent>
  );
  return <Card variant="outlined" sx={{ minWidth: 160, flex: '1 1 160px' }}>{to ? <CardActionArea component={RouterLink} to={to}>{body}</CardActionArea> : body}</Card>;
};

/**
 * A count the role watches (the API's `total` of a one-row page), linking to the list with the
 * same filter; shown only to those who may list that resource.
 */
export const ListCount = ({ label, resource, filter = {}, testId }: { label: string; resource: string; filter?: Record<string, unknown>; testId: string }) => {
  const translate = useTranslate();
  const { canAccess, isPending: checking } = useCanAccess({ resource, action: 'list' });
  const { total, isPending, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter }, { enabled: !!canAccess });
  if (checking || !canAccess) return null;
  const to = `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  return <FigureCard label={label} testId={testId} to={to} value={isPending ? <Skeleton width={48} /> : error ? translate('xp.common.none') : total} />;
};

const SLOT_COUNTS = `query HomeSlots($venueId: ID!, $date: Date!) { result: slotMap(venueId: $venueId, date: $date) { free occupied endingSoon maintenance } }`;

/** Today's free and occupied slots at the user's venue (from the slot map). */
export const SlotFigures = () => {
  const { canAccess } = useCanAccess({ resource: 'slotAssignments', action: 'list' });
  const { venueId, venue } = useCurrentVenue();
  const { data, isPending } = useApiQuery<{ free: number; occupied: number; endingSoon: number; maintenance: number }>('homeSlots', SLOT_COUNTS, { venueId, date: shanghaiDay() }, { enabled: !!venueId && !!canAccess });
  if (!canAccess || !venueId) return null;
  const v = (n: number | undefined) => (isPending ? <Skeleton width={48} /> : (n ?? 0));
  return (
    <>
      <FigureCard label="xp.home.slots_free" testId="figure-slots-free" to="/slot-map" value={v(data?.free)} hint={venue?.name} />
      <FigureCard label="xp.home.slots_occupied" testId="figure-slots-occupied" to="/slot-map" value={v(data ? data.occupied + data.endingSoon : undefined)} hint={venue?.name} />
      <FigureCard label="xp.home.slots_ending" testId="figure-slots-ending" to="/slot-map" value={v(data?.endingSoon)} hint={venue?.name} />
    </>
  );
};

const OCCUPANCY_RATE = `query HomeOccupancy($venueId: ID!, $from: Date!, $to: Date!) { result: occupancy(venueId: $venueId, from: $from, to: $to) { rate } }`;

/** This month's occupancy rate at the user's venue. */
export const OccupancyFigure = () => {
  const { venueId, venue } = useCurrentVenue();
  const range = monthRange(shanghaiDay().slice(0, 7));
  const { data, isPending, error } = useApiQuery<{ rate: number }>('homeOccupancy', OCCUPANCY_RATE, { venueId, ...range }, { enabled: !!venueId });
  const translate = useTranslate();
  if (!venueId) return null;
  return (
    <FigureCard
      label="xp.home.occupancy_month"
      testId="figure-occupancy"
      to="/occupancy"
      hint={venue?.name}
      value={isPending ? <Skeleton width={64} /> : error || !data ? translate('xp.common.none') : `${(data.rate * 100).toFixed(1)}%`}
    />
  );
};

const BALANCES = `query HomeBalances($page: Int!) { result: stockBalances(filter: { nonZero: true }, page: $page, perPage: 200) { total items { onHand } } }`;

/** The units a factory has on consignment, all venues and locations (its balances summed, page by page). */
export const StockUnitsFigure = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['xp', 'homeStockUnits'],
    queryFn: async ({ signal }) => {
      let units = 0;
      for (let page = 1; ; page++) {
        const { result } = await graphql<{ result: { total: number; items: { onHand: number }[] } }>(BALANCES, { page }, { signal });
        units += result.items.reduce((sum, b) => sum + b.onHand, 0);
        if (page * 200 >= result.total) return units;
      }
    },
    retry: false,
  });
  return <FigureCard label="xp.home.stock_units" testId="figure-stock-units" to="/stockBalances" value={isPending ? <Skeleton width={64} /> : error ? translate('xp.common.none') : data} />;
};

interface Application {
  id: string;
  status: string;
  venue?: { name: string };
}

/** A factory's applications with their status, each opening its page (reasons included). */
export const ApplicationStatuses = () => {
  const translate = useTranslate();
  const { data = [], isPending } = useGetList<Application>('venueFactories', { pagination: { page: 1, perPage: 10 }, sort: { field: 'updatedAt', order: 'DESC' } });
  return (
    <Section title="xp.home.my_applications">
      <Card variant="outlined">
        {isPending ? (
          <Skeleton height={60} />
        ) : data.length === 0 ? (
          <CardActionArea component={RouterLink} to="/venueFactories/create">
            <CardContent><Typography variant="body2">{translate('xp.home.no_applications')}</Typography></CardContent>
          </CardActionArea>
        ) : (
          <MuiList dense data-testid="my-applications">
            {data.map((a) => (
              <ListItemButton key={a.id} component={RouterLink} to={`/venueFactories/${a.id}/show`}>
                <ListItemText primary={a.venue?.name} />
                <Chip size="small" label={translate(`xp.enums.VenueFactoryStatus.${a.status}`)} color={a.status === 'APPROVED' ? 'success' : a.status === 'SUBMITTED' ? 'info' : a.status === 'DRAFT' ? 'default' : 'warning'} />
              </ListItemButton>
            ))}
          </MuiList>
        )}
      </Card>
    </Section>
  );
};
