import { Fen } from '@xp/core';
import { Tier } from '@xp/pricing';

/** Everything the scan page and the listing export show of one label (read in two statements). */
export interface ScanView {
  labelId: string;
  code: string;
  status: 'PRINTED' | 'POSTED' | 'RETIRED';
  /** Stale now: the slot shows another SKU or the price has a newer version. */
  stale: boolean;
  staleReason: 'SLOT_CHANGED' | 'PRICE_CHANGED' | null;
  venueId: string;
  venueCode: string;
  venueName: string;
  slotId: string;
  slotCode: string;
  zoneName: string;
  skuId: string;
  skuCode: string;
  gtin: string | null;
  attributes: Record<string, string>;
  unit: string;
  packSize: number;
  moq: number;
  weightGrams: number | null;
  title: string;
  titleEn: string | null;
  description: string | null;
  imageCount: number;
  categoryCode: string;
  categoryName: string;
  brandName: string | null;
  factoryOrgId: string;
  factoryName: string;
  /** WAREHOUSE on hand − reserved (never shown as a number). */
  available: number;
  /** The price in force now (null only if the SKU lost every price, which approvals never do). */
  price: {
    versionId: string;
    sheetVersionNo: number;
    effectiveFrom: string;
    wholesaleTiers: Tier[];
    retailPrice: Fen;
    floorPrice: Fen | null;
  } | null;
}
