import PDFDocument from 'pdfkit';
import { formatDateTime, formatYuan } from '@xp/core';
import { cjkFontPath } from '@xp/labels';
import { Settlement, SettlementSalesLine, SettlementStockLine } from './entities/settlement.entity';
import { csvMoney, CsvValue, SettlementStatus, toCsv } from './settlement.rules';

/** Everything a statement file shows, loaded by the service for a caller who may see it. */
export interface StatementData {
  settlement: Settlement;
  venue: { code: string; name: string };
  factory: { name: string; creditCode: string | null };
  skus: Map<string, { code: string; title: string }>;
  stockLines: SettlementStockLine[];
  salesLines: SettlementSalesLine[];
  /** The operator's side: wholesale prices and the spread. Never for a factory. */
  showSpread: boolean;
}

export const STATUS_ZH: Record<SettlementStatus, string> = {
  [SettlementStatus.DRAFT]: '草稿',
  [SettlementStatus.ISSUED]: '已出具',
  [SettlementStatus.CONFIRMED]: '工厂已确认',
  [SettlementStatus.DISPUTED]: '工厂有异议',
  [SettlementStatus.PAID]: '已付款',
};

const STOCK_HEADERS = ['SKU编码', '商品', '期初', '入库', '销售', '退货入库', '退货残次', '退厂', '报损', '盘盈', '盘亏', '期末'];

