import { performance } from 'node:perf_hooks';
import { CATALOG_COLUMNS, CATALOG_SHEET_NAMES } from '@xp/catalog';
import { buildTemplateWorkbook, readSpreadsheet } from '@xp/core';
import { PRICE_COLUMNS, PRICE_SHEET_NAMES } from '@xp/pricing';
import { BENCH_EMAIL_DOMAIN } from '../generate/parties';
import { gql, login, uploadDocument } from '../lib/api';
import { Measure, MeasureContext, Result, result, withClient } from '../lib/measure';
import { startServer } from '../lib/processes';

const IMPORT_TARGET = { on: 'value' as const, op: '<' as const, limit: 3, text: '< 3 s' };

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The import factory's SKUs priced in the template's columns: four tiers, a retail price. */
async function priceWorkbook(ctx: MeasureContext): Promise<{ file: Buffer; rows: number }> {
  const skus = await ctx.query<{ code: string; moq: number }>(
    `SELECT code, moq FROM skus WHERE factory_org_id = (SELECT id FROM bench.import_factory) ORDER BY code`,
  );
  const rows = skus.map((s, i) => {
    const base = 1000 + (i % 5000);
    const cells: Record<string, string | null> = {
      skuCode: s.code,
      moq: String(s.moq),
      supplyPrice1: yuan(base),
      quantity2: String(s.moq * 10),
      supplyPrice2: yuan(base - 50),
      quantity3: String(s.moq * 50),
      supplyPrice3: yuan(base - 100),
      quantity4: String(s.moq * 200),
      supplyPrice4: yuan(base - 150),
      retailPrice: yuan(base * 2),
    };
    return PRICE_COLUMNS.map((c) => cells[c.key] ?? null);
  });
  const file = await buildTemplateWorkbook({ dataSheet: PRICE_SHEET_NAMES[0], columns: PRICE_COLUMNS, rows });
  return { file, rows: rows.length };
}

/** A catalog of 2,000 products × 5 SKUs (titles, category, SKU code, GTIN, colour, size, packs, MOQ, weight). */
async function catalogWorkbook(rowsWanted: number, runTag: string): Promise<Buffer> {
  const colors = ['黑色', '白色', '红色', '藏青', '灰色'];
  const rows: (string | null)[][] = [];
  for (let i = 0; i < rowsWanted; i++) {
    const product = Math.floor(i / 5);
    const body = `69${String(900000000 + i).padStart(10, '0')}`;
    let total = 0;
    for (let d = 0; d < 12; d++) total += Number(body[d]) * (d % 2 === 1 ? 3 : 1);
    const cells: Record<string, string | null> = {
      titleZh: `不锈钢保温杯 大容量 第${product + 1}款`,
      titleEn: `Vacuum flask ${product + 1}`,
      categoryCode: 'DAILY-KITCHEN',
      description: '304 不锈钢内胆，12 小时保温。',
      skuCode: `${runTag}-${String(i + 1).padStart(5, '0')}`,
      gtin: body + String((10 - (total % 10)) % 10),
      color: colors[i % 5],
      size: `${350 + (i % 5) * 100}ml`,
      unit: '个',
      packSize: '6',
      moq: '12',
      weightGrams: String(300 + (i % 5) * 50),
    };
    rows.push(CATALOG_COLUMNS.map((c) => cells[c.key] ?? null));
  }
  return buildTemplateWorkbook({ dataSheet: CATALOG_SHEET_NAMES[0], columns: CATALOG_COLUMNS, rows });
}

async function time<T>(run: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { seconds: (performance.now() - t0) / 1000, value };
}

/**
 * 10,000-row imports through the API as a factory does them (upload the file, import it; for the
 * price sheet also submit it for review), against the least the work can take: reading the same
 * file with the shared spreadsheet reader plus writing the same rows with one INSERT each, in a
 * transaction rolled back.
 */
