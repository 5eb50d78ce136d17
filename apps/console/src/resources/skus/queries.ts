import { compact } from '../../dataProvider';
import type { ResourceQueries } from '../queries.types';

export const SKU_FIELDS = `id code gtin attributes unit packSize moq weightGrams status createdAt updatedAt factoryOrgId productId`;
const SKU = `${SKU_FIELDS} product { id titleZh categoryId category { id nameZh } brandId brand { id name } factory { id name } }`;

/** The attribute names the forms have inputs of their own for. */
export const COLOR = '颜色';
export const SIZE = '尺码';

/** "材质:羊毛; 款式:长款" (ASCII or full-width) → { 材质: '羊毛', 款式: '长款' }. */
export function parseOtherAttributes(text: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof text !== 'string') return out;
  for (const pair of text.split(/[;；\n]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^:：=]+)[:：=](.+)$/.exec(pair);
    if (m) out[m[1].trim()] = m[2].trim();
  }
  return out;
}

/** The other attributes back as "名称:值; 名称:值". */
export function formatOtherAttributes(attributes: Record<string, unknown> | null | undefined): string {
  return Object.entries(attributes ?? {})
    .filter(([k]) => k !== COLOR && k !== SIZE)
    .map(([k, v]) => `${k}:${String(v)}`)
    .join('; ');
}

/** The form's colour, size and other attributes → the API's attributes object. */
export function attributesOf(data: Record<string, unknown>): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (typeof data.color === 'string' && data.color.trim()) attributes[COLOR] = data.color.trim();
  if (typeof data.size === 'string' && data.size.trim()) attributes[SIZE] = data.size.trim();
  return { ...attributes, ...parseOtherAttributes(data.otherAttributes) };
}

const int = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));

export const skuQueries: ResourceQueries = {
  list: `query Skus($filter: SkuFilter, $page: Int!, $perPage: Int!, $sort: SortInput) {
    result: skus(filter: $filter, page: $page, perPage: $perPage, sort: $sort) { items { ${SKU} } total }
  }`,
  one: `query Sku($id: ID!) { result: sku(id: $id) { ${SKU} } }`,
  create: `mutation CreateSku($input: CreateSkuInput!) { result: createSku(input: $input) { ${SKU} } }`,
  update: `mutation UpdateSku($input: UpdateSkuInput!) { result: updateSku(input: $input) { ${SKU} } }`,
  sortable: ['code', 'createdAt', 'updatedAt'],
  toCreateInput: (data) =>
    compact({
      productId: data.productId,
      code: typeof data.code === 'string' ? data.code.trim() : data.code,
      gtin: data.gtin,
      attributes: attributesOf(data),
      unit: data.unit,
      packSize: int(data.packSize),
      moq: int(data.moq),
      weightGrams: int(data.weightGrams),
    }),
  toUpdateInput: (data, previous) => ({
    id: previous.id,
    gtin: data.gtin ? data.gtin : undefined,
    clearGtin: !data.gtin && !!previous.gtin ? true : undefined,
    attributes: attributesOf(data),
    unit: data.unit,
    packSize: int(data.packSize),
    moq: int(data.moq),
    weightGrams: int(data.weightGrams) ?? undefined,
    status: data.status,
  }),
};
