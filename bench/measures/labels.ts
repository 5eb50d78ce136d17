import { performance } from 'node:perf_hooks';
import { LabelData, LabelFormat, renderLabels } from '../../libs/labels/src/render';
import { BENCH_TEMPLATE, naivePdf } from '../labels-render';
import { Measure, MeasureContext, Result, result } from '../lib/measure';
import { median } from '../lib/stats';

const COUNT = 1000;

interface LabelRow {
  slot_code: string;
  title_zh: string;
  sku_code: string;
  gtin: string | null;
  factory_name: string;
  moq: number;
  unit: string;
  pack_size: number;
  tier_quantities: number[];
  wholesale_prices: string[];
  retail_price: string;
  version_no: number;
  id: string;
}

/**
 * 1,000 shelf labels of the first venue's occupied slots as they stand today (title, SKU,
 * factory, the wholesale tiers and retail price of the version in force, slot, version).
 */
async function labelsFromDataset(ctx: MeasureContext): Promise<LabelData[]> {
  const rows = await ctx.query<LabelRow>(
    `SELECT sl.code AS slot_code, p.title_zh, s.code AS sku_code, s.gtin, o.name AS factory_name, s.moq, s.unit, s.pack_size,
            v.tier_quantities, v.wholesale_prices, v.retail_price, sh.version_no, a.id
     FROM slot_assignments a
     JOIN slots sl ON sl.id = a.slot_id
     JOIN skus s ON s.id = a.sku_id
     JOIN products p ON p.id = s.product_id
     JOIN organizations o ON o.id = a.factory_org_id
     CROSS JOIN LATERAL (SELECT * FROM price_sheet_lines l
                         WHERE l.venue_id = a.venue_id AND l.sku_id = a.sku_id AND l.approval_seq IS NOT NULL
                           AND l.effective_from <= current_date AND l.approved_at <= now()
                         ORDER BY l.approval_seq DESC LIMIT 1) v
     JOIN price_sheets sh ON sh.id = v.sheet_id
     WHERE a.venue_id = (SELECT id FROM bench.venues WHERE n = 1) AND a.status = 'LIVE' AND a.period @> current_date
     ORDER BY sl.code LIMIT ${COUNT}`,
  );
  if (rows.length === 0) throw new Error('no occupied slots to label');
  const labels: LabelData[] = [];
  for (let i = 0; labels.length < COUNT; i++) {
    const r = rows[i % rows.length];
    labels.push({
      scanUrl: `https://bench.xuanpin.test/s/${(i + 1).toString(36).padStart(8, 'k')}`,
      title: r.title_zh,
      skuCode: r.sku_code,
      gtin: r.gtin,
      factoryName: r.factory_name,
      moq: r.moq,
      unit: r.unit,
      packSize: r.pack_size,
      tiers: r.tier_quantities.map((q, t) => ({ minQuantity: q, unitPriceFen: Number(r.wholesale_prices[t]) })),
      retailPriceFen: Number(r.retail_price),
      slotCode: r.slot_code,
      priceVersion: `v${r.version_no}`,
      printedAt: new Date(),
    });
  }
  return labels;
}

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return (performance.now() - t0) / 1000;
}

/**
 * The label renderer (the pure renderLabels the labels service calls) on 1,000 labels, PDF and
 * ZPL, against the naive path in the same run: a bwip-js PNG per label embedded in the PDF.
 * Until print jobs exist this times the rendering, not a job through the API.
 */
export const labelsMeasure: Measure = {
  name: 'labels',
  async run(ctx: MeasureContext): Promise<Result[]> {
    const labels = await labelsFromDataset(ctx);
    const template = BENCH_TEMPLATE;
    await renderLabels(template, labels.slice(0, 20), LabelFormat.PDF);
    await renderLabels(template, labels.slice(0, 20), LabelFormat.ZPL);
    await naivePdf(template, labels.slice(0, 20));
    const pdf: number[] = [];
    const zpl: number[] = [];
    for (let i = 0; i < 3; i++) {
      pdf.push(await seconds(() => renderLabels(template, labels, LabelFormat.PDF)));
      zpl.push(await seconds(() => renderLabels(template, labels, LabelFormat.ZPL)));
    }
    const naive = await seconds(() => naivePdf(template, labels));
    const scale = ctx.dataset.scale;
    const ceilingName = 'the naive path: a bwip-js PNG per label embedded in the PDF';
    return [
      result({
        name: 'labels: 1,000-label PDF',
        value: median(pdf),
        unit: 's',
        better: 'lower',
        ceiling: naive,
        ceilingName,
        target: [
          { on: 'ratio', op: '>=', limit: 4, text: '≥ 4× faster than the naive path' },
          { on: 'value', op: '<', limit: 2, text: '< 2 s' },
        ],
        scale,
        note: `${template.widthMm} × ${template.heightMm} mm roll, median of 3 (${pdf.map((s) => s.toFixed(2)).join(', ')} s); naive path once`,
      }),
      result({
        name: 'labels: 1,000-label ZPL',
        value: median(zpl),
        unit: 's',
        better: 'lower',
        ceiling: naive,
        ceilingName,
        scale,
        note: 'the printer draws the QR codes (^BQ)',
      }),
    ];
  },
};
