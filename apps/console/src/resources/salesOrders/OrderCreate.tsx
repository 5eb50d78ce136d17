import { useMemo, useRef } from 'react';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { useQueries } from '@tanstack/react-query';
import {
  ArrayInput,
  Create,
  NumberInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  minValue,
  required,
  useGetMany,
  useSimpleFormIteratorItem,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { newUuid } from '../../api/ids';
import { SkuInput } from '../../components/stockFields';
import { useCurrentVenue, useWorkVenues } from '../../components/venue';
import { formatMoney } from '../../format/money';
import { graphql } from '../../graphql/client';
import { BuyerInput } from './OrderViews';
import { EFFECTIVE_PRICE } from './queries';
import { multiplyMoney, sumMoney } from '../../format/money';
import { quantityProblem, Tier, tierFor } from './rules';

interface EffectivePrice {
  id: string;
  sheetVersionNo: number;
  effectiveFrom: string;
  tiers: Tier[];
}

/** The effective prices of the form's SKUs at the venue (one cached query per SKU). */
function useEffectivePrices(venueId: string | undefined, skuIds: readonly (string | undefined)[]) {
  const results = useQueries({
    queries: skuIds.map((skuId) => ({
      queryKey: ['xp', 'effectivePrice', venueId, skuId],
      queryFn: ({ signal }: { signal: AbortSignal }) => graphql<{ result: EffectivePrice | null }>(EFFECTIVE_PRICE, { venueId, skuId }, { signal }).then((d) => d.result),
      enabled: !!venueId && !!skuId,
      retry: false,
    })),
  });
  return results.map((r) => ({ price: r.data ?? null, isPending: r.isPending && r.fetchStatus !== 'idle', failed: !!r.error }));
}

interface FormLine {
  skuId?: string;
  quantity?: number | string;
}

/** One line's preview: the tier its quantity reaches, the unit price and the subtotal, or why the quantity is refused. */
const LinePreview = () => {
  const translate = useTranslate();
  const { index } = useSimpleFormIteratorItem();
  const venueId = useWatch({ name: 'venueId' }) as string | undefined;
  const line = (useWatch({ name: `lines.${index}` }) ?? {}) as FormLine;
  const [{ price, failed }] = useEffectivePrices(venueId, [line.skuId]);
  const { data: skus } = useGetMany('skus', { ids: line.skuId ? [line.skuId] : [] }, { enabled: !!line.skuId });
  const sku = skus?.[0];
  if (!line.skuId || !venueId) return null;
  const quantity = Number(line.quantity);
  const problem = sku && line.quantity !== undefined && line.quantity !== '' ? quantityProblem(quantity, sku.moq, sku.packSize) : null;
  const tier = price ? tierFor(price.tiers, quantity) : null;
  return (
    <Box sx={{ minWidth: 240, alignSelf: 'center' }} data-testid="line-preview">
      {sku && <Typography variant="caption" color="text.secondary" component="div">{translate('xp.sales.moq_pack', { moq: sku.moq, packSize: sku.packSize })}</Typography>}
      {failed || (price === null && !failed && skus) ? (
        <Typography variant="body2" color="warning.main">{translate('xp.sales.no_price')}</Typography>
      ) : problem ? (
        <Typography variant="body2" color="error">{translate(problem.key, problem.values)}</Typography>
      ) : tier?.wholesalePrice ? (
        <Typography variant="body2">
          {translate('xp.sales.tier_price', { price: formatMoney(tier.wholesalePrice), min: tier.minQuantity })} · {translate('xp.sales.line_amount', { amount: formatMoney(multiplyMoney(tier.wholesalePrice, quantity)) })}
        </Typography>
      ) : null}
    </Box>
  );
};

/** The estimated total of the lines priced so far. */
const EstimatedTotal = () => {
  const translate = useTranslate();
  const venueId = useWatch({ name: 'venueId' }) as string | undefined;
  const lines = ((useWatch({ name: 'lines' }) ?? []) as FormLine[]).filter(Boolean);
  const prices = useEffectivePrices(venueId, lines.map((l) => l.skuId));
  const amounts = lines.map((l, i) => {
    const tier = prices[i]?.price ? tierFor(prices[i].price!.tiers, Number(l.quantity)) : null;
    return tier?.wholesalePrice ? multiplyMoney(tier.wholesalePrice, Number(l.quantity)) : null;
  });
  if (!amounts.some((a) => a !== null)) return null;
  return <Alert severity="info" data-testid="order-estimate">{translate('xp.sales.estimated_total', { amount: formatMoney(sumMoney(amounts)) })}</Alert>;
};

const VenueChoice = () => {
  const { venues } = useWorkVenues();
  return <SelectInput source="venueId" choices={venues.map((v) => ({ id: v.id, name: `${v.name}（${v.code}）` }))} translateChoice={false} validate={required()} />;
};

const Lines = () => {
  const venueId = useWatch({ name: 'venueId' }) as string | undefined;
  const filter = useMemo(() => ({ venueId, status: 'ACTIVE' }), [venueId]);
  return (
    <ArrayInput source="lines" validate={required()}>
      <SimpleFormIterator inline disableReordering>
        <SkuInput source="skuId" filter={filter} label="resources.salesOrders.fields.sku" required />
        <NumberInput source="quantity" label="resources.salesOrders.fields.quantity" min={1} step={1} validate={[required(), minValue(1)]} />
        <TextInput source="scanCode" label="resources.salesOrders.fields.scanCode" />
        <LinePreview />
      </SimpleFormIterator>
    </ArrayInput>
  );
};

/** Staff place an order for a buyer at the counter: priced by the API at the tier in force, stock reserved. */
export const OrderCreate = () => {
  const translate = useTranslate();
  const { venueId, isPending } = useCurrentVenue();
  // One key per order form: a retry after a lost answer replays the first result instead of a second order.
  const key = useRef<string>('');
  if (!key.current) key.current = newUuid();
  const defaults = useMemo(() => ({ venueId, idempotencyKey: key.current, lines: [{}] }), [venueId]);
  if (isPending) return null;
  return (
    <Create redirect="show" mutationMode="pessimistic" title="xp.sales.place">
      <SimpleForm defaultValues={defaults}>
        <Typography variant="body2" color="text.secondary">{translate('xp.sales.place_hint')}</Typography>
        <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap">
          <VenueChoice />
          <BuyerInput source="buyerId" required />
        </Stack>
        <Lines />
        <EstimatedTotal />
        <TextInput source="note" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
};
