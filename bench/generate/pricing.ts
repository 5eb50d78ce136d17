import { DatasetParams } from '../lib/params';
import { Step, withPlainIndexesDeferred } from './sql';

/**
 * Two years of price versions, through the workflow the triggers allow: every admission gets
 * a sheet a quarter (the first prices all of the factory's SKUs, later ones reprice a share),
 * each inserted as a DRAFT with undecided lines, then submitted, then its lines approved with
 * wholesale tiers and an approval sequence in approval order, then the sheet approved by the
 * venue's pricing reviewer (never the submitter).
 */
export function pricingStep(params: DatasetParams): Step {
  const Q = params.priceSheetsPerAdmission;
  const every = Math.round(100 / params.repricePercent);
  const quarter = params.historyDays / Q;
  return {
    name: 'price versions',
    async run({ client, log }) {
      await client.query(`
        CREATE TABLE bench.sheets AS
          SELECT a.vn, a.fn, q, gen_random_uuid() AS id, a.venue_id, a.factory_id, a.factory_admin_id, a.reviewer_id,
                 m.d0 + q * ${quarter} AS effective_from,
                 ((m.d0 + q * ${quarter} - 3)::timestamp + interval '10 hours' + (a.fn % 300) * interval '1 minute') AT TIME ZONE 'Asia/Shanghai' AS submitted_at
          FROM bench.admissions a CROSS JOIN generate_series(0, ${Q - 1}) AS q CROSS JOIN bench.meta m;
        ALTER TABLE bench.sheets ADD PRIMARY KEY (id);
        INSERT INTO price_sheets (id, venue_id, factory_org_id, version_no, effective_from, status, created_by, created_at, updated_at)
          SELECT id, venue_id, factory_id, q + 1, effective_from, 'DRAFT', factory_admin_id, submitted_at - interval '1 hour', submitted_at - interval '1 hour'
          FROM bench.sheets;
      `);
      // The lines' plain indexes (the price lookup, by SKU) are built once after the load and the
      // approval update; their unique keys stay and check every row.
      await withPlainIndexesDeferred(client, 'price_sheet_lines', async () => {
        await client.query(`
          INSERT INTO price_sheet_lines (sheet_id, venue_id, factory_org_id, effective_from, line_no, sku_id,
                                         tier_quantities, supply_prices, retail_price)
            SELECT sh.id, sh.venue_id, sh.factory_id, sh.effective_from,
                   row_number() OVER (PARTITION BY sh.id ORDER BY s.gn), s.id,
                   ARRAY[s.moq, s.moq * 5, s.moq * 20],
                   ARRAY[b.price, b.price * 96 / 100, b.price * 92 / 100],
                   b.price * 2
            FROM bench.sheets sh
            JOIN bench.skus s ON s.fn = sh.fn AND (sh.q = 0 OR (s.gn + sh.q) % ${every} = 0)
            CROSS JOIN LATERAL (SELECT ((300 + bench.rnd(s.gn, 11) % 30000) * (100 + 2 * sh.q) / 100)::bigint AS price) AS b;
        `);
        log('  lines inserted as drafts; submitting');
        await client.query(`
          UPDATE price_sheets p SET status = 'SUBMITTED', submitted_at = s.submitted_at, submitted_by = s.factory_admin_id,
                                    updated_at = s.submitted_at, version = 2
            FROM bench.sheets s WHERE s.id = p.id;
        `);
        log('  approving lines in approval order');
        await client.query(`
          UPDATE price_sheet_lines l SET decision = 'APPROVED',
                 wholesale_prices = ARRAY[l.supply_prices[1] * 118 / 100, l.supply_prices[1] * 113 / 100, l.supply_prices[1] * 108 / 100],
                 approved_at = o.approved_at, approval_seq = o.seq
            FROM (SELECT l2.id, s.submitted_at + interval '1 day' AS approved_at,
                         row_number() OVER (ORDER BY s.submitted_at, l2.sheet_id, l2.line_no) AS seq
                  FROM price_sheet_lines l2 JOIN bench.sheets s ON s.id = l2.sheet_id) AS o
            WHERE o.id = l.id;
          SELECT setval('price_version_seq', (SELECT max(approval_seq) FROM price_sheet_lines));
          UPDATE price_sheets p SET status = 'APPROVED', reviewed_by = s.reviewer_id, reviewed_at = s.submitted_at + interval '1 day',
                                    finalized_at = s.submitted_at + interval '1 day', updated_at = s.submitted_at + interval '1 day', version = 3
            FROM bench.sheets s WHERE s.id = p.id;
        `);
        log('  building the price lookup indexes');
      });
    },
  };
}
