import { useMemo } from 'react';
import { Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { graphql } from '../../graphql/client';
import { priceVersionsQuery } from './queries';

export interface SkuRef {
  id: string;
  code: string;
  attributes?: Record<string, string>;
  product?: { titleZh: string };
}

/** A SKU as code, title and attributes, in a table cell. */
export const SkuCell = ({ sku }: { sku: SkuRef | null | undefined }) => {
  if (!sku) return null;
  const attributes = Object.values(sku.attributes ?? {}).join(' / ');
  return (
    <span>
      <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>{sku.code}</Typography>
      <Typography component="span" variant="body2" color="text.secondary"> {sku.product?.titleZh}{attributes ? ` · ${attributes}` : ''}</Typography>
    </span>
  );
};

export interface PriceVersionInfo {
  id: string;
  sheetVersionNo: number;
  effectiveFrom: string;
  supersededFrom: string | null;
}

/**
 * The price versions of some SKUs at a venue, by version id: one request with an aliased
 * priceHistory per SKU, so each line can name the sheet version it was priced from. (A
 * refresh after an action fetches it again, like every 'xp' query.)
 */
export function usePriceVersions(venueId: string | undefined, skuIds: readonly string[]): Map<string, PriceVersionInfo> {
  const key = [...new Set(skuIds)].sort().join(',');
  const { data } = useQuery({
    queryKey: ['xp', 'priceVersions', venueId, key],
    queryFn: ({ signal }) => {
      const ids = key.split(',');
      const variables = Object.fromEntries([['venueId', venueId], ...ids.map((id, i) => [`s${i}`, id])]);
      return graphql<Record<string, { items: PriceVersionInfo[] }>>(priceVersionsQuery(ids.length), variables, { signal });
    },
    enabled: !!venueId && key !== '',
    retry: false,
  });
  return useMemo(() => {
    const map = new Map<string, PriceVersionInfo>();
    for (const page of Object.values(data ?? {})) for (const v of page?.items ?? []) map.set(v.id, v);
    return map;
  }, [data]);
}

/** The price version a line was priced from: 价格表第 N 版（起始日）, or its id when unknown to this user. */
export const PriceVersionText = ({ id, versions }: { id: string | undefined; versions: Map<string, PriceVersionInfo> }) => {
  const translate = useTranslate();
  if (!id) return null;
  const v = versions.get(id);
  return (
    <span data-testid="price-version" title={id}>
      {v ? translate('xp.sales.price_version', { version: v.sheetVersionNo, from: v.effectiveFrom }) : translate('xp.sales.price_version_unknown', { id: id.slice(0, 8) })}
    </span>
  );
};
