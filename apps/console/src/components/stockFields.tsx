import { Typography } from '@mui/material';
import { AutocompleteInput, ReferenceInput, useRecordContext, useTranslate } from 'react-admin';

/** A nested value of the record (sku.code, ownerFactory.name…). */
export const Text = ({ path, mono }: { path: string; label?: string; mono?: boolean }) => {
  const record = useRecordContext();
  const value = path.split('.').reduce<any>((v, k) => v?.[k], record);
  return <span style={mono ? { fontFamily: 'monospace' } : undefined}>{value ?? ''}</span>;
};

/** A SKU as code and title (and its attributes). */
export const SkuText = ({ source = 'sku' }: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const sku = record?.[source];
  if (!sku) return null;
  const attributes = Object.values(sku.attributes ?? {}).join(' / ');
  return (
    <span>
      <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>{sku.code}</Typography>
      <Typography component="span" variant="body2" color="text.secondary"> {sku.product?.titleZh}{attributes ? ` · ${attributes}` : ''}</Typography>
    </span>
  );
};

/** A location kind by its name (仓库, 展厅样品…). */
export const LocationText = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  return <span>{value ? translate(`xp.enums.LocationKind.${value}`) : translate('xp.stock.outside')}</span>;
};

const bySearch = (search: string) => (search ? { search } : {});

/** A SKU by code or title (optionally of one venue's admitted factories, or one factory). */
export const SkuInput = ({ source = 'skuId', filter = {}, label, required, alwaysOn: _a }: { source?: string; filter?: Record<string, unknown>; label?: string; required?: boolean; alwaysOn?: boolean }) => (
  <ReferenceInput source={source} reference="skus" filter={filter} sort={{ field: 'code', order: 'ASC' }} perPage={50}>
    <AutocompleteInput
      label={label}
      optionText={(s: { code: string; product?: { titleZh: string } }) => `${s.code} · ${s.product?.titleZh ?? ''}`}
      filterToQuery={bySearch}
      validate={required ? (v: unknown) => (v ? undefined : 'ra.validation.required') : undefined}
      sx={{ minWidth: 320 }}
    />
  </ReferenceInput>
);
