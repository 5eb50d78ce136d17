import { randomBytes } from 'node:crypto';
import { registerEnumType } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '@xp/core';

/**
 * Rules of printed labels, print jobs and verify walks: scan codes, the three workflows as
 * tables of transitions, and what a check of a label answers. Pure: no database.
 */

// ---------------------------------------------------------------------------------------------
// Scan codes

/** Crockford's base32: no I, L, O, U, so a code read aloud or typed is not mistaken. */
export const SCAN_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 12 characters = 60 random bits: unguessable by enumeration (and rate-limited besides). */
export const SCAN_CODE_LENGTH = 12;
export const SCAN_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/**
 * The code in a preview's QR codes: the same length as a real code, so the preview shows the real
 * layout, but all zeros (a real code is 60 random bits: drawing this one has odds of 2⁻⁶⁰).
 */
export const PREVIEW_SCAN_CODE = '0'.repeat(SCAN_CODE_LENGTH);

/** A fresh scan code from 60 bits of crypto randomness (never sequential, never derived from an id). */
export function newScanCode(random: (size: number) => Buffer = randomBytes): string {
  let bits = random(8).readBigUInt64BE(0) >> 4n;
  let code = '';
  for (let i = 0; i < SCAN_CODE_LENGTH; i++) {
    code = SCAN_CODE_ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

/**
 * The scan code in what a phone or a person gives us: the code itself or the whole scan URL,
 * any case, with Crockford's look-alikes (O → 0, I and L → 1) and separators tolerated. Null
 * when it cannot be a code (so no database lookup is made for it).
 */
export function normalizeScanCode(text: string | null | undefined): string | null {
  if (typeof text !== 'string' || text.length > 500) return null;
  let value = text.trim();
  const fromUrl = /\/s\/([^/?#]+)/.exec(value);
  if (fromUrl) {
    try {
      value = decodeURIComponent(fromUrl[1]);
    } catch {
      return null;
    }
  }
  const code = value
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return SCAN_CODE_PATTERN.test(code) ? code : null;
}

// ---------------------------------------------------------------------------------------------
// Workflows

export enum LabelStatus {
  /** Printed, not yet confirmed on the shelf. */
  PRINTED = 'PRINTED',
  /** Showroom staff confirmed it is on the shelf. */
  POSTED = 'POSTED',
  /** Replaced by a newer label of the slot; its code answers a friendly 404. */
  RETIRED = 'RETIRED',
}
registerEnumType(LabelStatus, { name: 'LabelStatus', description: 'PRINTED → POSTED (on the shelf) → RETIRED (replaced by a newer label).' });

export enum PrintJobStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(PrintJobStatus, { name: 'PrintJobStatus', description: 'RUNNING → DONE | FAILED.' });

export enum WalkStatus {
  OPEN = 'OPEN',
  FINISHED = 'FINISHED',
}
registerEnumType(WalkStatus, { name: 'LabelWalkStatus' });

export enum StaleReason {
  /** The slot no longer shows the label's SKU (its assignment ended, was cancelled or moved). */
  SLOT_CHANGED = 'SLOT_CHANGED',
  /** The SKU's effective price at the venue is a newer version than the one printed. */
  PRICE_CHANGED = 'PRICE_CHANGED',
}
registerEnumType(StaleReason, { name: 'StaleReason' });

/** What a verify walk finds for one scanned code. */
export enum LabelCheckResult {
  CURRENT = 'CURRENT',
  STALE = 'STALE',
  RETIRED = 'RETIRED',
  /** Not a label of this venue (or not a label at all). */
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(LabelCheckResult, { name: 'LabelCheckResult' });

export const LABEL_TRANSITIONS: Readonly<Record<LabelStatus, readonly LabelStatus[]>> = {
  [LabelStatus.PRINTED]: [LabelStatus.POSTED, LabelStatus.RETIRED],
  [LabelStatus.POSTED]: [LabelStatus.RETIRED],
  [LabelStatus.RETIRED]: [],
};

export const PRINT_JOB_TRANSITIONS: Readonly<Record<PrintJobStatus, readonly PrintJobStatus[]>> = {
  [PrintJobStatus.RUNNING]: [PrintJobStatus.DONE, PrintJobStatus.FAILED],
  [PrintJobStatus.DONE]: [],
  [PrintJobStatus.FAILED]: [],
};

export const WALK_TRANSITIONS: Readonly<Record<WalkStatus, readonly WalkStatus[]>> = {
  [WalkStatus.OPEN]: [WalkStatus.FINISHED],
  [WalkStatus.FINISHED]: [],
};

const HINTS: Record<string, string> = {
  'Label:RETIRED': 'It was replaced by a newer label of its slot.',
  'Label walk:FINISHED': 'Start a new walk.',
};

/** Asserts `from → to` is an edge of `table`; INVALID_TRANSITION with a sentence otherwise. */
export function assertTransition<S extends string>(entity: string, table: Readonly<Record<S, readonly S[]>>, from: S, to: S): void {
  if (table[from].includes(to)) return;
  const hint = HINTS[`${entity}:${from}>${to}`] ?? HINTS[`${entity}:${from}`];
  throw new DomainError(ErrorCode.INVALID_TRANSITION, `The ${entity.toLowerCase()} is ${from}; it cannot become ${to}.${hint ? ` ${hint}` : ''}`, {
    from,
    to,
  });
}

// ---------------------------------------------------------------------------------------------
// Staleness and checks

/** A label is stale from `staleAt` on (which may lie ahead: a price approved today, effective next week). */
export function isStaleAt(staleAt: Date | null, now: Date): boolean {
  return staleAt !== null && staleAt.getTime() <= now.getTime();
}

/** What a walk check answers for a label of the venue (null: no such label there). */
export function checkResult(label: { status: LabelStatus; staleAt: Date | null } | null, now: Date): LabelCheckResult {
  if (!label) return LabelCheckResult.UNKNOWN;
  if (label.status === LabelStatus.RETIRED) return LabelCheckResult.RETIRED;
  return isStaleAt(label.staleAt, now) ? LabelCheckResult.STALE : LabelCheckResult.CURRENT;
}

/**
 * A job renders holding its row locked (FOR UPDATE) from within milliseconds of its creation; a
 * RUNNING job that is unlocked and older than this was interrupted (its process died).
 */
export const INTERRUPTED_JOB_SECONDS = 10;

export function interruptedBefore(now: Date, seconds = INTERRUPTED_JOB_SECONDS): Date {
  return new Date(now.getTime() - seconds * 1000);
}

/** How a label prints its price version: the sheet's version number at the venue. */
export function priceVersionTag(sheetVersionNo: number): string {
  return `V${sheetVersionNo}`;
}

/** The download name of a job's file, e.g. 货架标签-ZZ-AIRPORT-2026-11-25-24张.pdf. */
export function jobFileName(venueCode: string, day: string, labelCount: number, extension: string): string {
  return `货架标签-${venueCode}-${day}-${labelCount}张.${extension}`;
}
