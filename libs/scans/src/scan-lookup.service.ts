import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { effectivePriceFromJson, effectivePriceJsonSql } from '@xp/pricing';
import { ScanPageCache, ScanRecord, scanViewAt } from './scan-page.cache';
import { ScanView } from './scan-view';

interface LookupRow {
  id: string;
  code: string;
  status: ScanView['status'];
  stale_at: Date | null;
  stale_reason: ScanView['staleReason'];
  venue_id: string;
  venue_code: string;
  venue_name: string;
  slot_id: string;
  slot_code: string;
  zone_name: string;
  sku_id: string;
  sku_code: string;
  gtin: string | null;
  attributes: Record<string, string>;
  unit: string;
  pack_size: number;
  moq: number;
  weight_grams: number | null;
  title: string;
  title_en: string | null;
  description: string | null;
  image_count: number;
  category_code: string;
  category_name: string;
  brand_name: string | null;
  factory_org_id: string;
  factory_name: string;
  available: number;
  price: unknown;
}

/**
 * The scan page's one read of the label with its slot, product, factory, live staleness,
 * availability and the price in force (the pricing area's own SQL, as json). Sent as a named
 * prepared statement: PostgreSQL plans this join once per connection instead of on every view
 * (planning took 1.0 ms of the 1.7 ms per view; the statement went from 3.2 to 1.0 ms, 200 views
 * on the benchmark's dataset). The price was a second statement through TypeORM until the
 * benchmark showed the round trip and the query runner costing a third of the page's CPU.
 */
const LOOKUP_SQL = `SELECT l.id, l.code, l.status, st.stale_at, st.stale_reason,
              l.venue_id, v.code AS venue_code, v.name AS venue_name, l.slot_id, s.code AS slot_code, z.name AS zone_name,
              l.sku_id, k.code AS sku_code, k.gtin, k.attributes, k.unit, k.pack_size, k.moq, k.weight_grams,
              p.title_zh AS title, p.title_en, p.description, cardinality(p.image_document_ids) AS image_count,
              c.code AS category_code, c.name_zh AS category_name, b.name AS brand_name,
              l.factory_org_id, o.name AS factory_name,
              COALESCE((SELECT sb.on_hand - sb.reserved FROM stock_balances sb
                        WHERE sb.venue_id = l.venue_id AND sb.sku_id = l.sku_id AND sb.location = 'WAREHOUSE'), 0)::int AS available,
              CASE WHEN l.status <> 'RETIRED' THEN ${effectivePriceJsonSql('l.venue_id', 'l.sku_id', '$2::timestamptz')} END AS price
       FROM labels l
       CROSS JOIN LATERAL xp_label_staleness(l.assignment_id, l.slot_id, l.sku_id, l.price_version_id) st
       JOIN venues v ON v.id = l.venue_id
       JOIN slots s ON s.id = l.slot_id
       JOIN zones z ON z.id = s.zone_id
       JOIN skus k ON k.id = l.sku_id
       JOIN products p ON p.id = k.product_id
       JOIN categories c ON c.id = p.category_id
       LEFT JOIN brands b ON b.id = p.brand_id
       JOIN organizations o ON o.id = l.factory_org_id
       WHERE l.code = $1`;

/**
 * Reads what the public scan page shows in one statement: the label with its slot, product,
 * factory, live staleness (`xp_label_staleness()`), warehouse availability and the price in
 * force (`effectivePriceJsonSql`, the SQL behind the pricing area's `effectivePrices`). It reads
 * other areas' tables directly (read only) — one statement per view is what keeps the page fast.
 * Views are served from ScanPageCache when it holds the code (kept true by notifications).
 */
@Injectable()
export class ScanLookupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: ScanPageCache,
  ) {}

  /** The pg pool under the DataSource: named statements are pg's, not TypeORM's. */
  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  /** What the page shows of a code at `now`: from the cache (ScanPageCache) when it holds it, else read and kept. */
  async find(code: string, now: Date): Promise<ScanView | null> {
    const cached = this.cache.get(code, now);
    if (cached) return scanViewAt(cached, now);
    const token = this.cache.begin();
    const record = await this.read(code, now);
    if (!record) return null;
    this.cache.set(code, record, token, now);
    return scanViewAt(record, now);
  }

  /** Reads a code's record from PostgreSQL (one prepared statement); unknown codes are not cached. */
  async read(code: string, now: Date): Promise<ScanRecord | null> {
    const { rows } = await this.pool().query<LookupRow>({ name: 'xp_scan_lookup', text: LOOKUP_SQL, values: [code, now] });
    const [row] = rows;
    if (!row) return null;
    const price = row.status === 'RETIRED' ? null : effectivePriceFromJson(row.price);
    return {
      staleAt: row.status === 'RETIRED' ? null : row.stale_at,
      staleReason: row.status === 'RETIRED' ? null : row.stale_reason,
      view: {
        labelId: row.id,
        code: row.code,
        status: row.status,
        venueId: row.venue_id,
        venueCode: row.venue_code,
        venueName: row.venue_name,
        slotId: row.slot_id,
        slotCode: row.slot_code,
        zoneName: row.zone_name,
        skuId: row.sku_id,
        skuCode: row.sku_code,
        gtin: row.gtin,
        attributes: row.attributes ?? {},
        unit: row.unit,
        packSize: row.pack_size,
        moq: row.moq,
        weightGrams: row.weight_grams,
        title: row.title,
        titleEn: row.title_en,
        description: row.description,
        imageCount: row.image_count ?? 0,
        categoryCode: row.category_code,
        categoryName: row.category_name,
        brandName: row.brand_name,
        factoryOrgId: row.factory_org_id,
        factoryName: row.factory_name,
        available: row.available,
        price: price
          ? {
              versionId: price.versionId,
              sheetVersionNo: price.sheetVersionNo,
              effectiveFrom: price.effectiveFrom,
              wholesaleTiers: price.wholesaleTiers,
              retailPrice: price.retailPrice,
              floorPrice: price.floorPrice,
            }
          : null,
      },
    };
  }

  /** The n-th (from 1) product image of a live label's SKU: bytes and type, or null. */
  async image(code: string, n: number): Promise<{ content: Buffer; mimeType: string; sha256: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT d.mime_type, d.sha256, dc.content
       FROM labels l
       JOIN skus k ON k.id = l.sku_id
       JOIN products p ON p.id = k.product_id
       JOIN documents d ON d.id = p.image_document_ids[$2] AND d.kind = 'PRODUCT_IMAGE' AND d.owner_org_id = p.factory_org_id
       JOIN document_contents dc ON dc.document_id = d.id
       WHERE l.code = $1 AND l.status <> 'RETIRED'`,
      [code, n],
    );
    return row ? { content: row.content, mimeType: row.mime_type, sha256: row.sha256 } : null;
  }
}
