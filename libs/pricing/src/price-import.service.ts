import { Injectable } from '@nestjs/common';
import { AuditService } from '@xp/audit';
import { buildTemplateWorkbook, DomainError, formatYuan, readSpreadsheet, RequestContext, SpreadsheetError } from '@xp/core';
import { DocumentKind, DocumentsService } from '@xp/factories';
import { ImportPriceSheetInput } from './dto/pricing.inputs';
import { PriceSheetImportReport } from './dto/pricing.types';
import {
  PRICE_COLUMNS,
  PRICE_IMPORT_MAX_ROWS,
  PRICE_SHEET_NAMES,
  planPriceImport,
  skuCodesOf,
} from './price-import.rules';
import { insertLines, PriceSheetsService } from './price-sheets.service';
import { callerFactory } from './pricing.access';
import { loadActiveSkus, loadOwnSkuFactsByCode, requireVenue } from './pricing.lookups';
import { PricingService } from './pricing.service';

const MAX_REPORTED = 1000;

const INSTRUCTIONS: (string | null)[][] = [
  ['填写说明 (How to fill in this price sheet)'],
  ['1. 每行是一个 SKU。只填写要报价的行；没有价格的行不会进入报价单。 One row per SKU; rows without prices are left out.'],
  ['2. SKU编码、商品名称、规格、单位、起批量 已按您的商品目录预填，请勿修改；“当前”三列是该选品中心现行价格，仅供参考，不会导入。 Code, title, attributes, unit and MOQ come from your catalog; the three 当前 columns show the prices in force, for reference only.'],
  ['3. 供货价 是起批量起的单价（阶梯1）。阶梯2–4 可选：数量须递增，单价不得高于上一阶梯。 Tier 1 starts at the MOQ; further tiers need rising quantities and unit prices that never rise.'],
  ['4. 零售价 是单件零售价，不得低于任何供货价（不得向消费者低于批发价销售）。 Retail may never be below any supply price.'],
  ['5. 控价（选填）仅限已认证品牌的自有品牌商品，且不得高于零售价；需两位价格审核员批准。 A price floor only for your own verified brand, never above retail; two reviewers approve it.'],
  ['6. 金额以元为单位，最多两位小数，如 12.50。 Amounts in yuan with at most two decimals.'],
  ['7. 可使用公式，系统读取公式保存的计算结果；请在 Excel 中保存后再上传。 Formulas are read by their saved result: save the file in Excel before uploading.'],
  ['8. 上传后用 importPriceSheet 导入：任何一行有误则整份不导入，并逐行列出问题。 Any bad row means nothing is imported; every problem is listed by row and column.'],
  ['9. 生效日期在导入时填写，须为今天或以后。 The effective date is given when importing: today or later.'],
];

/** The price sheet template (the factory's SKUs, ready to fill in) and the import of a filled one. */
@Injectable()
export class PriceImportService {
  constructor(
    private readonly audit: AuditService,
    private readonly sheets: PriceSheetsService,
    private readonly pricing: PricingService,
    private readonly documents: DocumentsService,
  ) {}

  /**
   * The calling factory's active SKUs pre-filled (code, title, attributes, unit, MOQ and, for
   * reference, the prices in force at the venue), empty price columns to fill, plus an
   * instructions sheet. Chinese headers.
   */
  async template(ctx: RequestContext, venueId: string): Promise<{ buffer: Buffer; fileName: string }> {
    ctx.requirePrincipal();
    const factoryOrgId = callerFactory(ctx, undefined, 'factoryOrgId');
    await this.sheets.assertAdmitted(ctx, venueId, factoryOrgId);
    const venue = await requireVenue(ctx, venueId);
    const skus = await loadActiveSkus(ctx, factoryOrgId);
    const prices = await this.pricing.effectivePrices(ctx, venueId, skus.map((s) => s.id), ctx.startedAt);
    const rows = skus.map((sku, i) => {
      const price = prices[i];
      return [
        sku.code,
        sku.titleZh,
        Object.entries(sku.attributes).map(([k, v]) => `${k}:${v}`).join('; '),
        sku.unit,
        String(sku.moq),
        price ? price.supplyTiers.map((t) => `${t.minQuantity}+: ${formatYuan(t.unitPrice)}`).join('; ') : null,
        price ? formatYuan(price.retailPrice) : null,
        price?.floorPrice ? formatYuan(price.floorPrice) : null,
      ];
    });
    const buffer = await buildTemplateWorkbook({
      dataSheet: PRICE_SHEET_NAMES[0],
      columns: PRICE_COLUMNS,
      rows,
      sheets: [
        {
          name: '说明',
          rows: [...INSTRUCTIONS, [], [`选品中心 Venue: ${venue.name} (${venue.code})`], [`生成时间 Generated: ${ctx.startedAt.toISOString()}`]],
          widths: [140],
        },
      ],
    });
    return { buffer, fileName: `报价单模板-${venue.code}.xlsx` };
  }

  /**
   * A DRAFT sheet from an uploaded template: every priced row or nothing. A file with any bad
   * row writes nothing and answers every problem by row and column; a good one is inserted in
   * one statement (10,000 lines in seconds).
   */
  async importSheet(ctx: RequestContext, input: ImportPriceSheetInput): Promise<PriceSheetImportReport> {
    const factoryOrgId = await this.sheets.prepareNew(ctx, input);
    const { document, content } = await this.documents.content(ctx, input.documentId);
    if (document.ownerOrgId !== factoryOrgId) throw DomainError.notFound('Document');
    if (document.kind !== DocumentKind.SPREADSHEET) {
      throw DomainError.field('input.documentId', 'must be a SPREADSHEET document (an XLSX or CSV file uploaded with kind SPREADSHEET)');
    }
    let data;
    try {
      data = await readSpreadsheet(content, { sheet: PRICE_SHEET_NAMES, maxRows: PRICE_IMPORT_MAX_ROWS });
    } catch (error) {
      if (error instanceof SpreadsheetError) throw DomainError.field('input.documentId', error.message);
      throw error;
    }
    const skus = await loadOwnSkuFactsByCode(ctx, factoryOrgId, skuCodesOf(data.rows) ?? []);
    const plan = planPriceImport(data.rows, skus);
    const report: PriceSheetImportReport = {
      ok: plan.problems.length === 0,
      format: data.format,
      sheet: null,
      rowCount: plan.dataRows,
      skippedRows: plan.skippedRows,
      linesImported: 0,
      problemCount: plan.problems.length,
      problems: plan.problems.slice(0, MAX_REPORTED),
      ignoredHeaders: plan.ignoredHeaders,
    };
    if (!report.ok) return report;
    const sheet = await this.sheets.createSheet(ctx, { ...input, factoryOrgId, sourceDocumentId: document.id });
    await insertLines(ctx, sheet, plan.lines);
    await this.audit.record(ctx, {
      action: 'priceSheet.imported',
      entityType: 'PriceSheet',
      entityId: sheet.id,
      venueId: sheet.venueId,
      actorOrgId: factoryOrgId,
      after: { documentId: document.id, format: data.format, lines: plan.lines.length, skippedRows: plan.skippedRows },
    });
    return { ...report, sheet, linesImported: plan.lines.length };
  }
}