export const importsMeasure: Measure = {
  name: 'imports',
  async run(ctx: MeasureContext): Promise<Result[]> {
    const scale = ctx.dataset.scale;
    const api = await startServer('api', ctx.dataset.url);
    try {
      // — price sheet —
      const { file: priceFile, rows: priceRows } = await priceWorkbook(ctx);
      const [{ venue_id: venueId, today }] = await ctx.query<{ venue_id: string; today: string }>(
        `SELECT venue_id, (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today FROM bench.import_factory`,
      );
      const factoryToken = await login(api.base, `import.factory@${BENCH_EMAIL_DOMAIN}`);
      // The end-to-end figure is the headline; its phases are logged and noted to tell where time goes.
      const pricePhases: { upload?: number; import?: number; submit?: number } = {};
      const priceImport = await time(async () => {
        const t0 = performance.now();
        const documentId = await uploadDocument(api.base, factoryToken, priceFile, '报价单.xlsx', 'SPREADSHEET');
        const t1 = performance.now();
        pricePhases.upload = (t1 - t0) / 1000;
        const imported = await gql<{ importPriceSheet: { ok: boolean; linesImported: number; problemCount: number; sheet: { id: string } | null } }>(
          api.base,
          `mutation Import($input: ImportPriceSheetInput!) { importPriceSheet(input: $input) { ok linesImported problemCount sheet { id } } }`,
          { input: { venueId, documentId, effectiveFrom: today } },
          factoryToken,
        );
        const t2 = performance.now();
        pricePhases.import = (t2 - t1) / 1000;
        const report = imported.importPriceSheet;
        if (!report.ok || !report.sheet || report.linesImported !== priceRows) {
          throw new Error(`price-sheet import: ok=${report.ok}, ${report.linesImported} lines, ${report.problemCount} problems`);
        }
        const submitted = await gql<{ submitPriceSheet: { status: string } }>(
          api.base,
          `mutation Submit($input: SubmitPriceSheetInput!) { submitPriceSheet(input: $input) { status } }`,
          { input: { id: report.sheet.id } },
          factoryToken,
        );
        pricePhases.submit = (performance.now() - t2) / 1000;
        if (submitted.submitPriceSheet.status !== 'SUBMITTED') throw new Error(`the sheet is ${submitted.submitPriceSheet.status}`);
        return report.sheet.id;
      });
      const phaseNote = `upload ${pricePhases.upload?.toFixed(2)} s, import ${pricePhases.import?.toFixed(2)} s, submit ${pricePhases.submit?.toFixed(2)} s`;
      ctx.log(`price-sheet import ${priceImport.seconds.toFixed(2)} s: ${phaseNote}`);
      const priceFloor = await withClient(ctx.dataset.url, (c) =>
        time(async () => {
          const data = await readSpreadsheet(priceFile, { sheet: PRICE_SHEET_NAMES });
          await c.query('BEGIN');
          try {
            await c.query(
              `WITH sheet AS (
                 INSERT INTO price_sheets (venue_id, factory_org_id, version_no, effective_from)
                 SELECT venue_id, id, 100000, current_date FROM bench.import_factory RETURNING id, venue_id, factory_org_id, effective_from)
               INSERT INTO price_sheet_lines (sheet_id, venue_id, factory_org_id, effective_from, line_no, sku_id, tier_quantities, supply_prices, retail_price)
               SELECT sheet.id, sheet.venue_id, sheet.factory_org_id, sheet.effective_from, row_number() OVER (), s.id,
                      ARRAY[s.moq, s.moq * 10, s.moq * 50, s.moq * 200], ARRAY[1000, 950, 900, 850]::bigint[], 2000
               FROM sheet JOIN skus s ON s.factory_org_id = sheet.factory_org_id`,
            );
            if (data.rows.length < priceRows) throw new Error('the reader lost rows');
          } finally {
            await c.query('ROLLBACK');
          }
        }),
      );

      // — catalog, into a factory of its own for this run (its rows are removed afterwards) —
      const runTag = `B${Date.now().toString(36).toUpperCase()}`;
      const catalogFile = await catalogWorkbook(ctx.dataset.params.importRows, runTag);
      const [{ id: catalogFactoryId }] = await ctx.query<{ id: string }>(
        `WITH org AS (INSERT INTO organizations (kind, name) VALUES ('FACTORY', '导入测试工厂 ' || $1::text) RETURNING id),
              u AS (INSERT INTO users (email, display_name, password_hash)
                    SELECT lower($1::text) || '.catalog@${BENCH_EMAIL_DOMAIN}', '目录导入', password_hash FROM users
                    WHERE email = 'import.factory@${BENCH_EMAIL_DOMAIN}' RETURNING id),
              m AS (INSERT INTO memberships (user_id, organization_id, organization_kind, role)
                    SELECT u.id, org.id, 'FACTORY', 'FACTORY_ADMIN' FROM u, org)
         SELECT id FROM org`,
        [runTag],
      );
      try {
        const catalogToken = await login(api.base, `${runTag.toLowerCase()}.catalog@${BENCH_EMAIL_DOMAIN}`);
        const catalogImport = await time(async () => {
          const documentId = await uploadDocument(api.base, catalogToken, catalogFile, '商品目录.xlsx', 'SPREADSHEET');
          const imported = await gql<{ importCatalog: { ok: boolean; skusCreated: number; productsCreated: number; problemCount: number } }>(
            api.base,
            `mutation Import($input: ImportCatalogInput!) { importCatalog(input: $input) { ok skusCreated productsCreated problemCount } }`,
            { input: { documentId } },
            catalogToken,
          );
          const report = imported.importCatalog;
          if (!report.ok || report.skusCreated !== ctx.dataset.params.importRows) {
            throw new Error(`catalog import: ok=${report.ok}, ${report.skusCreated} SKUs, ${report.problemCount} problems`);
          }
          return report;
        });
        const catalogFloor = await withClient(ctx.dataset.url, (c) =>
          time(async () => {
            const data = await readSpreadsheet(catalogFile, { sheet: CATALOG_SHEET_NAMES });
            await c.query('BEGIN');
            try {
              await c.query(
                `WITH p AS (
                   INSERT INTO products (factory_org_id, category_id, title_zh)
                   SELECT $1, (SELECT id FROM categories WHERE code = 'DAILY-KITCHEN'), '保温杯 ' || n FROM generate_series(1, $2::int / 5) AS n
                   RETURNING id, factory_org_id)
                 INSERT INTO skus (product_id, factory_org_id, code, gtin, attributes, unit, pack_size, moq, weight_grams)
                 SELECT p.id, p.factory_org_id, 'FLOOR-' || row_number() OVER (), NULL, '{"颜色":"黑色"}', '个', 6, 12, 300
                 FROM p CROSS JOIN generate_series(1, 5)`,
                [catalogFactoryId, ctx.dataset.params.importRows],
              );
              if (data.rows.length < ctx.dataset.params.importRows) throw new Error('the reader lost rows');
            } finally {
              await c.query('ROLLBACK');
            }
          }),
        );
        const ceilingName = 'reading the file with the shared reader + one INSERT of the rows (rolled back)';
        return [
          result({
            name: 'import: 10,000-row price sheet (upload → submitted)',
            value: priceImport.seconds,
            unit: 's',
            better: 'lower',
            ceiling: priceFloor.seconds,
            ceilingName,
            target: IMPORT_TARGET,
            scale,
            note: `XLSX ${(priceFile.length / 1024).toFixed(0)} KiB, four tiers a row; upload + importPriceSheet + submitPriceSheet (${phaseNote})`,
          }),
          result({
            name: 'import: 10,000-row catalog (upload → imported)',
            value: catalogImport.seconds,
            unit: 's',
            better: 'lower',
            ceiling: catalogFloor.seconds,
            ceilingName,
            target: IMPORT_TARGET,
            scale,
            note: `XLSX ${(catalogFile.length / 1024).toFixed(0)} KiB, ${catalogImport.value.productsCreated} products; upload + importCatalog`,
          }),
        ];
      } finally {
        await ctx.query(`DELETE FROM skus WHERE factory_org_id = $1`, [catalogFactoryId]);
        await ctx.query(`DELETE FROM products WHERE factory_org_id = $1`, [catalogFactoryId]);
      }
    } finally {
      await api.stop();
    }
  },
};
