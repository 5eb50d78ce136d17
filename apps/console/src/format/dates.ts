/** Business days and times are shown for China: Asia/Shanghai, whatever the browser's zone. */
export const TIME_ZONE = 'Asia/Shanghai';

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
}

/** An instant as `YYYY-MM-DD HH:mm` in Shanghai (with `:ss` when asked). */
export function formatDateTime(value: string | Date | null | undefined, withSeconds = false): string {
  if (!value) return '';
  const p = parts(value);
  if (!p) return String(value);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ''}`;
}

/** The Shanghai business day of an instant, `YYYY-MM-DD`. */
export function shanghaiDay(value: string | Date = new Date()): string {
  const p = parts(value);
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}

/** A business day's first instant in Shanghai, for `from` filters: `2026-03-01T00:00:00+08:00`. */
export function startOfShanghaiDay(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/** The first instant after a business day, for exclusive `to` filters (the whole day is included). */
export function endOfShanghaiDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return `${next.toISOString().slice(0, 10)}T00:00:00+08:00`;
}
