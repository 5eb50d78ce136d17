import ExcelJS from 'exceljs';
import { addDays, Fen, formatDateTime, formatYuan } from '@xp/core';
import { CountFigure, FloatFigure, MoneyFigure, ReportHeadline, TopFactory, TopSku, VenueReport } from './dto/report.types';
import { ReportView } from './reports.rules';

/** Cell formats: money in yuan with two decimals as ¥, whole counts, percentages, hours. */
export const CELL_FORMAT = {
  money: '"¥"#,##0.00',
  count: '#,##0',
  rate: '0.00%',
  hours: '0.00',
} as const;

type Kind = keyof typeof CELL_FORMAT;
type Cell = string | number | null;

/** Fen as a number of yuan for a spreadsheet cell (the decimal string read as a number: no float arithmetic). */
export function yuanNumber(fen: Fen): number {
  return Number(formatYuan(fen));
}

/** The download's file name: 场馆报表_<venue code>_<first day>至<last day>.xlsx. */
export function venueReportFileName(report: VenueReport): string {
  return `场馆报表_${report.venue.code}_${report.period.from}至${addDays(report.period.to, -1)}.xlsx`;
}

const FIGURE_HEADER = ['指标', '本期', '上期', '变化', '变化率'];

interface FigureRow {
  label: string;
  kind: Kind;
  figure: CountFigure | MoneyFigure | FloatFigure | null;
}

function headlineRows(h: ReportHeadline): FigureRow[] {
  const rows: FigureRow[] = [
    { label: '占用货位日', kind: 'count', figure: h.occupiedSlotDays },
    { label: '可用货位日', kind: 'count', figure: h.availableSlotDays },
    { label: '货位占用率', kind: 'rate', figure: h.occupancyRate },
    { label: '入驻工厂数', kind: 'count', figure: h.admittedFactories },
    { label: '活跃工厂数', kind: 'count', figure: h.activeFactories },
    { label: '新入驻工厂数', kind: 'count', figure: h.newFactories },
    { label: '在架SKU数', kind: 'count', figure: h.skusOnDisplay },
    { label: '扫码次数', kind: 'count', figure: h.scans },
    { label: '扫码设备数', kind: 'count', figure: h.uniqueDevices },
    { label: '一键铺货次数', kind: 'count', figure: h.listings },
    { label: '订单数', kind: 'count', figure: h.orders },
    { label: 'GMV（批发价）', kind: 'money', figure: h.gmv },
    { label: '售出件数', kind: 'count', figure: h.unitsSold },
    { label: '退货件数', kind: 'count', figure: h.unitsReturned },
    { label: '退货金额', kind: 'money', figure: h.returnedAmount },
    { label: '退货率', kind: 'rate', figure: h.returnRate },
  ];
  if (h.spread) rows.push({ label: '运营差价', kind: 'money', figure: h.spread });
  rows.push(
    { label: '寄售库存件数（期末）', kind: 'count', figure: h.stockUnits },
    { label: '寄售库存货值（供货价，期末）', kind: 'money', figure: h.stockValue },
    { label: '其中无价格件数', kind: 'count', figure: h.unpricedStockUnits },
    { label: '过期标签数（期末）', kind: 'count', figure: h.staleLabels },
    { label: '待审报价单（期末）', kind: 'count', figure: h.priceSheetsPending },
    { label: '已决报价单', kind: 'count', figure: h.priceSheetsDecided },
    { label: '报价单审批时长中位数（小时）', kind: 'hours', figure: h.medianHoursToDecision },
  );
  return rows;
}

function value(v: number | null, kind: Kind): number | null {
  if (v === null) return null;
  return kind === 'money' ? yuanNumber(v) : v;
}

function figureCells(row: FigureRow): Cell[] {
  const f = row.figure;
  if (!f) return [row.label, null, null, null, null];
  const rate = 'changeRate' in f ? f.changeRate : null;
  return [row.label, value(f.value, row.kind), value(f.previous, row.kind), value(f.change, row.kind), rate];
}

function addTable(ws: ExcelJS.Worksheet, header: string[], rows: Cell[][], kinds: (Kind | null)[]): void {
  const headerRow = ws.addRow(header);
  headerRow.font = { bold: true };
  for (const cells of rows) {
    const row = ws.addRow(cells);
    kinds.forEach((kind, i) => {
      if (kind) row.getCell(i + 1).numFmt = CELL_FORMAT[kind];
    });
  }
}

function addFigureTable(ws: ExcelJS.Worksheet, rows: FigureRow[]): void {
  const headerRow = ws.addRow(FIGURE_HEADER);
  headerRow.font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(figureCells(r));
    for (const col of [2, 3, 4]) row.getCell(col).numFmt = CELL_FORMAT[r.kind];
    row.getCell(5).numFmt = CELL_FORMAT.rate;
  }
}

function sheet(workbook: ExcelJS.Workbook, name: string, widths: number[]): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

