import { formatYuan } from '@xp/core';
import { availabilityOf, csvCell, suggestedRetailPrice } from './scans.rules';
import { ScanView } from './scan-view';

/** The most quantity breaks a price line has (a CHECK on price lines), so the CSV has a fixed shape. */
export const MAX_TIERS = 10;

/**
 * The one-click listing (一键铺货) of a label's SKU, format `xuanpin.listing` version 1: what a
 * buyer's shop needs to list the product. Money is a decimal string in yuan (CNY); the wholesale
 * tiers are the venue's; the suggested retail price is never below an approved floor; the
 * supply price never appears.
 */
export interface Listing {
  format: 'xuanpin.listing';
  version: 1;
  generatedAt: string;
  source: { scanCode: string; scanUrl: string; venue: { code: string; name: string }; slotCode: string };
  product: {
    title: string;
    titleEn: string | null;
    description: string | null;
    category: { code: string; name: string };
    brand: string | null;
    images: string[];
  };
  sku: {
    code: string;
    gtin: string | null;
    attributes: Record<string, string>;
    unit: string;
    packSize: number;
    moq: number;
    weightGrams: number | null;
  };
  supplier: { name: string };
  pricing: {
    currency: 'CNY';
    priceVersionId: string;
    effectiveFrom: string;
    wholesaleTiers: { minQuantity: number; unitPrice: string }[];
    suggestedRetailPrice: string;
    priceFloor: string | null;
  } | null;
  availability: string;
}

export function buildListing(view: ScanView, baseUrl: string, now: Date): Listing {
  const scanUrl = `${baseUrl}/s/${view.code}`;
  return {
    format: 'xuanpin.listing',
    version: 1,
    generatedAt: now.toISOString(),
    source: { scanCode: view.code, scanUrl, venue: { code: view.venueCode, name: view.venueName }, slotCode: view.slotCode },
    product: {
      title: view.title,
      titleEn: view.titleEn,
      description: view.description,
      category: { code: view.categoryCode, name: view.categoryName },
      brand: view.brandName,
      images: Array.from({ length: view.imageCount }, (_, i) => `${scanUrl}/images/${i + 1}`),
    },
    sku: {
      code: view.skuCode,
      gtin: view.gtin,
      attributes: { ...view.attributes },
      unit: view.unit,
      packSize: view.packSize,
      moq: view.moq,
      weightGrams: view.weightGrams,
    },
    supplier: { name: view.factoryName },
    pricing: view.price
      ? {
          currency: 'CNY',
          priceVersionId: view.price.versionId,
          effectiveFrom: view.price.effectiveFrom,
          wholesaleTiers: view.price.wholesaleTiers.map((t) => ({ minQuantity: t.minQuantity, unitPrice: formatYuan(t.unitPrice) })),
          suggestedRetailPrice: formatYuan(suggestedRetailPrice(view.price.retailPrice, view.price.floorPrice)),
          priceFloor: view.price.floorPrice === null ? null : formatYuan(view.price.floorPrice),
        }
      : null,
    availability: availabilityOf(view.available, view.moq),
  };
}

/** The CSV columns: `中文(key)` headers, as the imports read them. */
export const LISTING_CSV_COLUMNS: readonly string[] = [
  '商品标题(title)',
  '英文标题(titleEn)',
  '类目编码(categoryCode)',
  '类目(categoryName)',
  '品牌(brand)',
  'SKU编码(skuCode)',
  '条码(gtin)',
  '规格(attributes)',
  '单位(unit)',
  '每包数量(packSize)',
  '起批量(moq)',
  '重量克数(weightGrams)',
  ...Array.from({ length: MAX_TIERS }, (_, i) => [`阶梯${i + 1}起订量(tier${i + 1}MinQuantity)`, `阶梯${i + 1}批发价(tier${i + 1}UnitPrice)`]).flat(),
  '建议零售价(suggestedRetailPrice)',
  '控价(priceFloor)',
  '币种(currency)',
  '图片(images)',
  '供应商(supplier)',
  '库存(availability)',
  '货源链接(sourceUrl)',
  '扫码编号(scanCode)',
  '价格版本(priceVersionId)',
];

/** The listing as CSV: UTF-8 with a BOM (Excel reads Chinese right), CRLF, one header row and one SKU row. */
export function listingCsv(listing: Listing): string {
  const tiers = listing.pricing?.wholesaleTiers ?? [];
  const row = [
    listing.product.title,
    listing.product.titleEn,
    listing.product.category.code,
    listing.product.category.name,
    listing.product.brand,
    listing.sku.code,
    listing.sku.gtin,
    Object.entries(listing.sku.attributes)
      .map(([k, v]) => `${k}:${v}`)
      .join('; '),
    listing.sku.unit,
    listing.sku.packSize,
    listing.sku.moq,
    listing.sku.weightGrams,
    ...Array.from({ length: MAX_TIERS }, (_, i) => [tiers[i]?.minQuantity ?? null, tiers[i]?.unitPrice ?? null]).flat(),
    listing.pricing?.suggestedRetailPrice,
    listing.pricing?.priceFloor,
    listing.pricing?.currency,
    listing.product.images.join(' '),
    listing.supplier.name,
    listing.availability,
    listing.source.scanUrl,
    listing.source.scanCode,
    listing.pricing?.priceVersionId,
  ];
  return `\uFEFF${[LISTING_CSV_COLUMNS, row].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
