import { DomainError } from '@xp/core';
import {
  assertTransition,
  checkResult,
  interruptedBefore,
  isStaleAt,
  jobFileName,
  LABEL_TRANSITIONS,
  LabelCheckResult,
  LabelStatus,
  newScanCode,
  normalizeScanCode,
  PRINT_JOB_TRANSITIONS,
  PrintJobStatus,
  SCAN_CODE_PATTERN,
  WALK_TRANSITIONS,
  WalkStatus,
} from './print.rules';

describe('scan codes', () => {
  it('draws 12 characters of Crockford base32 from crypto randomness, never the same twice in 20,000', () => {
    const codes = new Set(Array.from({ length: 20_000 }, () => newScanCode()));
    expect(codes.size).toBe(20_000);
    for (const code of codes) expect(code).toMatch(SCAN_CODE_PATTERN);
  });

  it('uses every bit it is given: the code is the 60 high bits of the random bytes', () => {
    expect(newScanCode(() => Buffer.alloc(8, 0))).toBe('000000000000');
    expect(newScanCode(() => Buffer.alloc(8, 0xff))).toBe('ZZZZZZZZZZZZ');
    expect(newScanCode(() => Buffer.from([0, 0, 0, 0, 0, 0, 0, 0x10]))).toBe('000000000001');
  });

  it('reads a code from the code itself or the scan URL, in any case, with look-alikes and separators', () => {
    expect(normalizeScanCode('7K3M9QX2TB4H')).toBe('7K3M9QX2TB4H');
    expect(normalizeScanCode('7k3m-9qx2-tb4h')).toBe('7K3M9QX2TB4H');
    expect(normalizeScanCode('https://xuanpin.example.cn/s/7K3M9QX2TB4H?from=qr')).toBe('7K3M9QX2TB4H');
    expect(normalizeScanCode('O0IL00000000')).toBe('001100000000');
  });

  it('refuses what cannot be a code, so no lookup is made for it', () => {
    for (const bad of ['', '7K3M9QX2TB4', '7K3M9QX2TB4HH', '7K3M9QX2TB4U', "'; DROP TABLE labels;--", 'x'.repeat(600)]) {
      expect(normalizeScanCode(bad)).toBeNull();
    }
    expect(normalizeScanCode(undefined)).toBeNull();
  });
});

describe('workflows', () => {
  const walk = <S extends string>(entity: string, table: Readonly<Record<S, readonly S[]>>) => {
    const states = Object.keys(table) as S[];
    const allowed: string[] = [];
    for (const from of states) {
      for (const to of states) {
        try {
          assertTransition(entity, table, from, to);
          allowed.push(`${from}>${to}`);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('INVALID_TRANSITION');
          expect((error as DomainError).details).toEqual({ from, to });
        }
      }
    }
    return allowed;
  };

  it('lets a label go PRINTED → POSTED → RETIRED (or straight to RETIRED), and nowhere else', () => {
    expect(walk('Label', LABEL_TRANSITIONS)).toEqual(['PRINTED>POSTED', 'PRINTED>RETIRED', 'POSTED>RETIRED']);
  });

  it('lets a print job finish once, DONE or FAILED', () => {
    expect(walk('Label print job', PRINT_JOB_TRANSITIONS)).toEqual(['RUNNING>DONE', 'RUNNING>FAILED']);
  });

  it('lets a walk finish once', () => {
    expect(walk('Label walk', WALK_TRANSITIONS)).toEqual(['OPEN>FINISHED']);
  });

  it('says what to do about a retired label', () => {
    expect(() => assertTransition('Label', LABEL_TRANSITIONS, LabelStatus.RETIRED, LabelStatus.POSTED)).toThrow(/replaced by a newer label/);
  });
});

describe('staleness and checks', () => {
  const now = new Date('2026-11-25T10:00:00+08:00');

  it('is stale from the stored instant on, not before (a price effective next week)', () => {
    expect(isStaleAt(null, now)).toBe(false);
    expect(isStaleAt(new Date('2026-12-02T00:00:00+08:00'), now)).toBe(false);
    expect(isStaleAt(new Date('2026-11-25T10:00:00+08:00'), now)).toBe(true);
    expect(isStaleAt(new Date('2026-11-20T00:00:00+08:00'), now)).toBe(true);
  });

  it('answers a walk check: retired first, then stale, else current; unknown without a label', () => {
    expect(checkResult(null, now)).toBe(LabelCheckResult.UNKNOWN);
    expect(checkResult({ status: LabelStatus.RETIRED, staleAt: null }, now)).toBe(LabelCheckResult.RETIRED);
    expect(checkResult({ status: LabelStatus.POSTED, staleAt: new Date('2026-11-01') }, now)).toBe(LabelCheckResult.STALE);
    expect(checkResult({ status: LabelStatus.PRINTED, staleAt: new Date('2027-01-01') }, now)).toBe(LabelCheckResult.CURRENT);
  });

  it('takes an unlocked RUNNING job older than ten seconds for interrupted', () => {
    expect(interruptedBefore(now).toISOString()).toBe('2026-11-25T01:59:50.000Z');
    expect(PrintJobStatus.RUNNING).toBe('RUNNING');
    expect(WalkStatus.OPEN).toBe('OPEN');
  });

  it('names the file by venue, day and count', () => {
    expect(jobFileName('ZZ-AIRPORT', '2026-11-25', 24, 'pdf')).toBe('货架标签-ZZ-AIRPORT-2026-11-25-24张.pdf');
  });
});