function factoryRows(list: TopFactory[]): Cell[][] {
  return list.map((f) => [
    f.rank,
    f.factory.name,
    f.scans.value,
    f.scans.previous,
    yuanNumber(f.gmv.value),
    yuanNumber(f.gmv.previous),
    f.unitsSold.value,
    f.unitsSold.previous,
  ]);
}

function skuRows(list: TopSku[]): Cell[][] {
  return list.map((s) => [
    s.rank,
    s.skuCode,
    s.title,
    s.factory.name,
    s.scans.value,
    s.scans.previous,
    yuanNumber(s.gmv.value),
    yuanNumber(s.gmv.previous),
    s.unitsSold.value,
    s.unitsSold.previous,
  ]);
}

const FACTORY_HEADER = ['排名', '工厂', '扫码次数', '上期扫码次数', 'GMV', '上期GMV', '售出件数', '上期售出件数'];
const FACTORY_KINDS: (Kind | null)[] = ['count', null, 'count', 'count', 'money', 'money', 'count', 'count'];
const SKU_HEADER = ['排名', 'SKU编码', '商品', '工厂', '扫码次数', '上期扫码次数', 'GMV', '上期GMV', '售出件数', '上期售出件数'];
const SKU_KINDS: (Kind | null)[] = ['count', null, null, null, 'count', 'count', 'money', 'money', 'count', 'count'];

/**
 * The venue report as a workbook: one sheet per section, Chinese headers, numbers as numbers
 * (money in yuan formatted ¥ with two decimals, counts as integers, rates as percentages).
 * The aggregate-only view has no ranking sheets and no spread row.
 */
export async function buildVenueReportWorkbook(report: VenueReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Xuanpin';
  workbook.created = report.generatedAt;

  const overview = sheet(workbook, '概览', [34, 16, 16, 16, 12]);
  overview.addRow(['场馆', `${report.venue.name}（${report.venue.code}）`]);
  overview.addRow(['统计期间', `${report.period.from} 至 ${addDays(report.period.to, -1)}（${report.period.days} 天）`]);
  overview.addRow(['对比期间', `${report.previousPeriod.from} 至 ${addDays(report.previousPeriod.to, -1)}`]);
  overview.addRow(['生成时间', formatDateTime(report.generatedAt)]);
  overview.addRow(['视图', report.view === ReportView.FULL ? '完整' : '仅汇总（不含工厂明细与差价）']);
  overview.addRow([]);
  addFigureTable(overview, headlineRows(report.headline));

  const age = sheet(workbook, '库龄', [20, 16, 16, 16, 12]);
  addFigureTable(age, [
    { label: '0–30 天', kind: 'count', figure: report.stockAge.days0To30 },
    { label: '31–90 天', kind: 'count', figure: report.stockAge.days31To90 },
    { label: '90 天以上', kind: 'count', figure: report.stockAge.over90 },
  ]);

  const slots = sheet(workbook, '货位表现', [14, 10, 12, 12, 12, 14, 14, 16, 14, 16]);
  const sp = report.slotPerformance;
  addFigureTable(slots, [
    { label: '每占用货位日扫码', kind: 'hours', figure: sp.scansPerOccupiedSlotDay },
    { label: '每占用货位日售出件数', kind: 'hours', figure: sp.unitsPerOccupiedSlotDay },
    { label: '每占用货位日GMV', kind: 'money', figure: sp.gmvPerOccupiedSlotDay },
  ]);
  slots.addRow([]);
  slots.addRow(['表现最弱的货位']).font = { bold: true };
  addTable(
    slots,
    ['货位', '区域', '占用天数', '扫码次数', '售出件数', 'GMV', '日均扫码', '上期日均扫码', '日均售出', '上期日均售出'],
    sp.weakestSlots.map((r) => [
      r.slotCode,
      r.zoneCode,
      r.occupiedDays,
      r.scans,
      r.unitsSold,
      yuanNumber(r.gmv),
      r.scansPerOccupiedDay.value,
      r.scansPerOccupiedDay.previous,
      r.unitsPerOccupiedDay.value,
      r.unitsPerOccupiedDay.previous,
    ]),
    [null, null, 'count', 'count', 'count', 'money', 'hours', 'hours', 'hours', 'hours'],
  );

  if (report.view === ReportView.FULL) {
    const lists: [string, Cell[][], string[], (Kind | null)[]][] = [
      ['工厂排行（扫码）', factoryRows(report.topFactoriesByScans ?? []), FACTORY_HEADER, FACTORY_KINDS],
      ['工厂排行（GMV）', factoryRows(report.topFactoriesByGmv ?? []), FACTORY_HEADER, FACTORY_KINDS],
      ['SKU排行（扫码）', skuRows(report.topSkusByScans ?? []), SKU_HEADER, SKU_KINDS],
      ['SKU排行（GMV）', skuRows(report.topSkusByGmv ?? []), SKU_HEADER, SKU_KINDS],
    ];
    for (const [name, rows, header, kinds] of lists) {
      addTable(sheet(workbook, name, header.map((h) => Math.max(10, h.length * 3))), header, rows, kinds);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
