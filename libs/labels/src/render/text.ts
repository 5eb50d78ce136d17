import { TextMeasure } from './fonts';

export const ELLIPSIS = '…';

/** Where a line may break: after a space, or on either side of a CJK (wide) character. */
function canBreakBefore(prev: string, next: string): boolean {
  return prev === ' ' || isCjk(prev) || isCjk(next);
}

function isCjk(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) || cp >= 0x20000;
}

/** The text cut to fit `width`, ending in an ellipsis when it was cut. */
export function ellipsize(text: string, width: number, size: number, measure: TextMeasure): string {
  if (measure(text, size) <= width) return text;
  const chars = [...text];
  const ellipsis = measure(ELLIPSIS, size);
  let used = 0;
  let kept = 0;
  for (const ch of chars) {
    const w = measure(ch, size);
    if (used + w + ellipsis > width) break;
    used += w;
    kept++;
  }
  return kept === 0 ? '' : `${chars.slice(0, kept).join('').trimEnd()}${ELLIPSIS}`;
}

/**
 * Wraps text into at most `maxLines` lines of `width`; CJK breaks between any two characters,
 * Latin words at spaces (a word longer than the line is cut). The last line is ellipsized when
 * text remains, so nothing ever runs past the label's edge.
 */
export function wrap(text: string, width: number, size: number, maxLines: number, measure: TextMeasure): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '' || maxLines < 1) return [];
  const chars = [...clean];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length && lines.length < maxLines) {
    if (lines.length === maxLines - 1) {
      lines.push(ellipsize(chars.slice(start).join(''), width, size, measure));
      return lines;
    }
    let used = 0;
    let end = start;
    let lastBreak = -1;
    while (end < chars.length) {
      const w = measure(chars[end], size);
      if (used + w > width) break;
      used += w;
      end++;
      if (end < chars.length && canBreakBefore(chars[end - 1], chars[end])) lastBreak = end;
    }
    if (end >= chars.length) {
      lines.push(chars.slice(start).join('').trim());
      return lines;
    }
    const cut = lastBreak > start ? lastBreak : Math.max(end, start + 1);
    lines.push(chars.slice(start, cut).join('').trim());
    start = cut;
    while (chars[start] === ' ') start++;
  }
  return lines;
}
