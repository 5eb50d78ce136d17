import { registerEnumType } from '@nestjs/graphql';
import { DomainError, Fen, formatYuan } from '@xp/core';

export enum SettlementStatus {
  DRAFT = 'DRAFT',
  /** Sent to the factory: the month is closed. */
  ISSUED = 'ISSUED',
  CONFIRMED = 'CONFIRMED',
  /** The factory disagrees (with a reason): back to the operator, who regenerates or re-issues. */
  DISPUTED = 'DISPUTED',
  PAID = 'PAID',
}
registerEnumType(SettlementStatus, { name: 'SettlementStatus' });

/** DRAFT → ISSUED → CONFIRMED → PAID; ISSUED → DISPUTED → DRAFT (regenerate) or ISSUED (re-issue). */
export const SETTLEMENT_TRANSITIONS: Record<SettlementStatus, readonly SettlementStatus[]> = {
  [SettlementStatus.DRAFT]: [SettlementStatus.ISSUED],
  [SettlementStatus.ISSUED]: [SettlementStatus.CONFIRMED, SettlementStatus.DISPUTED],
  [SettlementStatus.DISPUTED]: [SettlementStatus.DRAFT, SettlementStatus.ISSUED],
  [SettlementStatus.CONFIRMED]: [SettlementStatus.PAID],
  [SettlementStatus.PAID]: [],
};

export function assertSettlementTransition(from: SettlementStatus, to: SettlementStatus): void {
  if (!SETTLEMENT_TRANSITIONS[from].includes(to)) throw DomainError.invalidTransition('The settlement', from, to);
}

/** Statuses in which the month is closed: nothing may change what the statement counts. */
export function isClosed(status: SettlementStatus): boolean {
  return status !== SettlementStatus.DRAFT;
}

/** May a (re)generation replace the figures? Only a DRAFT, or a DISPUTED statement sent back. */
export function mayRegenerate(status: SettlementStatus): boolean {
  return status === SettlementStatus.DRAFT || status === SettlementStatus.DISPUTED;
}

/** The ledger's account of one SKU over the month, split as the statement shows it. */
export interface StockAccount {
  skuId: string;
  opening: number;
  received: number;
  sold: number;
  returned: number;
  returnedDamaged: number;
  returnedToFactory: number;
  writtenOff: number;
  adjustedIn: number;
  adjustedOut: number;
  closing: number;
}

/** opening + in − out − closing: zero when the account reconciles. */
export function reconciliationGap(a: StockAccount): number {
  return a.opening + a.received + a.returned + a.returnedDamaged + a.adjustedIn - a.sold - a.returnedToFactory - a.writtenOff - a.adjustedOut - a.closing;
}

/** Per SKU units sold and returned, as the ledger and the orders each count them. */
export interface UnitsBySku {
  skuId: string;
  sold: number;
  returned: number;
}

/** SKUs whose ledger units differ from the orders' (empty when they agree). */
export function ledgerMismatches(ledger: UnitsBySku[], orders: UnitsBySku[]): { skuId: string; ledger: UnitsBySku; orders: UnitsBySku }[] {
  const zero = (skuId: string): UnitsBySku => ({ skuId, sold: 0, returned: 0 });
  const skuIds = [...new Set([...ledger.map((l) => l.skuId), ...orders.map((o) => o.skuId)])].sort();
  return skuIds
    .map((skuId) => ({
      skuId,
      ledger: ledger.find((l) => l.skuId === skuId) ?? zero(skuId),
      orders: orders.find((o) => o.skuId === skuId) ?? zero(skuId),
    }))
    .filter((m) => m.ledger.sold !== m.orders.sold || m.ledger.returned !== m.orders.returned);
}

/** The money of one statement line: (sold − returned) units at the recorded prices, exact. */
export function lineMoney(line: { sold: number; returned: number; supplyUnitPrice: Fen; wholesaleUnitPrice: Fen }): {
  payable: Fen;
  wholesale: Fen;
  spread: Fen;
} {
  const units = BigInt(line.sold - line.returned);
  const payable = units * BigInt(line.supplyUnitPrice);
  const wholesale = units * BigInt(line.wholesaleUnitPrice);
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  if (payable > limit || wholesale > limit || -payable > limit || -wholesale > limit) throw new RangeError('Amount is too large.');
  return { payable: Number(payable), wholesale: Number(wholesale), spread: Number(wholesale - payable) };
}

/** Totals of a statement's lines, exact. */
export function statementTotals(lines: { sold: number; returned: number; supplyUnitPrice: Fen; wholesaleUnitPrice: Fen }[]) {
  return lines.reduce(
    (t, l) => {
      const m = lineMoney(l);
      return {
        unitsSold: t.unitsSold + l.sold,
        unitsReturned: t.unitsReturned + l.returned,
        payable: t.payable + m.payable,
        wholesale: t.wholesale + m.wholesale,
        spread: t.spread + m.spread,
      };
    },
    { unitsSold: 0, unitsReturned: 0, payable: 0, wholesale: 0, spread: 0 },
  );
}

/** A month may be settled once it has ended (in China). */
export function monthEnded(monthEnd: Date, now: Date): boolean {
  return now.getTime() >= monthEnd.getTime();
}

/** A number written as it is (exact decimal text), so Excel reads a number, not text. */
export class CsvNumber {
  constructor(readonly text: string) {}
}

export type CsvValue = string | number | CsvNumber | null;

/** One CSV cell: numbers as they are (Excel reads them as numbers), text quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof CsvNumber) return value.text;
  // A leading = + - @ would make Excel run the cell as a formula: quote it as text.
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV with a UTF-8 BOM (so Excel opens Chinese text) and CRLF line ends. */
export function toCsv(rows: CsvValue[][]): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8')]);
}

/** Money for a CSV cell: exact decimal yuan from integer fen (never a float), as a number. */
export function csvMoney(fen: Fen): CsvNumber {
  return new CsvNumber(formatYuan(fen));
}
