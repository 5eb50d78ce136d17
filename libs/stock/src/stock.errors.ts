import { DomainError, ErrorCode } from '@xp/core';
import { LocationKind } from './stock.enums';

/** One balance a batch of movements could not take, as INSUFFICIENT_STOCK reports it. */
export interface ShortLine {
  /** Where the line came from in the caller's input (e.g. input.lines.2). */
  paths: string[];
  skuId: string;
  skuCode: string;
  location: LocationKind;
  onHand: number;
  reserved: number;
  available: number;
  /** The change the batch asked of this balance. */
  onHandChange: number;
  reservedChange: number;
}

function describe(line: ShortLine): string {
  const need =
    line.reservedChange < 0 && line.onHandChange === line.reservedChange
      ? `needs ${-line.reservedChange} reserved, ${line.reserved} are`
      : line.reservedChange < 0 && line.onHandChange === 0
        ? `needs ${-line.reservedChange} reserved to release, ${line.reserved} are`
        : `needs ${line.reservedChange - line.onHandChange} available, ${line.available} are (${line.onHand} on hand, ${line.reserved} reserved)`;
  return `${line.skuCode} at ${line.location} ${need}`;
}

/** INSUFFICIENT_STOCK naming every line short, with their figures in `extensions.lines`. */
export function insufficientStock(lines: ShortLine[]): DomainError {
  return new DomainError(
    ErrorCode.INSUFFICIENT_STOCK,
    `Not enough stock: ${lines.map(describe).join('; ')}. Nothing was moved.`,
    { lines },
  );
}
