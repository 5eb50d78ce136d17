import { performance } from 'node:perf_hooks';
import { LabelData, LabelFormat, renderLabels } from '../../libs/labels/src/render';
import { BENCH_TEMPLATE, naivePdf } from '../labels-render';
import { tableExists } from '../generate/sql';
import { gql, login } from '../lib/api';
import { Measure, MeasureContext, Result, result, withClient } from '../lib/measure';
import { startServer } from '../lib/processes';
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
    const jobs = (await withClient(ctx.dataset.url, (c) => tableExists(c, 'label_print_jobs'))) ? await printJobs(ctx, naive) : [];
    return [
      ...jobs,
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

interface JobAnswer {
  createLabelPrintJob: { id: string; status: string; labelCount: number; pageCount: number; fileUrl: string | null; skipped: { reason: string }[] };
}

/**
 * Print jobs through the API as showroom staff print them: createLabelPrintJob for the venue's
 * occupied slots (1,000, or all it has at 1/100) in PDF and in ZPL, then the file downloaded.
 * Each job prints new labels and retires the slots' previous ones, as in the showroom.
 */
async function printJobs(ctx: MeasureContext, naiveSeconds: number): Promise<Result[]> {
  const [{ venue_id: venueId, template_id: templateId }] = await ctx.query<{ venue_id: string; template_id: string }>(
    `SELECT (SELECT id FROM bench.venues WHERE n = 1) AS venue_id,
            (SELECT id FROM label_templates WHERE code = 'ROLL-50X30' AND venue_id IS NULL) AS template_id`,
  );
  const slotIds = (
    await ctx.query<{ id: string }>(
      `SELECT s.id FROM slots s JOIN slot_assignments a ON a.slot_id = s.id AND a.status = 'LIVE' AND a.period @> current_date
       WHERE s.venue_id = $1 AND s.status = 'ACTIVE' ORDER BY s.code LIMIT ${COUNT}`,
      [venueId],
    )
  ).map((r) => r.id);
  const api = await startServer('api', ctx.dataset.url);
  try {
    const token = await login(api.base, 'ss1@bench.xuanpin.test');
    const job = async (format: 'PDF' | 'ZPL') => {
      const t0 = performance.now();
      const { createLabelPrintJob: j } = await gql<JobAnswer>(
        api.base,
        `mutation Print($input: CreateLabelPrintJobInput!) {
           createLabelPrintJob(input: $input) { id status labelCount pageCount fileUrl skipped { reason } } }`,
        { input: { venueId, templateId, format, selection: { slotIds } } },
        token,
      );
      if (j.status !== 'DONE' || !j.fileUrl || j.labelCount !== slotIds.length) {
        throw new Error(`print job ${format}: ${j.status}, ${j.labelCount} of ${slotIds.length} labels, skipped ${j.skipped.map((k) => k.reason).join(', ')}`);
      }
      const file = await fetch(`${api.base}${new URL(j.fileUrl, api.base).pathname}`, { headers: { authorization: `Bearer ${token}` } });
      const bytes = (await file.arrayBuffer()).byteLength;
      if (file.status !== 200 || bytes === 0) throw new Error(`print job ${format} file: ${file.status}`);
      return { seconds: (performance.now() - t0) / 1000, bytes };
    };
    // warm, as a running API is: the CJK fonts parsed, templates and code paths loaded
    await job('PDF');
    await job('ZPL');
    const pdf = await job('PDF');
    const zpl = await job('ZPL');
    const scale = ctx.dataset.scale;
    const ceilingName = 'the naive path on 1,000 labels (render only)';
    const n = slotIds.length;
    return [
      result({
        name: `labels: ${n.toLocaleString('en-US')}-label PDF print job (API, file downloaded)`,
        value: pdf.seconds,
        unit: 's',
        better: 'lower',
        ceiling: naiveSeconds * (n / COUNT),
        ceilingName,
        target: [
          { on: 'ratio', op: '>=', limit: 4, text: '≥ 4× faster than the naive path' },
          { on: 'value', op: '<', limit: 2 * (n / COUNT), text: `< ${(2 * (n / COUNT)).toFixed(2)} s` },
        ],
        scale,
        note: `createLabelPrintJob for ${n} occupied slots (labels, price versions, render, file) + GET of the ${(pdf.bytes / 1024).toFixed(0)} KiB file`,
      }),
      result({
        name: `labels: ${n.toLocaleString('en-US')}-label ZPL print job (API, file downloaded)`,
        value: zpl.seconds,
        unit: 's',
        better: 'lower',
        ceiling: naiveSeconds * (n / COUNT),
        ceilingName,
        scale,
      }),
    ];
  } finally {
    await api.stop();
  }
}
