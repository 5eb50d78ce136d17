import { Alert, Box, Card, CardContent, CardHeader, Chip, Skeleton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { AutocompleteInput, Form, ReferenceInput, ResourceContextProvider, Title, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useApiQuery, useErrorText } from '../../api/useApi';
import { useCurrentVenue, VenueSelect } from '../../components/venue';
import { formatMoney } from '../../format/money';

const VERSION = `id sheetId sheetVersionNo effectiveFrom supersededFrom approvedAt retailPrice floorPrice tiers { minQuantity supplyPrice wholesalePrice }`;
const PRICES = `query Prices($venueId: ID!, $skuId: ID!) {
  effective: effectivePrice(venueId: $venueId, skuId: $skuId) { ${VERSION} }
  history: priceHistory(venueId: $venueId, skuId: $skuId, page: 1, perPage: 100) { total items { ${VERSION} } }
}`;

interface Version {
  id: string;
  sheetId: string;
  sheetVersionNo: number;
  effectiveFrom: string;
  supersededFrom: string | null;
  approvedAt: string;
  retailPrice: string;
  floorPrice: string | null;
  tiers: { minQuantity: number; supplyPrice: string; wholesalePrice: string | null }[];
}

const Tiers = ({ v }: { v: Version }) => (
  <Box>
    {v.tiers.map((t) => (
      <Typography key={t.minQuantity} variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        ≥{t.minQuantity} {formatMoney(t.supplyPrice)} → {formatMoney(t.wholesalePrice)}
      </Typography>
    ))}
  </Box>
);

const Prices = ({ venueId }: { venueId: string }) => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const skuId = useWatch({ name: 'skuId' }) as string | undefined;
  const { data, isPending, error } = useApiQuery<{ effective: Version | null; history: { total: number; items: Version[] } }>('prices', PRICES, { venueId, skuId }, { enabled: !!skuId });
  if (!skuId) return <Typography variant="body2" color="text.secondary">{translate('xp.pricing.pick_sku')}</Typography>;
  if (error) return <Alert severity="error">{errorText(error)}</Alert>;
  if (isPending || !data) return <Skeleton height={160} />;
  return (
    <Stack spacing={2}>
      <Card variant="outlined" data-testid="effective-price">
        <CardHeader title={<Typography variant="subtitle1">{translate('xp.pricing.effective_now')}</Typography>} sx={{ pb: 0 }} />
        <CardContent>
          {data.effective ? (
            <Stack direction="row" spacing={4} useFlexGap flexWrap="wrap">
              <Tiers v={data.effective} />
              <Typography variant="body2">{translate('xp.pricing.retail')} {formatMoney(data.effective.retailPrice)}</Typography>
              {data.effective.floorPrice && <Chip size="small" label={translate('xp.pricing.floor_is', { price: formatMoney(data.effective.floorPrice) })} />}
              <Typography variant="body2" color="text.secondary">v{data.effective.sheetVersionNo} · {translate('xp.pricing.since', { date: data.effective.effectiveFrom })}</Typography>
            </Stack>
          ) : (
            <Typography variant="body2" color="text.secondary">{translate('xp.pricing.not_priced')}</Typography>
          )}
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardHeader title={<Typography variant="subtitle1">{translate('xp.pricing.history')}</Typography>} sx={{ pb: 0 }} />
        <CardContent>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('xp.pricing.version')}</TableCell>
                <TableCell>{translate('xp.pricing.period')}</TableCell>
                <TableCell>{translate('xp.pricing.tiers')}</TableCell>
                <TableCell>{translate('xp.pricing.retail')}</TableCell>
                <TableCell>{translate('xp.pricing.floor')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.history.items.map((v) => (
                <TableRow key={v.id} sx={{ verticalAlign: 'top' }}>
                  <TableCell>v{v.sheetVersionNo}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{v.effectiveFrom} → {v.supersededFrom ?? translate('xp.pricing.in_force')}</TableCell>
                  <TableCell><Tiers v={v} /></TableCell>
                  <TableCell>{formatMoney(v.retailPrice)}</TableCell>
                  <TableCell>{v.floorPrice ? formatMoney(v.floorPrice) : translate('xp.common.none')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </Stack>
  );
};

/** The price in force for a SKU at a venue now, and every approved version before it. */
export const PriceHistoryPage = () => {
  const { venueId, venues, setVenueId } = useCurrentVenue();
  return (
    <Box sx={{ p: 2 }}>
      <Title title="xp.menu.priceHistory" />
      {venueId && (
        <ResourceContextProvider value="priceSheets">
          <Form key={venueId}>
            <Stack direction="row" spacing={2} alignItems="flex-start" useFlexGap flexWrap="wrap">
              <VenueSelect value={venueId} venues={venues} onChange={setVenueId} />
              <ReferenceInput source="skuId" reference="skus" filter={{ venueId }} sort={{ field: 'code', order: 'ASC' }} perPage={50}>
                <AutocompleteInput label="xp.pricing.sku" optionText={(s: { code: string; product?: { titleZh: string } }) => `${s.code} · ${s.product?.titleZh ?? ''}`} filterToQuery={(q: string) => (q ? { search: q } : {})} sx={{ minWidth: 360 }} />
              </ReferenceInput>
            </Stack>
            <Prices venueId={venueId} />
          </Form>
        </ResourceContextProvider>
      )}
    </Box>
  );
};
