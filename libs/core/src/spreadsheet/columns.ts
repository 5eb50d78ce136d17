/** One column an import understands, with the header texts that name it. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  /** Chinese label, as the template writes it: "商品标题". */
  label: string;
  required?: boolean;
  /** Other header texts accepted for this column. */
  aliases?: readonly string[];
}

/** The template's header text: Chinese with the English key in brackets, "商品标题(titleZh)". */
export function headerText(spec: ColumnSpec): string {
  return `${spec.label}(${spec.key})`;
}

function normalize(text: string): string {
  return text
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();
}

export interface HeaderMatch<K extends string> {
  /** Column index of each recognized key. */
  index: Partial<Record<K, number>>;
  /** Required columns that no header names. */
  missing: ColumnSpec<K>[];
  /** Headers no column spec recognizes, with their index. */
  unknown: { header: string; index: number }[];
  /** Keys named by more than one header. */
  duplicated: { key: K; indexes: number[] }[];
}

/**
 * Matches a header row to column specs. A header names a column by its template text
 * "商品标题(titleZh)", by the Chinese label alone, by the English key alone, or an alias;
 * case, spaces, asterisks and full-width brackets do not matter.
 */
export function matchHeaders<K extends string>(header: readonly string[], specs: readonly ColumnSpec<K>[]): HeaderMatch<K> {
  const byName = new Map<string, K>();
  for (const spec of specs) {
    for (const name of [headerText(spec), spec.label, spec.key, ...(spec.aliases ?? [])]) byName.set(normalize(name), spec.key);
  }
  const found = new Map<K, number[]>();
  const unknown: { header: string; index: number }[] = [];
  header.forEach((text, index) => {
    if (!text) return;
    const key = byName.get(normalize(text));
    if (key === undefined) unknown.push({ header: text, index });
    else found.set(key, [...(found.get(key) ?? []), index]);
  });
  const index: Partial<Record<K, number>> = {};
  for (const [key, indexes] of found) index[key] = indexes[0];
  return {
    index,
    missing: specs.filter((s) => s.required && !found.has(s.key)),
    unknown,
    duplicated: [...found].filter(([, idx]) => idx.length > 1).map(([key, indexes]) => ({ key, indexes })),
  };
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1-style reference of a cell by zero-based column index and one-based row number. */
export function cellRef(columnIndex: number, rowNumber: number): string {
  return `${columnLetter(columnIndex)}${rowNumber}`;
}