function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${month.slice(5, 7)}月`;
}

function stockRow(l: SettlementStockLine): number[] {
  return [l.opening, l.received, l.sold, l.returned, l.returnedDamaged, l.returnedToFactory, l.writtenOff, l.adjustedIn, l.adjustedOut, l.closing];
}

function salesHeaders(showSpread: boolean): string[] {
  return ['SKU编码', '商品', '价格版本', '供货单价', '销售数量', '退货数量', '应付金额', ...(showSpread ? ['批发单价', '批发金额', '差价'] : [])];
}

/** The statement as CSV: UTF-8 with a BOM (Excel opens it), numbers as numbers, money exact. */
export function statementCsv(d: StatementData): Buffer {
  const s = d.settlement;
  const sku = (id: string) => d.skus.get(id) ?? { code: id, title: '' };
  const rows: CsvValue[][] = [
    ['寄售结算单'],
    ['结算单号', s.id],
    ['场馆', `${d.venue.name} (${d.venue.code})`],
    ['工厂', d.factory.name],
    ['统一社会信用代码', d.factory.creditCode],
    ['结算月份', s.month.slice(0, 7)],
    ['状态', STATUS_ZH[s.status]],
    ['应付工厂金额', csvMoney(s.payableAmount)],
    ...(d.showSpread ? [['批发金额', csvMoney(s.wholesaleAmount)], ['差价', csvMoney(s.spreadAmount)]] : []),
    [],
    ['库存对账'],
    STOCK_HEADERS,
    ...d.stockLines.map((l) => [sku(l.skuId).code, sku(l.skuId).title, ...stockRow(l)]),
    [],
    ['销售结算'],
    salesHeaders(d.showSpread),
    ...d.salesLines.map((l) => [
      sku(l.skuId).code,
      sku(l.skuId).title,
      l.priceVersionId,
      csvMoney(l.supplyUnitPrice),
      l.unitsSold,
      l.unitsReturned,
      csvMoney(l.payableAmount),
      ...(d.showSpread ? [csvMoney(l.wholesaleUnitPrice), csvMoney(l.wholesaleAmount), csvMoney(l.spreadAmount)] : []),
    ]),
    ['合计', '', '', '', s.unitsSold, s.unitsReturned, csvMoney(s.payableAmount), ...(d.showSpread ? ['', csvMoney(s.wholesaleAmount), csvMoney(s.spreadAmount)] : [])],
  ];
  return toCsv(rows);
}

const MM = 72 / 25.4;

/** The statement as an A4 PDF in Chinese (Noto Sans SC, the labels' embedded font), for the factory's files. */
export function statementPdf(d: StatementData): Promise<Buffer> {
  const s = d.settlement;
  const doc = new PDFDocument({
    size: 'A4',
    layout: d.showSpread ? 'landscape' : 'portrait',
    margin: 15 * MM,
    info: { Title: `寄售结算单 ${d.factory.name} ${s.month.slice(0, 7)}`, Producer: 'Xuanpin', Creator: 'Xuanpin' },
  });
  doc.registerFont('cjk', cjkFontPath('regular'));
  doc.registerFont('cjk-bold', cjkFontPath('bold'));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const sku = (id: string) => d.skus.get(id) ?? { code: id.slice(0, 8), title: '' };

  doc.font('cjk-bold').fontSize(18).text('寄售结算单', { align: 'center' });
  doc.moveDown(0.5);
  doc.font('cjk').fontSize(10);
  const facts: [string, string][] = [
    ['场馆', `${d.venue.name}（${d.venue.code}）`],
    ['工厂', d.factory.name + (d.factory.creditCode ? `（统一社会信用代码 ${d.factory.creditCode}）` : '')],
    ['结算月份', monthLabel(s.month)],
    ['状态', STATUS_ZH[s.status] + (s.issuedAt ? `，出具于 ${formatDateTime(s.issuedAt).slice(0, 16).replace('T', ' ')}` : '')],
    ['结算单号', s.id],
  ];
  for (const [k, v] of facts) doc.text(`${k}：${v}`);
  doc.moveDown(0.8);

  const table = (title: string, headers: string[], rows: string[][], widths: number[], alignRightFrom: number) => {
    doc.font('cjk-bold').fontSize(12).text(title, left);
    doc.moveDown(0.3);
    const total = widths.reduce((a, b) => a + b, 0);
    const cols = widths.map((w) => (w / total) * width);
    const rowHeight = 16;
    const draw = (cells: string[], bold: boolean) => {
      if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      let x = left;
      doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(8);
      cells.forEach((cell, i) => {
        doc.text(cell, x + 2, y + 4, { width: cols[i] - 4, height: rowHeight, lineBreak: false, ellipsis: true, align: i >= alignRightFrom ? 'right' : 'left' });
        x += cols[i];
      });
      doc.moveTo(left, y + rowHeight).lineTo(left + width, y + rowHeight).lineWidth(0.3).strokeColor('#999999').stroke();
      doc.x = left;
      doc.y = y + rowHeight;
    };
    draw(headers, true);
    for (const row of rows) draw(row, false);
    doc.moveDown(1);
  };

  table(
    '一、库存对账（件）',
    STOCK_HEADERS,
    d.stockLines.map((l) => [sku(l.skuId).code, sku(l.skuId).title, ...stockRow(l).map(String)]),
    [14, 22, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7],
    2,
  );
  const money = (fen: number) => formatYuan(fen);
  table(
    '二、销售结算（元）',
    salesHeaders(d.showSpread),
    [
      ...d.salesLines.map((l) => [
        sku(l.skuId).code,
        sku(l.skuId).title,
        l.priceVersionId.slice(0, 8),
        money(l.supplyUnitPrice),
        String(l.unitsSold),
        String(l.unitsReturned),
        money(l.payableAmount),
        ...(d.showSpread ? [money(l.wholesaleUnitPrice), money(l.wholesaleAmount), money(l.spreadAmount)] : []),
      ]),
      ['合计', '', '', '', String(s.unitsSold), String(s.unitsReturned), money(s.payableAmount), ...(d.showSpread ? ['', money(s.wholesaleAmount), money(s.spreadAmount)] : [])],
    ],
    d.showSpread ? [14, 20, 9, 9, 7, 7, 11, 9, 11, 10] : [16, 26, 10, 10, 8, 8, 12],
    3,
  );
  doc.font('cjk-bold').fontSize(12).text(`应付工厂金额：¥${money(s.payableAmount)}`, left);
  doc.moveDown(0.5);
  doc
    .font('cjk')
    .fontSize(8)
    .fillColor('#555555')
    .text('说明：库存按台账计算，期初 + 入库 + 退货 + 盘盈 − 销售 − 退厂 − 报损 − 盘亏 = 期末；应付金额 =（销售数量 − 退货数量）× 订单记录的供货单价。已出具月份不再变更，之后发生的退货计入下月。', left, doc.y, { width });
  doc.end();
  return done;
}
