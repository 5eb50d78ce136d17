import { useState } from 'react';
import { Alert, Box, Card, LinearProgress, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Tooltip, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { useCurrentVenue, VenueSelect } from '../../components/venue';

const STOCK_AGE = `query StockAge($venueId: ID!, $page: Int!, $perPage: Int!) {
  result: stockAge(venueId: $venueId, page: $page, perPage: $perPage, sort: { field: "oldestAgeDays", order: DESC }) {
    total
    items { skuId venueId onHand days0To30 days31To90 over90 oldestAgeDays oldestReceivedOn sku { id code product { id titleZh } } ownerFactory { id name } }
  }
}`;

interface AgeRow {
  skuId: string;
  onHand: number;
  days0To30: number;
  days31To90: number;
  over90: number;
  oldestAgeDays: number | null;
  oldestReceivedOn: string | null;
  sku: { code: string; product?: { titleZh: string } };
  ownerFactory: { name: string };
}

/** Stacked 0–30 / 31–90 / over 90 days as one bar. */
const AgeBar = ({ row }: { row: AgeRow }) => {
  const total = row.days0To30 + row.days31To90 + row.over90 || 1;
  const part = (n: number, colour: string) => <Box sx={{ width: `${(n / total) * 100}%`, bgcolor: colour, height: 10 }} />;
  return (
    <Tooltip title={`0–30: ${row.days0To30} · 31–90: ${row.days31To90} · >90: ${row.over90}`}>
      <Box sx={{ display: 'flex', width: 160, borderRadius: 5, overflow: 'hidden', bgcolor: 'grey.200' }}>
        {part(row.days0To30, '#66bb6a')}
        {part(row.days31To90, '#ffb300')}
        {part(row.over90, '#e53935')}
      </Box>
    </Tooltip>
  );
};

/** Units per SKU by days since receipt (first in, first out), oldest first. */
export const StockAgePage = () => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const { venueId, venues, setVenueId } = useCurrentVenue();
  const [page, setPage] = useState(0);
  const perPage = 25;
  const { data, isPending, isFetching, error } = useApiQuery<{ total: number; items: AgeRow[] }>('stockAge', STOCK_AGE, { venueId, page: page + 1, perPage }, { enabled: !!venueId });
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.stockAge" />
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
        <VenueSelect value={venueId} venues={venues} onChange={(id) => { setVenueId(id); setPage(0); }} />
        <Typography variant="body2" color="text.secondary">{translate('xp.stock.age_hint')}</Typography>
      </Stack>
      {error && <Alert severity="error">{errorText(error)}</Alert>}
      {isPending && venueId ? (
        <Skeleton height={200} />
      ) : data ? (
        <Card variant="outlined">
          {isFetching && <LinearProgress />}
          <Table size="small" data-testid="stock-age">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.stockBalances.fields.sku')}</TableCell>
                <TableCell>{translate('resources.stockBalances.fields.ownerFactory')}</TableCell>
                <TableCell align="right">{translate('resources.stockBalances.fields.onHand')}</TableCell>
                <TableCell align="right">{translate('xp.stock.age.d0_30')}</TableCell>
                <TableCell align="right">{translate('xp.stock.age.d31_90')}</TableCell>
                <TableCell align="right">{translate('xp.stock.age.over90')}</TableCell>
                <TableCell />
                <TableCell align="right">{translate('xp.stock.age.oldest')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.length === 0 && (
                <TableRow><TableCell colSpan={8}>{translate('ra.navigation.no_results')}</TableCell></TableRow>
              )}
              {data.items.map((r) => (
                <TableRow key={r.skuId}>
                  <TableCell>{r.sku.code} <Typography component="span" variant="body2" color="text.secondary">{r.sku.product?.titleZh}</Typography></TableCell>
                  <TableCell>{r.ownerFactory.name}</TableCell>
                  <TableCell align="right">{r.onHand}</TableCell>
                  <TableCell align="right">{r.days0To30}</TableCell>
                  <TableCell align="right">{r.days31To90}</TableCell>
                  <TableCell align="right" sx={{ color: r.over90 ? 'error.main' : undefined }}>{r.over90}</TableCell>
                  <TableCell><AgeBar row={r} /></TableCell>
                  <TableCell align="right">{r.oldestAgeDays === null ? '—' : translate('xp.stock.age.days', { days: r.oldestAgeDays, date: r.oldestReceivedOn })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination component="div" count={data.total} page={page} rowsPerPage={perPage} rowsPerPageOptions={[perPage]} onPageChange={(_e, p) => setPage(p)} />
        </Card>
      ) : null}
    </Box>
  );
};
