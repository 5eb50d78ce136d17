import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import { DomainError, FACTORY_ROLES, readSpreadsheet, RequestContext, SpreadsheetError } from '@xp/core';
import { actingFactory, DocumentKind, DocumentsService } from '@xp/factories';
import { CatalogImportReport, ImportCatalogInput } from '../dto/catalog.dto';
import {
  CATALOG_MAX_ROWS,
  CATALOG_SHEET_NAMES,
  CategoryRef,
  collectKeys,
  ExistingProduct,
  ImportLookup,
  ImportPlan,
  planCatalogImport,
} from './catalog-import.rules';

/** Problems listed in a report; the count says how many there were in all. */
const MAX_REPORTED = 1000;
const SKU_CHUNK = 5000;

/**
 * Imports a factory's catalog from an uploaded spreadsheet: all rows or none. A file with
 * any bad row changes nothing and answers a report of every bad row and column; a good one
 * is written with a few bulk INSERTs (10,000 rows in seconds).
 */
@Injectable()
export class CatalogImportService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
  ) {}

  async importCatalog(ctx: RequestContext, input: ImportCatalogInput): Promise<CatalogImportReport> {
    const factoryOrgId = actingFactory(ctx, input.factoryOrgId, FACTORY_ROLES);
    const { document, content } = await this.documents.content(ctx, input.documentId);
    if (document.ownerOrgId !== factoryOrgId) throw DomainError.notFound('Document');
    if (document.kind !== DocumentKind.SPREADSHEET) {
      throw DomainError.field('input.documentId', 'must be a SPREADSHEET document (an XLSX or CSV file uploaded with kind SPREADSHEET)');
    }
    let data;
    try {
      data = await readSpreadsheet(content, { sheet: CATALOG_SHEET_NAMES, maxRows: CATALOG_MAX_ROWS });
    } catch (error) {
      if (error instanceof SpreadsheetError) throw DomainError.field('input.documentId', error.message);
      throw error;
    }
    const lookup = await this.lookup(ctx, factoryOrgId, data.rows);
    const plan = planCatalogImport(data.rows, lookup);
    const report = (productsCreated: number, skusCreated: number): CatalogImportReport => ({
      ok: plan.problems.length === 0,
      format: data.format,
      rowCount: plan.dataRows,
      productsCreated,
      skusCreated,
      problemCount: plan.problems.length,
      problems: plan.problems.slice(0, MAX_REPORTED),
      ignoredHeaders: plan.ignoredHeaders,
    });
    if (plan.problems.length > 0) return report(0, 0);
    const created = await this.write(ctx, factoryOrgId, plan);
    await this.audit.record(ctx, {
      action: 'catalog.imported',
      entityType: 'Document',
      entityId: document.id,
      actorOrgId: factoryOrgId,
      after: { format: data.format, rows: plan.dataRows, productsCreated: created.products, skusCreated: created.skus },
    });
    return report(created.products, created.skus);
  }

  /** What exists already for the codes, titles and barcodes of this file. */
  private async lookup(ctx: RequestContext, factoryOrgId: string, rows: string[][]): Promise<ImportLookup> {
    const keys = collectKeys(rows) ?? { skuCodes: [], titles: [], gtins: [] };
    const m = ctx.manager;
    const categories: { id: string; code: string; active: boolean; child_codes: string[] }[] = await m.query(
      `SELECT c.id, c.code, c.active,
              COALESCE(array_agg(k.code ORDER BY k.sort_order, k.code) FILTER (WHERE k.id IS NOT NULL), '{}') AS child_codes
       FROM categories c LEFT JOIN categories k ON k.parent_id = c.id GROUP BY c.id`,
    );
    const brands: { id: string; name: string; status: string }[] = await m.query(
      'SELECT id, name, status FROM brands WHERE factory_org_id = $1',
      [factoryOrgId],
    );
    // The codes joined as a relation (unnest of the array, counted at its length), never
    // `code = ANY(array)`: that form is answered through the trigram index of SKU codes, whose
    // probes read the posting lists every code shares — 20.5 s for a factory re-importing its
    // 10,000 codes on the 1/100 benchmark, 5 ms joined (see loadOwnSkuFactsByCode in pricing).
    const codes: { code: string }[] = await m.query(
      'SELECT s.code FROM unnest($2::text[]) AS wanted(code) JOIN skus s ON s.factory_org_id = $1 AND s.code = wanted.code',
      [factoryOrgId, keys.skuCodes],
    );
    const gtins: { gtin: string }[] = await m.query('SELECT gtin FROM skus WHERE factory_org_id = $1 AND gtin = ANY($2)', [
      factoryOrgId,
      keys.gtins,
    ]);
    const products: { id: string; title_zh: string; category_id: string }[] = await m.query(
      "SELECT id, title_zh, category_id FROM products WHERE factory_org_id = $1 AND status = 'ACTIVE' AND title_zh = ANY($2)",
      [factoryOrgId, keys.titles],
    );
    const existingProductsByTitle = new Map<string, ExistingProduct[]>();
    for (const p of products) {
      const list = existingProductsByTitle.get(p.title_zh) ?? [];
      list.push({ id: p.id, titleZh: p.title_zh, categoryId: p.category_id });
      existingProductsByTitle.set(p.title_zh, list);
    }
    return {
      categoriesByCode: new Map<string, CategoryRef>(
        categories.map((c) => [c.code, { id: c.id, code: c.code, active: c.active, leaf: c.child_codes.length === 0, childCodes: c.child_codes }]),
      ),
      brandsByName: new Map(brands.map((b) => [b.name, { id: b.id, status: b.status }])),
      existingSkuCodes: new Set(codes.map((c) => c.code)),
      existingGtins: new Set(gtins.map((g) => g.gtin)),
      existingProductsByTitle,
    };
  }

  /** New products in one INSERT, then SKUs in INSERTs of 5,000 rows (unnest of column arrays). */
  private async write(ctx: RequestContext, factoryOrgId: string, plan: ImportPlan): Promise<{ products: number; skus: number }> {
    const productIds = new Map<string, string>();
    const fresh = plan.products.filter((p) => !p.existingId);
    for (const p of plan.products) if (p.existingId) productIds.set(p.titleZh, p.existingId);
    if (fresh.length) {
      const inserted: { id: string; title_zh: string }[] = await ctx.manager.query(
        `INSERT INTO products (factory_org_id, category_id, brand_id, title_zh, title_en, description)
         SELECT $1, category_id, brand_id, title_zh, title_en, description
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[])
           AS t(category_id, brand_id, title_zh, title_en, description)
         RETURNING id, title_zh`,
        [
          factoryOrgId,
          fresh.map((p) => p.categoryId),
          fresh.map((p) => p.brandId),
          fresh.map((p) => p.titleZh),
          fresh.map((p) => p.titleEn),
          fresh.map((p) => p.description),
        ],
      );
      for (const row of inserted) productIds.set(row.title_zh, row.id);
    }
    for (let start = 0; start < plan.skus.length; start += SKU_CHUNK) {
      const chunk = plan.skus.slice(start, start + SKU_CHUNK);
      await ctx.manager.query(
        `INSERT INTO skus (product_id, factory_org_id, code, gtin, attributes, unit, pack_size, moq, weight_grams)
         SELECT product_id, $1, code, gtin, attributes, unit, pack_size, moq, weight_grams
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::int[], $8::int[], $9::int[])
           AS t(product_id, code, gtin, attributes, unit, pack_size, moq, weight_grams)`,
        [
          factoryOrgId,
          chunk.map((s) => productIds.get(s.productTitle)),
          chunk.map((s) => s.code),
          chunk.map((s) => s.gtin),
          chunk.map((s) => JSON.stringify(s.attributes)),
          chunk.map((s) => s.unit),
          chunk.map((s) => s.packSize),
          chunk.map((s) => s.moq),
          chunk.map((s) => s.weightGrams),
        ],
      );
    }
    return { products: fresh.length, skus: plan.skus.length };
  }
}
