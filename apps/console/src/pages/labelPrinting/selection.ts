/**
 * What the label printing page sends: the selection (zones, shelves, chosen slots or the stale
 * ones), the output format, and the small pure helpers around them. No React here (unit-tested).
 */

/** How the slots to print are picked. STALE alone prints the venue's whole reprint queue. */
export type SelectionMode = 'ZONES' | 'SHELVES' | 'SLOTS' | 'STALE';
export const SELECTION_MODES: readonly SelectionMode[] = ['ZONES', 'SHELVES', 'SLOTS', 'STALE'];

/** The API's LabelSelectionInput. */
export interface LabelSelection {
  zoneIds?: string[];
  shelfIds?: string[];
  slotIds?: string[];
  staleOnly?: boolean;
}

/**
 * The API's selection for a mode and the ids ticked in it; null when nothing is chosen yet.
 * `staleOnly` narrows zones or shelves to their stale labels (STALE alone: the whole venue).
 */
export function buildSelection(mode: SelectionMode, ids: readonly string[], staleOnly = false): LabelSelection | null {
  if (mode === 'STALE') return { staleOnly: true };
  const unique = [...new Set(ids)];
  if (unique.length === 0) return null;
  const key = mode === 'ZONES' ? 'zoneIds' : mode === 'SHELVES' ? 'shelfIds' : 'slotIds';
  return staleOnly && mode !== 'SLOTS' ? { [key]: unique, staleOnly: true } : { [key]: unique };
}

/** Adds an id that is not there, removes one that is (order kept). */
export function toggle(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

/** Ticks all of `group` when any is missing, else unticks them all (a shelf's "all slots"). */
export function toggleAll(ids: readonly string[], group: readonly string[]): string[] {
  const all = group.every((id) => ids.includes(id));
  return all ? ids.filter((id) => !group.includes(id)) : [...ids, ...group.filter((id) => !ids.includes(id))];
}

/** The output the staff choose: a PDF, or ZPL for a Zebra printer at 203 or 300 dpi. */
export type OutputChoice = 'PDF' | 'ZPL_203' | 'ZPL_300';
export const OUTPUT_CHOICES: readonly OutputChoice[] = ['PDF', 'ZPL_203', 'ZPL_300'];

/** The `format` and `zplDpi` of createLabelPrintJob for an output choice. */
export function formatOf(choice: OutputChoice): { format: 'PDF' | 'ZPL'; zplDpi?: 203 | 300 } {
  switch (choice) {
    case 'ZPL_203':
      return { format: 'ZPL', zplDpi: 203 };
    case 'ZPL_300':
      return { format: 'ZPL', zplDpi: 300 };
    default:
      return { format: 'PDF' };
  }
}

/** An SVG document as an image address (an <img> runs no script of it). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Why a selected slot is not printed (LabelJobSkip.reason) → its i18n key. */
export function skipReasonKey(reason: string): string {
  return ['NO_ASSIGNMENT', 'NOT_PRICED', 'SLOT_NOT_ACTIVE'].includes(reason) ? `xp.labels.skip.${reason}` : 'xp.labels.skip.OTHER';
}

/** A file size for people: 812 B, 14.2 KB, 1.3 MB. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
